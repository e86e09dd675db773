import type { Lang } from '../../kernel/text.ts';
import type { Clock } from '../../kernel/clock.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/database.ts';
import { partyKey } from './identity.ts';
import type { ContactCodePolicy } from './contact-codes.ts';
import { contactCodesRepository } from './contact-codes.repository.ts';
import { createContactCodes } from './contact-codes.service.ts';
import { type ContactDetails, contactsRepository } from './contacts.repository.ts';
import { ChannelUnverified, type SavePreferencesFailure } from './contacts.errors.ts';
import { type ContactChannel, type ContactOutcome, type NoticeChannel } from './contacts.types.ts';
import type { SignedIn } from './sessions.service.ts';

export * from './contacts.types.ts';

const OUTCOME_MINUTES = 10;

export function createContactsService(deps: { db: Database; clock: Clock; policy: ContactCodePolicy; secret: string }) {
  const { db, clock } = deps;
  const audit = (signedIn: SignedIn, action: string, detail: Record<string, unknown>) => ({
    at: clock.now(), action, outcome: 'done' as const, channel: 'web' as const, actorPersonId: signedIn.person.id,
    actingFor: partyKey(signedIn.actor.acting.party), subject: `person:${signedIn.person.id}`, detail,
  });
  return {
    ...createContactCodes(deps),

    details: (personId: string): Promise<ContactDetails> => contactsRepository.details(db, personId),

    /** Saves language, notice channels (the portal inbox always) and postal address. */
    async savePreferences(signedIn: SignedIn, prefs: { language: Lang; noticeChannels: readonly NoticeChannel[]; postalAddress: string | null }): Promise<Result<void, SavePreferencesFailure>> {
      const details = await contactsRepository.details(db, signedIn.person.id);
      if (prefs.noticeChannels.includes('email') && !details.emailVerified) {
        return err(new ChannelUnverified('email'));
      }
      if (prefs.noticeChannels.includes('sms') && !details.phoneVerified) {
        return err(new ChannelUnverified('sms'));
      }
      const channels = ['portal', ...prefs.noticeChannels.filter((c) => c !== 'portal')];
      await db.transaction(async (tx) => {
        await contactsRepository.setPreferences(tx, signedIn.person.id, { language: prefs.language, noticeChannels: channels, postalAddress: prefs.postalAddress }, clock.now());
        await appendAudit(tx, audit(signedIn, 'UPDATE_PREFERENCES', { language: prefs.language, noticeChannels: channels }));
      });
      return ok(undefined);
    },

    /** Keeps what the contacts page shows after the redirect that follows a posted form. */
    keepOutcome: (personId: string, outcome: ContactOutcome): Promise<void> => contactCodesRepository.keepOutcome(db, personId, outcome, clock.now()),

    /** Takes the kept outcome, once; null if none was kept in the last minutes. */
    takeOutcome: async (personId: string): Promise<ContactOutcome | null> =>
      (await contactCodesRepository.takeOutcome(db, personId, new Date(clock.now().getTime() - OUTCOME_MINUTES * 60_000))) as ContactOutcome | null,

    /** The channels with a code sent and still waiting to be entered. */
    awaiting: (personId: string): Promise<ContactChannel[]> => contactsRepository.awaiting(db, personId, clock.now()),
  };
}

export type ContactsService = ReturnType<typeof createContactsService>;
