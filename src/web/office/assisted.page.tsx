import type { AssistedBasis, AssistedFilingRecord } from '../../modules/applications/index.ts';
import type { CaseRecord } from '../../modules/cases/index.ts';
import type { FormField, ApplicationForm } from '../../modules/forms/index.ts';
import type { AssistedChannel } from '../../modules/identity/index.ts';
import { Question } from '../apply/fields.tsx';
import { ErrorSummary, type FieldError } from '../common/components.tsx';
import { formatDay } from '../common/dates.ts';
import { maxLengthOf } from '../common/form-fields.tsx';
import type { DateParts, DateProblem } from '../common/form-values.ts';
import { ButtonLink, Panel, SummaryList } from '../common/govuk.tsx';
import { Checkboxes, DateInput, FileUpload, Radios, Textarea, TextInput } from '../common/inputs.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { paths } from '../common/paths.ts';
import { OfficeNav, type OfficeNavItems } from './office-nav.tsx';

const crumbs = (ctx: PageContext) => [{ href: paths.staffHome(ctx.lang), label: ctx.t('staff.title') }];

export interface AssistedStartView {
  readonly channels: ReadonlyArray<{ readonly channel: AssistedChannel; readonly services: ReadonlyArray<{ readonly id: string; readonly name: string }> }>;
  readonly nav: OfficeNavItems;
}

