/**
 * Pure rules of the contact centre: the lists operators choose from, the limits on identifying a
 * caller, when a callback is due, and how long a call took. No I/O.
 */
import { kyivDay } from '../../kernel/state-time.ts';
import type { WorkingCalendar } from '../deadlines/index.ts';

/** What a call was about (the call log's list). */
export const CALL_TOPICS = ['case-status', 'application', 'appeal', 'appointment', 'payment', 'documents', 'complaint', 'other'] as const;

/** How a call ended (the call log's list). */
export const CALL_OUTCOMES = ['answered', 'filed-for-caller', 'appointment-booked', 'callback-requested', 'referred', 'not-identified', 'dropped'] as const;

/** How a callback ended. */
export const CALLBACK_OUTCOMES = ['reached', 'no-answer', 'wrong-number', 'resolved-otherwise'] as const;

/** The contact centre's limits and its service standard (from the configuration; `DEFAULT_CONTACT_CENTRE_POLICY` otherwise). */
export interface ContactCentrePolicy {
  /** Minutes a code sent to the caller's phone stays valid. */
  readonly codeMinutes: number;
  /** Wrong entries one code takes; then it is spent and a new one must be sent. */
  readonly codeAttempts: number;
  /** Codes one person may be sent in an hour, whichever operators ask. */
  readonly codesPerPersonPerHour: number;
  /** Knowledge checks that may fail on one call. */
  readonly knowledgeAttemptsPerCall: number;
  /** The service standard: a callback is due by the end of this many working days after it was asked for. */
  readonly callbackWorkingDays: number;
}

export const DEFAULT_CONTACT_CENTRE_POLICY: ContactCentrePolicy = {
  codeMinutes: 10,
  codeAttempts: 3,
  codesPerPersonPerHour: 3,
  knowledgeAttemptsPerCall: 3,
  callbackWorkingDays: 2,
};

/** The end of a Kyiv day (23:59:59.999 local time), found by trying both of Kyiv's offsets. */
export function endOfKyivDay(day: string): Date {
  for (const offset of ['+02:00', '+03:00']) {
    const at = new Date(`${day}T23:59:59.999${offset}`);
    if (kyivDay(at) === day && kyivDay(new Date(at.getTime() + 1)) !== day) {
      return at;
    }
  }
  throw new RangeError(`no end of day in Kyiv for ${day}`);
}

/** When a callback asked for at `at` is due: the end of the `workingDays`-th working day after that day. */
export function callbackDueAt(at: Date, workingDays: number, calendar: WorkingCalendar): Date {
  return endOfKyivDay(calendar.addWorkingDays(kyivDay(at), workingDays));
}

/** Whole seconds between the start and the end of a call. */
export const callSeconds = (startedAt: Date, endedAt: Date): number => Math.max(0, Math.round((endedAt.getTime() - startedAt.getTime()) / 1000));

/** The last digits of a telephone number: enough for the operator to read out, not the whole number. */
export const phoneEnding = (phone: string): string => phone.replace(/\D/g, '').slice(-2);

/** A telephone number as a caller gives it: digits with an optional leading +, spaces, brackets and dashes. */
export function callerNumber(raw: string): string | null {
  const trimmed = raw.trim().replace(/\s+/g, ' ');
  const digits = trimmed.replace(/\D/g, '');
  return /^\+?[0-9 ()-]+$/.test(trimmed) && digits.length >= 5 && digits.length <= 15 ? trimmed : null;
}

export const NATIONAL_ID = /^[0-9]{10}$/;
