/** The appointments module's public surface: slots, booking, moving, cancelling, reminders (see README.md). */
export {
  AppointmentClash, AppointmentClosed, AppointmentNotAllowed, AppointmentNotFound, AppointmentNotOffered, AppointmentSlotFull, AppointmentSlotInvalid, type BookingRefusal, type ChangeRefusal,
} from './appointments.errors.ts';
export { calendarFile } from './appointments-calendar.ts';
export type { Appointment } from './appointments.repository.ts';
export { type AppointmentsService, type AppointmentView, BOOKING_DAYS, createAppointmentsService, type FreeSlot } from './appointments.service.ts';
export type { Offer } from './offers.ts';
export { APPOINTMENT_REMINDER_TOPIC, type AppointmentReminder, parseAppointmentReminder } from './reminders.ts';
export { kyivClock } from './slots.ts';
