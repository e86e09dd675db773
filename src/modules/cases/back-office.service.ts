import type { Clock } from '../../kernel/clock.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, Queryable } from '../../platform/db/database.ts';
import type { ReadQueryable } from '../../platform/db/reads.ts';
import { resultTransaction } from '../../platform/db/transaction.ts';
import { newId } from '../../platform/security/tokens.ts';
import type { CatalogueService, Service } from '../catalogue/index.ts';
import { type Day, deadlineStatus, kyivDay, type WorkingCalendar } from '../deadlines/index.ts';
import type { SignedIn } from '../identity/index.ts';
import { availableEvents, type WorkflowRole } from '../workflow/index.ts';
import { answerByDay, answerByOf, answerTermOf } from './answer-term.ts';
import { type CaseRecord, MAX_CASE_TEXT } from './case.ts';
import { applyEvent, type CaseCommand, type TransitionActor, workflowOf, serviceOfCase } from './case-transitions.service.ts';
import {
  type ActFailure, AlreadyRevoked, type AssignFailure, CaseMovedOn, CaseNotFound, DocumentNotFound, type NoteFailure, NoteRequired, OfficerNotAllowed, OfficerUnknown,
  QuestionRequired, RevocationReasonRequired, type RevokeFailure,
} from './cases.errors.ts';
import { recordCaseRead } from './case-reads.service.ts';
import { caseRolesFor, queueAgencies } from './cases.policy.ts';
import { decisionPreviews } from './decision-preview.service.ts';
import { casesRepository, QUEUE_COUNT_CAP } from './cases.repository.ts';
import type { PageCursor } from './page-keys.ts';
import { type DocumentIssuer, issueDecisionDocument } from './decisions.service.ts';
import { issuedDocumentsRepository } from './issued-documents.repository.ts';

export interface BackOfficeDeps {
  readonly db: Database;
  /**
   * Where the work lists are read: a replica, with read-your-writes (an officer's own assignment or
   * action shows at once, ADR 0018); others' changes within its lag. `db` when absent.
   */
  readonly reads?: ReadQueryable;
  readonly clock: Clock;
  readonly calendar: WorkingCalendar;
  readonly catalogue: CatalogueService;
  readonly issuer: DocumentIssuer;
  readonly publicUrl: string;
  /** A case is "due soon" with this many working days left or fewer. */
  readonly dueSoonWorkingDays: number;
}

export interface QueueQuery {
  readonly agencyId: string | null;
  readonly state: string | null;
  readonly serviceId: string | null;
  readonly assigned: 'any' | 'me' | 'nobody';
  readonly running: boolean;
  /** Where the page starts: after or before a case's key from a "next"/"previous" link, or the first page. */
  readonly cursor: PageCursor;
}

const PAGE_SIZE = 50;
/** The order in which an officer's roles are tried for an event: the most specific first. */
const ROLE_ORDER: readonly WorkflowRole[] = ['clerk', 'decision-maker', 'supervisor'];

type Helpers = ReturnType<typeof helpers>;

