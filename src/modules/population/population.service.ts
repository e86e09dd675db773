import type { ReadPurpose } from '../../kernel/access.ts';
import type { Clock } from '../../kernel/clock.ts';
import { err, ok, type Result } from '../../kernel/result.ts';
import { recordPersonalDataReads } from '../../platform/audit/personal-data.ts';
import type { Database } from '../../platform/db/database.ts';
import type { ExchangeClient } from '../../platform/exchange/index.ts';
import type { SignedIn } from '../identity/index.ts';
import { issueOf, type PopulationAnswer, type PopulationFailure, parseRecord } from './population.ts';

/**
 * The population registry, reached only over the exchange (ADR 0024). Every query is a staff member's,
 * for a case or a legal basis: it travels as X-Road-UserId and X-Road-Issue, and once the register
 * answered (found or not: it was asked) an access record of that national id is written with the same
 * purpose, which the person sees in "Who saw my data". A refusal or no answer is a failure value and
 * no record: nothing was read.
 */
export function createPopulationRegister(deps: { db: Database; clock: Clock; exchange: ExchangeClient; service: string }) {
  return {
    async person(staff: SignedIn, nationalId: string, purpose: ReadPurpose): Promise<Result<PopulationAnswer, PopulationFailure>> {
      const role = staff.actor.staff.find((s) => s.agencyId !== null) ?? staff.actor.staff[0];
      if (role === undefined) {
        return err({ code: 'population.forbidden' });
      }
      if (!/^[0-9]{10}$/.test(nationalId)) {
        return err({ code: 'population.national-id-invalid' });
      }
      const answer = await deps.exchange.call({ service: deps.service, body: { nationalId }, userId: staff.person.id, issue: issueOf(purpose) });
      if (!answer.ok) {
        return answer.error.code === 'exchange.refused'
          ? err({ code: 'population.refused', type: answer.error.type, requestId: answer.error.requestId })
          : err({ code: 'population.unavailable', requestId: answer.error.requestId });
      }
      const { status, body, requestId } = answer.value;
      const record = status === 200 ? parseRecord(body) : null;
      if (status !== 404 && record === null) {
        return err({ code: 'population.unavailable', requestId });
      }
      await recordPersonalDataReads(deps.db, [`national-id:${nationalId}`], {
        at: deps.clock.now(), reader: { personId: staff.person.id, agencyId: role.agencyId, role: role.role }, channel: 'system', what: 'population-record',
        purpose, caseNumber: 'case' in purpose ? purpose.case : null,
      });
      return ok({ record, requestId });
    },
  };
}
