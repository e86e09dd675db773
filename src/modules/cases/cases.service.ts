import type { Lang } from '../../kernel/text.ts';
import type { Clock } from '../../kernel/clock.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import { appendAudit, type PlannedAuditEntry } from '../../platform/audit/audit.ts';
import type { Database, Queryable } from '../../platform/db/database.ts';
import type { ReadQueryable } from '../../platform/db/reads.ts';
import { resultTransaction } from '../../platform/db/transaction.ts';
import type { PlanStep } from '../../platform/db/statement-plan.ts';
import { type NewOutboxMessage, outboxRepository, type PlannedOutboxMessage } from '../../platform/outbox/index.ts';
import { newId } from '../../platform/security/tokens.ts';
import type { CatalogueService, Service } from '../catalogue/index.ts';
import { kyivDay, type WorkingCalendar } from '../deadlines/index.ts';
import type { SignedIn } from '../identity/index.ts';
import { type CaseChannel, type CaseParty, type CaseRecord, MAX_CASE_TEXT, costChannelOf, feeFor } from './case.ts';
import { type CaseChangedMessage, CASE_SUBMITTED_TOPIC, type CaseSubmittedMessage } from './case-messages.ts';
import { applyEvent, type DecidedEvent, decideEvent, dueOnFor, type TransitionActor, workflowOf, serviceOfCase } from './case-transitions.service.ts';
import {
  AlreadyRated, type AnswerFailure, AnswerRequired, CaseNotFinished, CaseNotFound, type MoveFailure, NoOpenRequest, type RateFailure, RatingInvalid,
} from './cases.errors.ts';
import { canActOnCase } from './cases.policy.ts';
import { answerByOf } from './answer-term.ts';
import { cabinetReads } from './cabinet.service.ts';
import { type CaseRow, casesRepository, toCase } from './cases.repository.ts';
import { type NewCase, openedCasesRepository } from './opened-cases.repository.ts';
import { issuedDocumentsRepository } from './issued-documents.repository.ts';
import { caseClaimsRepository, type ClaimedCase, type ClaimSource } from './case-claims.repository.ts';
import type { KeysetPage, PageCursor } from './page-keys.ts';

export interface OpenCase {
  /** The case's id when the caller needs it before the case opens (to mark its draft); a new one otherwise. */
  readonly id?: string;
  readonly service: Service;
  readonly answers: Readonly<Record<string, unknown>>;
  readonly answersSha256: string;
  readonly documentsComplete: boolean;
  readonly channel: CaseChannel;
  readonly applicant: { readonly personId: string; readonly name: string };
  readonly party: CaseParty;
  readonly actingFor: string | null;
  readonly lang: Lang;
  readonly idempotencyKey: string;
  /** The day a paper application was received (post): the statutory term starts then, not today. */
  readonly receivedOn?: string;
  /** The staff member who filed for the applicant, and under which role: the history names them. */
  readonly filedBy?: { readonly personId: string; readonly role: string };
  /** The portal opened the case itself on a registry event (ADR 0032): the system acts, for the applicant. */
  readonly openedBySystem?: boolean;
}

/** A case's opening as parts of a one-statement plan, nothing written yet (`planOpening`, ADR 0025). */
export interface OpeningPlan {
  /** The case row (gating: its key is the case's number) and its first events' history. */
  readonly steps: readonly [PlanStep, PlanStep];
  /** The audit entries of its first events, their subjects completed with the case's number. */
  readonly audit: readonly PlannedAuditEntry[];
  /** Its first events' messages and `case.submitted`, their `caseNumber` set to the case's number. */
  readonly messages: readonly PlannedOutboxMessage[];
  /** The case as opened, from the row the case step answered. */
  opened(row: Readonly<Record<string, unknown>>): CaseRecord;
}

export interface CasesDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly calendar: WorkingCalendar;
  readonly catalogue: CatalogueService;
  /**
   * Where the person's own lists are read ("My applications", the cabinet): a replica when one is
   * configured, with read-your-writes (ADR 0018); `db` when absent. Never read inside a transaction.
   */
  readonly reads?: ReadQueryable;
}