function helpers(deps: BackOfficeDeps) {
  const { calendar, catalogue } = deps;
  const serviceOf = (id: string): Promise<Service> => serviceOfCase(catalogue, id);
  const organisationName = async (id: string) => {
    const { value } = await catalogue.organisations();
    const org = value.find((o) => o.id === id);
    return org?.name ?? { uk: id, en: id };
  };
  const actorOf = (signedIn: SignedIn, role: WorkflowRole): TransitionActor => ({ personId: signedIn.person.id, role, channel: 'web', actingFor: null });

  /**
   * Runs `work` on a case locked in a new transaction, for an officer holding a case role in its
   * agency. The catalogue (service, agency name) is read before the transaction opens, so that no
   * transaction waits for a second pooled connection. A failure `work` answers rolls back what it wrote.
   */
  async function withOfficerCase<T, E>(
    signedIn: SignedIn,
    caseId: string,
    work: (tx: Queryable, o: { c: CaseRecord; service: Service; roles: WorkflowRole[]; organisationName: { uk: string; en: string } }) => Promise<Result<T, E | CaseNotFound>>,
  ): Promise<Result<T, E | CaseNotFound>> {
    const peek = await casesRepository.byId(deps.db, caseId);
    if (peek === null || caseRolesFor(signedIn.actor, peek.organisationId).length === 0) {
      return err(new CaseNotFound(caseId));
    }
    const [service, name] = [await serviceOf(peek.serviceId), await organisationName(peek.organisationId)];
    return resultTransaction(deps.db, async (tx): Promise<Result<T, E | CaseNotFound>> => {
      const c = await casesRepository.byId(tx, caseId, { lock: true });
      const roles = c === null ? [] : caseRolesFor(signedIn.actor, c.organisationId);
      if (c === null || roles.length === 0) {
        return err(new CaseNotFound(caseId));
      }
      return work(tx, { c, service, roles, organisationName: name });
    });
  }

  /** Where a case stands against its due date today (for marks in the queue and the case view). */
  const standing = (c: CaseRecord, today: Day) =>
    c.dueOn === null || c.outcome !== null || c.clockPaused ? null : deadlineStatus(c.dueOn, today, calendar, { dueSoonWorkingDays: deps.dueSoonWorkingDays });

  return { serviceOf, organisationName, actorOf, withOfficerCase, standing };
}

/** The agencies' side of cases: queues, the case view, workflow actions, notes and assignment. */
export function createBackOfficeService(deps: BackOfficeDeps) {
  const h = helpers(deps);
  return { ...reading(deps, h), ...acting(deps, h), ...assigning(deps, h), ...decisionPreviews(deps) };
}

function reading(deps: BackOfficeDeps, h: Helpers) {
  const { db, clock, calendar } = deps;
  const { serviceOf, standing } = h;
  return {
    agencies: (signedIn: SignedIn) => queueAgencies(signedIn.actor),

    /**
     * A page of the queue of the officer's agencies, earliest due first, with each case's deadline
     * standing, the keys of the pages before and after it, and how many cases match (up to `QUEUE_COUNT_CAP`).
     */
    async queue(signedIn: SignedIn, q: QueueQuery) {
      const agencies = queueAgencies(signedIn.actor).filter((a) => q.agencyId === null || a === q.agencyId);
      const today = kyivDay(clock.now());
      const page = await casesRepository.queue(deps.reads ?? db, {
        organisationIds: agencies, states: q.state === null ? null : [q.state], serviceId: q.serviceId, assigned: q.assigned,
        me: signedIn.person.id, running: q.running, dueBy: null, limit: PAGE_SIZE, cursor: q.cursor,
      });
      return {
        rows: page.rows.map((c) => ({ case: c, standing: standing(c, today) })),
        total: page.total, totalCapped: page.total >= QUEUE_COUNT_CAP, next: page.next, previous: page.previous, pageSize: PAGE_SIZE, today,
      };
    },

    /** An issued document's PDF, for an officer holding a case role in its case's agency (an access record of its parties' data). */
    async documentPdf(signedIn: SignedIn, documentId: string) {
      const doc = await issuedDocumentsRepository.pdf(db, documentId);
      const c = doc === null ? null : await casesRepository.byId(db, doc.caseId);
      if (c === null || caseRolesFor(signedIn.actor, c.organisationId).length === 0) {
        return null;
      }
      await recordCaseRead(deps, signedIn, c, 'decision');
      return doc;
    },

    /**
     * One case as an officer of its agency sees it, with the actions their roles allow now; each open
     * request with the day its answer is asked for. Every view is an access record of its parties' data.
     */
    async view(signedIn: SignedIn, caseId: string) {
      const c = await casesRepository.byId(db, caseId);
      const roles = c === null ? [] : caseRolesFor(signedIn.actor, c.organisationId);
      if (c === null || roles.length === 0) {
        return null;
      }
      await recordCaseRead(deps, signedIn, c, 'case');
      const service = await serviceOf(c.serviceId);
      const [events, requests, notes, documents, officers] = await Promise.all([
        casesRepository.events(db, c.id), casesRepository.requests(db, c.id), casesRepository.notes(db, c.id),
        issuedDocumentsRepository.ofCase(db, c.id), casesRepository.officers(db, c.organisationId),
      ]);
      const workflow = workflowOf(service);
      const actions = [...new Set(roles.flatMap((r) => availableEvents(workflow, c.state, r)))];
      const assignable = roles.includes('supervisor') ? officers : officers.filter((o) => o.personId === signedIn.person.id);
      const asked = requests.map((r) => ({ ...r, answerDueOn: r.answeredAt === null ? answerByOf(r, calendar) : null }));
      return { case: c, service, events, requests: asked, notes, documents, officers, assignable, actions, canRevoke: roles.includes('supervisor'), standing: standing(c, kyivDay(clock.now())) };
    },
    /** Whom the signed-in officer may assign an agency's cases to: a supervisor anyone of the agency, others only themselves. */
    async assignableOfficers(signedIn: SignedIn, agencyId: string) {
      const roles = caseRolesFor(signedIn.actor, agencyId);
      const officers = roles.length === 0 ? [] : await casesRepository.officers(db, agencyId);
      return roles.includes('supervisor') ? officers : officers.filter((o) => o.personId === signedIn.person.id);
    },
  };
}

