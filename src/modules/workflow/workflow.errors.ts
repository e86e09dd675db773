import { AppError } from '../../kernel/errors.ts';
import type { WorkflowRole } from './workflow.schemas.ts';

/** Why a transition was refused. Each class has a stable `code`; `TransitionError` is their union, tagged by `code`. */

/** The workflow has no transition with this event name at all. */
export class UnknownEvent extends AppError {
  readonly code = 'workflow.unknown_event';

  constructor(readonly event: string) {
    super(`workflow has no event "${event}"`, { event });
  }
}

/** The event exists, but not from the case's current state. */
export class NotAllowedFromState extends AppError {
  readonly code = 'workflow.not_allowed_from_state';

  constructor(readonly event: string, readonly state: string) {
    super(`event "${event}" is not allowed in state "${state}"`, { event, state });
  }
}

export class RoleNotAllowed extends AppError {
  readonly code = 'workflow.role_not_allowed';

  constructor(readonly event: string, readonly role: WorkflowRole, readonly allowed: readonly WorkflowRole[]) {
    super(`event "${event}" cannot be caused by role "${role}"`, { event, role, allowed });
  }
}

export class ReasonRequired extends AppError {
  readonly code = 'workflow.reason_required';

  constructor(readonly event: string) {
    super(`event "${event}" requires a reason`, { event });
  }
}

export class RefusalGroundRequired extends AppError {
  readonly code = 'workflow.refusal_ground_required';

  constructor(readonly event: string) {
    super(`event "${event}" requires a refusal ground`, { event });
  }
}

/** The refusal ground is not one of those the service's catalogue record lists. */
export class RefusalGroundUnknown extends AppError {
  readonly code = 'workflow.refusal_ground_unknown';

  constructor(readonly event: string, readonly refusalGroundId: string) {
    super(`refusal ground "${refusalGroundId}" is not a ground of this service`, { event, refusalGroundId });
  }
}

export class DocumentsIncomplete extends AppError {
  readonly code = 'workflow.documents_incomplete';

  constructor(readonly event: string) {
    super(`event "${event}" requires complete documents`, { event });
  }
}

export class FeeUnpaid extends AppError {
  readonly code = 'workflow.fee_unpaid';

  constructor(readonly event: string) {
    super(`event "${event}" requires the fee to be paid`, { event });
  }
}

export type TransitionError =
  | UnknownEvent
  | NotAllowedFromState
  | RoleNotAllowed
  | ReasonRequired
  | RefusalGroundRequired
  | RefusalGroundUnknown
  | DocumentsIncomplete
  | FeeUnpaid;