const MAX_TEXT = MAX_CASE_TEXT;
/** How many cases a page of "My applications" lists. */
const MY_CASES_PAGE_SIZE = 50;

type Helpers = ReturnType<typeof helpers>;

function helpers(deps: CasesDeps) {
  const { clock, catalogue } = deps;
  const serviceOf = (id: string): Promise<Service> => serviceOfCase(catalogue, id);
  const applicantActor = (signedIn: SignedIn, channel: CaseChannel): TransitionActor => ({
    personId: signedIn.person.id,
    role: 'applicant',
    channel,
    actingFor: signedIn.actor.acting.party.kind === 'self' ? null : `${signedIn.actor.acting.party.kind}:${signedIn.actor.acting.party.id}`,
  });

  /**
   * Runs `work` on a case locked in a new transaction, if the signed-in person may act on it. The
   * catalogue is read before the transaction opens: a read that needed a second pooled connection
   * while holding one could starve the pool under load.
   */
  async function withApplicantCase<T, E>(signedIn: SignedIn, caseId: string, work: (tx: Queryable, c: CaseRecord, service: Service) => Promise<Result<T, E | CaseNotFound>>): Promise<Result<T, E | CaseNotFound>> {
    const peek = await casesRepository.byId(deps.db, caseId);
    if (peek === null) {
      return err(new CaseNotFound(caseId));
    }
    const service = await serviceOf(peek.serviceId);
    return resultTransaction(deps.db, async (tx): Promise<Result<T, E | CaseNotFound>> => {
      const c = await casesRepository.byId(tx, caseId, { lock: true });
      if (c === null || !canActOnCase(signedIn.actor, c, service, clock.now())) {
        return err(new CaseNotFound(caseId));
      }
      return work(tx, c, service);
    });
  }
  return { serviceOf, applicantActor, withApplicantCase };
}

/** Cases on the applicant's side: opening one on submission, reading them, answering, withdrawing, rating. */
export function createCasesService(deps: CasesDeps) {
  const h = helpers(deps);
  return { ...opening(deps), ...reading(deps, h), ...applicantActions(deps, h), ...cabinetReads(deps, h.serviceOf) };
}

