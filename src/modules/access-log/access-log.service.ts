import type { Database } from '../../platform/db/database.ts';
import type { ReadQueryable } from '../../platform/db/reads.ts';
import type { SignedIn } from '../identity/index.ts';
import { type AccessEntry, entryOf, type WatchedParty, watchedParties } from './access-log.ts';
import { accessLogRepository } from './access-log.repository.ts';

export const ACCESS_PAGE_SIZE = 25;

export interface AccessPage {
  /** Every party whose records the person may see, the chosen one first in its place. */
  readonly parties: readonly WatchedParty[];
  readonly party: WatchedParty;
  readonly entries: readonly AccessEntry[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
}

/** "Who saw my data": staff reads of the person's data and of each party's they act for, newest first. */
export function createAccessLogService(deps: {
  readonly db: Database;
  /** Where the list is read: a replica (ADR 0018); others' reads of the person's data show up within its lag. `db` when absent. */
  readonly reads?: ReadQueryable;
}) {
  const { db } = deps;
  const partyOf = (signedIn: SignedIn, key: string): { parties: WatchedParty[]; party: WatchedParty | null } => {
    const parties = watchedParties(signedIn.person, signedIn.options);
    return { parties, party: parties.find((p) => p.key === key) ?? null };
  };
  return {
    /**
     * A page of the access records of one party the person may act for now (`self` for their own),
     * null for any other party. The person's own reads are left out.
     */
    async list(signedIn: SignedIn, partyKey: string, page: number): Promise<AccessPage | null> {
      const { parties, party } = partyOf(signedIn, partyKey);
      if (party === null) {
        return null;
      }
      const current = Number.isSafeInteger(page) && page > 0 ? page : 1;
      const { rows, total } = await accessLogRepository.page(deps.reads ?? db, party.subjects, signedIn.person.id, ACCESS_PAGE_SIZE, (current - 1) * ACCESS_PAGE_SIZE);
      return { parties, party, entries: rows.map(entryOf), total, page: current, pages: Math.max(1, Math.ceil(total / ACCESS_PAGE_SIZE)) };
    },

    /** One access record of any party the person may act for now (to ask why, in an appeal); null otherwise. */
    async entry(signedIn: SignedIn, id: number): Promise<(AccessEntry & { party: WatchedParty }) | null> {
      if (!Number.isSafeInteger(id) || id <= 0) {
        return null;
      }
      const parties = watchedParties(signedIn.person, signedIn.options);
      const row = await accessLogRepository.one(db, parties.flatMap((p) => p.subjects), signedIn.person.id, id);
      const party = row === null ? undefined : parties.find((p) => p.subjects.some((s) => s === row.subject));
      return row === null || party === undefined ? null : { ...entryOf(row), party };
    },
  };
}

export type AccessLogService = ReturnType<typeof createAccessLogService>;
