import { createHmac } from 'node:crypto';

import type { Lang } from '../../kernel/text.ts';
import type { Clock } from '../../kernel/clock.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/database.ts';
import { outboxRepository } from '../../platform/outbox/index.ts';
import { newId } from '../../platform/security/tokens.ts';
import { partyKey } from './identity.ts';
import { CODE_WINDOW_MS, type ContactCodePolicy, codeRequestVerdict, guessesLockedUntil, smsDestination } from './contact-codes.ts';
import { contactCodesRepository } from './contact-codes.repository.ts';
import { contactsRepository } from './contacts.repository.ts';
import {
  type AddressRefused, CodeExpired, CodeWrong, type ConfirmCodeFailure, ContactThrottled, EmailInvalid, NothingToVerify, PhoneCountryNotAllowed, PhoneInvalid, type RequestCodeFailure,
} from './contacts.errors.ts';
import { type ContactChannel, VERIFICATION_TOPIC, type VerificationMessage } from './contacts.types.ts';
import type { SignedIn } from './sessions.service.ts';

const CODE_MINUTES = 15;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;

/** An e-mail address lower-cased, or a mobile number of an allowed country in E.164. */
function destinationOf(channel: ContactChannel, raw: string, smsCountries: readonly string[]): Result<string, AddressRefused> {
  if (channel === 'email') {
    const address = raw.trim().toLowerCase();
    return EMAIL.test(address) ? ok(address) : err(new EmailInvalid());
  }
  const phone = smsDestination(raw, smsCountries);
  if (phone.ok) {
    return ok(phone.e164);
  }
  return err(phone.problem === 'phone-country-not-allowed' ? new PhoneCountryNotAllowed() : new PhoneInvalid());
}

/**
 * One-time codes for contact details: asking for one (within the quotas), checking one (within the
 * limit on wrong guesses). A code is derived from its verification id with the secret and is never
 * stored: the database keeps only a keyed hash, the outbox message only the verification id.
 */
export function createContactCodes(deps: { db: Database; clock: Clock; policy: ContactCodePolicy; secret: string }) {
  const { db, clock, policy, secret } = deps;
  const hmac = (text: string) => createHmac('sha256', secret).update(text);
  /** Six digits derived from the verification id: never stored, recomputed to send and to check. */
  const codeFor = (verificationId: string) => String(hmac(`code:${verificationId}`).digest().readUInt32BE(0) % 1_000_000).padStart(6, '0');
  const hashCode = (verificationId: string, code: string) => hmac(`hash:${verificationId}:${code}`).digest('hex');
  const audit = (signedIn: SignedIn, action: string, detail: Record<string, unknown>, outcome: 'done' | 'refused' = 'done') => ({
    at: clock.now(), action, outcome, channel: 'web' as const, actorPersonId: signedIn.person.id,
    actingFor: partyKey(signedIn.actor.acting.party), subject: `person:${signedIn.person.id}`, detail,
  });
  return {
    /** The code a verification's message carries (for the notifications handler only). */
    codeFor,

    /** The countries whose mobile numbers may receive a code by SMS. */
    smsCountries: policy.smsCountries,

    /**
     * Records a new address and sends it a one-time code through the outbox, in one transaction,
     * within the quotas per person, per destination and per client address and after the cooldown.
     * @returns err(EmailInvalid), err(PhoneInvalid) or err(PhoneCountryNotAllowed);
     *   err(ContactThrottled) with `cooldown`, `person`, `destination` or `client`.
     */
    async requestCode(signedIn: SignedIn, channel: ContactChannel, raw: string, lang: Lang, client: string | null): Promise<Result<{ address: string }, RequestCodeFailure>> {
      const destination = destinationOf(channel, raw, policy.smsCountries);
      if (!destination.ok) {
        return destination;
      }
      const address = destination.value;
      const field = channel === 'email' ? 'email' : 'phone';
      const personId = signedIn.person.id;
      return db.transaction(async (tx) => {
        await contactCodesRepository.lock(tx, [`person:${personId}`, `to:${address}`, ...(client === null ? [] : [`from:${client}`])]);
        const now = clock.now();
        const limit = Math.max(policy.perPersonPerHour, policy.perDestinationPerHour, policy.perClientPerHour, 1);
        const recent = await contactCodesRepository.recentCodes(tx, { personId, address, client, since: new Date(now.getTime() - CODE_WINDOW_MS), limit });
        const verdict = codeRequestVerdict(recent, policy, now);
        if (verdict) {
          await appendAudit(tx, audit(signedIn, 'REQUEST_CONTACT_CODE', { channel, limit: verdict.limit }, 'refused'));
          return err(new ContactThrottled(verdict.limit, verdict.retryAt, now, field));
        }
        const id = newId();
        await contactsRepository.setAddress(tx, personId, channel, address, now);
        await contactsRepository.insertVerification(tx, { id, personId, channel, address, codeHash: hashCode(id, codeFor(id)), clientAddress: client, createdAt: now, expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000) });
        const message: VerificationMessage = { verificationId: id, channel, address, lang };
        await outboxRepository.enqueue(tx, { topic: VERIFICATION_TOPIC, payload: message, idempotencyKey: `verification:${id}`, availableAt: now });
        await appendAudit(tx, audit(signedIn, 'REQUEST_CONTACT_CODE', { channel }));
        return ok({ address });
      });
    },

    /**
     * Checks a one-time code against the latest one sent for the channel. Wrong codes count per
     * person and channel across codes: asking for a new code does not reset the count.
     * @returns err(NothingToVerify), err(CodeExpired) or err(CodeWrong);
     *   err(ContactThrottled) with `guesses` once too many wrong codes were entered in the hour.
     */
    async confirm(signedIn: SignedIn, channel: ContactChannel, code: string): Promise<Result<{ address: string }, ConfirmCodeFailure>> {
      const field = 'code';
      const personId = signedIn.person.id;
      return db.transaction(async (tx) => {
        await contactCodesRepository.lock(tx, [`guess:${personId}:${channel}`]);
        const now = clock.now();
        const failures = () => contactCodesRepository.recentFailures(tx, { personId, channel, since: new Date(now.getTime() - CODE_WINDOW_MS), limit: policy.wrongGuessesPerHour });
        const locked = guessesLockedUntil(await failures(), policy, now);
        if (locked) {
          return err(new ContactThrottled('guesses', locked, now, field));
        }
        const pending = await contactsRepository.latestVerification(tx, personId, channel);
        if (!pending || pending.verifiedAt) {
          return err(new NothingToVerify());
        }
        if (pending.expiresAt < now) {
          return err(new CodeExpired());
        }
        if (hashCode(pending.id, code.trim()) !== pending.codeHash) {
          await contactsRepository.countAttempt(tx, pending.id);
          await contactCodesRepository.recordFailure(tx, personId, channel, now);
          const lockedNow = guessesLockedUntil(await failures(), policy, now);
          if (lockedNow) {
            await appendAudit(tx, audit(signedIn, 'VERIFY_CONTACT', { channel, limit: 'guesses' }, 'refused'));
            return err(new ContactThrottled('guesses', lockedNow, now, field));
          }
          return err(new CodeWrong());
        }
        await contactsRepository.markVerified(tx, pending.id, personId, channel, pending.address, now);
        await appendAudit(tx, audit(signedIn, 'VERIFY_CONTACT', { channel }));
        return ok({ address: pending.address });
      });
    },

  };
}
