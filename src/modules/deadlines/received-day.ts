import { addDays, isDay } from './day.ts';

export type ReceivedDayProblem = 'received.missing' | 'received.invalid' | 'received.future' | 'received.too-old';

/**
 * The day a paper letter was received, as staff enter it: given, a real day, not after today, and not
 * more than `maxAgeDays` before it (the day starts a legal term, so it may not be made up freely).
 */
export function receivedDayProblem(receivedOn: string, today: string, maxAgeDays: number): ReceivedDayProblem | null {
  if (receivedOn === '') {
    return 'received.missing';
  }
  if (!isDay(receivedOn)) {
    return 'received.invalid';
  }
  if (receivedOn > today) {
    return 'received.future';
  }
  return receivedOn < addDays(today, -maxAgeDays) ? 'received.too-old' : null;
}
