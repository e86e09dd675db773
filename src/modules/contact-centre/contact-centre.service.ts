import { isUuid } from '../../kernel/ids.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { recordPersonalDataReads } from '../../platform/audit/personal-data.ts';
import { newId } from '../../platform/security/tokens.ts';
import type { PartyCases } from '../cases/index.ts';
import { canHandleCall, isContactCentreOperator, type SignedIn } from '../identity/index.ts';
import { codeHandlers, confirmCode, identifyByKnowledge, sendCode } from './call-identification.service.ts';
import { claimCallback, completeCallback, requestCallback } from './callbacks.service.ts';
import { CALL_OUTCOMES, CALL_TOPICS, callerNumber, phoneEnding } from './contact-centre.ts';
import { CallFieldInvalid, type LogCallFailure, type StartCallFailure } from './contact-centre.errors.ts';
import { type ContactCentreDeps, type Helpers, helpers, MAX_NOTES } from './call-helpers.service.ts';
import { type CallbackRecord, type CallRecord, contactCentreRepository as repo } from './contact-centre.repository.ts';

/** The identified caller as the console shows them: who, whom they act for, and their cases. */
export interface IdentifiedCaller {
  readonly name: string;
  readonly nationalId: string | null;
  readonly by: 'sms-code' | 'knowledge';
  readonly parties: readonly PartyCases[];
}

/** A call as its operator sees it. */
export interface CallView {
  readonly call: CallRecord;
  readonly caller: IdentifiedCaller | null;
  /** The code waiting to be read out by the caller: where it went (the number's last digits) and how many entries it takes still. */
  readonly pendingCode: { readonly phoneEnding: string; readonly expiresAt: Date; readonly attemptsLeft: number } | null;
  readonly callbacks: readonly CallbackRecord[];
}

const QUEUE_LIMIT = 200;

/** Starts a call with the caller's number as they gave it (or as the telephone system shows it). */
const startCall = (h: Helpers) => async (signedIn: SignedIn, rawPhone: string): Promise<Result<CallRecord, StartCallFailure>> => {
  const { db, clock } = h.deps;
  const phone = callerNumber(rawPhone);
  if (!isContactCentreOperator(signedIn.actor) || phone === null) {
    return err(new CallFieldInvalid('phone', rawPhone.trim() === '' ? 'missing' : 'invalid'));
  }
  const call: CallRecord = {
    id: newId(), operatorPersonId: signedIn.person.id, callerPhone: phone, startedAt: clock.now(), callerPersonId: null, identifiedBy: null, identifiedAt: null, basis: null,
    endedAt: null, topic: null, outcome: null, notes: null,
  };
  await db.transaction(async (tx) => {
    await repo.insertCall(tx, call);
    await appendAudit(tx, h.audit(signedIn, 'call.start', `call:${call.id}`, {}));
  });
  return ok(call);
};

/**
 * A call as its operator sees it; null for anyone else's. Once the caller is identified (and until
 * the call ends) this reads their parties and cases, and records that read in the audit log.
 */
const viewCall = (h: Helpers) => async (signedIn: SignedIn, callId: string): Promise<CallView | null> => {
  const { db, clock, policy, callers } = h.deps;
  const call = isUuid(callId) ? await repo.call(db, callId) : null;
  if (call === null || !canHandleCall(signedIn.actor, call)) {
    return null;
  }
  let caller: IdentifiedCaller | null = null;
  const found = call.callerPersonId !== null && call.endedAt === null ? await callers.byId(call.callerPersonId) : null;
  if (found !== null) {
    const parties = await db.transaction((tx) => h.readCaller(tx, signedIn, call, found, 'console'));
    caller = { name: `${found.person.givenName} ${found.person.familyName}`, nationalId: found.person.nationalId, by: call.identifiedBy ?? 'knowledge', parties };
  }
  const code = call.callerPersonId === null ? await repo.latestCode(db, call.id) : null;
  const live = code !== null && code.usedAt === null && code.expiresAt > clock.now() && code.attempts < policy.codeAttempts;
  const pendingCode = live ? { phoneEnding: phoneEnding(code.phone), expiresAt: code.expiresAt, attemptsLeft: policy.codeAttempts - code.attempts } : null;
  return { call, caller, pendingCode, callbacks: await repo.callbacksOfCall(db, call.id) };
};

