import {
  type AppealIntakeRecord, type AppealRecord, FILED_KINDS, type IntakeChannel, MAX_APPEAL_TEXT, MAX_APPEAL_RECEIVED_AGE_DAYS, MAX_INTAKE_ADDRESS, MAX_INTAKE_NAME,
  MAX_OFFICER_NAME,
} from '../../modules/appeals/index.ts';
import { Button, ErrorSummary, type FieldError, InsetText, Panel, SummaryList, type SummaryRow } from '../common/components.tsx';
import type { DateParts, DateProblem } from '../common/form-values.ts';
import { Checkboxes, DateInput, Radios, Select, Textarea, TextInput } from '../common/inputs.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { paths } from '../common/paths.ts';
import type { TextKey } from '../locales/messages.ts';
import { Day } from './format.tsx';
import { OfficeNav, type OfficeNavItems, type OfficeSection } from './office-nav.tsx';

export interface IntakeFormView {
  readonly channel: IntakeChannel;
  readonly action: string;
  readonly csrf: string;
  readonly idempotencyKey: string;
  readonly nav: OfficeNavItems;
  /** Phone: the identified caller's name; the way back to the call. */
  readonly caller: { readonly name: string; readonly back: string } | null;
  readonly agencies: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly values: Readonly<Record<string, string>>;
  readonly received: DateParts;
  readonly receivedProblem: DateProblem | null;
  readonly errors: readonly FieldError[];
}

export const sectionOf = (channel: IntakeChannel): OfficeSection => (channel === 'phone' ? 'calls' : channel === 'post' ? 'letters' : 'home');

/** Staff file an appeal for a person: the caller (phone), a visitor (in person), a letter's sender (post). */
export function AppealIntakePage({ ctx, view }: { ctx: PageContext; view: IntakeFormView }) {
  const { t } = ctx;
  const { channel, values } = view;
  const error = (field: string) => view.errors.find((e) => e.field === field)?.message;
  const title = t(`intake.title.${channel}`);
  return (
    <Layout ctx={ctx} title={`${view.errors.length > 0 ? `${t('error.prefix')} ` : ''}${title}`} searchBox={false} wide>
      <OfficeNav ctx={ctx} items={view.nav} current={sectionOf(channel)} />
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        <ErrorSummary ctx={ctx} errors={view.errors} />
        <h1 class="govuk-heading-l">{title}</h1>
        <p class="govuk-body">{t(`intake.lead.${channel}`)}</p>
        <form method="post" action={view.action} novalidate>
          <input type="hidden" name="_csrf" value={view.csrf} />
          <input type="hidden" name="idempotencyKey" value={view.idempotencyKey} />
          {view.caller === null ? null : <InsetText>{t('intake.caller')}: <strong>{view.caller.name}</strong></InsetText>}
          {channel === 'phone' ? null : (
            <>
              <h2 class="govuk-heading-m">{t(channel === 'post' ? 'intake.letter.heading' : 'intake.person.heading')}</h2>
              {channel === 'post' ? (
                <>
                  <TextInput t={t} name="name" label={t('intake.name.post')} size="s" hint={t('intake.nameHint.post')} value={values['name'] ?? ''} error={error('name')} maxLength={MAX_INTAKE_NAME} autoComplete="off" />
                  <Textarea t={t} name="address" label={t('intake.address')} size="s" hint={t('intake.addressHint.post')} value={values['address'] ?? ''} error={error('address')} maxLength={MAX_INTAKE_ADDRESS} rows={3} />
                  <DateInput t={t} name="receivedOn" legend={t('intake.received')} hint={t('intake.receivedHint', { days: MAX_APPEAL_RECEIVED_AGE_DAYS })} value={view.received} problem={view.receivedProblem} error={error('receivedOn')} />
                  <TextInput t={t} name="pages" label={t('intake.pages')} size="s" hint={t('intake.pagesHint')} value={values['pages'] ?? ''} error={error('pages')} width={3} inputMode="numeric" maxLength={3} />
                  <TextInput t={t} name="nationalId" label={t('intake.nationalId')} size="s" hint={t('intake.nationalIdHint')} value={values['nationalId'] ?? ''} error={error('nationalId')} width={10} inputMode="numeric" maxLength={10} autoComplete="off" />
                </>
              ) : (
                <>
                  <TextInput t={t} name="nationalId" label={t('intake.nationalId')} size="s" hint={t('intake.nationalIdHint')} value={values['nationalId'] ?? ''} error={error('nationalId')} width={10} inputMode="numeric" maxLength={10} autoComplete="off" />
                  <TextInput t={t} name="name" label={t('intake.name.in-person')} size="s" value={values['name'] ?? ''} error={error('name')} maxLength={MAX_INTAKE_NAME} autoComplete="off" />
                  <Textarea t={t} name="address" label={t('intake.address')} size="s" hint={t('intake.addressHint.in-person')} value={values['address'] ?? ''} error={error('address')} maxLength={MAX_INTAKE_ADDRESS} rows={3} />
                </>
              )}
            </>
          )}
          <h2 class="govuk-heading-m">{t('intake.appeal.heading')}</h2>
          <Radios t={t} name="kind" legend={t('appeals.form.kind')} size="s" value={values['kind']} error={error('kind')}
            options={FILED_KINDS.map((k) => ({ value: k, label: t(`appeals.kind.${k}` as TextKey), hint: t(`appeals.kindHint.${k}` as TextKey) }))} />
          <Select t={t} name="agency" label={t('appeals.form.agency')} size="s" hint={t('appeals.form.agencyHint')} value={values['agency']} error={error('agency')}
            options={[{ value: '', label: t('appeals.form.agencyUnknown') }, ...view.agencies.map((a) => ({ value: a.id, label: a.name }))]} fullWidth />
          <Textarea t={t} name="text" label={t('appeals.form.text')} size="s" hint={t('appeals.form.textHint', { max: MAX_APPEAL_TEXT })} value={values['text'] ?? ''} error={error('text')} maxLength={MAX_APPEAL_TEXT} rows={8} />
          <TextInput t={t} name="caseNumber" label={t('appeals.form.caseNumber')} size="s" hint={t('intake.caseNumberHint')} value={values['caseNumber'] ?? ''} error={error('caseNumber')} width={10} maxLength={20} />
          <TextInput t={t} name="officer" label={t('appeals.form.officer')} size="s" value={values['officer'] ?? ''} error={error('officer')} maxLength={MAX_OFFICER_NAME} />
          {channel === 'phone' ? (
            <Checkboxes t={t} name="consent" legend={t('intake.consent')} size="s" values={values['consent'] === 'yes' ? ['yes'] : []} error={error('consent')} options={[{ value: 'yes', label: t('intake.consentLabel') }]} />
          ) : null}
          <Button>{t('intake.submit')}</Button>
        </form>
        {view.caller === null ? null : <p class="govuk-body"><a class="govuk-link" href={view.caller.back}>{t('intake.taken.backToCall')}</a></p>}
      </div></div>
    </Layout>
  );
}

