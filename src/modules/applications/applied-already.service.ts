import type { Queryable } from '../../platform/db/database.ts';
import type { Service } from '../catalogue/index.ts';
import { type CaseParty, type CasesService, jobCaseStandsIn } from '../cases/index.ts';
import { registeredChildren, type SignedIn } from '../identity/index.ts';
import { AppliedAlready } from './applications.errors.ts';
import { childNamed } from './claim-subject.ts';

/**
 * Whether an application may claim the one case about a person (ADR 0035): one of an automatic proactive service
 * made for a person one acts for (a parent for a child), or made for oneself when the catalogue names the form
 * fields that say whom it is about (the child's name and date of birth).
 */
export const claimsCase = (service: Service, party: CaseParty): boolean =>
  service.proactive?.mode === 'automatic' && (party.kind === 'person' ? party.id !== null : party.kind === 'self' && service.proactive.subject !== undefined);

/** The person the application is about: the party acted for, else the applicant's child the answers name; null: no claim. */
async function subjectOf(tx: Queryable, signedIn: SignedIn, service: Service, party: CaseParty, answers: Readonly<Record<string, unknown>>): Promise<string | null> {
  if (!claimsCase(service, party)) {
    return null;
  }
  if (party.kind === 'person') {
    return party.id;
  }
  const fields = service.proactive?.subject;
  const nationalId = signedIn.person.nationalId;
  return fields === undefined || nationalId === null ? null : childNamed(await registeredChildren(tx, nationalId), answers, fields);
}

/** Inside a submission's transaction: the claim of the one case about the person (ADR 0035); the refusal when the job's case stands in, else null. */
export async function appliedAlready(cases: Pick<CasesService, 'claim'>, tx: Queryable, signedIn: SignedIn, service: Service, application: { party: CaseParty; answers: Readonly<Record<string, unknown>>; caseId: string }): Promise<AppliedAlready | null> {
  const { party, answers, caseId } = application;
  const subject = await subjectOf(tx, signedIn, service, party, answers);
  const held = subject === null ? null : await cases.claim(tx, { serviceId: service.id, subjectNationalId: subject, caseId, source: 'application' });
  if (held === null || !jobCaseStandsIn(held)) {
    return null;
  }
  return new AppliedAlready(held.applicantPersonId === signedIn.person.id ? { caseId: held.caseId, caseNumber: held.caseNumber } : null);
}
