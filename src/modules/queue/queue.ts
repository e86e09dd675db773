/**
 * The walk-in queue's rules. Pure: which waiting ticket a desk calls next, how long a new ticket is
 * likely to wait, and how a ticket is labelled.
 */

export type TicketKind = 'walk-in' | 'appointment';

/** A waiting ticket, as the ordering rule sees it. */
export interface Candidate {
  readonly id: string;
  readonly kind: TicketKind;
  /** When it joined the waiting line (issued, checked in, or transferred). */
  readonly waitingSince: Date;
  /** An appointment's booked time; null for a walk-in. */
  readonly appointmentAt: Date | null;
  /** A transfer may send a ticket to one desk: only that desk calls it. */
  readonly forDesk: string | null;
}

export interface FairnessRule {
  /** At most this many appointments are called in a row while a walk-in waits longer than `walkInPatienceMinutes`. */
  readonly maxAppointmentsInARow: number;
  readonly walkInPatienceMinutes: number;
  /** An appointment counts as due this many minutes before its time. */
  readonly appointmentEarlyMinutes: number;
}

export const DEFAULT_FAIRNESS: FairnessRule = { maxAppointmentsInARow: 2, walkInPatienceMinutes: 15, appointmentEarlyMinutes: 5 };

const MINUTE = 60_000;

const byTime = (a: Date, b: Date) => a.getTime() - b.getTime();
/** Longest waiting first; equal times keep the order given (the sort is stable; the repository gives ticket number order). */
const olderFirst = (a: Candidate, b: Candidate) => byTime(a.waitingSince, b.waitingSince);
const earlierAppointment = (a: Candidate, b: Candidate) => byTime(a.appointmentAt as Date, b.appointmentAt as Date) || olderFirst(a, b);

/**
 * The ticket a desk calls next, or null when none waits for it.
 *
 * 1. Only tickets this desk may call: not sent to another desk by a transfer.
 * 2. A checked-in appointment whose time has come (from `appointmentEarlyMinutes` before it) goes
 *    before walk-ins, earliest booked time first —
 * 3. — unless the last `maxAppointmentsInARow` tickets called at the centre were all appointments and
 *    the oldest walk-in has waited `walkInPatienceMinutes` or more: then that walk-in goes next, so
 *    walk-ins are never starved by a run of appointments.
 * 4. Otherwise the walk-in who has waited longest.
 * 5. With no walk-in waiting, an appointment checked in early is called rather than leave the desk idle.
 *
 * `appointmentStreak` is how many of the most recent calls at the centre, counting back, were appointments.
 */
export function nextTicket(waiting: readonly Candidate[], desk: string, appointmentStreak: number, now: Date, rule: FairnessRule = DEFAULT_FAIRNESS): Candidate | null {
  const mine = waiting.filter((c) => c.forDesk === null || c.forDesk === desk);
  const walkIns = mine.filter((c) => c.kind === 'walk-in').sort(olderFirst);
  const appointments = mine.filter((c) => c.kind === 'appointment').sort(earlierAppointment);
  const dueBy = now.getTime() + rule.appointmentEarlyMinutes * MINUTE;
  const due = appointments.filter((a) => (a.appointmentAt as Date).getTime() <= dueBy);
  const oldestWalkIn = walkIns[0] ?? null;
  const walkInStarving = oldestWalkIn !== null && now.getTime() - oldestWalkIn.waitingSince.getTime() >= rule.walkInPatienceMinutes * MINUTE;
  if (due[0] !== undefined && !(walkInStarving && appointmentStreak >= rule.maxAppointmentsInARow)) {
    return due[0];
  }
  return oldestWalkIn ?? appointments[0] ?? null;
}

/** How many of the calls, most recent first, were appointments before the first walk-in. */
export function appointmentStreak(recentKindsNewestFirst: readonly TicketKind[]): number {
  const i = recentKindsNewestFirst.findIndex((k) => k === 'walk-in');
  return i === -1 ? recentKindsNewestFirst.length : i;
}

/** Without a served ticket to learn from, a service is taken to last this long. */
export const DEFAULT_SERVICE_SECONDS = 600;

/**
 * The estimated wait in whole minutes for someone with `ahead` people before them: the mean of the
 * recent service times (or `DEFAULT_SERVICE_SECONDS`) times the people ahead, shared by the desks
 * at work (at least one), rounded up. Nobody ahead: 0.
 */
export function estimatedWaitMinutes(ahead: number, recentServiceSeconds: readonly number[], desks: number): number {
  if (ahead <= 0) {
    return 0;
  }
  const usable = recentServiceSeconds.filter((s) => Number.isFinite(s) && s >= 0);
  const mean = usable.length === 0 ? DEFAULT_SERVICE_SECONDS : usable.reduce((a, b) => a + b, 0) / usable.length;
  return Math.ceil((ahead * mean) / Math.max(1, desks) / 60);
}

/** A ticket's label: `A` for a walk-in, `B` for an appointment, then the centre-day number in three digits. */
export const ticketLabel = (kind: TicketKind, number: number): string => `${kind === 'walk-in' ? 'A' : 'B'}-${String(number).padStart(3, '0')}`;

/** A desk's name as staff type it: 1 to 12 letters, digits, spaces or dashes. */
export function deskName(raw: string): string | null {
  const d = raw.normalize('NFC').trim().replace(/\s+/gu, ' ');
  return /^[\p{L}\p{N}][\p{L}\p{N} -]{0,11}$/u.test(d) ? d : null;
}
