/**
 * Citizens' appeals: types and pure rules (no I/O, no clock — every "today" comes in as an argument).
 *
 * Legal basis:
 * - Law of Ukraine "On Citizens' Appeals" No. 393/96-ВР of 02.10.1996, Art. 3 (proposals, requests,
 *   complaints), Art. 8 (an appeal that names no author is not considered — the portal records it and
 *   answers only to the number it came from), Art. 20: an appeal is considered within one month of
 *   its receipt, one that needs no extra study no later than 15 days, and the term may be extended
 *   with notice to the person, the whole term not exceeding 45 days.
 * - Law of Ukraine "On Administrative Services" No. 5203-VI, Art. 20: a refusal may be appealed to the
 *   supervising body; the appeal is considered within 30 days (here the service's `appealTerm` in the
 *   catalogue, 30 calendar days when absent).
 */
import type { Lang } from '../../kernel/text.ts';
import { type Day, dueDate, type Term, type WorkingCalendar } from '../deadlines/index.ts';

export const APPEAL_KINDS = ['request', 'proposal', 'complaint', 'commendation', 'refusal-appeal'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];
/** The kinds a person chooses on the filing page (an appeal against a refusal starts from the refusal itself). */
export const FILED_KINDS = ['request', 'proposal', 'complaint', 'commendation'] as const;

export const APPEAL_CHANNELS = ['web', 'api', 'sms', 'phone', 'post', 'in-person'] as const;
export type AppealChannel = (typeof APPEAL_CHANNELS)[number];

/** The longest appeal text and answer (pages set it as maxlength). SMS are far shorter. */
export const MAX_APPEAL_TEXT = 4000;
/** The longest officer's name a complaint may give. */
export const MAX_OFFICER_NAME = 200;

/** Art. 20: one month — counted, as the portal counts every calendar term, in calendar days. */
export const APPEAL_TERM: Term = { days: 30, unit: 'calendar' };
/** Art. 20: an appeal that needs no extra study is answered within 15 days (shown to officers as the target). */
export const QUICK_TERM: Term = { days: 15, unit: 'calendar' };
/** Art. 20: the whole term, extended with notice, is at most 45 days. */
export const EXTENDED_TERM: Term = { days: 45, unit: 'calendar' };
/** The Law "On Administrative Services": an appeal against a refusal is considered within 30 days, unless the service's catalogue record says otherwise. */
export const DEFAULT_REFUSAL_APPEAL_TERM: Term = { days: 30, unit: 'calendar' };

export type AppealState = 'open' | 'answered';

/** What a person writes on the filing page (or an API client sends, or staff type for them): every field as typed. */
export interface AppealInput {
  readonly kind: string;
  /** The agency's catalogue id, or '' for "I do not know" (triage). */
  readonly agency: string;
  readonly text: string;
  /** A case the appeal is about, or ''. */
  readonly caseNumber: string;
  /** An officer the complaint names, or ''. */
  readonly officer: string;
}

export interface AppealRecord {
  readonly id: string;
  readonly number: string;
  readonly kind: AppealKind;
  readonly channel: AppealChannel;
  readonly personId: string | null;
  readonly personName: string | null;
  readonly replyNumber: string | null;
  /** The address a written answer goes to by post (an appeal by post, or from someone the portal has no record of), or null. */
  readonly postalAddress: string | null;
  readonly lang: Lang;
  /** Null: in the triage list. */
  readonly organisationId: string | null;
  readonly text: string;
  readonly namedCaseId: string | null;
  readonly namedCaseNumber: string | null;
  readonly namedOfficer: string | null;
  readonly state: AppealState;
  readonly filedAt: Date;
  readonly filedOn: Day;
  readonly termDays: number;
  readonly dueOn: Day;
  readonly extendedOn: Day | null;
  readonly extensionReason: string | null;
  readonly answer: string | null;
  readonly answeredAt: Date | null;
  readonly answeredBy: string | null;
  readonly version: number;
}

export interface AppealEventRecord {
  readonly id: number;
  readonly event: 'file' | 'assign' | 'extend' | 'answer';
  readonly actorPersonId: string | null;
  readonly actorName: string | null;
  readonly actorRole: string;
  readonly channel: string;
  readonly detail: string | null;
  readonly at: Date;
}

/** The last day of a term that starts on `filedOn` (day 0), in calendar days; a last day that is not a working day moves to the next working day. */
export function termEnd(filedOn: Day, term: Term, calendar: WorkingCalendar): Day {
  const due = dueDate(filedOn, term, calendar);
  if (due.kind !== 'due') {
    throw new Error('a term without pauses always has a due date');
  }
  return due.day;
}

/** The term an appeal of `kind` is given: a month, or for an appeal against a refusal the refused service's term (default 30 days). */
export const appealTermOf = (kind: AppealKind, refusalAppealTerm: Term | undefined): Term =>
  kind === 'refusal-appeal' ? (refusalAppealTerm ?? DEFAULT_REFUSAL_APPEAL_TERM) : APPEAL_TERM;

/** The day an appeal extended once is due: 45 days from filing in all (never earlier than the day it was due already). */
export function extendedDueOn(a: Pick<AppealRecord, 'filedOn' | 'dueOn'>, calendar: WorkingCalendar): Day {
  const extended = termEnd(a.filedOn, EXTENDED_TERM, calendar);
  return extended > a.dueOn ? extended : a.dueOn;
}

/** Only proposals, requests, complaints and commendations are extended (Art. 20); once; while open. */
export const canExtend = (a: Pick<AppealRecord, 'kind' | 'state' | 'extendedOn'>): boolean => a.state === 'open' && a.extendedOn === null && a.kind !== 'refusal-appeal';

/**
 * Where an appeal is sent: an agency it names, or the agency of the case it names, else the triage
 * list (null). An appeal against a refusal goes to the supervising body — the refusing agency's parent
 * in the catalogue — and, when the catalogue names none, to triage.
 */
export function routeOf(input: { kind: AppealKind; namedAgency: string | null; caseAgency: string | null; parentOfCaseAgency: string | null }): string | null {
  if (input.kind === 'refusal-appeal') {
    return input.parentOfCaseAgency;
  }
  return input.namedAgency ?? input.caseAgency;
}
