import type { FieldError } from '../common/components.tsx';
import { Field, fieldId } from '../common/inputs.tsx';
import type { Translator } from '../locales/messages.ts';

/** Form pieces of the back office. Every control's id is `filter-<field>`, which the error summary links to. */

export { fieldId };
export const errorOf = (errors: readonly FieldError[], field: string): string | undefined => errors.find((e) => e.field === field)?.message;

/**
 * A text area whose id differs from the name it posts: several forms on one page each post a `reason`,
 * so each is `filter-<event>-reason` (the design system's field, label, hint and error message around it).
 */
export function ReasonTextarea(props: { t: Translator; field: string; name: string; label: string; hint?: string | undefined; error?: string | undefined; value: string; rows?: number; maxLength?: number; required?: boolean }) {
  const { t, field, name, label, hint, error, value, rows = 4, maxLength, required } = props;
  const describedBy = [hint ? `${fieldId(field)}-hint` : null, error ? `${fieldId(field)}-error` : null].filter((x) => x !== null).join(' ') || undefined;
  return (
    <Field t={t} name={field} label={label} hint={hint} error={error}>
      <textarea class={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`} id={fieldId(field)} name={name} rows={rows} maxLength={maxLength} required={required}
        aria-describedby={describedBy} value={value} />
    </Field>
  );
}

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}
