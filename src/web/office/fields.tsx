import type { ComponentChildren } from 'preact';

import type { FieldError } from '../common/components.tsx';

/** Form pieces of the back office. Every control's id is `filter-<field>`, which the error summary links to. */

export const fieldId = (field: string): string => `filter-${field}`;
export const errorOf = (errors: readonly FieldError[], field: string): string | undefined => errors.find((e) => e.field === field)?.message;

/** The ids a control is described by: its hint and its error message, when present. */
export function describedBy(errors: readonly FieldError[], field: string, hint: boolean): string | undefined {
  const ids = [hint ? `${fieldId(field)}-hint` : null, errorOf(errors, field) ? `${fieldId(field)}-error` : null].filter((x) => x !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldMessage({ errors, field }: { errors: readonly FieldError[]; field: string }) {
  const message = errorOf(errors, field);
  return message ? <p class="govuk-error-message" id={`${fieldId(field)}-error`}>{message}</p> : null;
}

/** A labelled field: label, optional hint, the error beside it, then the control. */
export function Field(props: { errors: readonly FieldError[]; field: string; label: string; hint?: string; children: ComponentChildren }) {
  const { errors, field, label, hint, children } = props;
  return (
    <div class={`govuk-form-group${errorOf(errors, field) ? ' govuk-form-group--error' : ''}`}>
      <label class="govuk-label govuk-label--s" for={fieldId(field)}>{label}</label>
      {hint ? <div class="govuk-hint" id={`${fieldId(field)}-hint`}>{hint}</div> : null}
      <FieldMessage errors={errors} field={field} />
      {children}
    </div>
  );
}

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}
