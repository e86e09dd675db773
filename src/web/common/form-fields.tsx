import type { Attachment } from '../../modules/applications/index.ts';
import type { FormField } from '../../modules/forms/index.ts';
import type { PageContext } from './layout.tsx';
import { Checkboxes, Field, Radios, Select, TextInput, Textarea, fieldId } from './inputs.tsx';

export { fieldId };

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

interface FieldProps {
  readonly ctx: PageContext;
  readonly field: FormField;
  readonly value: unknown;
  readonly error: string | undefined;
  /** The form schema's maxLength for the answer, shown as the input's maxlength (the server checks the same number). */
  readonly maxLength?: number | undefined;
}

/** The `maxLength` the form's JSON Schema sets for a question's answer, if any. */
export function maxLengthOf(schema: unknown, name: string): number | undefined {
  const properties = (schema as { properties?: Record<string, { maxLength?: unknown } | undefined> } | null)?.properties;
  const limit = properties?.[name]?.maxLength;
  return typeof limit === 'number' && Number.isSafeInteger(limit) && limit > 0 ? limit : undefined;
}

/** One question of an application form, as a govuk-frontend control (no script): label, hint, error, control. */
export function Question({ ctx, field, value, error, maxLength }: FieldProps) {
  const { lang, t } = ctx;
  const common = { t, name: field.name, hint: field.hint?.[lang], error };
  if (field.kind === 'radio' || field.kind === 'yes-no') {
    const options = field.kind === 'yes-no'
      ? [{ value: 'yes', label: t('apply.yes') }, { value: 'no', label: t('apply.no') }]
      : (field.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] }));
    const chosen = field.kind === 'yes-no' ? (value === true ? 'yes' : value === false ? 'no' : undefined) : text(value);
    return <Radios {...common} legend={field.label[lang]} options={options} value={chosen} inline={field.kind === 'yes-no'} />;
  }
  if (field.kind === 'checkboxes') {
    const options = (field.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] }));
    return <Checkboxes {...common} legend={field.label[lang]} options={options} values={Array.isArray(value) ? value.map(text) : []} />;
  }
  const label = field.label[lang];
  const autoComplete = field.autocomplete;
  switch (field.kind) {
    case 'textarea':
      return <Textarea {...common} label={label} value={text(value)} maxLength={maxLength} autoComplete={autoComplete} />;
    case 'select':
      return <Select {...common} label={label} value={text(value)} choose={t('apply.choose')} autoComplete={autoComplete} options={(field.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] }))} />;
    case 'number':
      return <TextInput {...common} label={label} value={text(value)} inputMode="decimal" width={10} maxLength={maxLength} autoComplete={autoComplete} />;
    case 'date':
      // The form engine stores a date as YYYY-MM-DD from one field; a three-field DateInput (readDateInput) replaces it with the apply pages.
      return (
        <Field {...common} label={label}>
          <input class={`govuk-input govuk-input--width-10${error ? ' govuk-input--error' : ''}`} id={fieldId(field.name)} name={field.name} type="date" value={text(value)} aria-describedby={described(field.name, common.hint, error)} />
        </Field>
      );
    case 'email':
      return <TextInput {...common} label={label} value={text(value)} type="email" spellcheck={false} maxLength={maxLength} autoComplete={autoComplete} />;
    case 'tel':
      return <TextInput {...common} label={label} value={text(value)} type="tel" width={20} maxLength={maxLength} autoComplete={autoComplete} />;
    case 'text':
    case 'file':
      return <TextInput {...common} label={label} value={text(value)} maxLength={maxLength} autoComplete={autoComplete} />;
  }
}

const described = (name: string, hint: unknown, error: unknown) =>
  [hint ? `${fieldId(name)}-hint` : null, error ? `${fieldId(name)}-error` : null].filter(Boolean).join(' ') || undefined;

/** A file question: the current file (with remove), and an upload form of its own (multipart). */
export function FileQuestion({ ctx, field, attachment, error, uploadAction, removeAction, csrf, maxMb }: {
  ctx: PageContext; field: FormField; attachment: Attachment | null; error: string | undefined; uploadAction: string; removeAction: string; csrf: string; maxMb: number;
}) {
  const { t, lang } = ctx;
  const hint = `${field.hint ? `${field.hint[lang]}. ` : ''}${t('apply.fileHint', { mb: maxMb })}`;
  return (
    <div class="app-file-question">
      <form method="post" action={uploadAction} encType="multipart/form-data">
        <input type="hidden" name="_csrf" value={csrf} />
        <Field t={t} name={field.name} label={field.label[lang]} hint={hint} error={error}>
          {attachment ? (
            <p class="govuk-body">
              {t('apply.fileCurrent', { name: attachment.filename, size: Math.max(1, Math.round(attachment.sizeBytes / 1024)) })}
            </p>
          ) : null}
          <input class={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`} type="file" id={fieldId(field.name)} name="file"
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" aria-describedby={described(field.name, hint, error)} />
        </Field>
        <button type="submit" class="govuk-button govuk-button--secondary">{attachment ? t('apply.replaceFile') : t('apply.uploadFile')}</button>
      </form>
      {attachment ? (
        <form method="post" action={removeAction}>
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit" class="app-link-button">{t('apply.removeFile', { name: attachment.filename })}</button>
        </form>
      ) : null}
    </div>
  );
}

/** An answer as the applicant and officers read it back: choices by their label, yes/no in words, files by name. */
export function answerText(ctx: PageContext, field: FormField, value: unknown, files: readonly Attachment[] = []): string {
  const { lang, t } = ctx;
  if (value === undefined || value === null || value === '') {
    return t('apply.notAnswered');
  }
  switch (field.kind) {
    case 'yes-no':
      return value === true ? t('apply.yes') : t('apply.no');
    case 'select':
    case 'radio':
      return field.options?.find((o) => o.value === value)?.label[lang] ?? text(value);
    case 'checkboxes':
      return Array.isArray(value) ? value.map((v) => field.options?.find((o) => o.value === v)?.label[lang] ?? text(v)).join(', ') : text(value);
    case 'file':
      return files.find((f) => f.id === value)?.filename ?? t('apply.fileMissing');
    case 'text':
    case 'textarea':
    case 'email':
    case 'tel':
    case 'date':
    case 'number':
      return text(value);
  }
}
