import type { Attachment } from '../../modules/applications/index.ts';
import type { FormField } from '../../modules/forms/index.ts';
import { Checkboxes, DateInput, FileUpload, Radios, Select, TextInput, Textarea, fieldId } from '../common/inputs.tsx';
import type { PageContext } from '../common/layout.tsx';
import { dateParts, fileHint, fileSize } from './fields.view.ts';

/**
 * The questions of an application form on the portal's one set of form controls (`common/inputs.tsx`):
 * this file only maps a question's kind onto a control. The first control of each question has the id
 * the error summary links to (`filter-<name>`). Nothing needs script.
 */
interface QuestionProps {
  readonly ctx: PageContext;
  readonly field: FormField;
  readonly value: unknown;
  readonly error: string | undefined;
  readonly maxLength?: number | undefined;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** One question of any kind but a file. */
export function Question({ ctx, field, value, error, maxLength }: QuestionProps) {
  const { lang, t } = ctx;
  const own = field.hint?.[lang];
  const base = { t, name: field.name, error, hint: own };
  const label = { ...base, label: field.label[lang], size: 's' as const, autoComplete: field.autocomplete };
  const legend = { ...base, legend: field.label[lang] };
  const options = (field.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] }));
  switch (field.kind) {
    case 'radio':
      return <Radios {...legend} options={options} value={text(value)} />;
    case 'yes-no':
      return <Radios {...legend} options={[{ value: 'yes', label: t('apply.yes') }, { value: 'no', label: t('apply.no') }]} value={value === true ? 'yes' : value === false ? 'no' : undefined} inline />;
    case 'checkboxes':
      return <Checkboxes {...legend} options={options} values={Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []} />;
    case 'date':
      return <DateInput {...legend} hint={own === undefined ? undefined : [own, t('common.dateHint')]} value={dateParts(value)} autoComplete={field.autocomplete === 'bday' ? 'bday' : undefined} />;
    case 'textarea':
      return <Textarea {...label} value={text(value)} maxLength={maxLength} />;
    case 'select':
      return <Select {...label} options={options} value={text(value)} choose={t('apply.choose')} />;
    case 'number':
      return <TextInput {...label} value={text(value)} width={10} inputMode="decimal" maxLength={maxLength} />;
    case 'email':
      return <TextInput {...label} value={text(value)} type="email" maxLength={maxLength} spellcheck={false} />;
    case 'tel':
      return <TextInput {...label} value={text(value)} type="tel" width={20} maxLength={maxLength} />;
    case 'text':
    case 'file':
      return <TextInput {...label} value={text(value)} maxLength={maxLength} />;
  }
}

/**
 * A file question inside the page's one multipart form: the file chosen here is stored whether the
 * applicant presses its Upload button or Save and continue. Remove posts a form of its own (`removeForm`).
 */
export function FileField({ ctx, field, attachment, error, maxMb, removeForm }: {
  ctx: PageContext; field: FormField; attachment: Attachment | null; error: string | undefined; maxMb: number; removeForm: string;
}) {
  const { t, lang } = ctx;
  const current = attachment ? (
    <dl class="govuk-summary-list govuk-summary-list--no-border">
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">{t('form.fileUploaded')}</dt>
        <dd class="govuk-summary-list__value">{attachment.filename} ({fileSize(attachment.sizeBytes, lang)})</dd>
        <dd class="govuk-summary-list__actions">
          <button type="submit" form={removeForm} class="govuk-button govuk-button--warning govuk-!-margin-bottom-0">{t('form.remove')}<span class="govuk-visually-hidden"> {attachment.filename}</span></button>
        </dd>
      </div>
    </dl>
  ) : null;
  return (
    <FileUpload t={t} name={field.name} label={field.label[lang]} size="s" error={error} hint={fileHint(field.hint?.[lang], t('apply.fileHint', { mb: maxMb }))}
      accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" current={current}>
      <div class="govuk-button-group">
        <button type="submit" name="_upload" value={field.name} class="govuk-button govuk-button--secondary">{attachment ? t('apply.replaceFile') : t('apply.uploadFile')}</button>
      </div>
    </FileUpload>
  );
}

/**
 * What the registers say (the eID, the business register): read, not asked. A summary list without
 * Change links and a note on where to correct it.
 */
export function RegisterAnswers({ ctx, rows }: { ctx: PageContext; rows: ReadonlyArray<{ field: string; label: string; value: string; source: string | null }> }) {
  const { t } = ctx;
  if (rows.length === 0) {
    return null;
  }
  return (
    <>
      <h2 class="govuk-heading-s">{t('form.registerTitle')}</h2>
      <dl class="govuk-summary-list">
        {rows.map((r) => (
          <div class="govuk-summary-list__row govuk-summary-list__row--no-actions" key={r.field}>
            <dt class="govuk-summary-list__key">{r.label}</dt>
            <dd class="govuk-summary-list__value" id={fieldId(r.field)}>{r.value}{r.source === null ? null : <div class="govuk-hint govuk-!-margin-0">{r.source}</div>}</dd>
          </div>
        ))}
      </dl>
      <div class="govuk-inset-text">{t('form.registerNote')}</div>
    </>
  );
}
