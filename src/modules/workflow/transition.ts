import { err, ok, type Result } from '../../kernel/result.ts';
import {
  DocumentsIncomplete,
  FeeUnpaid,
  NotAllowedFromState,
  ReasonRequired,
  RefusalGroundRequired,
  RefusalGroundUnknown,
  RoleNotAllowed,
  type TransitionError,
  UnknownEvent,
} from './workflow.errors.ts';
import type { Outcome, Requirement, WorkflowDefinition, WorkflowRole, WorkflowTransition } from './workflow.schemas.ts';

/** Where a case stands: its state and whether its statutory deadline clock is stopped. */
export interface CaseStanding {
  readonly state: string;
  readonly clockPaused: boolean;
}

/** What the cases service knows about the case when the command arrives. */
export interface CaseFacts {
  readonly documentsComplete: boolean;
  /** No fee is outstanding: paid, or nothing to pay. */
  readonly feePaid: boolean;
  /** The refusal grounds of the case's service, from its catalogue record. */
  readonly refusalGroundIds: readonly string[];
}

export interface TransitionCommand {
  readonly event: string;
  readonly actor: { readonly role: WorkflowRole };
  readonly at: Date;
  readonly reason?: string;
  readonly refusalGroundId?: string;
  readonly facts: CaseFacts;
}

/** One row of the case's history; the cases service adds who (the person) and the channel when it stores it. */
export interface CaseEvent {
  readonly event: string;
  readonly from: string;
  readonly to: string;
  readonly actorRole: WorkflowRole;
  readonly at: Date;
  /** The reason as given (trimmed), or null when none was given. */
  readonly reason: string | null;
  /** Set only by events that require a refusal ground. */
  readonly refusalGroundId: string | null;
}

export interface TransitionDone {
  readonly to: string;
  readonly clockPaused: boolean;
  readonly outcome?: Outcome;
  readonly event: CaseEvent;
}

/**
 * The one place where a case changes state. Pure: checks that the event exists, may happen in the
 * current state, may be caused by the actor's role, and that its requirements hold (in the order
 * declared), then returns the new standing and the event to append.
 */
export function transition(
  def: WorkflowDefinition,
  current: CaseStanding,
  command: TransitionCommand,
): Result<TransitionDone, TransitionError> {
  const candidates = def.transitions.filter((t) => t.event === command.event);
  if (candidates.length === 0) {
    return err(new UnknownEvent(command.event));
  }
  const chosen = candidates.find((t) => t.from.includes(current.state));
  if (chosen === undefined) {
    return err(new NotAllowedFromState(command.event, current.state));
  }
  if (!chosen.by.includes(command.actor.role)) {
    return err(new RoleNotAllowed(command.event, command.actor.role, chosen.by));
  }
  const reason = command.reason?.trim() || null;
  for (const requirement of chosen.requires ?? []) {
    const refused = checkRequirement(requirement, chosen, command, reason);
    if (refused !== null) {
      return err(refused);
    }
  }
  const clockPaused = chosen.pausesClock === true ? true : chosen.resumesClock === true ? false : current.clockPaused;
  const requiresGround = chosen.requires?.includes('refusal-ground') === true;
  const event: CaseEvent = {
    event: chosen.event,
    from: current.state,
    to: chosen.to,
    actorRole: command.actor.role,
    at: command.at,
    reason,
    refusalGroundId: requiresGround ? (command.refusalGroundId ?? null) : null,
  };
  return ok(chosen.outcome === undefined ? { to: chosen.to, clockPaused, event } : { to: chosen.to, clockPaused, outcome: chosen.outcome, event });
}

function checkRequirement(
  requirement: Requirement,
  t: WorkflowTransition,
  command: TransitionCommand,
  reason: string | null,
): TransitionError | null {
  switch (requirement) {
    case 'reason':
      return reason === null ? new ReasonRequired(t.event) : null;
    case 'refusal-ground': {
      const ground = command.refusalGroundId;
      if (ground === undefined || ground === '') {
        return new RefusalGroundRequired(t.event);
      }
      return command.facts.refusalGroundIds.includes(ground) ? null : new RefusalGroundUnknown(t.event, ground);
    }
    case 'documents-complete':
      return command.facts.documentsComplete ? null : new DocumentsIncomplete(t.event);
    case 'fee-paid':
      return command.facts.feePaid ? null : new FeeUnpaid(t.event);
  }
}

/** The events `role` may cause in `state` (what a page offers as buttons); requirements are checked on the attempt. */
export function availableEvents(def: WorkflowDefinition, state: string, role: WorkflowRole): string[] {
  return def.transitions.filter((t) => t.from.includes(state) && t.by.includes(role)).map((t) => t.event);
}