function acting(deps: BackOfficeDeps, h: Helpers) {
  const { clock, calendar } = deps;
  const { actorOf, withOfficerCase } = h;
  return {

    /**
     * An officer's workflow action. `request-information` records the question with the day its answer
     * is asked for (the service's answer term from today, in working days with public holidays) and stops the clock;
     * `grant` and `refuse` issue the sealed decision and then the result (`issue-result`), in the same
     * transaction, so a decided case always has its document; a refusal at any step rolls all of it back.
     * With `expected`, the action is done only while the case is still at the version the officer
     * confirmed it at (else `cases.case_moved_on`).
     */
    async act(signedIn: SignedIn, caseId: string, command: CaseCommand, expected?: { readonly version: number }): Promise<Result<CaseRecord, ActFailure>> {
      if (command.event === 'request-information' && (command.reason ?? '').trim() === '') {
        return err(new QuestionRequired());
      }
      return withOfficerCase<CaseRecord, ActFailure>(signedIn, caseId, async (tx, { c, service, roles, organisationName }) => {
        if (expected !== undefined && c.version !== expected.version) {
          return err(new CaseMovedOn(caseId));
        }
        const workflow = workflowOf(service);
        const role = ROLE_ORDER.find((r) => roles.includes(r) && availableEvents(workflow, c.state, r).includes(command.event)) ?? roles[0] ?? 'clerk';
        const now = clock.now();
        const assign = (n: CaseRecord) => (n.assignedTo === null ? { ...n, assignedTo: signedIn.person.id } : n);
        const today = kyivDay(now);
        const answerBy = command.event === 'request-information' ? answerByDay(today, answerTermOf(service), calendar) : null;
        const moved = await applyEvent(tx, { clock, calendar }, c, service, actorOf(signedIn, role), command, assign, answerBy === null ? {} : { answerBy });
        if (!moved.ok) {
          return moved;
        }
        if (answerBy !== null) {
          await casesRepository.ask(tx, { id: newId(), caseId: c.id, question: (command.reason ?? '').trim(), askedBy: signedIn.person.id, at: now, on: today, answerBy });
          return moved;
        }
        if (moved.value.outcome === 'granted' || moved.value.outcome === 'refused') {
          const kind = moved.value.outcome === 'granted' ? 'decision-granted' : 'decision-refused';
          await issueDecisionDocument(tx, { issuer: deps.issuer, publicUrl: deps.publicUrl, organisationName }, moved.value, service, {
            kind, reasons: command.reason?.trim() || null, refusalGroundId: command.refusalGroundId ?? null, at: now,
          });
          return applyEvent(tx, { clock, calendar }, moved.value, service, { personId: null, role: 'system', channel: 'system', actingFor: null }, { event: 'issue-result' });
        }
        return moved;
      });
    },

    /** An internal note on a case (never shown to the applicant). */
    async note(signedIn: SignedIn, caseId: string, text: string): Promise<Result<null, NoteFailure>> {
      const trimmed = text.trim();
      if (trimmed === '' || trimmed.length > MAX_CASE_TEXT) {
        return err(new NoteRequired());
      }
      return withOfficerCase<null, never>(signedIn, caseId, async (tx, { c }) => {
        const now = clock.now();
        await casesRepository.addNote(tx, { caseId, authorPersonId: signedIn.person.id, text: trimmed, at: now });
        await appendAudit(tx, { at: now, action: 'case.note', outcome: 'done', channel: 'web', actorPersonId: signedIn.person.id, actingFor: null, subject: `case:${c.number}`, detail: {} });
        return ok(null);
      });
    },
  };
}

