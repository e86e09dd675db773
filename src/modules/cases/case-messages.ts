/**
 * The outbox messages the cases module sends: one type per kind, written by the producer and read by
 * the handler (notifications), with the check a handler runs on a stored payload. Pure.
 */
import { isLang, type Lang } from '../../kernel/text.ts';

/** Told to the applicant: the application was received (the receipt). */
export const CASE_SUBMITTED_TOPIC = 'case.submitted';
/**
 * A case moved: `event`, `from`, `to`, and `decided` (the outcome this event decided, else null). The
 * notifications module decides which of these the applicant is told about (its README lists them).
 */
export const CASE_CHANGED_TOPIC = 'case.changed';
/** Told to the assigned officer: a case's due date is near. */
export const CASE_REMINDER_TOPIC = 'case.reminder';
/** Told to the agency's supervisors: a case's due date is nearer still. */
export const CASE_ESCALATION_TOPIC = 'case.escalation';

/** `case.submitted`. */
export interface CaseSubmittedMessage {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly applicantPersonId: string;
  readonly lang: Lang;
  readonly serviceId: string;
  /** Kopecks due now, or null when nothing is due. */
  readonly feeDue: number | null;
}

/** `case.changed`. */
export interface CaseChangedMessage {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly event: string;
  readonly from: string;
  readonly to: string;
  readonly decided: string | null;
  readonly applicantPersonId: string;
  readonly lang: Lang;
  /** On `request-information`: the day ('YYYY-MM-DD') the answer is asked for by (absent from messages written before it was carried). */
  readonly answerBy?: string;
}

/** `case.reminder` and `case.escalation`. */
export interface CaseDeadlineMessage {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly organisationId: string;
  readonly dueOn: string;
  readonly workingDaysBefore: number;
  /** The officers (person ids) to tell. */
  readonly to: readonly string[];
}

type Fields = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (m: Fields, names: readonly string[]) => names.every((n) => typeof m[n] === 'string');

export function parseCaseSubmitted(payload: unknown): CaseSubmittedMessage | null {
  if (!isObject(payload) || !strings(payload, ['caseId', 'caseNumber', 'applicantPersonId']) || !isLang(payload['lang'])) {
    return null;
  }
  const feeDue = payload['feeDue'];
  return typeof feeDue === 'number' || feeDue === null || feeDue === undefined ? ({ ...payload, feeDue: feeDue ?? null } as unknown as CaseSubmittedMessage) : null;
}

export function parseCaseChanged(payload: unknown): CaseChangedMessage | null {
  if (!isObject(payload) || !strings(payload, ['caseId', 'caseNumber', 'applicantPersonId', 'event']) || !isLang(payload['lang'])) {
    return null;
  }
  const decided = payload['decided'];
  const answerBy = payload['answerBy'];
  if (answerBy !== undefined && !(typeof answerBy === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(answerBy))) {
    return null;
  }
  return typeof decided === 'string' || decided === null || decided === undefined ? ({ ...payload, decided: decided ?? null } as unknown as CaseChangedMessage) : null;
}

export function parseCaseDeadline(payload: unknown): CaseDeadlineMessage | null {
  if (!isObject(payload) || !strings(payload, ['caseId', 'caseNumber', 'dueOn']) || typeof payload['workingDaysBefore'] !== 'number') {
    return null;
  }
  const to = payload['to'];
  return Array.isArray(to) && to.every((p) => typeof p === 'string') ? (payload as unknown as CaseDeadlineMessage) : null;
}
