import type { Clock } from '../../kernel/clock.ts';
import { isUuid } from '../../kernel/ids.ts';
import { err, ok, type Result } from '../../kernel/result.ts';
import { auditedTransaction } from '../../platform/audit/audit.ts';
import { type PersonalDataRead, recordPersonalDataReads } from '../../platform/audit/personal-data.ts';
import type { Database, Queryable } from '../../platform/db/database.ts';
import type { CaseRecord } from '../cases/index.ts';
import { kyivDay } from '../deadlines/index.ts';
import { assistedApplicants, type SignedIn, type StaffAssignment } from '../identity/index.ts';
import { type AppealKind, type AppealRecord, appealTermOf, routeOf } from './appeal.ts';
import { checkAppeal } from './appeal-checks.ts';
import { INTAKE_BASIS, INTAKE_ROLE, type IntakeChannel, type IntakeInput, intakeProblems } from './appeal-intake.ts';
import { type AppealIntakeRecord, appealIntakesRepository } from './appeal-intakes.repository.ts';
import {
  AppealCallerUnknown, AppealCaseUnknown, AppealIntakeInvalid, AppealIntakeNotAllowed, AppealPersonUnknown, type IntakeFailure, type IntakeProblemFailure,
} from './appeals.errors.ts';
import { appealsRepository, type NewAppeal } from './appeals.repository.ts';

/** The identified caller of an operator's call still going (the contact centre's port). */
export interface CallerOfCall {
  readonly personId: string;
  readonly name: string;
}

export interface IntakeDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly agencies: () => Promise<string[]>;
  readonly caseByNumber: (number: string) => Promise<CaseRecord | null>;
  readonly callers: { identifiedCaller(signedIn: SignedIn, callId: string): Promise<CallerOfCall | null> };
  readonly insert: (
    tx: Queryable, input: Omit<NewAppeal, 'id' | 'year' | 'filedAt' | 'filedOn' | 'termDays' | 'dueOn'>, term: ReturnType<typeof appealTermOf>,
    actor: { personId: string | null; role: string; channel: IntakeChannel; actingFor: string | null }, detail: string | null, receivedOn: string | null,
  ) => Promise<AppealRecord>;
}

/** The staff assignment under which the actor takes appeals on the channel (the role of INTAKE_ROLE), or null. */
export function intakeAssignment(signedIn: SignedIn, channel: IntakeChannel): StaffAssignment | null {
  const { actor } = signedIn;
  if (actor.kind !== 'person' || actor.realm !== 'staff') {
    return null;
  }
  return actor.staff.find((s) => s.role === INTAKE_ROLE[channel] && (channel !== 'in-person' || s.centreId !== null) && (channel !== 'post' || s.agencyId !== null)) ?? null;
}

type Who = { personId: string | null; name: string };

/** Who the appeal is from: the identified caller; the person of a national id (from the register); or a name alone. */
async function whoIs(deps: IntakeDeps, tx: Queryable, signedIn: SignedIn, input: IntakeInput): Promise<Who | AppealCallerUnknown | AppealPersonUnknown> {
  if (input.channel === 'phone') {
    const caller = isUuid(input.callId) ? await deps.callers.identifiedCaller(signedIn, input.callId) : null;
    return caller === null ? new AppealCallerUnknown(input.callId) : { personId: caller.personId, name: caller.name };
  }
  const nationalId = input.nationalId.trim();
  if (!/^[0-9]{10}$/.test(nationalId)) {
    // None given (a name and an address instead), or malformed (`intakeProblems` says so).
    return { personId: null, name: input.name.trim() };
  }
  const person = await assistedApplicants.byNationalId(tx, nationalId, deps.clock.now());
  return person === null ? new AppealPersonUnknown() : { personId: person.id, name: `${person.givenName} ${person.familyName}` };
}

/** The reader of an access record written while taking an appeal: the staff member, their agency on the channel, the intake role. */
function intakeRead(signedIn: SignedIn, channel: IntakeChannel, at: Date): Omit<PersonalDataRead, 'what' | 'purpose'> {
  const held = intakeAssignment(signedIn, channel);
  return {
    at, reader: { personId: signedIn.person.id, agencyId: held?.agencyId ?? null, role: INTAKE_ROLE[channel] }, caseNumber: null,
    channel,
  };
}

const detailOf = (input: IntakeInput, assignment: StaffAssignment): string =>
  input.channel === 'phone' ? `call ${input.callId}; consent given` : input.channel === 'post' ? `received ${input.receivedOn}; ${input.pages.trim()} page(s)` : `centre ${assignment.centreId ?? ''}`;

/**
 * Staff take an appeal for a person: the contact centre for the caller it identified (channel phone,
 * with the caller's consent), a centre's front desk for a visitor (channel in-person; a national id,
 * or only a name and an address for the written answer), the post room for a letter (channel post:
 * the sender, the address, the day received — the term runs from it — and the pages). One transaction:
 * the appeal, its event (the staff member, their role, the channel, acting for the person), the
 * intake record and the audit record. A second press of the same form answers the appeal it filed.
 */
