import { formatMoney } from '../../modules/cases/index.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import { paths } from '../common/paths.ts';
import { formatDay, formatInstant } from '../common/dates.ts';
import { Layout, type PageContext } from '../common/layout.tsx';
import { basisText } from './cabinet.page.tsx';
import type { CabinetView, PartyGroup, TodoItem } from './cabinet.view.ts';
import { documentName, StatusTag, turnText } from './status.tsx';
import { InboxLink } from './inbox-link.tsx';

/** The cabinet: things to do first, then recent applications, for the person and everyone they act for; then the profile and settings. */
export function CabinetPage({ ctx, signedIn, view, unread }: { ctx: PageContext; signedIn: SignedIn; view: CabinetView; unread: number }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('cabinet.title')} searchBox={false}>
      <h1 class="govuk-heading-xl">{t('cabinet.title')}</h1>
      <p class="govuk-body-l">{t('cabinet.lead')}</p>
      <InboxLink ctx={ctx} unread={unread} />
      <section aria-labelledby="todo">
        <h2 class="govuk-heading-l" id="todo">{t('cabinet.todo.title')}</h2>
        {view.todo.length === 0 ? <p class="govuk-body">{t('cabinet.todo.none')}</p> : view.todo.map((g) => <TodoGroup key={g.key} ctx={ctx} group={g} csrf={signedIn.session.csrfToken} />)}
      </section>
      <section aria-labelledby="recent">
        <h2 class="govuk-heading-l" id="recent">{t('cabinet.recent.title')}</h2>
        {view.recent.map((g) => <RecentGroup key={g.key} ctx={ctx} group={g} />)}
      </section>
      <More ctx={ctx} signedIn={signedIn} />
    </Layout>
  );
}

function PartyHeading({ ctx, group, id }: { ctx: PageContext; group: PartyGroup; id: string }) {
  const { t } = ctx;
  return (
    <h3 class="govuk-heading-m" id={id}>
      {group.option.name}{' '}
      <span class="govuk-caption-m">{basisText(t, group.option)}{group.current ? ` · ${t('cabinet.party.current')}` : ''}</span>
    </h3>
  );
}

const groupId = (prefix: string, key: string) => `${prefix}-${key.replace(/[^a-z0-9]/gi, '-')}`;

function TodoGroup({ ctx, group, csrf }: { ctx: PageContext; group: PartyGroup; csrf: string }) {
  const { t, lang } = ctx;
  const id = groupId('todo', group.key);
  return (
    <div class="govuk-!-margin-bottom-6">
      <PartyHeading ctx={ctx} group={group} id={id} />
      {group.current ? null : (
        <form method="post" action={paths.actAs(lang)} class="govuk-!-margin-bottom-4">
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="party" value={group.key} />
          <p class="govuk-body">{t('cabinet.todo.switch', { name: group.option.name })}</p>
          <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t('cabinet.todo.switchButton', { name: group.option.name })}</button>
        </form>
      )}
      <ul class="govuk-task-list" aria-labelledby={id}>
        {group.todos.map((item) => <Todo key={todoKey(item)} ctx={ctx} item={item} linked={group.current} />)}
      </ul>
    </div>
  );
}

const todoKey = (item: TodoItem) => (item.kind === 'draft' ? item.draftId : item.kind === 'decision' ? item.documentId : `${item.kind}-${item.caseId}`);

function todoContent(ctx: PageContext, item: TodoItem): { text: string; hint: string; href: string | null } {
  const { t, lang } = ctx;
  switch (item.kind) {
    case 'answer':
      return { text: t('cabinet.todo.answer', { number: item.caseNumber }), hint: `${item.serviceName[lang]} · ${t('cabinet.todo.answerDue', { due: formatDay(item.due, lang) })}`, href: `${paths.myCase(lang, item.caseId)}#request-title` };
    case 'pay':
      return { text: t('cabinet.todo.pay', { amount: formatMoney(item.amount, lang), number: item.caseNumber }), hint: `${item.serviceName[lang]} · ${t('cabinet.todo.payNote')}`, href: paths.myCase(lang, item.caseId) };
    case 'draft':
      return { text: t('cabinet.todo.draft', { service: item.serviceName?.[lang] ?? item.serviceId }), hint: t('cabinet.todo.draftExpires', { at: formatInstant(item.expiresAt, lang) }), href: item.firstPage === null ? null : paths.applyPage(lang, item.draftId, item.firstPage) };
    case 'decision':
      return { text: t('cabinet.todo.decision', { number: item.documentNumber, case: item.caseNumber }), hint: `${documentName(t, item.documentKind)} · ${t('cabinet.todo.decisionIssued', { at: formatInstant(item.issuedAt, lang) })}`, href: paths.caseDocument(lang, item.caseId, item.documentId) };
  }
}

