import { THEMATIC_AREAS } from '../../modules/catalogue/index.ts';
import type { GrantMandate, MandateScope } from '../../modules/identity/index.ts';
import type { FieldError } from '../common/components.tsx';
import { formString, formStrings } from '../common/form-values.ts';
import type { TextKey, Translator } from '../locales/messages.ts';

export type Form = Record<string, string | string[]>;

/** The fields of the grant form, as they are shown back to the person. */
export const GRANT_FIELDS = ['representative', 'scope', 'thematic', 'validFrom', 'validUntil'] as const;
export const DATE_FIELDS = ['validFrom', 'validUntil'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

/**
 * A date from the design system's three boxes (`<name>-day`, `-month`, `-year`), or from one
 * `YYYY-MM-DD` field (how the confirmation page carries it). `null` when it is not a real date.
 */
export function dateOf(body: Form, name: string): string | null {
  const iso = formString(body, name).trim();
  const [d, m, y] = ['day', 'month', 'year'].map((part) => formString(body, `${name}-${part}`).trim());
  const text = d || m || y ? `${(y ?? '').padStart(4, '0')}-${(m ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}` : iso;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) {
    return null;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? text : null;
}

/** The three boxes of a date as typed, or filled from a `YYYY-MM-DD` value (coming back from the confirmation). */
export function dateParts(values: Readonly<Record<string, string | readonly string[]>>, name: string): { day: string; month: string; year: string } {
  const one = (k: string) => {
    const v = values[k];
    return typeof v === 'string' ? v : '';
  };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(one(name));
  if (iso && !one(`${name}-day`) && !one(`${name}-month`) && !one(`${name}-year`)) {
    return { day: String(Number(iso[3])), month: String(Number(iso[2])), year: iso[1] ?? '' };
  }
  return { day: one(`${name}-day`), month: one(`${name}-month`), year: one(`${name}-year`) };
}

/** What the person typed, kept to be shown back: each field read as the form sends it. */
export function valuesOf(body: Form): Form {
  const values: Form = { services: formStrings(body, 'services') };
  for (const k of GRANT_FIELDS) {
    values[k] = formString(body, k);
  }
  for (const f of DATE_FIELDS) {
    for (const part of ['day', 'month', 'year']) {
      values[`${f}-${part}`] = formString(body, `${f}-${part}`);
    }
  }
  return values;
}

/** Reads the grant form; every problem is named against its field. */
export function parseGrantForm(t: Translator, body: Form): { input: GrantMandate | null; errors: FieldError[] } {
  const one = (k: string): string => formString(body, k).trim();
  const errors: FieldError[] = [];
  const fail = (field: string, key: TextKey) => errors.push({ field, message: t(key) });
  const representative = one('representative').replace(/\s/g, '');
  if (!/^\d{10}$/.test(representative)) {
    fail('representative', 'mandateError.representative-format');
  }
  const services = formStrings(body, 'services').filter((s) => /^[a-z0-9-]{2,80}$/.test(s));
  const thematic = one('thematic');
  let scope: MandateScope = { kind: 'all' };
  if (one('scope') === 'services') {
    scope = { kind: 'services', serviceIds: services };
    if (services.length === 0) {
      fail('services', 'mandateError.scope-empty');
    }
  } else if (one('scope') === 'thematic') {
    scope = { kind: 'thematic', thematicArea: thematic };
    if (!(THEMATIC_AREAS as readonly string[]).includes(thematic)) {
      fail('thematic', 'mandateError.thematic');
    }
  }
  const dates: Partial<Record<DateField, string>> = {};
  for (const f of DATE_FIELDS) {
    const date = dateOf(body, f);
    if (date === null) {
      fail(f, 'mandateError.date-format');
    } else {
      dates[f] = date;
    }
  }
  const { validFrom, validUntil } = dates;
  const input = validFrom && validUntil ? { representativeNationalId: representative, scope, validFrom, validUntil } : null;
  return { input: errors.length === 0 ? input : null, errors };
}
