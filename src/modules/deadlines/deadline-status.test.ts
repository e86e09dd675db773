import { describe, expect, it } from 'vitest';

import {
  type DeadlineStatus,
  deadlineStatus,
  type Reminder,
  type ReminderPolicy,
  remindersFor,
  type SilentConsentCase,
  silentConsentDue,
} from './deadline.ts';
import { holidayCalendar } from './holidays.ts';
import { createWorkingCalendar } from './working-calendar.ts';

const ua = holidayCalendar([2026]);
const weekendsOnly = createWorkingCalendar({ holidays: [] });

describe('deadlineStatus', () => {
  // Due Friday 4 Sep 2026; due soon within 3 working days.
  it.each<[string, DeadlineStatus]>([
    ['2026-08-28', { status: 'on-time', workingDaysLeft: 5 }], // 31 Aug, 1–4 Sep
    ['2026-08-31', { status: 'on-time', workingDaysLeft: 4 }], // 1–4 Sep: one more than 3
    ['2026-09-01', { status: 'due-soon', workingDaysLeft: 3 }], // 2, 3, 4 Sep: the boundary
    ['2026-09-03', { status: 'due-soon', workingDaysLeft: 1 }],
    ['2026-09-04', { status: 'due-today', workingDaysLeft: 0 }],
    ['2026-09-05', { status: 'overdue', workingDaysOver: 0, calendarDaysOver: 1 }], // Saturday
    ['2026-09-07', { status: 'overdue', workingDaysOver: 1, calendarDaysOver: 3 }], // Monday
  ])('due 2026-09-04, today %s', (today, expected) => {
    expect(deadlineStatus('2026-09-04', today, ua, { dueSoonWorkingDays: 3 })).toEqual(expected);
  });

  it.each<[string, string, string, number, DeadlineStatus]>([
    // Fri 21 → Tue 25 Aug: 22–23 weekend, 24 Independence Day; only 25 counts.
    ['across a holiday', '2026-08-25', '2026-08-21', 1, { status: 'due-soon', workingDaysLeft: 1 }],
    ['across a holiday, nothing counts as soon', '2026-08-25', '2026-08-21', 0, { status: 'on-time', workingDaysLeft: 1 }],
    // Due Fri 21, today Tue 25: over by 25 only (24 is a holiday), 4 calendar days.
    ['overdue across a holiday', '2026-08-21', '2026-08-25', 3, { status: 'overdue', workingDaysOver: 1, calendarDaysOver: 4 }],
  ])('%s', (_name, due, today, dueSoonWorkingDays, expected) => {
    expect(deadlineStatus(due, today, ua, { dueSoonWorkingDays })).toEqual(expected);
  });

  it('counts the holiday as a working day on a calendar without it', () => {
    expect(deadlineStatus('2026-08-25', '2026-08-21', weekendsOnly, { dueSoonWorkingDays: 1 }))
      .toEqual({ status: 'on-time', workingDaysLeft: 2 });
  });

  it('refuses a negative threshold', () => {
    expect(() => deadlineStatus('2026-09-04', '2026-09-01', ua, { dueSoonWorkingDays: -1 })).toThrow(RangeError);
  });
});

describe('remindersFor', () => {
  const policy: ReminderPolicy = { remindOfficerWorkingDaysBefore: [5, 2], escalateSupervisorWorkingDaysBefore: 1 };
  const officer = (day: string, n: number): Reminder => ({ day, kind: 'officer-reminder', workingDaysBefore: n });
  const supervisor = (day: string, n: number): Reminder => ({ day, kind: 'supervisor-escalation', workingDaysBefore: n });

  it.each<[string, string, ReminderPolicy, Reminder[]]>([
    // Due Fri 4 Sep: 1 before = Thu 3; 2 before = Wed 2; 5 before = 3, 2, 1 Sep, 31 Aug, Fri 28 Aug.
    ['a plain week', '2026-09-04', policy, [
      officer('2026-08-28', 5), officer('2026-09-02', 2), supervisor('2026-09-03', 1),
    ]],
    // Due Thu 27 Aug: 26 =1, 25 =2, 24 holiday, 21 =3, 20 =4, 19 =5.
    ['across Independence Day', '2026-08-27', policy, [
      officer('2026-08-19', 5), officer('2026-08-25', 2), supervisor('2026-08-26', 1),
    ]],
    // Due Tue 30 Jun: 29 is the substitute day, 27–28 weekend → 1 before is Fri 26; 2 before Thu 25;
    // 5 before: 26, 25, 24, 23, Mon 22.
    ['across the substitute day', '2026-06-30', policy, [
      officer('2026-06-22', 5), officer('2026-06-25', 2), supervisor('2026-06-26', 1),
    ]],
    ['the reminder before the escalation on the same day, duplicates once', '2026-09-04',
      { remindOfficerWorkingDaysBefore: [1, 1, 0], escalateSupervisorWorkingDaysBefore: 1 },
      [officer('2026-09-03', 1), supervisor('2026-09-03', 1), officer('2026-09-04', 0)]],
  ])('%s', (_name, due, p, expected) => {
    expect(remindersFor(due, ua, p)).toEqual(expected);
  });

  it.each<[string, Reminder[]]>([
    // Submitted Mon 31 Aug: the "5 days before" (Fri 28 Aug) would come before the case existed.
    ['2026-08-31', [officer('2026-09-02', 2), supervisor('2026-09-03', 1)]],
    // Days on the submission day are left out as well.
    ['2026-09-02', [supervisor('2026-09-03', 1)]],
    ['2026-08-27', [officer('2026-08-28', 5), officer('2026-09-02', 2), supervisor('2026-09-03', 1)]],
  ])('leaves out days on or before %s', (after, expected) => {
    expect(remindersFor('2026-09-04', ua, policy, { after })).toEqual(expected);
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => remindersFor('2026-09-04', ua, { ...policy, remindOfficerWorkingDaysBefore: [-1] })).toThrow(RangeError);
    expect(() => remindersFor('2026-09-04', ua, { ...policy, escalateSupervisorWorkingDaysBefore: 0.5 })).toThrow(RangeError);
  });
});

describe('silentConsentDue', () => {
  const ready: SilentConsentCase = { complete: true, decided: false, silentConsent: true };
  it.each<[string, string, SilentConsentCase, boolean]>([
    ['the day after the due date', '2026-09-05', ready, true],
    ['weeks after the due date', '2026-10-01', ready, true],
    ['on the due date', '2026-09-04', ready, false],
    ['before the due date', '2026-09-03', ready, false],
    ['documents not complete', '2026-09-05', { ...ready, complete: false }, false],
    ['already decided (granted or refused)', '2026-09-05', { ...ready, decided: true }, false],
    ['a service without silent consent', '2026-09-05', { ...ready, silentConsent: false }, false],
    ['decided and incomplete', '2026-09-05', { complete: false, decided: true, silentConsent: true }, false],
  ])('due 2026-09-04: %s (%s) → %s', (_name, today, caseState, expected) => {
    expect(silentConsentDue('2026-09-04', today, caseState)).toBe(expected);
  });
});
