import { type AppealEventRecord, type AppealRecord, FILED_KINDS, MAX_APPEAL_TEXT, MAX_OFFICER_NAME } from '../../modules/appeals/index.ts';
import { Button, ButtonLink, ErrorSummary, type FieldError, NotificationBanner, Radios, Select, TextInput, Textarea } from '../common/components.tsx';
import { formatDay, formatInstant } from '../common/dates.ts';
import { Layout, type PageContext } from '../common/layout.tsx';
import { paths } from '../common/paths.ts';
import type { TextKey } from '../locales/messages.ts';
import { AppealHistory, AppealSummary, kindText, Paragraphs, StateTag } from './parts.tsx';

/** The person's appeals, newest first, and the way to make one. */
export function MyAppealsPage({ ctx, appeals }: { ctx: PageContext; appeals: readonly AppealRecord[] }) {
  const { t, lang } = ctx;
  const th = (key: TextKey) => <th scope="col" class="govuk-table__header">{t(key)}</th>;
  return (
    <Layout ctx={ctx} title={t('appeals.title')} searchBox={false} crumbs={[{ href: paths.cabinet(lang), label: t('cabinet.title') }]}>
      <h1 class="govuk-heading-xl">{t('appeals.title')}</h1>
      <p class="govuk-body-l">{t('appeals.lead')}</p>
      <ButtonLink href={paths.newAppeal(lang)}>{t('appeals.new')}</ButtonLink>
      {appeals.length === 0 ? <p class="govuk-body">{t('appeals.none')}</p> : (
        <div class="app-table-scroll" role="region" aria-labelledby="appeals-caption" tabIndex={0}>
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m" id="appeals-caption">{t('appeals.caption')}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">{th('appeals.number')}{th('appeals.kind')}{th('appeals.filed')}{th('appeals.due')}{th('appeals.state')}</tr></thead>
            <tbody class="govuk-table__body">
              {appeals.map((a) => (
                <tr class="govuk-table__row" key={a.id}>
                  <th scope="row" class="govuk-table__header app-nowrap"><a class="govuk-link" href={paths.myAppeal(lang, a.id)}>{a.number}</a></th>
                  <td class="govuk-table__cell">{kindText(t, a.kind)}</td>
                  <td class="govuk-table__cell">{formatInstant(a.filedAt, lang)}</td>
                  <td class="govuk-table__cell">{formatDay(a.dueOn, lang)}</td>
                  <td class="govuk-table__cell"><StateTag t={t} appeal={a} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export interface NewAppealValues {
  readonly kind: string;
  readonly agency: string;
  readonly text: string;
  readonly caseNumber: string;
  readonly officer: string;
}

/** The filing form: kind, agency (optional: triage), text, a case and an officer it names. */
export function NewAppealPage({ ctx, csrf, agencies, values, errors }: { ctx: PageContext; csrf: string; agencies: ReadonlyArray<{ id: string; name: string }>; values: NewAppealValues; errors: readonly FieldError[] }) {
  const { t, lang } = ctx;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <Layout ctx={ctx} title={`${errors.length > 0 ? `${t('error.prefix')} ` : ''}${t('appeals.form.title')}`} searchBox={false}
      crumbs={[{ href: paths.cabinet(lang), label: t('cabinet.title') }, { href: paths.myAppeals(lang), label: t('appeals.title') }]}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1 class="govuk-heading-xl">{t('appeals.form.title')}</h1>
      <form method="post" action={paths.newAppeal(lang)} novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <Radios t={t} name="kind" legend={t('appeals.form.kind')} size="m" value={values.kind} error={error('kind')}
          options={FILED_KINDS.map((k) => ({ value: k, label: t(`appeals.kind.${k}` as TextKey), hint: t(`appeals.kindHint.${k}` as TextKey) }))} />
        <Select t={t} name="agency" label={t('appeals.form.agency')} size="m" hint={t('appeals.form.agencyHint')} value={values.agency} error={error('agency')}
          options={[{ value: '', label: t('appeals.form.agencyUnknown') }, ...agencies.map((a) => ({ value: a.id, label: a.name }))]} fullWidth />
        <Textarea t={t} name="text" label={t('appeals.form.text')} size="m" hint={t('appeals.form.textHint', { max: MAX_APPEAL_TEXT })} value={values.text} error={error('text')} maxLength={MAX_APPEAL_TEXT} rows={8} />
        <TextInput t={t} name="caseNumber" label={t('appeals.form.caseNumber')} size="s" hint={t('appeals.form.caseNumberHint')} value={values.caseNumber} error={error('caseNumber')} width={10} maxLength={20} />
        <TextInput t={t} name="officer" label={t('appeals.form.officer')} size="s" value={values.officer} error={error('officer')} width="two-thirds" maxLength={MAX_OFFICER_NAME} />
        <Button>{t('appeals.form.submit')}</Button>
      </form>
    </Layout>
  );
}

/** One of the person's appeals: its facts, the answer when there is one, its history. */
export function MyAppealPage({ ctx, appeal, events, agencyName, filed }: { ctx: PageContext; appeal: AppealRecord; events: readonly AppealEventRecord[]; agencyName: (id: string) => string; filed: boolean }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={`${kindText(t, appeal.kind)} ${appeal.number}`} searchBox={false}
      crumbs={[{ href: paths.cabinet(lang), label: t('cabinet.title') }, { href: paths.myAppeals(lang), label: t('appeals.title') }]}>
      {filed ? <NotificationBanner t={t} kind="success" heading={t('appeals.filedBanner', { number: appeal.number, due: formatDay(appeal.dueOn, lang) })} /> : null}
      <span class="govuk-caption-l">{kindText(t, appeal.kind)}</span>
      <h1 class="govuk-heading-l">{appeal.number}</h1>
      <AppealSummary ctx={ctx} appeal={appeal} agencyName={appeal.organisationId === null ? null : agencyName(appeal.organisationId)} />
      <h2 class="govuk-heading-m">{t('appeals.text')}</h2>
      <Paragraphs text={appeal.text} />
      {appeal.answer === null ? null : <><h2 class="govuk-heading-m">{t('appeals.answer')}</h2><Paragraphs text={appeal.answer} /></>}
      <AppealHistory ctx={ctx} events={events} agencyName={agencyName} />
    </Layout>
  );
}

/** "Appeal this decision": the text of the appeal against a refusal, to the supervising body. */
export function RefusalAppealPage({ ctx, csrf, caseId, caseNumber, agency, days, existing, text, errors }: {
  ctx: PageContext; csrf: string; caseId: string; caseNumber: string; agency: string | null; days: number; existing: AppealRecord | null; text: string; errors: readonly FieldError[];
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={`${errors.length > 0 ? `${t('error.prefix')} ` : ''}${t('appeals.refusal.title')}`} searchBox={false}
      crumbs={[{ href: paths.cabinet(lang), label: t('cabinet.title') }, { href: paths.myCase(lang, caseId), label: caseNumber }]}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1 class="govuk-heading-xl">{t('appeals.refusal.title')}</h1>
      {existing === null ? (
        <>
          <p class="govuk-body">{agency === null ? t('appeals.refusal.leadTriage', { number: caseNumber, days }) : t('appeals.refusal.lead', { number: caseNumber, agency, days })}</p>
          <form method="post" action={paths.caseAppeal(lang, caseId)} novalidate>
            <input type="hidden" name="_csrf" value={csrf} />
            <Textarea t={t} name="text" label={t('appeals.refusal.text')} size="m" value={text} error={errors.find((e) => e.field === 'text')?.message} maxLength={MAX_APPEAL_TEXT} rows={8} />
            <Button>{t('appeals.refusal.submit')}</Button>
          </form>
        </>
      ) : (
        <p class="govuk-body">{t('appeals.refusal.made', { number: existing.number })} <a class="govuk-link" href={paths.myAppeal(lang, existing.id)}>{t('appeals.openAppeal', { number: existing.number })}</a></p>
      )}
    </Layout>
  );
}