function opening(deps: CasesDeps) {
  const { clock, calendar } = deps;
  return {
    /**
     * Opens a case inside the submission's transaction: computes the fee (per channel, exemptions)
     * and, when nothing is due, starts the statutory term today; issues the case number; records
     * `submit` (and `request-payment` when a fee is due). Returns the case as stored, or null with
     * nothing written when the applicant already has a case under the input's idempotency key.
     */
    async open(tx: Queryable, input: OpenCase): Promise<CaseRecord | null> {
      const { opened, events, now } = decideOpening(input);
      const c = await openedCasesRepository.insert(tx, opened, events.map((e) => e.stored));
      if (c === null) {
        return null;
      }
      for (const e of events) {
        await appendAudit(tx, { ...e.audit, subject: `case:${c.number}` });
      }
      await outboxRepository.enqueueAll(tx, [
        ...events.map((e) => ({ ...e.message, payload: { ...(e.message.payload as CaseChangedMessage), caseNumber: c.number } })),
        submittedMessageOf(c, now),
      ]);
      return c;
    },

    /**
     * Claims the one case of a service about a person (ADR 0035) in the caller's transaction, before the case
     * `caseId` is opened: null when won; else the case that holds the claim (the caller then opens nothing).
     */
    claim: (tx: Queryable, c: { serviceId: string; subjectNationalId: string; caseId: string; source: ClaimSource }): Promise<ClaimedCase | null> =>
      caseClaimsRepository.claim(tx, { ...c, at: clock.now() }),

    /**
     * One workflow event on a case in the caller's transaction, the case locked (ADR 0032): the system's grant of a
     * case the portal opened, or the person's objection (withdraw). A case gone, or an event its workflow refuses now,
     * is a failure value and nothing is written.
     */
    async applyInTransaction(tx: Queryable, caseId: string, service: Service, actor: TransitionActor, event: string): Promise<Result<CaseRecord, MoveFailure>> {
      const c = await casesRepository.byId(tx, caseId, { lock: true });
      if (c === null) {
        return err(new CaseNotFound(caseId));
      }
      return applyEvent(tx, { clock, calendar }, c, service, actor, { event });
    },

    /**
     * `open` as parts of a one-statement plan (ADR 0025), nothing written yet: the case row with its
     * first events (`steps`: the case step gates what follows, its key the case's number), the audit
     * entries and the messages that `open` writes, their case number left to the gate's key.
     * `opened(row)` reads the case step's row as the case opened; `submittedMessage` is the
     * `case.submitted` message of that case, for a caller that needs it whole.
     */
    planOpening(input: OpenCase): OpeningPlan {
      const { opened, events, now } = decideOpening(input);
      const [caseStep, historyStep] = openedCasesRepository.planInsert(opened, events.map((e) => e.stored));
      const payload: Omit<CaseSubmittedMessage, 'caseNumber'> = {
        caseId: opened.id, applicantPersonId: opened.applicantPersonId, lang: opened.lang, serviceId: opened.serviceId, feeDue: opened.state === 'awaiting-payment' ? opened.feeAmount : null,
      };
      return {
        steps: [caseStep, historyStep],
        audit: events.map((e) => ({ ...e.audit, subject: 'case:', subjectKeyed: true })),
        messages: [
          ...events.map((e) => ({ ...e.message, keyField: 'caseNumber' })),
          { topic: CASE_SUBMITTED_TOPIC, payload, idempotencyKey: `case-submitted:${opened.id}`, availableAt: now, keyField: 'caseNumber' },
        ],
        opened: (row) => toCase(row as CaseRow),
      };
    },
  };

  /** The case as its first events leave it, and those events, decided in memory (nothing written). */
  function decideOpening(input: OpenCase): { opened: NewCase; events: DecidedEvent[]; now: Date } {
    const now = clock.now();
    const { service } = input;
    const fee = feeFor({ costs: service.costs, feeField: service.form?.feeField, exemptionField: service.form?.exemptionField }, input.answers, costChannelOf(input.channel));
    const started = fee.status === 'due' ? null : (input.receivedOn ?? kyivDay(now));
    const term = { days: service.deadline.days, unit: service.deadline.unit };
    const actor: TransitionActor = input.openedBySystem === true
      ? { personId: null, role: 'system', channel: input.channel, actingFor: input.actingFor }
      : input.filedBy === undefined
      ? { personId: input.applicant.personId, role: 'system', channel: input.channel, actingFor: input.actingFor }
      : { personId: input.filedBy.personId, role: 'system', recordedRole: input.filedBy.role, channel: input.channel, actingFor: input.actingFor };
    // The case as it is before its first event, in memory: its first events are decided on it and
    // written with its row, in one statement (the number is the sequence's, known once written).
    const fresh: CaseRecord = {
      id: input.id ?? newId(), number: '', serviceId: service.id, organisationId: service.organisationId, state: 'new', clockPaused: false, outcome: null,
      channel: input.channel, applicantPersonId: input.applicant.personId, applicantName: input.applicant.name, party: input.party, lang: input.lang,
      answers: input.answers, answersSha256: input.answersSha256, feeCostId: fee.costId, feeAmount: fee.amount, feeStatus: fee.status,
      documentsComplete: input.documentsComplete, term, silentConsent: service.silentConsent, submittedAt: now, termStartedOn: started,
      dueOn: started === null ? null : dueOnFor({ termStartedOn: started, term }, [], calendar), assignedTo: null, assignedName: null,
      decidedAt: null, rating: null, ratingComment: null, updatedAt: now, version: 1,
    };
    const events = [mustDecide(decideEvent(now, fresh, service, actor, { event: 'submit' }))];
    const submitted = events[0]?.next ?? fresh;
    // A workflow without a payment step leaves an unpaid case in its first state; `fee-paid` guards the rest.
    if (fee.status === 'due' && workflowOf(service).transitions.some((t) => t.event === 'request-payment' && t.from.includes(submitted.state))) {
      events.push(mustDecide(decideEvent(now, { ...submitted, version: submitted.version + 1 }, service, actor, { event: 'request-payment' })));
    }
    const last = events[events.length - 1]?.next ?? fresh;
    return { opened: { ...last, year: Number(kyivDay(now).slice(0, 4)), serviceVersion: service.version, idempotencyKey: input.idempotencyKey, version: last.version + 1 }, events, now };
  }
}

