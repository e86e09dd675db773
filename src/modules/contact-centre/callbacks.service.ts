import { isUuid } from '../../kernel/ids.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/security/tokens.ts';
import { canCompleteCallback, canHandleCall, isContactCentreOperator, type SignedIn } from '../identity/index.ts';
import { CALL_TOPICS, CALLBACK_OUTCOMES, callbackDueAt, callerNumber } from './contact-centre.ts';
import {
  CallbackNotFound, CallbackTaken, CallFieldInvalid, CallNotFound, type ClaimCallbackFailure, type CompleteCallbackFailure, type RequestCallbackFailure,
} from './contact-centre.errors.ts';
import { type Helpers, MAX_NOTES } from './call-helpers.service.ts';
import { type CallbackRecord, contactCentreRepository as repo } from './contact-centre.repository.ts';

const MAX_PREFERRED = 200;

/** Asks for a callback from a call: due by the service standard's working days, in the queue at once. */
export const requestCallback = (h: Helpers) => async (signedIn: SignedIn, callId: string, input: { phone: string; topic: string; preferredTime: string }): Promise<Result<CallbackRecord, RequestCallbackFailure>> => {
  const { db, clock, policy, calendar } = h.deps;
  const phone = input.phone.trim() === '' ? null : callerNumber(input.phone);
  if (phone === null) {
    return err(new CallFieldInvalid('callbackPhone', input.phone.trim() === '' ? 'missing' : 'invalid'));
  }
  const topic = h.oneOf(CALL_TOPICS, input.topic, 'callbackTopic');
  if (!topic.ok) {
    return topic;
  }
  const preferred = h.text(input.preferredTime, 'preferredTime', MAX_PREFERRED, false);
  if (!preferred.ok) {
    return preferred;
  }
  const call = isUuid(callId) ? await repo.call(db, callId) : null;
  if (call === null || !canHandleCall(signedIn.actor, call)) {
    return err(new CallNotFound(callId));
  }
  const now = clock.now();
  const row = { id: newId(), callId, phone, topic: topic.value, preferredTime: preferred.value, requestedBy: signedIn.person.id, createdAt: now, dueAt: callbackDueAt(now, policy.callbackWorkingDays, calendar) };
  await db.transaction(async (tx) => {
    await repo.insertCallback(tx, row);
    await appendAudit(tx, h.audit(signedIn, 'callback.request', `callback:${row.id}`, { call: callId, topic: row.topic, dueAt: row.dueAt.toISOString() }));
  });
  return ok({ ...row, claimedBy: null, claimedByName: null, claimedAt: null, doneAt: null, outcome: null, notes: null });
};

/**
 * Takes a callback from the queue. Its row is locked while the claim is checked and written, so of
 * two operators taking it at once exactly one gets it; the other is told it is taken.
 */
export const claimCallback = (h: Helpers) => async (signedIn: SignedIn, id: string): Promise<Result<CallbackRecord, ClaimCallbackFailure>> => {
  const { db, clock } = h.deps;
  if (!isContactCentreOperator(signedIn.actor) || !isUuid(id)) {
    return err(new CallbackNotFound(id));
  }
  const claimed = await db.transaction(async (tx): Promise<Result<null, ClaimCallbackFailure>> => {
    const row = await repo.lockCallback(tx, id);
    if (row === null) {
      return err(new CallbackNotFound(id));
    }
    if (row.doneAt !== null || (row.claimedBy !== null && row.claimedBy !== signedIn.person.id)) {
      return err(new CallbackTaken(id));
    }
    if (row.claimedBy === null) {
      await repo.claimCallback(tx, id, signedIn.person.id, clock.now());
      await appendAudit(tx, h.audit(signedIn, 'callback.claim', `callback:${id}`, {}));
    }
    return ok(null);
  });
  if (!claimed.ok) {
    return claimed;
  }
  const after = await repo.callback(db, id);
  return after === null ? err(new CallbackNotFound(id)) : ok(after);
};

/** Records how a callback the operator took ended (only they may, and only once). */
export const completeCallback = (h: Helpers) => async (signedIn: SignedIn, id: string, input: { outcome: string; notes: string }): Promise<Result<CallbackRecord, CompleteCallbackFailure>> => {
  const { db, clock } = h.deps;
  if (!isContactCentreOperator(signedIn.actor) || !isUuid(id)) {
    return err(new CallbackNotFound(id));
  }
  const outcome = h.oneOf(CALLBACK_OUTCOMES, input.outcome, 'outcome');
  if (!outcome.ok) {
    return outcome;
  }
  const notes = h.text(input.notes, 'notes', MAX_NOTES, false);
  if (!notes.ok) {
    return notes;
  }
  const done = await db.transaction(async (tx): Promise<Result<null, CompleteCallbackFailure>> => {
    const row = await repo.lockCallback(tx, id);
    if (row === null) {
      return err(new CallbackNotFound(id));
    }
    if (!canCompleteCallback(signedIn.actor, row)) {
      return err(new CallbackTaken(id));
    }
    await repo.completeCallback(tx, id, { at: clock.now(), outcome: outcome.value, notes: notes.value });
    await appendAudit(tx, h.audit(signedIn, 'callback.done', `callback:${id}`, { outcome: outcome.value }));
    return ok(null);
  });
  if (!done.ok) {
    return done;
  }
  const after = await repo.callback(db, id);
  return after === null ? err(new CallbackNotFound(id)) : ok(after);
};
