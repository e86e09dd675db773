import type { AccessSubject, ReadPurpose } from '../../kernel/access.ts';
import type { Clock } from '../../kernel/clock.ts';
import { err, ok, type Result } from '../../kernel/result.ts';
import { auditedTransaction } from '../../platform/audit/audit.ts';
import { appendPersonalDataReads, type PersonalDataRead } from '../../platform/audit/personal-data.ts';
import type { Database, Queryable } from '../../platform/db/database.ts';
import type { ExchangeClient } from '../../platform/exchange/index.ts';
import {
  type AnswerOf, checkAnswer, checkEventsPage, type EventsPage, isRegistryServiceKey, REGISTRY_CONTRACTS, REGISTRY_FEEDS, type RegistryFeedKey, type RegistryServiceKey, requestBody,
} from '../../platform/registries/index.ts';
import type { SignedIn } from '../identity/index.ts';
import { evidenceRepository } from './evidence.repository.ts';
import { type CaseEvidence, type Prefilled, readKindOf, type Register, type RegistryFailure, retryDelaySeconds, valueAt } from './registries.ts';

export interface RegistriesDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly exchange: ExchangeClient;
  /** Each contract's service in this deployment's exchange (INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE). */
  readonly services: Readonly<Record<RegistryServiceKey, string>>;
  /** Each feed's service in this deployment's exchange (ADR 0032); the development exchange's when absent. */
  readonly feeds?: Readonly<Record<RegistryFeedKey, string>>;
  /** The first wait before a registry down is asked again for a case's evidence (doubled each time, at most an hour). */
  readonly retrySeconds: number;
}

type Reader = PersonalDataRead['reader'];
type Answered<K extends RegistryServiceKey> = { readonly record: AnswerOf<K> | null; readonly requestId: string; readonly at: Date };

/** X-Road-Issue: the case number, or the legal basis with its record. */
function issueOf(purpose: ReadPurpose): string {
  if ('case' in purpose) {
    return purpose.case;
  }
  const record = purpose.call ?? purpose.centre ?? purpose.appeal;
  return record === undefined ? purpose.basis : `${purpose.basis}:${record}`;
}

const subjectKey = (key: RegistryServiceKey, subject: string): AccessSubject => (REGISTRY_CONTRACTS[key].subject === 'business' ? `business:${subject}` : `national-id:${subject}`);
export const registerOf = (service: string): Register | null => (isRegistryServiceKey(service) ? REGISTRY_CONTRACTS[service].register : null);

/** Whose record a query for the signed-in person names: their own national id, the person they act for, or the company they act for. */
function subjectFor(key: RegistryServiceKey, signedIn: SignedIn): string | null {
  const party = signedIn.actor.acting.party;
  if (REGISTRY_CONTRACTS[key].subject === 'business') {
    return party.kind === 'business' ? party.id : null;
  }
  return party.kind === 'person' ? party.id : party.kind === 'self' ? signedIn.person.nationalId : null;
}

/**
 * The base registries over the exchange (ADR 0024, 0027), for every registry service of the contracts: a query
 * names the subject in the body, who asks (X-Road-UserId) and why (X-Road-Issue: the case number or the legal
 * basis); its answer is checked against the service's contract, and once the registry has answered (found or
 * not) an access record of the subject is written. A refusal or no answer is a failure value and no record.
 */
