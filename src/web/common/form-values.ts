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

/** The three fields of a date input as typed (trimmed). */
export interface DateParts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

/** Why a date input could not be read: the stable code, and the parts to mark in error. */
export interface DateProblem {
  readonly code: 'date.missing' | 'date.incomplete' | 'date.invalid';
  readonly parts: readonly (keyof DateParts)[];
}

export type DateInputResult =
  | { readonly ok: true; readonly parts: DateParts; /** YYYY-MM-DD */ readonly iso: string }
  | { readonly ok: false; readonly parts: DateParts; readonly problem: DateProblem }
  | { readonly ok: 'empty'; readonly parts: DateParts };

const PART_NAMES = ['day', 'month', 'year'] as const;

/**
 * Reads a date input's three fields (`<name>-day`, `<name>-month`, `<name>-year`): a real date as
 * YYYY-MM-DD, nothing when all three are empty (the caller decides whether it was required), or the
 * problem — a part missing, or no such day (31 April, 29 February of a common year, a two-digit year).
 */
export function readDateInput(body: unknown, name: string): DateInputResult {
  const parts: DateParts = {
    day: formString(body, `${name}-day`).trim(),
    month: formString(body, `${name}-month`).trim(),
    year: formString(body, `${name}-year`).trim(),
  };
  const missing = PART_NAMES.filter((p) => parts[p] === '');
  if (missing.length === 3) {
    return { ok: 'empty', parts };
  }
  if (missing.length > 0) {
    return { ok: false, parts, problem: { code: 'date.incomplete', parts: missing } };
  }
  const digits = /^\d{1,2}$/;
  const day = Number(parts.day);
  const month = Number(parts.month);
  const year = Number(parts.year);
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = digits.test(parts.day) && digits.test(parts.month) && /^\d{4}$/.test(parts.year) && year >= 1000 &&
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real) {
    return { ok: false, parts, problem: { code: 'date.invalid', parts: [...PART_NAMES] } };
  }
  return { ok: true, parts, iso: `${parts.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** A required date: an empty input is the `date.missing` problem. */
export function readRequiredDate(body: unknown, name: string): Exclude<DateInputResult, { ok: 'empty' }> {
  const result = readDateInput(body, name);
  return result.ok === 'empty' ? { ok: false, parts: result.parts, problem: { code: 'date.missing', parts: [...PART_NAMES] } } : result;
}

/** A date (YYYY-MM-DD) as the three fields of a date input, to fill the form again. */
export function datePartsOf(iso: string | null | undefined): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] ?? '' } : { day: '', month: '', year: '' };
}
