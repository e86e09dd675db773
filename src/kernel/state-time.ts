/**
 * The state's time: its zone, and the calendar date of an instant in it. The one place that turns an
 * instant into a day: deadlines, mandates, ages, case years and pages all ask here.
 */

/** The state's time zone: days turn at Kyiv's midnight, whatever the server's zone. */
export const STATE_TIME_ZONE = 'Europe/Kyiv';

const DAY_PARTS = new Intl.DateTimeFormat('en-CA', { timeZone: STATE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

const HOUR_MS = 3_600_000;
/**
 * From here on Kyiv's offsets are whole hours and its clocks change on whole UTC hours, so its date is
 * the same for every instant of one UTC hour: the date of the last hour asked is kept.
 */
const WHOLE_HOURS_SINCE = Date.UTC(2000, 0, 1);
let lastHour = Number.NaN;
let lastDay = '';

function formatted(at: Date): string {
  const parts = Object.fromEntries(DAY_PARTS.formatToParts(at).map((p) => [p.type, p.value]));
  const day = `${parts['year'] ?? ''}-${parts['month'] ?? ''}-${parts['day'] ?? ''}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    throw new RangeError(`no Kyiv date for ${String(at)}`);
  }
  return day;
}

/** The state's calendar date of an instant, 'YYYY-MM-DD': what "today" is for the state. */
export function kyivDay(at: Date): string {
  const ms = at.getTime();
  const hour = Math.floor(ms / HOUR_MS);
  if (hour === lastHour) {
    return lastDay;
  }
  const day = formatted(at);
  if (ms >= WHOLE_HOURS_SINCE) {
    lastHour = hour;
    lastDay = day;
  }
  return day;
}

/** `kyivDay` without the kept hour, for tests that compare the two. */
export const kyivDayFormatted = formatted;