export function createRegistries(deps: RegistriesDeps) {
  const { db, clock } = deps;

  /** Asks; does not record. Not found (404) is an answer: `record` null. */
  async function ask<K extends RegistryServiceKey>(key: K, subject: string, userId: string, purpose: ReadPurpose): Promise<Result<Answered<K>, RegistryFailure>> {
    const answer = await deps.exchange.call({ service: deps.services[key], body: requestBody(key, subject), userId, issue: issueOf(purpose) });
    if (!answer.ok) {
      return answer.error.code === 'exchange.refused'
        ? err({ code: 'registry.refused', type: answer.error.type, requestId: answer.error.requestId })
        : err({ code: 'registry.unavailable', requestId: answer.error.requestId });
    }
    const { status, body, requestId } = answer.value;
    const record = status === 200 ? checkAnswer(key, body) : null;
    if (status !== 404 && record === null) {
      return err({ code: 'registry.unavailable', requestId });
    }
    return ok({ record, requestId, at: clock.now() });
  }

  const accessRecord = (tx: Queryable, key: RegistryServiceKey, subject: string, reader: Reader, purpose: ReadPurpose, channel: PersonalDataRead['channel']) =>
    appendPersonalDataReads(tx, [subjectKey(key, subject)], {
      at: clock.now(), reader, channel, what: readKindOf(REGISTRY_CONTRACTS[key].register), purpose, caseNumber: 'case' in purpose ? purpose.case : null,
    });

  return {
    /** A staff member's query for a case or a legal basis: the record (null: the registry has none), each answer an access record. */
    async query<K extends RegistryServiceKey>(staff: SignedIn, key: K, subject: string, purpose: ReadPurpose): Promise<Result<Answered<K>, RegistryFailure>> {
      const role = staff.actor.staff.find((s) => s.agencyId !== null) ?? staff.actor.staff[0];
      if (role === undefined) {
        return err({ code: 'registry.forbidden' });
      }
      if (!(REGISTRY_CONTRACTS[key].subject === 'business' ? /^[0-9]{8}$/ : /^[0-9]{10}$/).test(subject)) {
        return err({ code: 'registry.subject-invalid' });
      }
      const answer = await ask(key, subject, staff.person.id, purpose);
      if (answer.ok) {
        await auditedTransaction(db, (tx) => accessRecord(tx, key, subject, { personId: staff.person.id, agencyId: role.agencyId, role: role.role }, purpose, 'system'));
      }
      return answer;
    },

    /**
     * Once-only prefill of a new draft: each registry service the questions name is asked once for the applicant
     * (or the party they act for); a question gets the value at its pointer. A registry down, or with no record,
     * leaves its questions to answer. Each answer is an access record (the person's own: not shown in their list).
     */
    async prefill(signedIn: SignedIn, fields: ReadonlyArray<{ readonly name: string; readonly registry: { readonly service: string; readonly pointer: string } }>): Promise<Prefilled[]> {
      const keys = [...new Set(fields.map((f) => f.registry.service))].filter(isRegistryServiceKey);
      const filled: Prefilled[] = [];
      for (const key of keys) {
        const subject = subjectFor(key, signedIn);
        if (subject === null) {
          continue;
        }
        const purpose: ReadPurpose = { basis: 'application-prefill' };
        const answer = await ask(key, subject, signedIn.person.id, purpose);
        if (!answer.ok) {
          continue;
        }
        await auditedTransaction(db, (tx) => accessRecord(tx, key, subject, { personId: signedIn.person.id, agencyId: null, role: 'applicant' }, purpose, 'web'));
        for (const f of fields.filter((x) => x.registry.service === key)) {
          const value = answer.value.record === null ? null : valueAt(answer.value.record, f.registry.pointer);
          if (value !== null && value !== '') {
            filled.push({ field: f.name, value, service: key, register: REGISTRY_CONTRACTS[key].register, at: answer.value.at });
          }
        }
      }
      return filled;
    },

    ...evidenceWork(deps, ask, accessRecord),

    ...proactiveReads(deps, ask, accessRecord),

    /** A case's evidence from registries: waiting, fetched (with the record) or not held; when and from where. */
    evidenceOf(caseId: string): Promise<CaseEvidence[]> {
      return evidenceRepository.ofCase(db, caseId, registerOf);
    },
  };
}

export type RegistriesService = ReturnType<typeof createRegistries>;

type Ask = <K extends RegistryServiceKey>(key: K, subject: string, userId: string, purpose: ReadPurpose) => Promise<Result<Answered<K>, RegistryFailure>>;
type AccessRecord = (tx: Queryable, key: RegistryServiceKey, subject: string, reader: Reader, purpose: ReadPurpose, channel: PersonalDataRead['channel']) => Promise<void>;

