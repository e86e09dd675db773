/**
 * Statutory terms of a case: the due date, where the case stands against it, reminder and escalation
 * days, and when silent consent applies. Pure: every "today" comes in as an argument.
 *
 * Legal basis:
 * - Law of Ukraine "On Administrative Services" No. 5203-VI of 06.09.2012, Art. 10: the term is set by law and is "counted from the
 *   day of submission of a complete application"; at most 30 calendar days unless a law says otherwise.
 * - Law of Ukraine "On the Permit System in Economic Activity" No. 2806-IV of 06.09.2005, Art. 1: silent consent — the applicant
 *   acquires the right when all documents were submitted in full and, within the statutory term,
 *   neither the permit nor a refusal was issued or sent.
 */
import { addDays, assertDay, type Day, daysBetween } from './day.ts';
import { type WorkingCalendar } from './working-calendar.ts';

/** A statutory term; the same shape as the catalogue's `deadline` (catalogue-record.schemas.ts `Term`). */
export interface Term {
  days: number;
  unit: 'calendar' | 'working';
}

/**
 * A stretch during which the case waits for the applicant (an information request). The clock stops
 * for the days in (from, to]: the request day still counts (the case was worked on that day), the day
 * the applicant answers does not — counting resumes the day after, just as after a submission.
 * `to: null` is a request not yet answered.
 */
export interface Pause {
  from: Day;
  to: Day | null;
}

export type DueDate =
  /** The last day of the term: a decision is due by the end of this day. */
  | { kind: 'due'; day: Day }
  /** An unanswered request stopped the clock: no due date until it is answered. */
  | { kind: 'paused'; since: Day; daysLeft: number; unit: Term['unit'] };

const MAX_TERM_DAYS = 3650; // the catalogue schema's maximum

function assertTerm(term: Term): void {
  if (!Number.isInteger(term.days) || term.days < 0 || term.days > MAX_TERM_DAYS) {
    throw new RangeError(`a term is 0..${MAX_TERM_DAYS} whole days, got ${term.days}`);
  }
}

function assertPauses(pauses: readonly Pause[]): void {
  for (const p of pauses) {
    assertDay(p.from, 'pause.from');
    if (p.to !== null && assertDay(p.to, 'pause.to') < p.from) {
      throw new RangeError(`a pause cannot end (${p.to}) before it starts (${p.from})`);
    }
  }
}

/**
 * The last day of `term` for an application submitted (complete) on `start`.
 *
 * Start: Art. 10 of the Law "On Administrative Services" says the term is "counted from the day of submission of a complete application"; as in
 * Ukrainian practice (the general rule of Civil Code Art. 253: a term begins to run on the day after
 * the date or event that starts it), the day of submission is day 0 and the day after it is day 1.
 * A term of 0 days ends on the day of submission (moved to the next working day if that is not one).
 *
 * Working terms count only working days. Calendar terms count every day, but a term whose last day
 * falls on a weekend day or a public holiday ends on the next working day (the general rule for
 * terms in Ukrainian law, e.g. Civil Code Art. 254 part 5).
 *
 * Pauses: days in a pause are not counted, so a pause inside the term moves the due date by its
 * calendar days (calendar term) or its working days (working term). A pause that starts on or after
 * the day the count completes changes nothing. The next-working-day rule applies once, at the end.
 */
export function dueDate(start: Day, term: Term, calendar: WorkingCalendar, pauses: readonly Pause[] = []): DueDate {
  assertDay(start, 'start');
  assertTerm(term);
  assertPauses(pauses);
  if (pauses.length === 0 && term.unit === 'calendar') {
    return { kind: 'due', day: calendar.workingDayOnOrAfter(addDays(start, term.days)) };
  }
  const open = pauses.filter((p) => p.to === null).map((p) => p.from).sort()[0];
  const closed = pauses.flatMap((p) => (p.to === null ? [] : [{ from: p.from, to: p.to }]));
  const paused = (day: Day): boolean => closed.some((p) => day > p.from && day <= p.to);
  const counts = term.unit === 'working' ? (day: Day) => calendar.isWorkingDay(day) : () => true;

  let day = start;
  let counted = 0;
  while (counted < term.days) {
    day = addDays(day, 1);
    if (open !== undefined && day > open) {
      return { kind: 'paused', since: open, daysLeft: term.days - counted, unit: term.unit };
    }
    if (!paused(day) && counts(day)) {
      counted += 1;
    }
  }
  return { kind: 'due', day: calendar.workingDayOnOrAfter(day) };
}