/** The services a staff member may file for a person, by channel: a list of links, one per service. */
export function AssistedStartPage({ ctx, view }: { ctx: PageContext; view: AssistedStartView }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('assisted.start.title')} searchBox={false} crumbs={crumbs(ctx)}>
      <OfficeNav ctx={ctx} items={view.nav} current="assisted" />
      <h1 class="govuk-heading-l">{t('assisted.start.title')}</h1>
      <p class="govuk-body">{t('assisted.start.lead')}</p>
      {view.channels.every((c) => c.services.length === 0) ? <p class="govuk-body">{t('assisted.start.none')}</p> : null}
      {view.channels.filter((c) => c.services.length > 0).map((c) => (
        <section key={c.channel} aria-labelledby={`channel-${c.channel}`}>
          <h2 class="govuk-heading-m" id={`channel-${c.channel}`}>{t(`assisted.channel.${c.channel}`)}</h2>
          <ul class="govuk-list govuk-list--spaced">
            {c.services.map((s) => <li key={s.id}><a class="govuk-link" href={paths.assistedFile(lang, c.channel, s.id)}>{s.name}</a></li>)}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

export interface AssistedFormView {
  readonly channel: AssistedChannel;
  readonly serviceId: string;
  readonly serviceName: string;
  readonly form: ApplicationForm;
  /** Questions answered from the person's record: not shown. */
  readonly registerFields: readonly string[];
  readonly bases: readonly AssistedBasis[];
  readonly values: Readonly<Record<string, unknown>>;
  readonly received: DateParts;
  readonly receivedProblem: DateProblem | null;
  readonly errors: readonly FieldError[];
  readonly idempotencyKey: string;
  readonly csrf: string;
  readonly maxScans: number;
  readonly maxAgeDays: number;
  readonly nav: OfficeNavItems;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The filing form: who the person is, the letter (post), the basis, the service's own questions (the same controls as apply), the files. */
export function AssistedFormPage({ ctx, view }: { ctx: PageContext; view: AssistedFormView }) {
  const { t, lang } = ctx;
  const error = (name: string) => view.errors.find((e) => e.field === name)?.message;
  const v = view.values;
  const title = `${t(`assisted.file.title.${view.channel}`)}: ${view.serviceName}`;
  const asked = (fields: readonly FormField[]) => fields.filter((f) => !view.registerFields.includes(f.name));
  return (
    <Layout ctx={ctx} title={`${view.errors.length > 0 ? `${t('error.prefix')} ` : ''}${title}`} searchBox={false} crumbs={[...crumbs(ctx), { href: paths.assisted(lang), label: t('assisted.start.title') }]}>
      <ErrorSummary ctx={ctx} errors={view.errors} />
      <span class="govuk-caption-l">{t(`assisted.channel.${view.channel}`)}</span>
      <h1 class="govuk-heading-l">{title}</h1>
      <form method="post" action={paths.assistedFile(lang, view.channel, view.serviceId)} encType="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={view.csrf} />
        <input type="hidden" name="idempotencyKey" value={view.idempotencyKey} />
        <h2 class="govuk-heading-m">{t('assisted.person.title')}</h2>
        <TextInput t={t} name="nationalId" label={t('assisted.person.nationalId')} size="s" hint={t('assisted.person.nationalIdHint')} value={text(v['nationalId'])} width={10} inputMode="numeric" maxLength={10} error={error('nationalId')} />
        <TextInput t={t} name="givenName" label={t('assisted.person.givenName')} size="s" value={text(v['givenName'])} maxLength={100} error={error('givenName')} />
        <TextInput t={t} name="familyName" label={t('assisted.person.familyName')} size="s" value={text(v['familyName'])} maxLength={100} error={error('familyName')} />
        <Textarea t={t} name="address" label={t('assisted.person.address')} size="s" hint={t(view.channel === 'post' ? 'assisted.person.addressHint.post' : 'assisted.person.addressHint.other')} value={text(v['address'])} rows={4} maxLength={500} error={error('address')} />
        {view.channel === 'post' ? (
          <>
            <h2 class="govuk-heading-m">{t('assisted.post.title')}</h2>
            <TextInput t={t} name="sender" label={t('assisted.post.sender')} size="s" hint={t('assisted.post.senderHint')} value={text(v['sender'])} maxLength={200} error={error('sender')} />
            <DateInput t={t} name="receivedOn" legend={t('assisted.post.received')} hint={t('assisted.post.receivedHint', { days: view.maxAgeDays })} value={view.received} problem={view.receivedProblem} error={error('receivedOn')} />
          </>
        ) : null}
        <Radios t={t} name="basis" legend={t('assisted.basis')} options={view.bases.map((b) => ({ value: b, label: t(`assisted.basis.${b}`) }))} value={text(v['basis']) || (view.bases.length === 1 ? view.bases[0] : undefined)} error={error('basis')} />
        <h2 class="govuk-heading-m">{t('assisted.form.title')}</h2>
        {view.form.pages.map((page) => {
          const fields = asked(page.fields);
          return fields.length === 0 ? null : (
            <section key={page.id} aria-labelledby={`page-${page.id}`}>
              <h3 class="govuk-heading-s" id={`page-${page.id}`}>{page.title[lang]}</h3>
              {fields.map((f) => (f.kind === 'file'
                ? <FileUpload key={f.name} t={t} name={f.name} label={f.label[lang]} size="s" error={error(f.name)} hint={t('apply.fileHint', { mb: view.form.maxAttachmentMb })} accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" />
                : <Question key={f.name} ctx={ctx} field={f} value={v[f.name]} error={error(f.name)} maxLength={maxLengthOf(view.form.schema, f.name)} />))}
            </section>
          );
        })}
        <FileUpload t={t} name="scans" label={t('assisted.scans')} size="m" multiple hint={t('assisted.scansHint', { n: view.maxScans })} error={error('scans')} accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" />
        <Checkboxes t={t} name="declaration" legend={t('assisted.declaration')} options={[{ value: 'yes', label: t('assisted.declarationYes') }]} values={v['declaration'] === 'yes' ? ['yes'] : []} error={error('declaration')} />
        <button type="submit" class="govuk-button">{t('assisted.submit')}</button>
      </form>
    </Layout>
  );
}

export interface AssistedFiledView {
  readonly case: CaseRecord;
  readonly filing: AssistedFilingRecord;
  readonly serviceName: string;
  /** The back office's page of the case, for a staff member who may open it. */
  readonly caseLink: string | null;
  readonly nav: OfficeNavItems;
}

/** What was filed: the case number to tell the person, how and when it was filed, the term. */
export function AssistedFiledPage({ ctx, view }: { ctx: PageContext; view: AssistedFiledView }) {
  const { t, lang } = ctx;
  const c = view.case;
  const rows = [
    { key: t('assisted.filed.service'), value: view.serviceName },
    { key: t('assisted.filed.applicant'), value: c.applicantName },
    { key: t('assisted.filed.channel'), value: t(`channel.case.${c.channel}`) },
    { key: t('assisted.filed.basis'), value: t(`assisted.basis.${view.filing.basis}`) },
    ...(view.filing.receivedOn === null ? [] : [{ key: t('assisted.filed.received'), value: formatDay(view.filing.receivedOn, lang) }]),
    { key: t('assisted.filed.due'), value: c.dueOn === null ? t('assisted.filed.noDue') : formatDay(c.dueOn, lang) },
  ];
  return (
    <Layout ctx={ctx} title={`${t('assisted.filed.title')} ${c.number}`} searchBox={false} crumbs={[...crumbs(ctx), { href: paths.assisted(lang), label: t('assisted.start.title') }]}>
      <Panel title={t('assisted.filed.title')}>{t('assisted.filed.number')}<br /><strong>{c.number}</strong></Panel>
      <SummaryList t={t} rows={rows} />
      <div class="govuk-button-group">
        <ButtonLink href={paths.assisted(lang)}>{t('assisted.filed.another')}</ButtonLink>
        {view.caseLink === null ? null : <a class="govuk-link" href={view.caseLink}>{t('assisted.filed.case')}</a>}
      </div>
    </Layout>
  );
}
