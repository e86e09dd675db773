import { type AppealRecord, MAX_APPEAL_TEXT, type OfficerAppeal } from '../../modules/appeals/index.ts';
import { Button, ErrorSummary, type FieldError, NotificationBanner, Select, Textarea } from '../common/components.tsx';
import { formatDay, formatInstant } from '../common/dates.ts';
import { Layout, type PageContext } from '../common/layout.tsx';
import { paths } from '../common/paths.ts';
import type { TextKey } from '../locales/messages.ts';
import { OfficeNav, type OfficeNavItems } from '../office/office-nav.tsx';
import { AppealHistory, AppealSummary, channelText, kindText, Paragraphs, StateTag } from './parts.tsx';

function AppealTable({ ctx, id, caption, appeals, agencyName }: { ctx: PageContext; id: string; caption: string; appeals: readonly AppealRecord[]; agencyName: (id: string) => string }) {
  const { t, lang } = ctx;
  const th = (key: TextKey) => <th scope="col" class="govuk-table__header">{t(key)}</th>;
  return (
    <div class="app-table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m" id={id}>{caption}</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row">{th('appeals.number')}{th('appeals.kind')}{th('appeals.agency')}{th('appeals.channel')}{th('appeals.filed')}{th('appeals.due')}{th('appeals.state')}</tr></thead>
        <tbody class="govuk-table__body">
          {appeals.map((a) => (
            <tr class="govuk-table__row" key={a.id}>
              <th scope="row" class="govuk-table__header app-nowrap"><a class="govuk-link" href={paths.officeAppeal(lang, a.id)}>{a.number}</a></th>
              <td class="govuk-table__cell">{kindText(t, a.kind)}</td>
              <td class="govuk-table__cell">{a.organisationId === null ? t('appeals.triage') : agencyName(a.organisationId)}</td>
              <td class="govuk-table__cell">{channelText(t, a.channel)}</td>
              <td class="govuk-table__cell">{formatInstant(a.filedAt, lang)}</td>
              <td class="govuk-table__cell app-nowrap">{formatDay(a.dueOn, lang)}</td>
              <td class="govuk-table__cell"><StateTag t={t} appeal={a} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The back office's appeals: the triage list (for those who route) and the appeals to the officer's agencies. */
export function OfficeAppealsPage({ ctx, nav, triage, queue, agencyName, postRoom = false }: {
  ctx: PageContext; nav: OfficeNavItems; triage: readonly AppealRecord[] | null; queue: readonly AppealRecord[]; agencyName: (id: string) => string; postRoom?: boolean;
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('appeals.office.title')} searchBox={false} wide>
      <OfficeNav ctx={ctx} items={nav} current="appeals" />
      <h1 class="govuk-heading-l">{t('appeals.office.title')}</h1>
      {postRoom ? <p class="govuk-body"><a class="govuk-link" href={paths.postAppeal(lang)}>{t('intake.title.post')}</a></p> : null}
      {triage === null ? null : triage.length === 0 ? <><h2 class="govuk-heading-m">{t('appeals.office.triage')}</h2><p class="govuk-body">{t('appeals.office.triageNone')}</p></> : (
        <AppealTable ctx={ctx} id="triage-caption" caption={t('appeals.office.triage')} appeals={triage} agencyName={agencyName} />
      )}
      {queue.length === 0 ? <><h2 class="govuk-heading-m">{t('appeals.office.queue')}</h2><p class="govuk-body">{t('appeals.office.queueNone')}</p></> : (
        <AppealTable ctx={ctx} id="queue-caption" caption={t('appeals.office.queue')} appeals={queue} agencyName={agencyName} />
      )}
    </Layout>
  );
}

export interface OfficeAppealForms {
  readonly csrf: string;
  readonly errors: readonly FieldError[];
  readonly values: { readonly agency: string; readonly answer: string; readonly reason: string };
  /** What was just done, for the banner. */
  readonly done: 'assign' | 'answer' | 'extend' | null;
}

/** One appeal for an officer: its facts and text, who made it, the forms their roles allow (route, answer, extend), the history. */
export function OfficeAppealPage({ ctx, nav, view, forms, agencies, agencyName }: {
  ctx: PageContext; nav: OfficeNavItems; view: OfficerAppeal; forms: OfficeAppealForms; agencies: ReadonlyArray<{ id: string; name: string }>; agencyName: (id: string) => string;
}) {
  const { t, lang } = ctx;
  const a = view.appeal;
  const error = (field: string) => forms.errors.find((e) => e.field === field)?.message;
  const from = a.personName ?? t('appeals.anonymous', { number: a.replyNumber ?? '' });
  return (
    <Layout ctx={ctx} title={`${forms.errors.length > 0 ? `${t('error.prefix')} ` : ''}${kindText(t, a.kind)} ${a.number}`} searchBox={false} wide
      crumbs={[{ href: paths.officeAppeals(lang), label: t('appeals.office.title') }]}>
      <OfficeNav ctx={ctx} items={nav} current="appeals" />
      <ErrorSummary ctx={ctx} errors={forms.errors} />
      {forms.done === null ? null : <NotificationBanner t={t} kind="success" heading={t(`appeals.office.done.${forms.done}` as TextKey, { number: a.number, due: formatDay(a.dueOn, lang) })} />}
      <span class="govuk-caption-l">{kindText(t, a.kind)}</span>
      <h1 class="govuk-heading-l">{a.number}</h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <AppealSummary ctx={ctx} appeal={a} agencyName={a.organisationId === null ? null : agencyName(a.organisationId)} extra={[
            { key: t('appeals.office.from'), value: from },
            ...(a.state === 'open' ? [{ key: t('appeals.due'), value: t('appeals.office.quickDue', { day: formatDay(view.quickDueOn, lang) }) }] : []),
          ]} />
          <h2 class="govuk-heading-m">{t('appeals.text')}</h2>
          <Paragraphs text={a.text} lang={a.lang} />
          {a.answer === null ? null : <><h2 class="govuk-heading-m">{t('appeals.answer')}</h2><Paragraphs text={a.answer} /></>}
          {view.mayAnswer ? (
            <form method="post" action={paths.officeAppealAct(lang, a.id, 'answer')} novalidate>
              <input type="hidden" name="_csrf" value={forms.csrf} />
              <Textarea t={t} name="answer" label={t('appeals.office.answer')} size="m" hint={t('appeals.office.answerHint')} value={forms.values.answer} error={error('answer')} maxLength={MAX_APPEAL_TEXT} rows={8} />
              <Button>{t('appeals.office.answerSubmit')}</Button>
            </form>
          ) : null}
          {view.mayAssign ? (
            <form method="post" action={paths.officeAppealAct(lang, a.id, 'assign')} novalidate>
              <input type="hidden" name="_csrf" value={forms.csrf} />
              <h2 class="govuk-heading-m">{t('appeals.office.assign')}</h2>
              <Select t={t} name="agency" label={t('appeals.office.assignAgency')} value={forms.values.agency} error={error('agency')} choose=""
                options={agencies.map((o) => ({ value: o.id, label: o.name }))} fullWidth />
              <Button kind="secondary">{t('appeals.office.assignSubmit')}</Button>
            </form>
          ) : null}
          {view.mayExtend ? (
            <form method="post" action={paths.officeAppealAct(lang, a.id, 'extend')} novalidate>
              <input type="hidden" name="_csrf" value={forms.csrf} />
              <h2 class="govuk-heading-m">{t('appeals.office.extend')}</h2>
              <Textarea t={t} name="reason" label={t('appeals.office.extendReason')} value={forms.values.reason} error={error('reason')} maxLength={MAX_APPEAL_TEXT} rows={3} />
              <Button kind="secondary">{t('appeals.office.extendSubmit')}</Button>
            </form>
          ) : null}
        </div>
        <div class="govuk-grid-column-one-third">
          <AppealHistory ctx={ctx} events={view.events} agencyName={agencyName} />
        </div>
      </div>
    </Layout>
  );
}