export interface TakenView {
  readonly appeal: AppealRecord;
  readonly intake: AppealIntakeRecord;
  readonly agencyName: string | null;
  readonly nav: OfficeNavItems;
}

/** What was filed: the number and the day the answer is due, to tell the person; the way back. */
export function AppealTakenPage({ ctx, view }: { ctx: PageContext; view: TakenView }) {
  const { t, lang } = ctx;
  const { appeal: a, intake } = view;
  const rows: SummaryRow[] = [
    { key: t('intake.taken.channel'), value: t(`intake.channel.${intake.channel}`) },
    { key: t('appeals.kind'), value: t(`appeals.kind.${a.kind}` as TextKey) },
    { key: t('intake.taken.person'), value: a.personName ?? t('intake.taken.anonymous') },
    ...(a.postalAddress === null ? [] : [{ key: t('intake.taken.address'), value: <span class="app-office-text">{a.postalAddress}</span> }]),
    ...(intake.receivedOn === null ? [] : [{ key: t('intake.taken.received'), value: <Day lang={lang} day={intake.receivedOn} /> }]),
    ...(intake.pages === null ? [] : [{ key: t('intake.taken.pages'), value: String(intake.pages) }]),
    { key: t('intake.taken.agency'), value: view.agencyName ?? t('intake.taken.triage') },
    { key: t('intake.taken.due'), value: <Day lang={lang} day={a.dueOn} /> },
  ];
  const another = intake.channel === 'post' ? paths.postAppeal(lang) : intake.channel === 'in-person' ? paths.deskAppeal(lang) : null;
  return (
    <Layout ctx={ctx} title={t('intake.taken.title')} searchBox={false} wide>
      <OfficeNav ctx={ctx} items={view.nav} current={sectionOf(intake.channel)} />
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        <Panel title={t('intake.taken.title')}>{t('intake.taken.number')}<br /><strong>{a.number}</strong></Panel>
        <SummaryList t={t} rows={rows} />
        <p class="govuk-body">{t(`intake.taken.tell.${intake.channel}`)}</p>
        {intake.callId === null ? null : <p class="govuk-body"><a class="govuk-link" href={paths.call(lang, intake.callId)}>{t('intake.taken.backToCall')}</a></p>}
        {another === null ? null : <p class="govuk-body"><a class="govuk-link" href={another}>{t('intake.taken.another')}</a></p>}
      </div></div>
    </Layout>
  );
}
