import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { assistedApplicants } from './assisted-applicants.repository.ts';
import type { Person } from './identity.ts';
import { personsRepository } from './persons.repository.ts';

/**
 * A visitor at a centre's front desk, named by the tax number on the document they show: the portal's
 * record, or one made from the population register (as for assisted filing), so what staff book for
 * them is theirs when they sign in. Null: the register does not know the number.
 */
export function createVisitors(deps: { db: Database; clock: Clock }) {
  return {
    byId: (personId: string): Promise<Person | null> => personsRepository.byId(deps.db, personId),
    byNationalId: async (nationalId: string): Promise<Person | null> =>
      /^[0-9]{10}$/.test(nationalId) ? deps.db.transaction((tx) => assistedApplicants.byNationalId(tx, nationalId, deps.clock.now())) : null,
  };
}

export type Visitors = ReturnType<typeof createVisitors>;
