import type { InboxMessage, InboxParty } from '../../modules/notifications/index.ts';
import { Tag } from '../common/components.tsx';
import { formatInstant } from '../common/dates.ts';
import { Layout, type PageContext } from '../common/layout.tsx';
import { paths } from '../common/paths.ts';

const partyTitle = (ctx: PageContext, party: InboxMessage['party']) => (party.kind === 'self' ? ctx.t('inbox.own') : ctx.t('inbox.forParty', { name: party.name }));
/** What a message is about: a case, an appeal, or a service offered or granted without an application. */
const caption = (ctx: PageContext, m: InboxMessage): string =>
  m.proactiveId !== null ? (m.caseNumber === '' ? ctx.t('inbox.proactiveCaption') : `${ctx.t('inbox.proactiveCaption')} · ${ctx.t('inbox.case', { number: m.caseNumber })}`)
    : m.appealId === null ? ctx.t('inbox.case', { number: m.caseNumber }) : ctx.t('appeals.inboxCaption', { number: m.caseNumber });
const groupId = (party: InboxMessage['party']) => `inbox-${party.kind}-${(party.id ?? 'own').replace(/[^a-z0-9]/gi, '-')}`;

/** The portal inbox: the person's messages, then those for each party they act for; unread first, tagged, with counts. */
export function InboxPage({ ctx, parties }: { ctx: PageContext; parties: readonly InboxParty[] }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('inbox.title')} searchBox={false} crumbs={[{ href: paths.cabinet(lang), label: t('cabinet.title') }]}>
      <h1 class="govuk-heading-xl">{t('inbox.title')}</h1>
      <p class="govuk-body-l">{t('inbox.lead')}</p>
      {parties.length === 0 ? <p class="govuk-body">{t('inbox.none')}</p> : parties.map((g) => (
        <section key={groupId(g.party)} aria-labelledby={groupId(g.party)} class="govuk-!-margin-bottom-6">
          <h2 class="govuk-heading-l" id={groupId(g.party)}>
            {partyTitle(ctx, g.party)} <span class="govuk-caption-m">{t.plural('inbox.unreadCount', g.unread)}</span>
          </h2>
          <ul class="govuk-list">
            {g.messages.map((m) => (
              <li key={m.id} class="govuk-!-margin-bottom-4">
                {m.readAt === null ? <><Tag colour="blue">{t('inbox.unread')}</Tag>{' '}</> : null}
                <a class={`govuk-link${m.readAt === null ? ' govuk-!-font-weight-bold' : ''}`} href={paths.inboxMessage(lang, m.id)}>{m.subject}</a>
                <span class="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{caption(ctx, m)} · {formatInstant(m.createdAt, lang)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

/** One message: its subject and text, when it was sent and whom it concerns, the way to its case and decision. */
export function InboxMessagePage({ ctx, message, actingFor }: { ctx: PageContext; message: InboxMessage; actingFor: boolean }) {
  const { t, lang } = ctx;
  const m = message;
  return (
    <Layout ctx={ctx} title={m.subject} searchBox={false} crumbs={[{ href: paths.cabinet(lang), label: t('cabinet.title') }, { href: paths.inbox(lang), label: t('inbox.title') }]}>
      <span class="govuk-caption-l">{caption(ctx, m)}</span>
      <h1 class="govuk-heading-l">{m.subject}</h1>
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{t('inbox.sent')}</dt><dd class="govuk-summary-list__value">{formatInstant(m.createdAt, lang)}</dd></div>
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{t('inbox.concerns')}</dt><dd class="govuk-summary-list__value">{m.party.kind === 'self' ? t('inbox.own') : m.party.name}</dd></div>
      </dl>
      <div lang={m.lang}>
        {m.body.split(/\n{2,}/).map((para, i) => <p key={i} class="govuk-body app-break-anywhere">{para}</p>)}
      </div>
      {actingFor ? null : <p class="govuk-inset-text">{t('inbox.actFor', { name: m.party.name })}</p>}
      <ul class="govuk-list">
        {actingFor && m.caseId !== null && m.documentId !== null ? <li><a class="govuk-link" href={paths.caseDocument(lang, m.caseId, m.documentId)}>{t('inbox.downloadDecision')}</a></li> : null}
        {actingFor && m.caseId !== null ? <li><a class="govuk-link" href={paths.myCase(lang, m.caseId)}>{t('inbox.openCase', { number: m.caseNumber })}</a></li> : null}
        {m.appealId === null ? null : <li><a class="govuk-link" href={paths.myAppeal(lang, m.appealId)}>{t('appeals.openAppeal', { number: m.caseNumber })}</a></li>}
        {m.proactiveId === null ? null : <li><a class="govuk-link" href={paths.proactiveItem(lang, m.proactiveId)}>{t('inbox.openProactive')}</a></li>}
        <li><a class="govuk-link" href={paths.inbox(lang)}>{t('inbox.back')}</a></li>
      </ul>
    </Layout>
  );
}
