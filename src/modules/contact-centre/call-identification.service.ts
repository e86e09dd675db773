import { timingSafeEqual } from 'node:crypto';

import { isUuid } from '../../kernel/ids.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import type { Lang } from '../../kernel/text.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { type OutboxHandler, delivered, outboxRepository, rejected } from '../../platform/outbox/index.ts';
import { newId } from '../../platform/security/tokens.ts';
import type { SmsSender } from '../channels/sms/index.ts';
import { type Caller, type SignedIn, smsDestination } from '../identity/index.ts';
import { callCodeSms } from './call-code-text.ts';
import { NATIONAL_ID, phoneEnding } from './contact-centre.ts';
import {
  CallCodeExpired, CallCodeNotSent, CallCodeSpent, CallCodesThrottled, CallCodeWrong, CallerAlreadyIdentified, CallerHasNoVerifiedPhone, CallerNotFound, CallFieldInvalid,
  type ConfirmCodeFailure, type KnowledgeFailure, KnowledgeMismatch, KnowledgeThrottled, type SendCodeFailure,
} from './contact-centre.errors.ts';
import { type Helpers, MAX_NOTES } from './call-helpers.service.ts';
import { contactCentreRepository as repo } from './contact-centre.repository.ts';

/** The outbox topic of the SMS that carries a caller's one-time code (the payload names the code's row, never the code). */
export const CALL_CODE_TOPIC = 'contact-centre.call-code';

/** The person the operator names: by national id, or by a mobile number only they confirmed. */
async function findCaller(h: Helpers, who: string): Promise<Result<Caller | null, CallFieldInvalid>> {
  const wanted = who.trim().replace(/[\s()-]/g, '');
  if (wanted === '') {
    return err(new CallFieldInvalid('who', 'missing'));
  }
  // A mobile number is written with + or a leading 0 (a national id never begins with 0 for the living).
  if (NATIONAL_ID.test(wanted) && !wanted.startsWith('0')) {
    return ok(await h.deps.callers.byNationalId(wanted));
  }
  const phone = smsDestination(wanted, h.deps.smsCountries);
  return phone.ok ? ok(await h.deps.callers.byVerifiedPhone(phone.e164)) : err(new CallFieldInvalid('who', 'invalid'));
}

/**
 * Finds the person by national id or by a number only they confirmed, and sends a one-time code to
 * the mobile number that person confirmed (not to the number the caller gives), through the outbox.
 * @returns err(CallerNotFound), err(CallerHasNoVerifiedPhone), err(CallCodesThrottled) and the call's failures.
 */
export const sendCode = (h: Helpers) => async (signedIn: SignedIn, callId: string, who: string, lang: Lang): Promise<Result<{ phoneEnding: string }, SendCodeFailure>> => {
  const { db, clock, policy, limiter } = h.deps;
  const found = await findCaller(h, who);
  if (!found.ok) {
    return found;
  }
  const caller = found.value;
  return db.transaction(async (tx) => {
    const call = await h.openCall(tx, signedIn, callId);
    if (!call.ok) {
      return call;
    }
    if (call.value.callerPersonId !== null) {
      return err(new CallerAlreadyIdentified(callId));
    }
    if (caller === null) {
      await appendAudit(tx, h.audit(signedIn, 'call.code', `call:${callId}`, { problem: 'not-found' }, 'refused'));
      return err(new CallerNotFound());
    }
    if (caller.verifiedPhone === null) {
      return err(new CallerHasNoVerifiedPhone());
    }
    const verdict = await limiter.hit(`call-code:${caller.person.id}`, { max: policy.codesPerPersonPerHour, windowSeconds: 3600 });
    if (!verdict.allowed) {
      await appendAudit(tx, h.audit(signedIn, 'call.code', `person:${caller.person.id}`, { call: callId, limit: 'person' }, 'refused'));
      return err(new CallCodesThrottled(verdict.retryAfterSeconds));
    }
    const id = newId();
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + policy.codeMinutes * 60_000);
    await repo.insertCode(tx, { id, callId, personId: caller.person.id, phone: caller.verifiedPhone, codeHash: h.hashCode(id, h.codeFor(id)), createdAt: now, expiresAt });
    await outboxRepository.enqueue(tx, { topic: CALL_CODE_TOPIC, payload: { codeId: id, lang }, idempotencyKey: `call-code:${id}`, availableAt: now });
    await appendAudit(tx, h.audit(signedIn, 'call.code', `person:${caller.person.id}`, { call: callId, purpose: h.purpose(callId) }));
    return ok({ phoneEnding: phoneEnding(caller.verifiedPhone) });
  });
};