const submittedMessageOf = (c: CaseRecord, now: Date): NewOutboxMessage => {
  const payload: CaseSubmittedMessage = { caseId: c.id, caseNumber: c.number, applicantPersonId: c.applicantPersonId, lang: c.lang, serviceId: c.serviceId, feeDue: c.state === 'awaiting-payment' ? c.feeAmount : null };
  return { topic: CASE_SUBMITTED_TOPIC, payload, idempotencyKey: `case-submitted:${c.id}`, availableAt: now };
};

function reading(deps: CasesDeps, h: Helpers) {
  const { db, clock, calendar } = deps;
  const { serviceOf } = h;
  return {
    /**
     * A page of the cases of the party the person acts for now, newest first, from a "next"/"previous"
     * link's key (the first page without one); only those the person may act on are kept (a mandate
     * covers some services), so a page may hold fewer than `limit`.
     */
    async mine(signedIn: SignedIn, o: { cursor?: PageCursor; limit?: number } = {}): Promise<KeysetPage<CaseRecord>> {
      const party = signedIn.actor.acting.party;
      const page = await casesRepository.forParty(deps.reads ?? db, { personId: signedIn.person.id, nationalId: signedIn.person.nationalId, party, limit: o.limit ?? MY_CASES_PAGE_SIZE, cursor: o.cursor ?? null });
      const now = clock.now();
      const visible: CaseRecord[] = [];
      for (const c of page.rows) {
        if (canActOnCase(signedIn.actor, c, await serviceOf(c.serviceId), now)) {
          visible.push(c);
        }
      }
      return { ...page, rows: visible };
    },

    /** One case as its applicant sees it: history, questions (with the day the open one's answer is asked for), documents (never internal notes). */
    async forApplicant(signedIn: SignedIn, caseId: string) {
      const c = await casesRepository.byId(db, caseId);
      if (c === null) {
        return null;
      }
      const service = await serviceOf(c.serviceId);
      if (!canActOnCase(signedIn.actor, c, service, clock.now())) {
        return null;
      }
      const [events, requests, documents] = await Promise.all([
        casesRepository.events(db, c.id),
        casesRepository.requests(db, c.id),
        issuedDocumentsRepository.ofCase(db, c.id),
      ]);
      const open = requests.find((r) => r.answeredAt === null);
      return { case: c, service, events, requests, documents, answerDueOn: open === undefined ? null : answerByOf(open, calendar) };
    },

    /** A document's PDF, for whoever may see its case (`caseId`) on the applicant's side. */
    async documentForApplicant(signedIn: SignedIn, caseId: string, documentId: string) {
      const doc = await issuedDocumentsRepository.pdf(db, documentId);
      if (doc === null || doc.caseId !== caseId) {
        return null;
      }
      const c = await casesRepository.byId(db, doc.caseId);
      return c !== null && canActOnCase(signedIn.actor, c, await serviceOf(c.serviceId), clock.now()) ? doc : null;
    },

    /** What the public verification page shows of a document. */
    documentFacts: (documentId: string) => issuedDocumentsRepository.facts(db, documentId),

    byNumber: (number: string) => casesRepository.byNumber(db, number),
    byId: (q: Queryable, id: string) => casesRepository.byId(q, id),
    byIdempotencyKey: (personId: string, key: string) => casesRepository.byIdempotencyKey(db, personId, key),
  };
}