/** A case's evidence from the registries: requested at submission, fetched by the job. */
function evidenceWork(deps: RegistriesDeps, ask: Ask, accessRecord: AccessRecord) {
  const { db, clock } = deps;
  return {
  /**
   * In the submission's transaction: the service's evidence a registry holds, to be fetched for the case after it
   * commits. Evidence whose subject the applicant cannot name (no national id; a company's record while acting
   * for oneself) is not requested.
   */
  async requestEvidence(tx: Queryable, c: { caseId: string; caseNumber: string; agencyId: string | null; law: string }, evidence: ReadonlyArray<{ readonly id: string; readonly registry?: { readonly service: string } }>, signedIn: SignedIn): Promise<number> {
    const items = evidence.flatMap((e) => {
      const key = e.registry?.service;
      const subject = key !== undefined && isRegistryServiceKey(key) ? subjectFor(key, signedIn) : null;
      return key === undefined || subject === null || !isRegistryServiceKey(key) ? [] : [{ evidenceId: e.id, service: key, subject: subjectKey(key, subject) }];
    });
    if (items.length > 0) {
      await evidenceRepository.request(tx, { ...c, at: clock.now() }, items);
    }
    return items.length;
  },

  /**
   * The background job: fetches the evidence due, a few at a time, each claimed with SKIP LOCKED so several
   * processes share the work. The case number travels as X-Road-Issue and the service's legal basis is the
   * access record's purpose; the record and the access record are written in one transaction. A failure waits
   * and is asked again (`retryDelaySeconds`); nothing is dropped.
   */
  async fetchDue(limit = 20): Promise<{ fetched: number; waiting: number }> {
    const claimed = await db.transaction((tx) => evidenceRepository.claimDue(tx, clock.now(), limit, 300));
    let fetched = 0;
    let waiting = 0;
    for (const row of claimed) {
      const [, subject = ''] = row.subject.split(':');
      const key = row.service;
      const purpose: ReadPurpose = { case: row.caseNumber, law: row.law };
      const answer = isRegistryServiceKey(key) ? await ask(key, subject, `agency:${row.agencyId ?? 'portal'}`, purpose) : err({ code: 'registry.unknown-service' as const });
      if (answer.ok && isRegistryServiceKey(key)) {
        await auditedTransaction(db, async (tx) => {
          await accessRecord(tx, key, subject, { personId: null, agencyId: row.agencyId, role: 'portal' }, purpose, 'system');
          await evidenceRepository.answered(tx, row.id, { status: answer.value.record === null ? 'not-held' : 'fetched', at: answer.value.at, requestId: answer.value.requestId, record: answer.value.record });
        });
        fetched++;
      } else {
        const error = answer.ok ? 'registry.unknown-service' : answer.error.code === 'registry.refused' ? `registry.refused:${answer.error.type}` : answer.error.code;
        await evidenceRepository.failed(db, row.id, { error, nextAt: new Date(clock.now().getTime() + retryDelaySeconds(row.attempts + 1, deps.retrySeconds) * 1000) });
        waiting++;
      }
    }
    return { fetched, waiting };
  },
  };
}

/** The reads of proactive services (ADR 0032): the registries' feeds of events, and the records the events name. */
function proactiveReads(deps: RegistriesDeps, ask: Ask, accessRecord: AccessRecord) {
  return {
    /**
     * A page of a registry's events after `after` (ADR 0032), signed and logged like every exchange call; the portal
     * asks as itself (`portal`) under the basis `proactive-service`. The events name subjects only: reading whose
     * record they are is `readForProactive`, each an access record.
     */
    async events(feed: RegistryFeedKey, after: string | null, limit: number): Promise<Result<EventsPage, RegistryFailure>> {
      const answer = await deps.exchange.call({ service: deps.feeds?.[feed] ?? REGISTRY_FEEDS[feed].service, body: { after, limit }, userId: 'portal', issue: 'proactive-service' });
      if (!answer.ok) {
        return answer.error.code === 'exchange.refused'
          ? err({ code: 'registry.refused', type: answer.error.type, requestId: answer.error.requestId })
          : err({ code: 'registry.unavailable', requestId: answer.error.requestId });
      }
      const page = answer.value.status === 200 ? checkEventsPage(answer.value.body) : null;
      return page === null ? err({ code: 'registry.unavailable', requestId: answer.value.requestId }) : ok(page);
    },

    /**
     * The portal's own read of a subject's record for a proactive service (ADR 0032), for the agency that provides it:
     * an access record (basis `proactive-service`, reader the portal for the agency) once the registry has answered.
     */
    async readForProactive<K extends RegistryServiceKey>(key: K, subject: string, agencyId: string): Promise<Result<Answered<K>, RegistryFailure>> {
      const purpose: ReadPurpose = { basis: 'proactive-service' };
      const answer = await ask(key, subject, `agency:${agencyId}`, purpose);
      if (answer.ok) {
        await auditedTransaction(deps.db, (tx) => accessRecord(tx, key, subject, { personId: null, agencyId, role: 'portal' }, purpose, 'system'));
      }
      return answer;
    },
  };
}
