import { createHash, randomInt } from 'node:crypto';

import type { Clock } from '../../kernel/clock.ts';
import { AppError } from '../../kernel/errors.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/database.ts';
import { outboxRepository } from '../../platform/outbox/index.ts';
import { newId } from '../../platform/security/tokens.ts';
import { partyKey } from './identity.ts';
import { type ContactDetails, contactsRepository } from './contacts.repository.ts';
import type { SignedIn } from './sessions.service.ts';

export type ContactChannel = 'email' | 'sms';
export const NOTICE_CHANNELS = ['portal', 'email', 'sms', 'post'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

export const CONTACT_PROBLEMS = ['email-invalid', 'phone-invalid', 'code-wrong', 'code-expired', 'too-many-attempts', 'nothing-to-verify', 'channel-unverified'] as const;
export type ContactProblem = (typeof CONTACT_PROBLEMS)[number];

export class ContactRefused extends AppError {
  readonly code = 'identity.contact_refused';

  constructor(readonly problem: ContactProblem, readonly field: string) {
    super(`contact refused: ${problem}`, { problem, field });
  }
}

/** The topic of the message that carries a one-time code; the notifications module renders it. */
export const VERIFICATION_TOPIC = 'contact.verification-code';
export interface VerificationMessage {
  readonly channel: ContactChannel;
  readonly address: string;
  readonly code: string;
  readonly lang: 'uk' | 'en';
}

const CODE_MINUTES = 15;
const MAX_ATTEMPTS = 5;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;
const PHONE = /^\+[1-9]\d{7,14}$/;

const hashCode = (verificationId: string, code: string) => createHash('sha256').update(`${verificationId}:${code}`).digest('hex');
export const normalisePhone = (raw: string) => raw.replace(/[\s()-]/g, '');

export function createContactsService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  const audit = (signedIn: SignedIn, action: string, detail: Record<string, unknown>) => ({
    at: clock.now(), action, outcome: 'done' as const, channel: 'web' as const, actorPersonId: signedIn.person.id,
    actingFor: partyKey(signedIn.actor.acting.party), subject: `person:${signedIn.person.id}`, detail,
  });
  return {
    details: (personId: string): Promise<ContactDetails> => contactsRepository.details(db, personId),

    /**
     * Records a new address and sends it a one-time code through the outbox, in one transaction.
     * @returns err(ContactRefused) with `email-invalid` or `phone-invalid`.
     */
    async requestCode(signedIn: SignedIn, channel: ContactChannel, raw: string, lang: 'uk' | 'en'): Promise<Result<{ address: string }, ContactRefused>> {
      const address = channel === 'email' ? raw.trim().toLowerCase() : normalisePhone(raw);
      if (channel === 'email' ? !EMAIL.test(address) : !PHONE.test(address)) {
        return err(new ContactRefused(channel === 'email' ? 'email-invalid' : 'phone-invalid', channel === 'email' ? 'email' : 'phone'));
      }
      const now = clock.now();
      const id = newId();
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await db.transaction(async (tx) => {
        await contactsRepository.setAddress(tx, signedIn.person.id, channel, address, now);
        await contactsRepository.insertVerification(tx, { id, personId: signedIn.person.id, channel, address, codeHash: hashCode(id, code), createdAt: now, expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000) });
        const message: VerificationMessage = { channel, address, code, lang };
        await outboxRepository.enqueue(tx, { topic: VERIFICATION_TOPIC, payload: message, idempotencyKey: `verification:${id}`, availableAt: now });
        await appendAudit(tx, audit(signedIn, 'REQUEST_CONTACT_CODE', { channel }));
      });
      return ok({ address });
    },

    /**
     * Checks a one-time code against the latest one sent for the channel.
     * @returns err(ContactRefused) with `nothing-to-verify`, `code-expired`, `too-many-attempts` or `code-wrong`.
     */
    async confirm(signedIn: SignedIn, channel: ContactChannel, code: string): Promise<Result<{ address: string }, ContactRefused>> {
      const now = clock.now();
      const field = 'code';
      return db.transaction(async (tx) => {
        const pending = await contactsRepository.latestVerification(tx, signedIn.person.id, channel);
        if (!pending || pending.verifiedAt) {
          return err(new ContactRefused('nothing-to-verify', field));
        }
        if (pending.expiresAt < now) {
          return err(new ContactRefused('code-expired', field));
        }
        if (pending.attempts >= MAX_ATTEMPTS) {
          return err(new ContactRefused('too-many-attempts', field));
        }
        if (hashCode(pending.id, code.trim()) !== pending.codeHash) {
          await contactsRepository.countAttempt(tx, pending.id);
          return err(new ContactRefused('code-wrong', field));
        }
        await contactsRepository.markVerified(tx, pending.id, signedIn.person.id, channel, pending.address, now);
        await appendAudit(tx, audit(signedIn, 'VERIFY_CONTACT', { channel }));
        return ok({ address: pending.address });
      });
    },

    /** Saves language, notice channels (the portal inbox always) and postal address. */
    async savePreferences(signedIn: SignedIn, prefs: { language: 'uk' | 'en'; noticeChannels: readonly NoticeChannel[]; postalAddress: string | null }): Promise<Result<void, ContactRefused>> {
      const details = await contactsRepository.details(db, signedIn.person.id);
      if (prefs.noticeChannels.includes('email') && !details.emailVerified) {
        return err(new ContactRefused('channel-unverified', 'noticeChannels'));
      }
      if (prefs.noticeChannels.includes('sms') && !details.phoneVerified) {
        return err(new ContactRefused('channel-unverified', 'noticeChannels'));
      }
      const channels = ['portal', ...prefs.noticeChannels.filter((c) => c !== 'portal')];
      await db.transaction(async (tx) => {
        await contactsRepository.setPreferences(tx, signedIn.person.id, { language: prefs.language, noticeChannels: channels, postalAddress: prefs.postalAddress }, clock.now());
        await appendAudit(tx, audit(signedIn, 'UPDATE_PREFERENCES', { language: prefs.language, noticeChannels: channels }));
      });
      return ok(undefined);
    },
  };
}

export type ContactsService = ReturnType<typeof createContactsService>;