function applicantActions(deps: CasesDeps, h: Helpers) {
  const { clock, calendar } = deps;
  const { applicantActor, withApplicantCase } = h;
  return {

    /**
     * The applicant answers the open information request; the statutory clock runs again. `attach`
     * (the applications module's files) runs in the same transaction before anything is written, and
     * may refuse the answer. A refusal at any step rolls back what was written.
     */
    async answer<E = never>(
      signedIn: SignedIn, caseId: string, text: string, channel: CaseChannel = 'web',
      attach?: (tx: Queryable, c: CaseRecord, requestId: string) => Promise<E | null>,
    ): Promise<Result<CaseRecord, AnswerFailure<E>>> {
      const answer = text.trim();
      if (answer === '' || answer.length > MAX_TEXT) {
        return err(new AnswerRequired());
      }
      return withApplicantCase<CaseRecord, AnswerFailure<E>>(signedIn, caseId, async (tx, c, service) => {
        if (c.state !== 'information-requested') {
          return err(new NoOpenRequest(caseId));
        }
        const open = (await casesRepository.requests(tx, c.id)).find((r) => r.answeredAt === null);
        const refused = open === undefined || attach === undefined ? null : await attach(tx, c, open.id);
        if (refused !== null) {
          return err(refused);
        }
        const now = clock.now();
        if ((await casesRepository.answer(tx, { caseId: c.id, answer, by: signedIn.person.id, at: now, on: kyivDay(now) })) === null) {
          return err(new NoOpenRequest(caseId));
        }
        const requests = await casesRepository.requests(tx, c.id);
        return applyEvent(tx, { clock, calendar }, c, service, applicantActor(signedIn, channel), { event: 'answer-information' }, (n) => ({ ...n, dueOn: dueOnFor(n, requests, calendar) }));
      });
    },

    /** The applicant withdraws a case that is not decided yet. */
    async withdraw(signedIn: SignedIn, caseId: string, reason: string, channel: CaseChannel = 'web'): Promise<Result<CaseRecord, MoveFailure>> {
      return withApplicantCase<CaseRecord, MoveFailure>(signedIn, caseId, async (tx, c, service) => {
        const trimmed = reason.trim().slice(0, MAX_TEXT);
        return applyEvent(tx, { clock, calendar }, c, service, applicantActor(signedIn, channel), trimmed === '' ? { event: 'withdraw' } : { event: 'withdraw', reason: trimmed });
      });
    },

    /** Rates the service of a finished case, once: 1–5 and an optional comment. */
    async rate(signedIn: SignedIn, caseId: string, rating: number, comment: string): Promise<Result<CaseRecord, RateFailure>> {
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
        return err(new RatingInvalid());
      }
      return withApplicantCase<CaseRecord, RateFailure>(signedIn, caseId, async (tx, c) => {
        if (c.outcome === null) {
          return err(new CaseNotFinished(caseId));
        }
        if (c.rating !== null) {
          return err(new AlreadyRated(caseId));
        }
        const next: CaseRecord = { ...c, rating, ratingComment: comment.trim().slice(0, MAX_TEXT) || null, updatedAt: clock.now() };
        if (!(await casesRepository.update(tx, next))) {
          throw new Error(`case ${c.number} changed under its lock`);
        }
        return ok({ ...next, version: next.version + 1 });
      });
    },

  };
}

/** Events the portal itself sends right after inserting a case cannot be refused by a sound workflow. */
function mustDecide(result: Result<DecidedEvent, unknown>): DecidedEvent {
  if (!result.ok) {
    throw new Error(`the workflow refused an event the portal sends itself: ${String((result.error as Error).message)}`);
  }
  return result.value;
}

export type CasesService = ReturnType<typeof createCasesService>;
