/**
 * Results ready for collection at a service centre, and their handover. Types and pure rules: no I/O,
 * no clock (every "now" and "today" comes in as an argument).
 */
import type { LocalText } from '../../kernel/text.ts';
import type { Centre } from '../catalogue/index.ts';

export type CollectionStatus = 'ready' | 'collected' | 'cancelled';

/** The identity documents the front desk checks at a handover. */
export const ID_DOCUMENT_TYPES = ['passport', 'id-card', 'foreign-passport', 'residence-permit', 'other'] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];

export const RECIPIENTS = ['applicant', 'representative'] as const;
export type Recipient = (typeof RECIPIENTS)[number];

/** The longest name, basis and reason a form takes (pages set them as maxlength). */
export const MAX_NAME = 200;
export const MAX_BASIS = 200;
export const MAX_REASON = 500;
/** How far ahead a "collect by" day may lie. */
export const MAX_COLLECT_DAYS = 366;

export interface Collection {
  readonly id: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly organisationId: string;
  readonly centreId: string;
  readonly status: CollectionStatus;
  /** The last day to collect ('YYYY-MM-DD'), if one was set. */
  readonly collectBy: string | null;
  readonly readyAt: Date;
  readonly readyBy: string;
  readonly handedAt: Date | null;
  readonly handedBy: string | null;
  readonly handedByName: string | null;
  readonly recipient: Recipient | null;
  readonly representativeName: string | null;
  readonly representativeBasis: string | null;
  readonly idDocumentType: IdDocumentType | null;
  /** Only the last four characters of the document's number are kept. */
  readonly idDocumentLast4: string | null;
  readonly cancelledAt: Date | null;
}

/** A result awaiting collection, as the front desk's list shows it. */
export interface AwaitingCollection extends Collection {
  readonly applicantName: string;
  readonly applicantPersonId: string;
  readonly partyName: string;
  readonly partyKind: 'self' | 'business' | 'person';
  readonly partyId: string | null;
  readonly serviceId: string;
}

/** Where a result is to be collected, as a notice tells it (both languages: each person is told in theirs). */
export interface CollectionPlace {
  readonly centreName: LocalText;
  /** One line: street, city, post code. */
  readonly address: LocalText;
  /** "Mon–Fri 09:00–18:00; Sat 09:00–14:00". */
  readonly hours: LocalText;
}

/** What was handed over and to whom, as the front desk enters it. */
export interface HandoverInput {
  readonly recipient: string;
  readonly representativeName: string;
  readonly representativeBasis: string;
  readonly idDocumentType: string;
  readonly idDocumentNumber: string;
}

export type HandoverProblem =
  | { readonly field: 'recipient'; readonly code: 'recipient.missing' }
  | { readonly field: 'representativeName'; readonly code: 'representativeName.missing' | 'representativeName.long' }
  | { readonly field: 'representativeBasis'; readonly code: 'representativeBasis.missing' | 'representativeBasis.long' }
  | { readonly field: 'idDocumentType'; readonly code: 'idDocumentType.missing' }
  | { readonly field: 'idDocumentNumber'; readonly code: 'idDocumentNumber.missing' | 'idDocumentNumber.invalid' };

export interface Handover {
  readonly recipient: Recipient;
  readonly representative: { readonly name: string; readonly basis: string } | null;
  readonly idDocumentType: IdDocumentType;
  readonly idDocumentLast4: string;
}

const NUMBER = /^[0-9A-ZА-ЯҐЄІЇ]{4,20}$/u;

/** A document number as typed, upper-cased without spaces or dashes; only its last four characters are ever stored. */
export function normaliseDocumentNumber(raw: string): string {
  return raw.replace(/[\s-]/gu, '').toUpperCase();
}

