import { AppError } from '../../kernel/errors.ts';

/** Why an appointment was not booked, moved or cancelled. Each class has a stable `code`. */

/** The centre does not take bookings for that service (or either does not exist). */
export class AppointmentNotOffered extends AppError {
  readonly code = 'appointments.not_offered';

  constructor(readonly centreId: string, readonly serviceId: string) {
    super(`centre "${centreId}" takes no appointments for "${serviceId}"`, { centreId, serviceId });
  }
}

/** The time asked for is not a slot of that day, or lies in the past. */
export class AppointmentSlotInvalid extends AppError {
  readonly code = 'appointments.slot_invalid';

  constructor(readonly startsAt: string) {
    super(`no slot starts at ${startsAt}`, { startsAt });
  }
}

/** Every place of the slot is taken. */
export class AppointmentSlotFull extends AppError {
  readonly code = 'appointments.slot_full';

  constructor(readonly startsAt: string) {
    super(`the slot at ${startsAt} is full`, { startsAt });
  }
}

/** The person already has a visit booked at that time. */
export class AppointmentClash extends AppError {
  readonly code = 'appointments.clash';

  constructor(readonly startsAt: string) {
    super(`a visit is already booked at ${startsAt}`, { startsAt });
  }
}

/** No such appointment, or not one of this person's (so its existence is not revealed). */
export class AppointmentNotFound extends AppError {
  readonly code = 'appointments.not_found';

  constructor(readonly ref: string) {
    super(`no appointment "${ref}"`, { ref });
  }
}

/** The appointment is cancelled already, or its time has passed. */
export class AppointmentClosed extends AppError {
  readonly code = 'appointments.closed';

  constructor(readonly ref: string) {
    super(`appointment "${ref}" can no longer be changed`, { ref });
  }
}

/** Booking for someone else needs a staff role. */
export class AppointmentNotAllowed extends AppError {
  readonly code = 'appointments.not_allowed';

  constructor() {
    super('only staff book or cancel for another person');
  }
}

export type BookingRefusal = AppointmentNotOffered | AppointmentSlotInvalid | AppointmentSlotFull | AppointmentClash | AppointmentNotAllowed;
export type ChangeRefusal = AppointmentNotFound | AppointmentClosed | AppointmentNotAllowed;
