import type { BundleStart, BundleView } from '../../modules/bundles/index.ts';
import { type CaseParty, workflowOf } from '../../modules/cases/index.ts';
import { partyKey } from '../../modules/identity/index.ts';
import { kyivDay } from '../../modules/deadlines/index.ts';
import type { FormField } from '../../modules/forms/index.ts';
import { Question } from '../apply/fields.tsx';
import { termText } from '../catalogue/service.view.ts';
import { ErrorSummary, type FieldError, TableScroll } from '../common/components.tsx';
import { formatDay } from '../common/dates.ts';
import { Button, InsetText, SummaryList } from '../common/govuk.tsx';
import { Checkboxes } from '../common/inputs.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { paths } from '../common/paths.ts';
import { stateTone } from '../cases/cabinet.view.ts';
import { StatusTag } from '../cases/status.tsx';

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** The bundle's one application: where it goes (each agency and term), what the registers say (locked), the questions, the declaration. */
export function BundleApplyPage({ ctx, start, values, errors, csrf, idempotencyKey }: {
  ctx: PageContext; start: BundleStart; values: Readonly<Record<string, unknown>>; errors: readonly FieldError[]; csrf: string; idempotencyKey: string;
}) {
  const { t, lang } = ctx;
  const { offer, locked, sources } = start;
  const fields: FormField[] = offer.form.pages.flatMap((p) => p.fields);
  const lockedSet = new Set(locked);
  const title = t('bundles.applyTitle', { event: offer.event.name[lang] });
  const error = (name: string) => errors.find((e) => e.field === name)?.message;
  return (
    <Layout ctx={ctx} title={`${errors.length > 0 ? `${t('error.prefix')} ` : ''}${title}`} searchBox={false} crumbs={[{ href: paths.event(lang, offer.event.id), label: offer.event.name[lang] }]}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1 class="govuk-heading-xl">{title}</h1>
      <p class="govuk-body-l">{t('bundles.applyLead')}</p>
      <h2 class="govuk-heading-m">{t('bundles.members')}</h2>
      <TableScroll label={t('bundles.members')}>
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">{t('bundles.members')}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">{t('bundles.service')}</th>
              <th scope="col" class="govuk-table__header">{t('bundles.agency')}</th>
              <th scope="col" class="govuk-table__header">{t('bundles.term')}</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {offer.members.map((m) => (
              <tr class="govuk-table__row" key={m.service.id}>
                <td class="govuk-table__cell"><a class="govuk-link" href={paths.service(lang, m.service.id)}>{m.service.name[lang]}</a></td>
                <td class="govuk-table__cell">{m.agency?.name[lang] ?? m.service.organisationId}</td>
                <td class="govuk-table__cell">{termText(t, m.service.deadline)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <form method="post" action={paths.bundleApply(lang, offer.event.id)} novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {locked.length === 0 ? null : (
          <>
            <h2 class="govuk-heading-m">{t('bundles.fromRegisters')}</h2>
            <p class="govuk-body">{t('bundles.fromRegistersLead')}</p>
            <SummaryList t={t} rows={fields.filter((f) => lockedSet.has(f.name)).map((f) => ({
              key: f.label[lang],
              value: <>{text(start.answers[f.name])}<div class="govuk-hint govuk-!-margin-0">{sources[f.name] === 'population.person' ? t('bundles.source.population.person') : t('bundles.source.eid')}</div></>,
            }))} />
          </>
        )}
        <h2 class="govuk-heading-m">{t('bundles.yourAnswers')}</h2>
        {fields.filter((f) => !lockedSet.has(f.name) && f.kind !== 'file').map((f) => <Question key={f.name} ctx={ctx} field={f} value={values[f.name]} error={error(f.name)} maxLength={400} />)}
        <Checkboxes t={t} name="declaration" legend={t('bundles.declarationTitle')} size="m" error={error('declaration')} small options={[{ value: 'yes', label: t('bundles.declaration') }]} />
        <Button>{t('bundles.submit')}</Button>
      </form>
    </Layout>
  );
}

/** A bundle's cases in a table: each agency, case number, status, term and the decision once made. */
export function BundleParts({ ctx, view, switcher }: { ctx: PageContext; view: BundleView; switcher: Switcher }) {
  const { t, lang } = ctx;
  const elsewhere = (party: CaseParty) => inAnotherName(party, switcher.acting);
  return (
    <TableScroll label={t('bundles.parts')}>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-visually-hidden">{t('bundles.parts')}</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            {(['agency', 'service', 'number', 'state', 'due', 'decision'] as const).map((c) => <th scope="col" class="govuk-table__header" key={c}>{t(`bundles.${c}`)}</th>)}
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {view.parts.map(({ case: c, service, agency }) => {
            const state = service === null ? undefined : workflowOf(service).states.find((s) => s.id === c.state);
            return (
              <tr class="govuk-table__row" key={c.id}>
                <td class="govuk-table__cell">{agency?.name[lang] ?? c.organisationId}</td>
                <td class="govuk-table__cell">{service?.name[lang] ?? c.serviceId}</td>
                <td class="govuk-table__cell">{elsewhere(c.party) ? <OpenAs ctx={ctx} switcher={switcher} party={c.party} caseId={c.id} number={c.number} /> : <a class="govuk-link" href={paths.myCase(lang, c.id)}>{c.number}</a>}</td>
                <td class="govuk-table__cell"><StatusTag lang={lang} tone={stateTone(state?.kind ?? 'active', c.outcome)} label={state?.label ?? { uk: c.state, en: c.state }} /></td>
                <td class="govuk-table__cell">{c.outcome !== null || c.dueOn === null ? '—' : formatDay(c.dueOn, lang)}</td>
                <td class="govuk-table__cell">
                  {c.outcome === null ? t('bundles.noDecision') : elsewhere(c.party) ? t('bundles.decided') : (
                    <a class="govuk-link" href={`${paths.myCase(lang, c.id)}#decision`}>{t('bundles.seeDecision')}<span class="govuk-visually-hidden"> {t('bundles.seeDecisionHidden', { number: c.number })}</span></a>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A case in the name of someone the reader is not acting for now (a party key): it opens only after switching to them. */
function inAnotherName(party: CaseParty, acting: string): boolean {
  const key = keyOf(party);
  return key !== null && key !== acting;
}

/** The party key (identity's `partyKey`) of a case's party in someone's name; null for the applicant's own. */
function keyOf(party: CaseParty): string | null {
  return party.kind === 'self' || party.id === null ? null : partyKey({ kind: party.kind, id: party.id });
}

/** Who the reader acts for now (a party key) and the session's CSRF token, for the "open as" buttons. */
export interface Switcher {
  readonly acting: string;
  readonly csrf: string;
}

/** The case number, and a button that switches to acting for the case's party and opens the case. */
function OpenAs({ ctx, switcher, party, caseId, number }: { ctx: PageContext; switcher: Switcher; party: CaseParty; caseId: string; number: string }) {
  const { t, lang } = ctx;
  return (
    <form method="post" action={paths.actAs(lang)}>
      <input type="hidden" name="_csrf" value={switcher.csrf} />
      <input type="hidden" name="party" value={keyOf(party) ?? ''} />
      <input type="hidden" name="next" value={paths.myCase(lang, caseId)} />
      <span class="govuk-!-display-block">{number}</span>
      <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-top-1" data-module="govuk-button">
        {t('bundles.openAs', { name: party.name })}<span class="govuk-visually-hidden"> {number}</span>
      </button>
    </form>
  );
}

const STATUS_CLASS = { 'in-progress': 'govuk-tag govuk-tag--blue', 'partly-decided': 'govuk-tag govuk-tag--yellow', decided: 'govuk-tag govuk-tag--green' } as const;

/** The bundle's status as a tag. */
export function BundleStatusTag({ ctx, view }: { ctx: PageContext; view: BundleView }) {
  return <strong class={STATUS_CLASS[view.status]}>{ctx.t(`bundles.status.${view.status}`)}</strong>;
}

/** One bundle in the cabinet: the life event, when sent, its status and every case with its agency. */
export function BundlePage({ ctx, view, switcher }: { ctx: PageContext; view: BundleView; switcher: Switcher }) {
  const { t, lang } = ctx;
  const name = view.event?.name[lang] ?? view.bundle.eventId;
  return (
    <Layout ctx={ctx} title={t('bundles.title', { event: name })} searchBox={false} crumbs={[{ href: paths.cabinet(lang), label: t('cabinet.title') }, { href: paths.myApplications(lang), label: t('cases.mine') }]}>
      <h1 class="govuk-heading-xl">{t('bundles.title', { event: name })}</h1>
      <p class="govuk-body"><BundleStatusTag ctx={ctx} view={view} /></p>
      <p class="govuk-body-l">{t('bundles.lead', { at: formatDay(kyivDay(view.bundle.submittedAt), lang) })}</p>
      {view.bundle.subject === null ? null : <p class="govuk-body">{t('bundles.about', { name: view.bundle.subject.name })}</p>}
      <h2 class="govuk-heading-l">{t('bundles.parts')}</h2>
      <BundleParts ctx={ctx} view={view} switcher={switcher} />
      <BundleOverlaps ctx={ctx} view={view} />
      <p class="govuk-body"><a class="govuk-link" href={paths.whoSaw(lang)}>{t('bundles.whoSaw')}</a></p>
    </Layout>
  );
}

/**
 * What the parent should know about the cases (ADR 0035): those in the child's name open while acting for the
 * child; a case the portal had opened without an application is linked instead of a second one; a member
 * service with a case about the child elsewhere was not applied for again.
 */
function BundleOverlaps({ ctx, view }: { ctx: PageContext; view: BundleView }) {
  const { t, lang } = ctx;
  const child = view.parts.find((p) => p.case.party.kind === 'person')?.case.party;
  const linked = view.parts.filter((p) => p.linked);
  return (
    <>
      {child === undefined ? null : (
        <InsetText>{t('bundles.childCases', { name: child.name })} <a class="govuk-link" href={paths.actAs(lang)}>{t('bundles.actForChild', { name: child.name })}</a></InsetText>
      )}
      {linked.map((p) => <InsetText key={p.case.id}>{t('bundles.linked', { service: p.service?.name[lang] ?? p.case.serviceId, number: p.case.number })}</InsetText>)}
      {view.skipped.map((s) => <InsetText key={s.id}>{t('bundles.skipped', { service: s.name[lang] })}</InsetText>)}
    </>
  );
}

/** "My applications": each bundle as one item with its parts. */
export function MyBundles({ ctx, bundles, acting }: { ctx: PageContext; bundles: readonly BundleView[]; acting: string }) {
  const { t, lang } = ctx;
  if (bundles.length === 0) {
    return null;
  }
  return (
    <>
      <h2 class="govuk-heading-l">{t('bundles.mineTitle')}</h2>
      <ul class="govuk-list govuk-list--spaced">
        {bundles.map((b) => (
          <li key={b.bundle.id}>
            <a class="govuk-link govuk-!-font-weight-bold" href={paths.myBundle(lang, b.bundle.id)}>{t('bundles.mineItem', { event: b.event?.name[lang] ?? b.bundle.eventId, at: formatDay(kyivDay(b.bundle.submittedAt), lang) })}</a>{' '}
            <BundleStatusTag ctx={ctx} view={b} />
            <ul class="govuk-list govuk-list--bullet">
              {b.parts.map((p) => <li key={p.case.id}>{p.service?.name[lang] ?? p.case.serviceId} — {p.agency?.name[lang] ?? p.case.organisationId} ({inAnotherName(p.case.party, acting) ? p.case.number : <a class="govuk-link" href={paths.myCase(lang, p.case.id)}>{p.case.number}</a>})</li>)}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
