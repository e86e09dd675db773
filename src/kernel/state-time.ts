/**
 * The state's time: its zone, and the calendar date of an instant in it. The one place that turns an
 * instant into a day: deadlines, mandates, ages, case years and pages all ask here.
 */

/** The state's time zone: days turn at Kyiv's midnight, whatever the server's zone. */
export const STATE_TIME_ZONE = 'Europe/Kyiv';

const DAY_PARTS = new Intl.DateTimeFormat('en-CA', { timeZone: STATE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The state's calendar date of an instant, 'YYYY-MM-DD': what "today" is for the state. */
export function kyivDay(at: Date): string {
  const parts = Object.fromEntries(DAY_PARTS.formatToParts(at).map((p) => [p.type, p.value]));
  const day = `${parts['year'] ?? ''}-${parts['month'] ?? ''}-${parts['day'] ?? ''}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    throw new RangeError(`no Kyiv date for ${String(at)}`);
  }
  return day;
}
