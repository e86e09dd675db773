import type { Clock } from '../../kernel/clock.ts';
import { recordPersonalDataReads } from '../../platform/audit/personal-data.ts';
import type { Database } from '../../platform/db/database.ts';
import { assistedApplicants } from './assisted-applicants.repository.ts';
import type { Person } from './identity.ts';
import type { SignedIn } from './sessions.service.ts';
import { personsRepository } from './persons.repository.ts';

/**
 * A visitor at a centre's front desk, named by the tax number on the document they show: the portal's
 * record, or one made from the population register (as for assisted filing), so what staff book for
 * them is theirs when they sign in. Null: the register does not know the number.
 */
export function createVisitors(deps: { db: Database; clock: Clock }) {
  return {
    byId: (personId: string): Promise<Person | null> => personsRepository.byId(deps.db, personId),
    /**
     * The front desk looks a visitor up by the tax number on their document: an access record of that
     * number's person (found or not, the register was asked), the visit to the centre as purpose.
     */
    async find(staff: SignedIn, nationalId: string): Promise<Person | null> {
      if (!/^[0-9]{10}$/.test(nationalId)) {
        return null;
      }
      const desk = staff.staff.find((s) => s.role === 'front-desk' && s.centreId !== null);
      await recordPersonalDataReads(deps.db, [`national-id:${nationalId}`], {
        at: deps.clock.now(), reader: { personId: staff.person.id, agencyId: desk?.agencyId ?? null, role: 'front-desk' }, channel: 'in-person', what: 'visitor-search',
        purpose: { basis: 'front-desk-visit', ...(desk === undefined || desk.centreId === null ? {} : { centre: desk.centreId }) }, caseNumber: null,
      });
      return deps.db.transaction((tx) => assistedApplicants.byNationalId(tx, nationalId, deps.clock.now()));
    },
  };
}

export type Visitors = ReturnType<typeof createVisitors>;
