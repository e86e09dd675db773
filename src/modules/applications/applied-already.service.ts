import type { Queryable } from '../../platform/db/database.ts';
import type { Service } from '../catalogue/index.ts';
import { type CaseParty, type CasesService, jobCaseStandsIn } from '../cases/index.ts';
import type { SignedIn } from '../identity/index.ts';
import { AppliedAlready } from './applications.errors.ts';

/**
 * The person an application claims the one case about (ADR 0035), or null when it claims none: an application of
 * an automatic proactive service made for a person one acts for (a parent for a child) is about that person. One
 * made for oneself claims nothing: a parent applying for a birth grant names the child in the answers, not by a
 * tax number the claim could key on.
 */
export const claimsCase = (service: Service, party: CaseParty): string | null =>
  service.proactive?.mode === 'automatic' && party.kind === 'person' && party.id !== null ? party.id : null;

/** Inside a submission's transaction: the claim of the one case about the person (ADR 0035); the refusal when the job's case stands in, else null. */
export async function appliedAlready(cases: Pick<CasesService, 'claim'>, tx: Queryable, signedIn: SignedIn, service: Service, party: CaseParty, caseId: string): Promise<AppliedAlready | null> {
  const subject = claimsCase(service, party);
  const held = subject === null ? null : await cases.claim(tx, { serviceId: service.id, subjectNationalId: subject, caseId, source: 'application' });
  if (held === null || !jobCaseStandsIn(held)) {
    return null;
  }
  return new AppliedAlready(held.applicantPersonId === signedIn.person.id ? { caseId: held.caseId, caseNumber: held.caseNumber } : null);
}