function assigning(deps: BackOfficeDeps, _h: Helpers) {
  const { db, clock } = deps;
  return {
    /**
     * A supervisor of the issuing agency revokes a document (issued in error, or annulled): the
     * verification page then says "revoked". The reason goes to the case's notes and the audit log.
     */
    async revokeDocument(signedIn: SignedIn, documentId: string, reason: string): Promise<Result<{ caseId: string }, RevokeFailure>> {
      const why = reason.trim();
      const facts = await issuedDocumentsRepository.facts(db, documentId);
      if (facts === null || caseRolesFor(signedIn.actor, facts.organisationId).length === 0) {
        return err(new DocumentNotFound(documentId));
      }
      if (!caseRolesFor(signedIn.actor, facts.organisationId).includes('supervisor')) {
        return err(new OfficerNotAllowed());
      }
      if (why === '' || why.length > MAX_CASE_TEXT) {
        return err(new RevocationReasonRequired());
      }
      const c = await casesRepository.byNumber(db, facts.caseNumber);
      if (c === null) {
        return err(new DocumentNotFound(documentId));
      }
      return resultTransaction(db, async (tx): Promise<Result<{ caseId: string }, RevokeFailure>> => {
        const now = clock.now();
        if (!(await issuedDocumentsRepository.revoke(tx, documentId, now))) {
          return err(new AlreadyRevoked(documentId));
        }
        await casesRepository.addNote(tx, { caseId: c.id, authorPersonId: signedIn.person.id, text: `${facts.number}: ${why}`, at: now });
        await appendAudit(tx, { at: now, action: 'document.revoke', outcome: 'done', channel: 'web', actorPersonId: signedIn.person.id, actingFor: null, subject: `document:${facts.number}`, detail: { caseNumber: c.number } });
        return ok({ caseId: c.id });
      });
    },


    /**
     * Assigns (or unassigns, `to: null`) running cases of one agency to an officer of that agency; a
     * supervisor may assign to anyone, others only to themselves. Returns how many changed.
     */
    async assign(signedIn: SignedIn, agencyId: string, caseIds: readonly string[], to: string | null): Promise<Result<number, AssignFailure>> {
      const roles = caseRolesFor(signedIn.actor, agencyId);
      if (roles.length === 0) {
        return err(new OfficerNotAllowed());
      }
      if (to !== null && to !== signedIn.person.id && !roles.includes('supervisor')) {
        return err(new OfficerNotAllowed('assignee'));
      }
      if (to !== null && !(await casesRepository.officers(db, agencyId)).some((o) => o.personId === to)) {
        return err(new OfficerUnknown());
      }
      return db.transaction(async (tx) => {
        const now = clock.now();
        const changed = await casesRepository.assign(tx, { caseIds, organisationId: agencyId, to, at: now });
        if (changed.length > 0) {
          await appendAudit(tx, { at: now, action: 'case.assign', outcome: 'done', channel: 'web', actorPersonId: signedIn.person.id, actingFor: null, subject: `agency:${agencyId}`, detail: { cases: changed, to } });
        }
        return ok(changed.length);
      });
    },

  };
}

export type BackOfficeService = ReturnType<typeof createBackOfficeService>;