const sameHash = (a: string, b: string) => {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Checks the code the caller reads out against the latest one sent on the call. A code takes
 * `codeAttempts` wrong entries, then it is spent; an expired or used code identifies nobody.
 */
export const confirmCode = (h: Helpers) => async (signedIn: SignedIn, callId: string, rawCode: string): Promise<Result<{ personId: string }, ConfirmCodeFailure>> => {
  const { db, clock, policy } = h.deps;
  const code = rawCode.trim();
  if (!/^[0-9]{6}$/.test(code)) {
    return err(new CallFieldInvalid('code', code === '' ? 'missing' : 'invalid'));
  }
  return db.transaction(async (tx) => {
    const call = await h.openCall(tx, signedIn, callId);
    if (!call.ok) {
      return call;
    }
    if (call.value.callerPersonId !== null) {
      return err(new CallerAlreadyIdentified(callId));
    }
    const pending = await repo.latestCode(tx, callId, { lock: true });
    const now = clock.now();
    if (pending === null || pending.usedAt !== null) {
      return err(new CallCodeNotSent());
    }
    if (pending.attempts >= policy.codeAttempts) {
      return err(new CallCodeSpent());
    }
    if (pending.expiresAt <= now) {
      return err(new CallCodeExpired());
    }
    if (!sameHash(pending.codeHash, h.hashCode(pending.id, code))) {
      const attempts = await repo.countAttempt(tx, pending.id);
      await appendAudit(tx, h.audit(signedIn, 'call.identify', `person:${pending.personId}`, { call: callId, by: 'sms-code', attempts }, 'refused'));
      return err(attempts >= policy.codeAttempts ? new CallCodeSpent() : new CallCodeWrong(policy.codeAttempts - attempts));
    }
    await repo.useCode(tx, pending.id, now);
    await repo.identify(tx, callId, { personId: pending.personId, by: 'sms-code', at: now, basis: { phoneEnding: phoneEnding(pending.phone) } });
    await appendAudit(tx, h.audit(signedIn, 'call.identify', `person:${pending.personId}`, { call: callId, by: 'sms-code' }));
    return ok({ personId: pending.personId });
  });
};

/**
 * Identifies the caller by what they know: their national id, date of birth and the number of one
 * of their cases, with the operator's judgement in words. Both are recorded as the basis.
 * @returns err(KnowledgeMismatch) with the checks left, err(KnowledgeThrottled) once they are used up.
 */
export const identifyByKnowledge = (h: Helpers) => async (
  signedIn: SignedIn, callId: string, input: { nationalId: string; birthDate: string; caseNumber: string; judgement: string },
): Promise<Result<{ personId: string }, KnowledgeFailure>> => {
  const { db, clock, policy, limiter } = h.deps;
  const nationalId = input.nationalId.trim();
  if (!NATIONAL_ID.test(nationalId)) {
    return err(new CallFieldInvalid('nationalId', nationalId === '' ? 'missing' : 'invalid'));
  }
  const caseNumber = h.text(input.caseNumber, 'caseNumber', 60, true);
  const judgement = h.text(input.judgement, 'judgement', MAX_NOTES, true);
  if (!caseNumber.ok) {
    return caseNumber;
  }
  if (!judgement.ok) {
    return judgement;
  }
  const caller = await h.deps.callers.byNationalId(nationalId);
  return db.transaction(async (tx) => {
    const call = await h.openCall(tx, signedIn, callId);
    if (!call.ok) {
      return call;
    }
    if (call.value.callerPersonId !== null) {
      return err(new CallerAlreadyIdentified(callId));
    }
    // Every check counts; once they are used up, none is made any more on this call.
    const verdict = await limiter.hit(`call-knowledge:${callId}`, { max: policy.knowledgeAttemptsPerCall, windowSeconds: 86_400 });
    if (!verdict.allowed) {
      return err(new KnowledgeThrottled());
    }
    const fail = async (subject: string) => {
      await appendAudit(tx, h.audit(signedIn, 'call.identify', subject, { call: callId, by: 'knowledge', attempts: verdict.count }, 'refused'));
      return err(verdict.count < policy.knowledgeAttemptsPerCall ? new KnowledgeMismatch(policy.knowledgeAttemptsPerCall - verdict.count) : new KnowledgeThrottled());
    };
    if (caller === null) {
      return fail(`call:${callId}`);
    }
    const parties = await h.readCaller(tx, signedIn, call.value, caller, 'identification');
    const knowsCase = parties.some((p) => p.cases.some((c) => c.case.number.toUpperCase() === caseNumber.value.toUpperCase()));
    if (caller.person.birthDate !== input.birthDate || !knowsCase) {
      return fail(`person:${caller.person.id}`);
    }
    const basis = { questions: ['national-id', 'birth-date', 'case-number'], judgement: judgement.value };
    await repo.identify(tx, callId, { personId: caller.person.id, by: 'knowledge', at: clock.now(), basis });
    await appendAudit(tx, h.audit(signedIn, 'call.identify', `person:${caller.person.id}`, { call: callId, by: 'knowledge' }));
    return ok({ personId: caller.person.id });
  });
};

/** The outbox handler that sends a caller's one-time code by SMS (the code is recomputed here, never stored). */
export const codeHandlers = (h: Helpers) => (sender: SmsSender): Record<string, OutboxHandler> => ({
  [CALL_CODE_TOPIC]: async (payload, ctx) => {
    const m = typeof payload === 'object' && payload !== null ? (payload as { codeId?: unknown; lang?: unknown }) : {};
    const code = typeof m.codeId === 'string' && isUuid(m.codeId) ? await repo.code(h.deps.db, m.codeId) : null;
    if (code === null) {
      return rejected('no such call code');
    }
    if (code.usedAt !== null || code.expiresAt <= h.deps.clock.now()) {
      return delivered(); // too late to matter
    }
    return sender.send({ to: code.phone, text: callCodeSms(m.lang === 'en' ? 'en' : 'uk', h.codeFor(code.id)) }, ctx.idempotencyKey);
  },
});
