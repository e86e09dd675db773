import type { Lang } from '../../kernel/text.ts';
import type { Attachment } from '../../modules/applications/index.ts';
import type { FormField } from '../../modules/forms/index.ts';
import type { PageContext } from './layout.tsx';

/** The id of a question's input: the error summary links to it. */
export const fieldId = (name: string) => `filter-${name}`;

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

/** One question of an application form, as an accessible input (no script): label, hint, error, control. */
export function Question({ ctx, field, value, error, maxLength }: FieldProps) {
  const { lang } = ctx;
  const id = fieldId(field.name);
  const hintId = `${field.name}-hint`;
  const errorId = `${field.name}-error`;
  const describedBy = [field.hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const head = (
    <>
      {field.hint ? <p class="hint" id={hintId}>{field.hint[lang]}</p> : null}
      {error ? <p class="error-message" id={errorId}>{error}</p> : null}
    </>
  );
  const cls = `field${error ? ' field-error' : ''}`;
  if (field.kind === 'radio' || field.kind === 'checkboxes' || field.kind === 'yes-no') {
    const options = field.kind === 'yes-no'
      ? [{ value: 'yes', label: ctx.t('apply.yes') }, { value: 'no', label: ctx.t('apply.no') }]
      : (field.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] }));
    const chosen = (v: string) =>
      field.kind === 'checkboxes' ? Array.isArray(value) && value.includes(v) : field.kind === 'yes-no' ? (value === true && v === 'yes') || (value === false && v === 'no') : value === v;
    const type = field.kind === 'checkboxes' ? 'checkbox' : 'radio';
    return (
      <fieldset class={cls} id={id} aria-describedby={describedBy}>
        <legend>{field.label[lang]}</legend>
        {head}
        {options.map((o, i) => (
          <div class={type} key={o.value}>
            <input type={type} id={`${field.name}-${i}`} name={field.name} value={o.value} checked={chosen(o.value)} />
            <label for={`${field.name}-${i}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
    );
  }
  return (
    <div class={cls}>
      <label for={id}>{field.label[lang]}</label>
      {head}
      <Control field={field} id={id} value={value} describedBy={describedBy} lang={lang} choose={ctx.t('apply.choose')} maxLength={maxLength} />
    </div>
  );
}

function Control({ field, id, value, describedBy, lang, choose, maxLength }: { field: FormField; id: string; value: unknown; describedBy: string | undefined; lang: Lang; choose: string; maxLength: number | undefined }) {
  const common = { id, name: field.name, 'aria-describedby': describedBy, autoComplete: field.autocomplete };
  const typed = { ...common, maxLength };
  switch (field.kind) {
    case 'textarea':
      return <textarea {...typed} rows={5}>{text(value)}</textarea>;
    case 'select':
      return (
        <select {...common}>
          <option value="">{choose}</option>
          {(field.options ?? []).map((o) => <option key={o.value} value={o.value} selected={value === o.value}>{o.label[lang]}</option>)}
        </select>
      );
    case 'number':
      return <input {...typed} type="text" inputMode="decimal" value={text(value)} />;
    case 'date':
      return <input {...common} type="date" value={text(value)} />;
    case 'email':
      return <input {...typed} type="email" value={text(value)} spellcheck={false} />;
    case 'tel':
      return <input {...typed} type="tel" value={text(value)} />;
    case 'text':
    case 'radio':
    case 'checkboxes':
    case 'yes-no':
    case 'file':
      return <input {...typed} type="text" value={text(value)} />;
  }
}

/** A file question: the current file (with remove), and an upload form of its own (multipart). */
export function FileQuestion({ ctx, field, attachment, error, uploadAction, removeAction, csrf, maxMb }: {
  ctx: PageContext; field: FormField; attachment: Attachment | null; error: string | undefined; uploadAction: string; removeAction: string; csrf: string; maxMb: number;
}) {
  const { t, lang } = ctx;
  const id = fieldId(field.name);
  return (
    <div class={`field file-question${error ? ' field-error' : ''}`}>
      <form method="post" action={uploadAction} encType="multipart/form-data">
        <input type="hidden" name="_csrf" value={csrf} />
        <label for={id}>{field.label[lang]}</label>
        <p class="hint" id={`${field.name}-hint`}>{field.hint ? `${field.hint[lang]}. ` : ''}{t('apply.fileHint', { mb: maxMb })}</p>
        {error ? <p class="error-message" id={`${field.name}-error`}>{error}</p> : null}
        {attachment ? (
          <p class="file-current">
            {t('apply.fileCurrent', { name: attachment.filename, size: Math.max(1, Math.round(attachment.sizeBytes / 1024)) })}
          </p>
        ) : null}
        <input type="file" id={id} name="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" aria-describedby={`${field.name}-hint${error ? ` ${field.name}-error` : ''}`} />
        <button type="submit" class="secondary">{attachment ? t('apply.replaceFile') : t('apply.uploadFile')}</button>
      </form>
      {attachment ? (
        <form method="post" action={removeAction}>
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit" class="link-button">{t('apply.removeFile', { name: attachment.filename })}</button>
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