/** Logs the call with its topic, outcome and notes, and ends it (its duration runs from start to now). */
const logCall = (h: Helpers) => async (signedIn: SignedIn, callId: string, input: { topic: string; outcome: string; notes: string }): Promise<Result<CallRecord, LogCallFailure>> => {
  const { db, clock } = h.deps;
  const topic = h.oneOf(CALL_TOPICS, input.topic, 'topic');
  const outcome = h.oneOf(CALL_OUTCOMES, input.outcome, 'outcome');
  const notes = h.text(input.notes, 'notes', MAX_NOTES, false);
  for (const r of [topic, outcome, notes]) {
    if (!r.ok) {
      return r;
    }
  }
  return db.transaction(async (tx) => {
    const call = await h.openCall(tx, signedIn, callId);
    if (!call.ok) {
      return call;
    }
    const ended = { at: clock.now(), topic: input.topic, outcome: input.outcome, notes: input.notes.trim() };
    await repo.end(tx, callId, ended);
    await appendAudit(tx, h.audit(signedIn, 'call.log', `call:${callId}`, { topic: ended.topic, outcome: ended.outcome }));
    return ok({ ...call.value, endedAt: ended.at, topic: ended.topic, outcome: ended.outcome, notes: ended.notes });
  });
};

/**
 * The contact centre: an operator takes a call, identifies the caller (a one-time code sent by SMS
 * to a phone the person confirmed, or knowledge questions the operator judges), sees the caller's
 * cases — each read an access record (`personal-data.read`) with the call as its purpose — logs the
 * call, and asks for callbacks, which operators take from a queue one at a time.
 */
export function createContactCentre(deps: ContactCentreDeps) {
  const h = helpers(deps);
  const operator = (signedIn: SignedIn) => isContactCentreOperator(signedIn.actor);
  async function identifiedCaller(signedIn: SignedIn, callId: string): Promise<{ personId: string; name: string } | null> {
    const call = isUuid(callId) ? await repo.call(deps.db, callId) : null;
    if (call === null || !canHandleCall(signedIn.actor, call) || call.endedAt !== null || call.callerPersonId === null) {
      return null;
    }
    const found = await deps.callers.byId(call.callerPersonId);
    return found === null ? null : { personId: found.person.id, name: `${found.person.givenName} ${found.person.familyName}` };
  }
  return {
    start: startCall(h),
    /** The operator's latest calls, newest first. */
    recentCalls: (signedIn: SignedIn, limit = 20): Promise<CallRecord[]> => repo.callsOf(deps.db, signedIn.person.id, limit),
    view: viewCall(h),
    /** The identified caller of the operator's own call still going (whom the operator may file an appeal or book a visit for); null otherwise. */
    identifiedCaller: (signedIn: SignedIn, callId: string) => identifiedCaller(signedIn, callId),
    /**
     * The same, to show the caller's name on a form taken on the call (an appeal): an access record of
     * the caller, the call as purpose.
     */
    async callerOnForm(signedIn: SignedIn, callId: string): Promise<{ personId: string; name: string } | null> {
      const caller = await identifiedCaller(signedIn, callId);
      if (caller !== null) {
        await recordPersonalDataReads(deps.db, [`person:${caller.personId}`], {
          at: deps.clock.now(), reader: { personId: signedIn.person.id, agencyId: null, role: 'contact-centre' }, channel: 'phone', what: 'caller-appeal-form',
          purpose: { basis: 'contact-centre-call', call: callId }, caseNumber: null,
        });
      }
      return caller;
    },
    sendCode: sendCode(h),
    confirmCode: confirmCode(h),
    identifyByKnowledge: identifyByKnowledge(h),
    log: logCall(h),
    requestCallback: requestCallback(h),
    /** The callbacks not done yet, the earliest due first (operators only; empty for anyone else). */
    queue: async (signedIn: SignedIn): Promise<CallbackRecord[]> => (operator(signedIn) ? repo.openCallbacks(deps.db, QUEUE_LIMIT) : []),
    /** One callback, for operators. */
    callback: async (signedIn: SignedIn, id: string): Promise<CallbackRecord | null> => (operator(signedIn) && isUuid(id) ? repo.callback(deps.db, id) : null),
    claim: claimCallback(h),
    complete: completeCallback(h),
    handlers: codeHandlers(h),
  };
}

export type ContactCentreService = ReturnType<typeof createContactCentre>;