function Todo({ ctx, item, linked }: { ctx: PageContext; item: TodoItem; linked: boolean }) {
  const { text, hint, href } = todoContent(ctx, item);
  const hintId = `hint-${todoKey(item)}`;
  return (
    <li class={`govuk-task-list__item${linked && href !== null ? ' govuk-task-list__item--with-link' : ''}`}>
      <div class="govuk-task-list__name-and-hint">
        {linked && href !== null ? <a class="govuk-link govuk-task-list__link" href={href} aria-describedby={hintId}>{text}</a> : <span>{text}</span>}
        <div id={hintId} class="govuk-task-list__hint">{hint}</div>
      </div>
    </li>
  );
}

function RecentGroup({ ctx, group }: { ctx: PageContext; group: PartyGroup }) {
  const { t, lang } = ctx;
  const id = groupId('recent', group.key);
  return (
    <div class="govuk-!-margin-bottom-6">
      <PartyHeading ctx={ctx} group={group} id={id} />
      {group.recent.length === 0 ? <p class="govuk-body">{t('cabinet.recent.none')}</p> : (
        <dl class="govuk-summary-list" aria-labelledby={id}>
          {group.recent.map((c) => (
            <div class="govuk-summary-list__row" key={c.caseId}>
              <dt class="govuk-summary-list__key">
                {group.current ? <a class="govuk-link" href={paths.myCase(lang, c.caseId)}>{c.number}</a> : c.number}{' '}
                <span class="govuk-body-s govuk-!-display-block govuk-!-font-weight-regular">{c.serviceName[lang]}</span>
              </dt>
              <dd class="govuk-summary-list__value">
                <StatusTag lang={lang} tone={c.tone} label={c.stateLabel} />
                <p class="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">{turnText(t, c.turn)}</p>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {group.current ? <p class="govuk-body"><a class="govuk-link" href={paths.myApplications(lang)}>{t('cabinet.recent.all', { name: group.option.name })}</a></p> : null}
    </div>
  );
}

function More({ ctx, signedIn }: { ctx: PageContext; signedIn: SignedIn }) {
  const { t, lang } = ctx;
  const { person, actor, staff } = signedIn;
  return (
    <section aria-labelledby="more">
      <h2 class="govuk-heading-l" id="more">{t('cabinet.more')}</h2>
      <h3 class="govuk-heading-m" id="profile">{t('cabinet.profile')}</h3>
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{t('cabinet.name')}</dt><dd class="govuk-summary-list__value">{person.givenName} {person.familyName}</dd></div>
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{t('cabinet.nationalId')}</dt><dd class="govuk-summary-list__value">{person.nationalId ?? t('cabinet.noNationalId')}</dd></div>
        {person.birthDate ? <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{t('cabinet.birthDate')}</dt><dd class="govuk-summary-list__value">{formatDay(person.birthDate, lang)}</dd></div> : null}
      </dl>
      <p class="govuk-hint">{t('cabinet.profileNote')}</p>
      <h3 class="govuk-heading-m" id="acting">{t('cabinet.acting')}</h3>
      <p class="govuk-body"><strong>{actor.acting.name}</strong> ({basisText(t, actor.acting)})</p>
      <ul class="govuk-list">
        {signedIn.options.length > 1 ? <li><a class="govuk-link" href={paths.actAs(lang)}>{t('session.changeActing')}</a></li> : null}
        <li><a class="govuk-link" href={paths.representation(lang)}>{t('cabinet.representation')}</a></li>
        <li><a class="govuk-link" href={paths.myApplications(lang)}>{t('cases.mine')}</a></li>
        <li><a class="govuk-link" href={paths.myAppointments(lang)}>{t('appointments.cabinetLink')}</a></li>
        <li><a class="govuk-link" href={paths.myAppeals(lang)}>{t('appeals.cabinetLink')}</a></li>
        <li><a class="govuk-link" href={paths.contacts(lang)}>{t('cabinet.contacts')}</a></li>
        <li><a class="govuk-link" href={paths.whoSaw(lang)}>{t('accessLog.cabinetLink')}</a></li>
        <li><a class="govuk-link" href={paths.consents(lang)}>{t('consent.cabinetLink')}</a></li>
      </ul>
      {staff.length > 0 && actor.realm === 'staff' ? (
        <>
          <h3 class="govuk-heading-m" id="roles">{t('cabinet.roles')}</h3>
          <ul class="govuk-list">{staff.map((s) => <li key={s.id}>{t(`role.${s.role}`)}{s.agencyId ? ` — ${s.agencyId}` : ''}{s.centreId ? ` — ${s.centreId}` : ''}</li>)}</ul>
          <p class="govuk-body"><a class="govuk-link" href={paths.staffHome(lang)}>{t('staff.title')}</a></p>
        </>
      ) : null}
      <form method="post" action={paths.signOutEverywhere(lang)}>
        <input type="hidden" name="_csrf" value={signedIn.session.csrfToken} />
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t('cabinet.signOutEverywhere')}</button>
      </form>
    </section>
  );
}
