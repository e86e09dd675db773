/**
 * The one way web handlers read form fields. A browser sends each field of the portal's forms once,
 * as text (checkbox groups: as many times as there are ticks); anything else — a field sent twice,
 * a JSON object where text belongs — is a FormFieldError, which the error handler answers with a 400
 * page naming the field, never a 500 further in.
 */
export class FormFieldError extends Error {
  readonly statusCode = 400;
  readonly code = 'request.form_field';

  constructor(readonly field: string) {
    super(`the form field "${field}" is not one piece of text`);
  }
}

/** A multipart field as @fastify/multipart attaches it (`{ type: 'field', value }`), or the value as it is. */
function unwrap(value: unknown): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as { type?: unknown }).type === 'field' ? (value as { value?: unknown }).value : value;
}

function fieldOf(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null && Object.hasOwn(body, name) ? unwrap((body as Record<string, unknown>)[name]) : undefined;
}

/** One text field as sent (not trimmed); '' when absent. A field sent more than once, or not as text, is a 400. */
export function formString(body: unknown, name: string): string {
  const value = fieldOf(body, name);
  if (value === undefined) {
    return '';
  }
  if (typeof value !== 'string') {
    throw new FormFieldError(name);
  }
  return value;
}

/** Every value of a repeatable field (a group of checkboxes); [] when absent. A value that is not text is a 400. */
export function formStrings(body: unknown, name: string): string[] {
  const value = fieldOf(body, name);
  const values = value === undefined ? [] : Array.isArray(value) ? value.map(unwrap) : [value];
  if (!values.every((v): v is string => typeof v === 'string')) {
    throw new FormFieldError(name);
  }
  return values;
}
