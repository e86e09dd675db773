import type { Clock } from '../../kernel/clock.ts';
import { isUuid } from '../../kernel/ids.ts';
import { err, ok, type Result } from '../../kernel/result.ts';
import type { AccessSubject, ReadKind } from '../../kernel/access.ts';
import { appendAudit, auditedTransaction } from '../../platform/audit/audit.ts';
import { appendPersonalDataReads } from '../../platform/audit/personal-data.ts';
import type { Database } from '../../platform/db/database.ts';
import { queueAgencies, roleIn } from '../cases/index.ts';
import { type LetterInput, renderLetters } from '../documents/index.ts';
import type { SignedIn } from '../identity/index.ts';
import { type Letter, lettersRepository } from './letters.repository.ts';
import { LetterNotFound } from './notices.errors.ts';

const QUEUE_LIMIT = 200;
const BATCH_LIMIT = 500;
const KYIV_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const printed = (l: Letter, enclosures: ReadonlyMap<string, Uint8Array>): LetterInput => {
  const enclosure = l.documentId === null ? undefined : enclosures.get(l.documentId);
  return {
    lang: l.lang, sender: l.organisationName[l.lang], address: l.address, date: l.createdAt, caseNumber: l.caseNumber, subject: l.subject, body: l.body,
    ...(l.appealId === null ? {} : { reference: 'appeal' as const }),
    ...(enclosure === undefined ? {} : { enclosure }),
  };
};

/** The instants a Kyiv calendar day runs between (Kyiv is UTC+2 or +3: the offset is read at noon). */
function kyivDayRange(day: string): { from: Date; to: Date } | null {
  const m = KYIV_DAY.exec(day);
  if (m === null) {
    return null;
  }
  const noon = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(noon.getTime()) || noon.toISOString().slice(0, 10) !== day) {
    return null;
  }
  const kyivNoon = new Date(noon.toLocaleString('en-US', { timeZone: 'Europe/Kyiv' }) + ' UTC');
  const offset = kyivNoon.getTime() - noon.getTime();
  const from = new Date(Date.parse(`${day}T00:00:00Z`) - offset);
  return { from, to: new Date(from.getTime() + 24 * 3600 * 1000) };
}

/**
 * The print queue: letters (case notices by post, and decisions posted because nobody opened them in the inbox) of the staff member's agencies not dispatched yet,
 * each letter's PDF, a day's batch as one PDF for the print room, and marking a letter dispatched
 * (audited). A letter of another agency is `LetterNotFound`.
 */
export function createLettersService({ db, clock }: { db: Database; clock: Clock }) {
  const agenciesOf = (signedIn: SignedIn) => queueAgencies(signedIn.actor);
  /** The letters as printed, each followed by the decision it encloses. */
  const print = async (letters: readonly Letter[]) => {
    const enclosures = await lettersRepository.enclosures(db, letters.flatMap((l) => (l.documentId === null ? [] : [l.documentId])));
    return renderLetters(letters.map((l) => printed(l, enclosures)));
  };
  /**
   * A letter shows its addressee's name and address and what it says: an access record of the addressee
   * (a person with an account; a letter to a name and address alone has no one to record it under) and
   * of the party a case notice's case is for (a company, a child), per letter printed, all in one INSERT.
   */
  const recordPrinted = (signedIn: SignedIn, letters: readonly Letter[], what: ReadKind) => auditedTransaction(db, async (tx) => {
    const at = clock.now();
    for (const l of letters) {
      const subjects: AccessSubject[] = l.personId === null ? [] : [`person:${l.personId}`];
      if (l.caseParty !== null) {
        subjects.push(l.caseParty.kind === 'business' ? `business:${l.caseParty.id}` : `national-id:${l.caseParty.id}`);
      }
      await appendPersonalDataReads(tx, subjects, {
        at, reader: { personId: signedIn.person.id, agencyId: l.organisationId, role: roleIn(signedIn, l.organisationId) }, channel: 'web', what,
        purpose: l.appealId === null ? { case: l.caseNumber } : { basis: 'appeal-consideration', appeal: l.caseNumber }, caseNumber: l.appealId === null ? l.caseNumber : null,
      });
    }
  });
  return {
    async queue(signedIn: SignedIn): Promise<Letter[]> {
      const agencies = agenciesOf(signedIn);
      return agencies.length === 0 ? [] : lettersRepository.undispatched(db, agencies, QUEUE_LIMIT);
    },

    async pdf(signedIn: SignedIn, letterId: string): Promise<Result<{ letter: Letter; pdf: Uint8Array }, LetterNotFound>> {
      const agencies = agenciesOf(signedIn);
      const letter = isUuid(letterId) && agencies.length > 0 ? await lettersRepository.one(db, agencies, letterId) : null;
      if (letter === null) {
        return err(new LetterNotFound(letterId));
      }
      const pdf = await print([letter]);
      await recordPrinted(signedIn, [letter], 'letter');
      return ok({ letter, pdf });
    },

    /** The undispatched letters written on a Kyiv day (YYYY-MM-DD) as one PDF, each from a new page; null for a day that is not one. */
    async batch(signedIn: SignedIn, day: string): Promise<{ count: number; pdf: Uint8Array } | null> {
      const range = kyivDayRange(day);
      if (range === null) {
        return null;
      }
      const agencies = agenciesOf(signedIn);
      const letters = agencies.length === 0 ? [] : await lettersRepository.undispatched(db, agencies, BATCH_LIMIT, range);
      const pdf = await print(letters);
      await recordPrinted(signedIn, letters, 'letter-batch');
      return { count: letters.length, pdf };
    },

    async dispatch(signedIn: SignedIn, letterId: string): Promise<Result<Letter, LetterNotFound>> {
      const agencies = agenciesOf(signedIn);
      if (!isUuid(letterId) || agencies.length === 0) {
        return err(new LetterNotFound(letterId));
      }
      return auditedTransaction(db, async (tx) => {
        const now = clock.now();
        const letter = await lettersRepository.dispatch(tx, agencies, letterId, signedIn.person.id, now);
        if (letter === null) {
          return err(new LetterNotFound(letterId));
        }
        await appendAudit(tx, {
          at: now, action: 'letter.dispatched', outcome: 'done', channel: 'web', actorPersonId: signedIn.person.id, actingFor: null,
          subject: `${letter.appealId === null ? 'case' : 'appeal'}:${letter.caseNumber}`, detail: { letterId: letter.id, kind: letter.kind },
        });
        return ok(letter);
      });
    },
  };
}

export type LettersService = ReturnType<typeof createLettersService>;
