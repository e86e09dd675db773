import type { Attachment } from '../../modules/applications/index.ts';
import type { FormField } from '../../modules/forms/index.ts';
import { fieldId } from '../common/form-fields.tsx';
import type { PageContext } from '../common/layout.tsx';
import { dateParts, fileHint, fileSize } from './fields.view.ts';

/**
 * The questions of an application form in the design system's patterns (govuk-frontend markup):
 * form group, label or legend, hint, error message, control. The first control of each question has
 * the id the error summary links to (`filter-<name>`). Nothing needs script.
 */
interface QuestionProps {
  readonly ctx: PageContext;
  readonly field: FormField;
  readonly value: unknown;
  readonly error: string | undefined;
  readonly maxLength?: number | undefined;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const group = (error: string | undefined) => `govuk-form-group${error ? ' govuk-form-group--error' : ''}`;

function Hint({ id, lines }: { id: string; lines: readonly string[] }) {
  return lines.length === 0 ? null : <div class="govuk-hint" id={id}>{lines.map((l, i) => (i === 0 ? l : <><br />{l}</>))}</div>;
}

function ErrorMessage({ id, error, prefix }: { id: string; error: string | undefined; prefix: string }) {
  return error ? <p class="govuk-error-message" id={id}><span class="govuk-visually-hidden">{prefix} </span>{error}</p> : null;
}

const describedBy = (name: string, hint: boolean, error: string | undefined) => [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;

/** One question of any kind but a file. */
export function Question({ ctx, field, value, error, maxLength }: QuestionProps) {
  const { lang, t } = ctx;
  const hint = field.hint ? [field.hint[lang]] : [];
  if (field.kind === 'radio' || field.kind === 'checkboxes' || field.kind === 'yes-no' || field.kind === 'date') {
    return (
      <div class={group(error)}>
        <fieldset class="govuk-fieldset" role={field.kind === 'date' ? 'group' : undefined} aria-describedby={describedBy(field.name, hint.length > 0 || field.kind === 'date', error)}>
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{field.label[lang]}</legend>
          <Hint id={`${field.name}-hint`} lines={field.kind === 'date' ? [...hint, t('form.dateHint')] : hint} />
          <ErrorMessage id={`${field.name}-error`} error={error} prefix={t('error.prefix')} />
          {field.kind === 'date' ? <DateInput ctx={ctx} field={field} value={value} error={error} /> : <Choices ctx={ctx} field={field} value={value} />}
        </fieldset>
      </div>
    );
  }
  const id = fieldId(field.name);
  return (
    <div class={group(error)}>
      <label class="govuk-label govuk-label--s" for={id}>{field.label[lang]}</label>
      <Hint id={`${field.name}-hint`} lines={hint} />
      <ErrorMessage id={`${field.name}-error`} error={error} prefix={t('error.prefix')} />
      <Control ctx={ctx} field={field} value={value} error={error} maxLength={maxLength} describedBy={describedBy(field.name, hint.length > 0, error)} />
    </div>
  );
}

function Control({ ctx, field, value, error, maxLength, describedBy: by }: QuestionProps & { describedBy: string | undefined }) {
  const common = { id: fieldId(field.name), name: field.name, 'aria-describedby': by, autoComplete: field.autocomplete };
  const input = `govuk-input${error ? ' govuk-input--error' : ''}`;
  switch (field.kind) {
    case 'textarea':
      return <textarea {...common} class={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`} rows={5} maxLength={maxLength}>{text(value)}</textarea>;
    case 'select':
      return (
        <select {...common} class={`govuk-select${error ? ' govuk-select--error' : ''}`}>
          <option value="">{ctx.t('apply.choose')}</option>
          {(field.options ?? []).map((o) => <option key={o.value} value={o.value} selected={value === o.value}>{o.label[ctx.lang]}</option>)}
        </select>
      );
    case 'number':
      return <input {...common} class={`${input} govuk-input--width-10`} type="text" inputMode="decimal" value={text(value)} maxLength={maxLength} />;
    case 'email':
      return <input {...common} class={input} type="email" value={text(value)} maxLength={maxLength} spellcheck={false} />;
    case 'tel':
      return <input {...common} class={`${input} govuk-input--width-20`} type="tel" value={text(value)} maxLength={maxLength} />;
    case 'text':
    case 'date':
    case 'radio':
    case 'checkboxes':
    case 'yes-no':
    case 'file':
      return <input {...common} class={input} type="text" value={text(value)} maxLength={maxLength} />;
  }
}

function Choices({ ctx, field, value }: { ctx: PageContext; field: FormField; value: unknown }) {
  const { t, lang } = ctx;
  const options = field.kind === 'yes-no'
    ? [{ value: 'yes', label: t('apply.yes') }, { value: 'no', label: t('apply.no') }]
    : (field.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] }));
  const chosen = (v: string) =>
    field.kind === 'checkboxes' ? Array.isArray(value) && value.includes(v) : field.kind === 'yes-no' ? (value === true && v === 'yes') || (value === false && v === 'no') : value === v;
  const kind = field.kind === 'checkboxes' ? 'checkboxes' : 'radios';
  return (
    <div class={`govuk-${kind}${field.kind === 'yes-no' ? ' govuk-radios--inline' : ''}`}>
      {options.map((o, i) => (
        <div class={`govuk-${kind}__item`} key={o.value}>
          <input class={`govuk-${kind}__input`} type={kind === 'checkboxes' ? 'checkbox' : 'radio'} id={i === 0 ? fieldId(field.name) : `${field.name}-${i}`} name={field.name} value={o.value} checked={chosen(o.value)} />
          <label class={`govuk-label govuk-${kind}__label`} for={i === 0 ? fieldId(field.name) : `${field.name}-${i}`}>{o.label}</label>
        </div>
      ))}
    </div>
  );
}

/** The date input pattern: day, month and year boxes, numbers only, the year wider. */
function DateInput({ ctx, field, value, error }: { ctx: PageContext; field: FormField; value: unknown; error: string | undefined }) {
  const { t } = ctx;
  const parts = dateParts(value);
  const box = (part: 'day' | 'month' | 'year', width: 2 | 4) => {
    const id = part === 'day' ? fieldId(field.name) : `${field.name}-${part}`;
    return (
      <div class="govuk-date-input__item" key={part}>
        <div class="govuk-form-group">
          <label class="govuk-label govuk-date-input__label" for={id}>{t(`form.${part}`)}</label>
          <input class={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`} id={id} name={`${field.name}-${part}`} type="text" inputMode="numeric" value={parts[part]}
            autoComplete={field.autocomplete === 'bday' ? `bday-${part}` : undefined} maxLength={part === 'year' ? 4 : 2} />
        </div>
      </div>
    );
  };
  return <div class="govuk-date-input">{box('day', 2)}{box('month', 2)}{box('year', 4)}</div>;
}

/**
 * A file question inside the page's one multipart form: the file chosen here is stored whether the
 * applicant presses its Upload button or Save and continue. Remove posts a form of its own (`removeForm`).
 */
export function FileField({ ctx, field, attachment, error, maxMb, removeForm }: {
  ctx: PageContext; field: FormField; attachment: Attachment | null; error: string | undefined; maxMb: number; removeForm: string;
}) {
  const { t, lang } = ctx;
  const id = fieldId(field.name);
  return (
    <div class={group(error)}>
      <label class="govuk-label govuk-label--s" for={id}>{field.label[lang]}</label>
      <Hint id={`${field.name}-hint`} lines={fileHint(field.hint?.[lang], t('apply.fileHint', { mb: maxMb }))} />
      <ErrorMessage id={`${field.name}-error`} error={error} prefix={t('error.prefix')} />
      {attachment ? (
        <dl class="govuk-summary-list govuk-summary-list--no-border app-file-current">
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{t('form.fileUploaded')}</dt>
            <dd class="govuk-summary-list__value">{attachment.filename} ({fileSize(attachment.sizeBytes, lang)})</dd>
            <dd class="govuk-summary-list__actions">
              <button type="submit" form={removeForm} class="govuk-button govuk-button--warning govuk-!-margin-bottom-0">{t('form.remove')}<span class="govuk-visually-hidden"> {attachment.filename}</span></button>
            </dd>
          </div>
        </dl>
      ) : null}
      <input class={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`} type="file" id={id} name={field.name}
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" aria-describedby={describedBy(field.name, true, error)} />
      <div class="govuk-button-group">
        <button type="submit" name="_upload" value={field.name} class="govuk-button govuk-button--secondary">{attachment ? t('apply.replaceFile') : t('apply.uploadFile')}</button>
      </div>
    </div>
  );
}

/**
 * What the registers say (the eID, the business register): read, not asked. A summary list without
 * Change links and a note on where to correct it.
 */
export function RegisterAnswers({ ctx, rows }: { ctx: PageContext; rows: ReadonlyArray<{ field: string; label: string; value: string }> }) {
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
            <dd class="govuk-summary-list__value" id={fieldId(r.field)}>{r.value}</dd>
          </div>
        ))}
      </dl>
      <div class="govuk-inset-text">{t('form.registerNote')}</div>
    </>
  );
}