export function intakeActions(deps: IntakeDeps) {
  const { db, clock } = deps;
  return {
    async fileFor(signedIn: SignedIn, input: IntakeInput): Promise<Result<AppealRecord, IntakeFailure>> {
      const assignment = intakeAssignment(signedIn, input.channel);
      if (assignment === null) {
        return err(new AppealIntakeNotAllowed(input.channel));
      }
      const key = input.idempotencyKey.trim();
      const earlier = key === '' ? null : await appealIntakesRepository.appealOfKey(db, signedIn.person.id, key);
      const before = earlier === null ? null : await appealsRepository.byId(db, earlier);
      if (before !== null) {
        return ok(before);
      }
      const checked = checkAppeal(input, await deps.agencies());
      const problems: IntakeProblemFailure[] = [...checked.problems, ...intakeProblems(input, kyivDay(clock.now())).map((p) => new AppealIntakeInvalid(p.field, p.code))];
      if (input.channel === 'phone' && !isUuid(input.callId)) {
        return err(new AppealCallerUnknown(input.callId));
      }
      const named = input.caseNumber.trim() === '' ? null : await deps.caseByNumber(input.caseNumber.trim());
      const nationalId = input.nationalId.trim();
      if (input.channel !== 'phone' && /^[0-9]{10}$/.test(nationalId)) {
        // A national id typed at the desk or from a letter is looked up in the register, whether the filing goes through or not: an access record of that person.
        await recordPersonalDataReads(db, [`national-id:${nationalId}`], { ...intakeRead(signedIn, input.channel, clock.now()), what: 'appeal-intake-search', purpose: { basis: 'appeal-intake' } });
      }
      return auditedTransaction(db, async (tx): Promise<Result<AppealRecord, IntakeFailure>> => {
        const who = await whoIs(deps, tx, signedIn, input);
        if (who instanceof AppealCallerUnknown) {
          return err(who);
        }
        if (who instanceof AppealPersonUnknown) {
          problems.push(who);
        }
        const person = who instanceof AppealPersonUnknown ? null : who;
        if (input.caseNumber.trim() !== '' && (named === null || person === null || person.personId === null || named.applicantPersonId !== person.personId)) {
          problems.push(new AppealCaseUnknown());
        }
        if (problems.length > 0 || checked.kind === null || person === null) {
          return err(problems);
        }
        return ok(await fileIn(deps, tx, signedIn, input, { kind: checked.kind, text: checked.text, agency: checked.agency, officer: checked.officer }, person, named, assignment, key));
      });
    },

    /** An appeal a staff member took, with how, for them alone (the confirmation page); null for anyone else. */
    /** The appeal a staff member took, for them (the confirmation page): it names the person, so an access record of them, the intake as purpose. */
    async taken(signedIn: SignedIn, appealId: string): Promise<{ appeal: AppealRecord; intake: AppealIntakeRecord } | null> {
      const intake = isUuid(appealId) ? await appealIntakesRepository.ofAppeal(db, appealId) : null;
      const appeal = intake === null || intake.staffPersonId !== signedIn.person.id ? null : await appealsRepository.byId(db, appealId);
      if (appeal === null || intake === null) {
        return null;
      }
      await recordPersonalDataReads(db, appeal.personId === null ? [] : [`person:${appeal.personId}`], {
        ...intakeRead(signedIn, intake.channel, clock.now()), what: 'appeal-taken', purpose: { basis: 'appeal-intake', appeal: appeal.number, ...(intake.callId === null ? {} : { call: intake.callId }) },
      });
      return { appeal, intake };
    },
  };
}

async function fileIn(
  deps: IntakeDeps, tx: Queryable, signedIn: SignedIn, input: IntakeInput, c: { kind: Exclude<AppealKind, 'refusal-appeal'>; text: string; agency: string; officer: string },
  who: Who, named: CaseRecord | null, assignment: StaffAssignment, key: string,
): Promise<AppealRecord> {
  const now = deps.clock.now();
  const post = input.channel === 'post';
  const address = input.address.trim();
  // A letter goes to the agency whose post room received it, unless it names another.
  const namedAgency = c.agency !== '' ? c.agency : post ? assignment.agencyId : null;
  const a = await deps.insert(tx, {
    kind: c.kind, channel: input.channel, personId: who.personId, personName: who.name === '' ? null : who.name, replyNumber: null, postalAddress: address === '' ? null : address,
    lang: 'uk', organisationId: routeOf({ kind: c.kind, namedAgency, caseAgency: named?.organisationId ?? null, parentOfCaseAgency: null }), text: c.text,
    namedCaseId: named?.id ?? null, namedOfficer: c.officer === '' ? null : c.officer, smsMessageId: null,
  }, appealTermOf(c.kind, undefined), { personId: signedIn.person.id, role: INTAKE_ROLE[input.channel], channel: input.channel, actingFor: who.personId }, detailOf(input, assignment), post ? input.receivedOn : null);
  await appealIntakesRepository.insert(tx, {
    appealId: a.id, channel: input.channel, staffPersonId: signedIn.person.id, staffRole: INTAKE_ROLE[input.channel], centreId: assignment.centreId, callId: input.channel === 'phone' ? input.callId : null,
    basis: INTAKE_BASIS[input.channel], sender: post ? input.name.trim() : null, receivedOn: post ? input.receivedOn : null, pages: post ? Number(input.pages.trim()) : null,
    idempotencyKey: key === '' ? a.id : key, createdAt: now,
  });
  return a;
}
