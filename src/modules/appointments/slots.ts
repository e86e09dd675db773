/**
 * Appointment slots, cut from a centre's weekly opening hours: each opening period is divided into
 * visits of the service's length from its opening time; a visit that would end after closing is not
 * offered. Public holidays close the centre whatever its hours. Times are the state's (Kyiv) wall
 * clock; `kyivInstant` turns one into an instant. Pure.
 */
import { STATE_TIME_ZONE } from '../../kernel/state-time.ts';

export interface OpeningPeriod {
  readonly days: readonly string[];
  readonly opens: string;
  readonly closes: string;
}

/** One slot of a day: its start and end on the state's clock, 'HH:MM'. */
export interface DaySlot {
  readonly start: string;
  readonly end: string;
}

const WEEKDAYS = ['su', 'mo', 'tu', 'we', 'th', 'fr', 'sa'] as const;

/** The weekday id ('mo' … 'su') of a calendar day 'YYYY-MM-DD'. */
export const weekdayId = (day: string): string => WEEKDAYS[new Date(`${day}T12:00:00Z`).getUTCDay()] ?? 'mo';

const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The slots of one day for a visit of `minutes`, in order; none on a holiday or a day the centre is closed. */
export function slotsOfDay(hours: readonly OpeningPeriod[], day: string, minutes: number, isHoliday: (day: string) => boolean): DaySlot[] {
  if (minutes <= 0 || isHoliday(day)) {
    return [];
  }
  const weekday = weekdayId(day);
  const starts = new Set<number>();
  for (const period of hours.filter((h) => h.days.includes(weekday))) {
    const closes = minutesOf(period.closes);
    for (let at = minutesOf(period.opens); at + minutes <= closes; at += minutes) {
      starts.add(at);
    }
  }
  return [...starts].sort((a, b) => a - b).map((at) => ({ start: timeOf(at), end: timeOf(at + minutes) }));
}

const PARTS = new Intl.DateTimeFormat('en-GB', { timeZone: STATE_TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** The state's wall clock at an instant: its day and time. */
export function kyivClock(at: Date): { day: string; time: string } {
  const p = Object.fromEntries(PARTS.formatToParts(at).map((x) => [x.type, x.value]));
  return { day: `${p['year'] ?? ''}-${p['month'] ?? ''}-${p['day'] ?? ''}`, time: `${p['hour'] ?? ''}:${p['minute'] ?? ''}` };
}

/** Instants already found by `kyivInstant`, by day and time (a booking page asks for a month of slots). */
const instants = new Map<string, number>();
const INSTANTS_KEPT = 20_000;

/** The instant at which the state's clock shows `time` on `day` (the later one when the clock is put back). */
export function kyivInstant(day: string, time: string): Date {
  const key = `${day} ${time}`;
  const known = instants.get(key);
  if (known !== undefined) {
    return new Date(known);
  }
  const wanted = Date.parse(`${day}T${time}:00Z`);
  let at = wanted;
  for (let i = 0; i < 3; i++) {
    const shown = kyivClock(new Date(at));
    at += wanted - Date.parse(`${shown.day}T${shown.time}:00Z`);
  }
  if (instants.size >= INSTANTS_KEPT) {
    instants.clear();
  }
  instants.set(key, at);
  return new Date(at);
}

/** Days from `from`, one after another ('YYYY-MM-DD'). */
export function daysFrom(from: string, count: number): string[] {
  const start = Date.parse(`${from}T12:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

/** The calendar day before `day`. */
export const dayBefore = (day: string): string => new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