export type DeadlineStatus =
  /** More than `dueSoonWorkingDays` working days left. */
  | { status: 'on-time'; workingDaysLeft: number }
  /** At most `dueSoonWorkingDays` working days left (not counting today). */
  | { status: 'due-soon'; workingDaysLeft: number }
  /** Today is the last day. */
  | { status: 'due-today'; workingDaysLeft: 0 }
  /** The term has run out; a Saturday after a Friday due date is 1 calendar day but 0 working days over. */
  | { status: 'overdue'; workingDaysOver: number; calendarDaysOver: number };

export interface StatusPolicy {
  dueSoonWorkingDays: number;
}

/** Where a case with this due date stands today. Days left are working days in (today, due]. */
export function deadlineStatus(due: Day, today: Day, calendar: WorkingCalendar, policy: StatusPolicy): DeadlineStatus {
  assertDay(due, 'due');
  assertDay(today, 'today');
  assertCount(policy.dueSoonWorkingDays, 'dueSoonWorkingDays');
  if (today === due) {
    return { status: 'due-today', workingDaysLeft: 0 };
  }
  if (today > due) {
    return {
      status: 'overdue',
      workingDaysOver: calendar.workingDaysBetween(due, today),
      calendarDaysOver: daysBetween(due, today),
    };
  }
  const workingDaysLeft = calendar.workingDaysBetween(today, due);
  return workingDaysLeft <= policy.dueSoonWorkingDays
    ? { status: 'due-soon', workingDaysLeft }
    : { status: 'on-time', workingDaysLeft };
}

export interface ReminderPolicy {
  /** Remind the responsible officer this many working days before the due date (0: on the day). */
  remindOfficerWorkingDaysBefore: readonly number[];
  /** Escalate to the supervisor this many working days before the due date. */
  escalateSupervisorWorkingDaysBefore: number;
}

export interface Reminder {
  day: Day;
  kind: 'officer-reminder' | 'supervisor-escalation';
  workingDaysBefore: number;
}

/**
 * The days on which the officer is reminded and the supervisor alerted, earliest first (a reminder
 * before an escalation on the same day). "n working days before" is the n-th working day before the
 * due date. With `after` (e.g. the submission day), days on or before it are left out — a 3-day
 * term has no "5 days before". Recompute whenever the due date moves (a pause ends).
 */
export function remindersFor(
  due: Day,
  calendar: WorkingCalendar,
  policy: ReminderPolicy,
  options: { after?: Day } = {},
): Reminder[] {
  assertDay(due, 'due');
  const after = options.after === undefined ? undefined : assertDay(options.after, 'after');
  const officer = [...new Set(policy.remindOfficerWorkingDaysBefore)].map((n) => ({
    kind: 'officer-reminder' as const,
    n: assertCount(n, 'remindOfficerWorkingDaysBefore'),
  }));
  const supervisor = {
    kind: 'supervisor-escalation' as const,
    n: assertCount(policy.escalateSupervisorWorkingDaysBefore, 'escalateSupervisorWorkingDaysBefore'),
  };
  return [...officer, supervisor]
    .map(({ kind, n }) => ({ day: calendar.addWorkingDays(due, -n), kind, workingDaysBefore: n }))
    .filter((r) => after === undefined || r.day > after)
    .sort((a, b) => (a.day === b.day ? 0 : a.day < b.day ? -1 : 1)); // stable: officer before supervisor
}

function assertCount(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`${what} must be a whole number of days, 0 or more, got ${n}`);
  }
  return n;
}

export interface SilentConsentCase {
  /** All documents required by law were submitted (a request for more means not yet complete). */
  complete: boolean;
  /** A decision — grant or refusal — was issued or sent. */
  decided: boolean;
  /** The service grants silent consent (the catalogue's `silentConsent`). */
  silentConsent: boolean;
}

/**
 * Whether the case is to be granted by silent consent today (Art. 1 of the Law "On the Permit System in Economic Activity"): from the day after the due date,
 * if the documents were complete, nothing was decided, and the service grants silent consent. The
 * permit is deemed issued on the last day of the term (in the practice under that article: "the day of issue is deemed the last
 * day of the statutory review term"). Whether the former 10-working-day delay still applies is
 * not settled in the current text; this takes the current text as having none.
 */
export function silentConsentDue(due: Day, today: Day, caseState: SilentConsentCase): boolean {
  assertDay(due, 'due');
  assertDay(today, 'today');
  return caseState.silentConsent && caseState.complete && !caseState.decided && today > due;
}