/** Reads the handover form: every problem, or the handover to record (the number cut to its last four characters). */
export function readHandover(input: HandoverInput): { ok: true; value: Handover } | { ok: false; problems: HandoverProblem[] } {
  const problems: HandoverProblem[] = [];
  const recipient = RECIPIENTS.find((r) => r === input.recipient);
  if (recipient === undefined) {
    problems.push({ field: 'recipient', code: 'recipient.missing' });
  }
  const name = input.representativeName.trim();
  const basis = input.representativeBasis.trim();
  if (recipient === 'representative') {
    if (name === '') {
      problems.push({ field: 'representativeName', code: 'representativeName.missing' });
    } else if (name.length > MAX_NAME) {
      problems.push({ field: 'representativeName', code: 'representativeName.long' });
    }
    if (basis === '') {
      problems.push({ field: 'representativeBasis', code: 'representativeBasis.missing' });
    } else if (basis.length > MAX_BASIS) {
      problems.push({ field: 'representativeBasis', code: 'representativeBasis.long' });
    }
  }
  const type = ID_DOCUMENT_TYPES.find((d) => d === input.idDocumentType);
  if (type === undefined) {
    problems.push({ field: 'idDocumentType', code: 'idDocumentType.missing' });
  }
  const number = normaliseDocumentNumber(input.idDocumentNumber);
  if (number === '') {
    problems.push({ field: 'idDocumentNumber', code: 'idDocumentNumber.missing' });
  } else if (!NUMBER.test(number)) {
    problems.push({ field: 'idDocumentNumber', code: 'idDocumentNumber.invalid' });
  }
  if (problems.length > 0 || recipient === undefined || type === undefined) {
    return { ok: false, problems };
  }
  return { ok: true, value: { recipient, representative: recipient === 'representative' ? { name, basis } : null, idDocumentType: type, idDocumentLast4: number.slice(-4) } };
}

const WEEK = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
const DAY_NAMES: LocalText[] = [
  { uk: 'Пн', en: 'Mon' }, { uk: 'Вт', en: 'Tue' }, { uk: 'Ср', en: 'Wed' }, { uk: 'Чт', en: 'Thu' }, { uk: 'Пт', en: 'Fri' }, { uk: 'Сб', en: 'Sat' }, { uk: 'Нд', en: 'Sun' },
];

/** Days as a notice writes them: a run of three or more as a range ("Пн–Пт"), others listed ("Сб, Нд"). */
function daysWords(days: readonly string[], lang: 'uk' | 'en'): string {
  const idx = days.map((d) => WEEK.indexOf(d as (typeof WEEK)[number])).filter((i) => i >= 0).sort((a, b) => a - b);
  const name = (i: number) => DAY_NAMES[i]?.[lang] ?? '';
  const first = idx[0];
  const last = idx[idx.length - 1];
  if (first !== undefined && last !== undefined && idx.length >= 3 && last - first === idx.length - 1) {
    return `${name(first)}–${name(last)}`;
  }
  return idx.map(name).join(', ');
}

/** A centre's weekly hours in one line per language: "Пн–Пт 08:00–20:00; Сб 09:00–16:00". */
export function hoursLine(hours: ReadonlyArray<{ readonly days: readonly string[]; readonly opens: string; readonly closes: string }>): LocalText {
  const line = (lang: 'uk' | 'en') => hours.map((h) => `${daysWords(h.days, lang)} ${h.opens}–${h.closes}`).join('; ');
  return { uk: line('uk'), en: line('en') };
}

/**
 * The centre a result is collected at by default: the one the applicant chose in the form, else the
 * one the case was filed at (the front desk), if the service is offered there or it is the agency's;
 * otherwise none (the officer chooses).
 */
export function defaultCentre(candidates: readonly string[], chosen: unknown, filedAt: string | null): string | null {
  if (typeof chosen === 'string' && candidates.includes(chosen)) {
    return chosen;
  }
  return filedAt !== null && candidates.includes(filedAt) ? filedAt : null;
}

const oneLine = (centre: Centre, lang: 'uk' | 'en') => [centre.address.street[lang], centre.address.city[lang], centre.address.postCode].join(', ');

/** A centre as the notice names it: name, address and opening hours in both languages. */
export function placeOf(centre: Centre): CollectionPlace {
  return { centreName: centre.name, address: { uk: oneLine(centre, 'uk'), en: oneLine(centre, 'en') }, hours: hoursLine(centre.openingHours) };
}
