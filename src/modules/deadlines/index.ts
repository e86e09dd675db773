/** The deadlines module's public surface: statutory terms, working days, reminders, silent consent. */
export { addDays, type Day, daysBetween, isDay, kyivDay, type Weekday, weekdayOf } from './day.ts';
export { type ReceivedDayProblem, receivedDayProblem } from './received-day.ts';
export {
  createWorkingCalendar,
  DEFAULT_WEEKEND,
  type DayRange,
  type WorkingCalendar,
  type WorkingCalendarOptions,
} from './working-calendar.ts';
export { holidayCalendar, ukrainianPublicHolidays } from './holidays.ts';
export {
  deadlineStatus,
  type DeadlineStatus,
  dueDate,
  type DueDate,
  type Pause,
  type Reminder,
  type ReminderPolicy,
  remindersFor,
  type SilentConsentCase,
  silentConsentDue,
  type StatusPolicy,
  type Term,
} from './deadline.ts';
