import type { Clock } from '../../kernel/clock.ts';
import { type Result, ok } from '../../kernel/result.ts';
import { type AuditEntry, appendAudit } from '../../platform/audit/audit.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { type NewOutboxMessage, outboxRepository } from '../../platform/outbox/index.ts';
import type { CatalogueService, Service, ServiceRecord } from '../catalogue/index.ts';
import { type Day, dueDate, type WorkingCalendar } from '../deadlines/index.ts';
import { defaultWorkflow, type TransitionError, transition, type WorkflowDefinition, type WorkflowRole } from '../workflow/index.ts';
import type { CaseChannel, CaseRecord, InformationRequest } from './case.ts';
import { casesRepository, type StoredEvent } from './cases.repository.ts';
import { CASE_CHANGED_TOPIC, type CaseChangedMessage } from './case-messages.ts';

/** Who causes a transition: a person in a role, or the portal itself. */
export interface TransitionActor {
  readonly personId: string | null;
  readonly role: WorkflowRole;
  readonly channel: CaseChannel | 'system';
  /** The party the person acted for, for the audit record. */
  readonly actingFor: string | null;
  /** The role written in the case's history when it is not the workflow role (a clerk, front-desk or contact-centre officer filing for a person). */
  readonly recordedRole?: string;
}

export interface CaseCommand {
  readonly event: string;
  readonly reason?: string;
  readonly refusalGroundId?: string;
}

/** The catalogue record of an existing case's service; a case whose service is gone is a broken catalogue, not a refusal. */
export async function serviceOfCase(catalogue: CatalogueService, serviceId: string): Promise<Service> {
  const { value } = await catalogue.service(serviceId);
  if (value === null) {
    throw new Error(`the catalogue no longer has service "${serviceId}" of an existing case`);
  }
  return value;
}

export const workflowOf = (service: ServiceRecord): WorkflowDefinition => service.workflow ?? defaultWorkflow;

/**
 * The due date of a running case from the day its term started and the information requests that
 * stopped the clock; null while it has not started or while an unanswered request holds it.
 */
export function dueOnFor(c: Pick<CaseRecord, 'termStartedOn' | 'term'>, requests: readonly InformationRequest[], calendar: WorkingCalendar): Day | null {
  if (c.termStartedOn === null) {
    return null;
  }
  const pauses = requests.map((r) => ({ from: r.askedOn, to: r.answeredOn }));
  const due = dueDate(c.termStartedOn, c.term, calendar, pauses);
  return due.kind === 'due' ? due.day : null;
}

export interface TransitionDeps {
  readonly clock: Clock;
  readonly calendar: WorkingCalendar;
}

/** What one workflow event does to a case, decided in memory: the case after it, the history row, the audit entry and the message. */
export interface DecidedEvent {
  readonly next: CaseRecord;
  readonly stored: StoredEvent;
  readonly audit: AuditEntry;
  readonly message: NewOutboxMessage;
}

/**
 * Decides one workflow event on a case, writing nothing: the pure transition, then the case as it
 * will be stored (at the version it was read with; the write advances it), its history row, its
 * audit entry and the message for the applicant. `applyEvent` writes them; opening a case writes its first events with its row.
 */
export function decideEvent(
  now: Date,
  c: CaseRecord,
  service: ServiceRecord,
  actor: TransitionActor,
  command: CaseCommand,
  changes: (next: CaseRecord) => CaseRecord = (n) => n,
  told: Pick<CaseChangedMessage, 'answerBy'> = {},
): Result<DecidedEvent, TransitionError> {
  const done = transition(workflowOf(service), { state: c.state, clockPaused: c.clockPaused }, {
    event: command.event,
    actor: { role: actor.role },
    at: now,
    ...(command.reason === undefined ? {} : { reason: command.reason }),
    ...(command.refusalGroundId === undefined ? {} : { refusalGroundId: command.refusalGroundId }),
    facts: {
      documentsComplete: c.documentsComplete,
      feePaid: c.feeStatus !== 'due',
      refusalGroundIds: service.refusalGrounds.map((g) => g.id),
    },
  });
  if (!done.ok) {
    return done;
  }
  const { value } = done;
  const outcome = value.outcome ?? c.outcome;
  const decided = value.outcome !== undefined && c.decidedAt === null ? now : c.decidedAt;
  const next = changes({ ...c, state: value.to, clockPaused: value.clockPaused, outcome, decidedAt: decided, updatedAt: now });
  const payload: CaseChangedMessage = {
    caseId: c.id, caseNumber: c.number, event: command.event, from: value.event.from, to: value.to,
    decided: value.outcome !== undefined && c.outcome === null ? value.outcome : null, applicantPersonId: c.applicantPersonId, lang: c.lang, ...told,
  };
  return ok({
    next,
    stored: {
      caseId: c.id, event: value.event.event, from: value.event.from, to: value.event.to, actorPersonId: actor.personId,
      actorRole: actor.recordedRole ?? actor.role, channel: actor.channel, reason: value.event.reason, refusalGroundId: value.event.refusalGroundId, at: now,
    },
    audit: {
      at: now, action: `case.${command.event}`, outcome: 'done', channel: actor.channel, actorPersonId: actor.personId,
      actingFor: actor.actingFor, subject: `case:${c.number}`,
      detail: { from: value.event.from, to: value.event.to, ...(value.event.refusalGroundId === null ? {} : { refusalGround: value.event.refusalGroundId }) },
    },
    message: { topic: CASE_CHANGED_TOPIC, payload, idempotencyKey: `case-changed:${c.id}:${c.version}:${command.event}`, availableAt: now },
  });
}

/**
 * Applies one workflow event to a case inside the caller's transaction: the pure transition decides,
 * then the case row (optimistic version check), its history, the audit record and the outbox message
 * for the applicant are written together. The case must have been read in this transaction.
 * `told` adds what the event's notice carries besides the movement (the answer-by day of a request).
 */
export async function applyEvent(
  tx: Queryable,
  deps: TransitionDeps,
  c: CaseRecord,
  service: ServiceRecord,
  actor: TransitionActor,
  command: CaseCommand,
  changes: (next: CaseRecord) => CaseRecord = (n) => n,
  told: Pick<CaseChangedMessage, 'answerBy'> = {},
): Promise<Result<CaseRecord, TransitionError>> {
  const decided = decideEvent(deps.clock.now(), c, service, actor, command, changes, told);
  if (!decided.ok) {
    return decided;
  }
  const { next, stored, audit, message } = decided.value;
  if (!(await casesRepository.update(tx, next))) {
    throw new Error(`case ${c.number} changed under a transaction that held its lock`);
  }
  await casesRepository.appendEvent(tx, stored);
  await appendAudit(tx, audit);
  await outboxRepository.enqueue(tx, message);
  return ok({ ...next, version: next.version + 1 });
}

/**
 * A case event that moves nothing (a letter posted, say): written to the case's history in the caller's
 * transaction with its channel and actor, the state unchanged. False when the case does not exist.
 */
export async function recordCaseEvent(tx: Queryable, e: { caseId: string; event: string; actorPersonId: string | null; actorRole: string; channel: string; reason: string | null; at: Date }): Promise<boolean> {
  const c = await casesRepository.byId(tx, e.caseId);
  if (c === null) {
    return false;
  }
  await casesRepository.appendEvent(tx, { ...e, from: c.state, to: c.state, refusalGroundId: null });
  return true;
}
