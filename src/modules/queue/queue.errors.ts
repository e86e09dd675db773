import { AppError } from '../../kernel/errors.ts';

/** No such centre in the catalogue. */
export class CentreUnknown extends AppError {
  readonly code = 'queue.centre_unknown';

  constructor(readonly centreId: string) {
    super(`no centre "${centreId}"`, { centreId });
  }
}

/** The centre does not offer the service (the catalogue does not list it there). */
export class ServiceNotAtCentre extends AppError {
  readonly code = 'queue.service_not_at_centre';

  constructor(readonly centreId: string, readonly serviceId: string) {
    super(`centre "${centreId}" does not offer service "${serviceId}"`, { centreId, serviceId });
  }
}

/** The staff member holds no front-desk role at a centre. */
export class NotAtCentre extends AppError {
  readonly code = 'queue.not_at_centre';

  constructor() {
    super('no front-desk role at a centre');
  }
}

/** The desk's name is missing or not one (1 to 12 letters, digits, spaces or dashes). */
export class DeskInvalid extends AppError {
  readonly code = 'queue.desk_invalid';

  constructor() {
    super('the desk is missing or not a desk name');
  }
}

/** No such ticket at the staff member's centre today, or not in the state the action needs. */
export class TicketNotFound extends AppError {
  readonly code = 'queue.ticket_not_found';

  constructor(readonly ticketId: string) {
    super(`no ticket "${ticketId}" to act on`, { ticketId });
  }
}

/** An appointment's reference or time is not one. */
export class AppointmentInvalid extends AppError {
  readonly code = 'queue.appointment_invalid';

  constructor(readonly field: 'reference' | 'time') {
    super(`the appointment's ${field} is not valid`, { field });
  }
}

export type IssueFailure = CentreUnknown | ServiceNotAtCentre;
export type CheckInFailure = CentreUnknown | ServiceNotAtCentre | AppointmentInvalid;
export type DeskFailure = NotAtCentre | DeskInvalid;
export type TicketActionFailure = NotAtCentre | TicketNotFound | ServiceNotAtCentre | DeskInvalid;
