/** The outbox message of an appointment's reminder, read back by the notifications module. Pure. */
import type { LocalText } from '../../kernel/text.ts';

export const APPOINTMENT_REMINDER_TOPIC = 'appointment.reminder';

export interface AppointmentReminder {
  readonly appointmentId: string;
  readonly personId: string;
  readonly reference: string;
  /** ISO instant. */
  readonly startsAt: string;
  readonly centreName: LocalText;
  readonly address: LocalText;
  readonly serviceName: LocalText;
  /** Absent for the reminder the day before; set when an officer booked or cancelled the visit for the person (phone, desk): the confirmation. */
  readonly change?: 'booked' | 'cancelled';
}

const isText = (v: unknown): v is LocalText => typeof v === 'object' && v !== null && typeof (v as LocalText).uk === 'string' && typeof (v as LocalText).en === 'string';

export function parseAppointmentReminder(payload: unknown): AppointmentReminder | null {
  if (typeof payload !== 'object' || payload === null) {
    return null;
  }
  const p = payload as Record<string, unknown>;
  const strings = ['appointmentId', 'personId', 'reference', 'startsAt'].every((k) => typeof p[k] === 'string');
  const change = p['change'] === undefined || p['change'] === 'booked' || p['change'] === 'cancelled';
  return strings && change && isText(p['centreName']) && isText(p['address']) && isText(p['serviceName']) && !Number.isNaN(Date.parse(String(p['startsAt']))) ? (p as unknown as AppointmentReminder) : null;
}
