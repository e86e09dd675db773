import type { Clock } from '../../kernel/clock.ts';
import { isUuid } from '../../kernel/ids.ts';
import { err, ok, type Result } from '../../kernel/result.ts';
import type { LocalText } from '../../kernel/text.ts';
import { appendAudit, auditedTransaction } from '../../platform/audit/audit.ts';
import { appendPersonalDataReads, type PersonalDataRead, recordPersonalDataReads } from '../../platform/audit/personal-data.ts';
import type { Database, Queryable } from '../../platform/db/database.ts';
import { resultTransaction } from '../../platform/db/transaction.ts';
import { outboxRepository } from '../../platform/outbox/index.ts';
import { newId } from '../../platform/security/tokens.ts';
import { type CaseRecord, caseRolesFor, caseSubjects, recordCaseEvent } from '../cases/index.ts';
import type { CatalogueService, Centre, Service } from '../catalogue/index.ts';
import { daysBetween, isDay, kyivDay } from '../deadlines/index.ts';
import type { SignedIn } from '../identity/index.ts';
import { type AwaitingCollection, type Collection, defaultCentre, type HandoverInput, MAX_COLLECT_DAYS, MAX_REASON, placeOf, readHandover } from './collection.ts';
import {
  AlreadyReady, type CancelFailure, CaseNotGranted, CentreNotAllowed, CollectByInvalid, CollectionNotFound, type HandoverFailure, HandoverInvalid, type MarkReadyFailure,
  NoCentre, NotAwaiting,
} from './collection.errors.ts';
import { COLLECTION_READY_TOPIC, type CollectionReadyMessage } from './collection-messages.ts';
import { reminding, type ReminderDeps } from './collection-reminders.service.ts';
import { collectionsRepository } from './collections.repository.ts';

export interface CollectionDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly catalogue: Pick<CatalogueService, 'centres' | 'service'>;
  /** A case as stored (the cases module). */
  readonly caseById: (q: Queryable, id: string) => Promise<CaseRecord | null>;
  readonly caseByNumber: (number: string) => Promise<CaseRecord | null>;
  /** The centre whose front desk filed the case, if one did (the applications module's assisted filings). */
  readonly filedAtCentre: (caseId: string) => Promise<string | null>;
  /** The working calendar (the deadlines module) the reminder counts its days by. */
  readonly calendar: ReminderDeps['calendar'];
  /** A result still uncollected after this many working days from the day it was made ready gets one reminder. */
  readonly remindAfterWorkingDays: number;
}

/** Who acts: an officer of the case's agency (in their most senior workflow role), or the front desk of a centre. */
type Acting = { readonly kind: 'officer'; readonly role: string } | { readonly kind: 'front-desk'; readonly centreId: string };

/** The centre of a front-desk staff member (their first front-desk role at a centre), in the staff realm only. */
export function frontDeskCentreOf(signedIn: SignedIn): string | null {
  if (signedIn.actor.realm !== 'staff') {
    return null;
  }
  return signedIn.staff.find((s) => s.role === 'front-desk' && s.centreId !== null)?.centreId ?? null;
}

function actingOn(signedIn: SignedIn, c: CaseRecord): Acting | null {
  const roles = caseRolesFor(signedIn.actor, c.organisationId);
  const senior = (['supervisor', 'decision-maker', 'clerk'] as const).find((r) => roles.includes(r));
  if (senior !== undefined) {
    return { kind: 'officer', role: senior };
  }
  const centreId = frontDeskCentreOf(signedIn);
  return centreId === null ? null : { kind: 'front-desk', centreId };
}

/** Where a result may be collected: the agency's own centres and the centres the catalogue lists for the service. */
function candidateCentres(centres: readonly Centre[], c: CaseRecord, service: Service): Centre[] {
  const offering = service.channels.flatMap((ch) => ch.centreIds ?? []);
  return centres.filter((x) => x.organisationId === c.organisationId || offering.includes(x.id));
}


/** What the marking form offers: the centres to choose from and the one chosen by default; null when the staff member may not mark this case. */
export interface ReadyOptions {
  readonly centres: readonly Centre[];
  readonly defaultCentreId: string | null;
  readonly current: Collection | null;
  readonly granted: boolean;
}

/** How the applicant's side, the SMS STATUS reply and the back office tell where a result stands. */
export type CollectionStanding =
  | { readonly kind: 'ready'; readonly centre: LocalText; readonly since: Date; readonly collectBy: string | null }
  | { readonly kind: 'collected'; readonly centre: LocalText; readonly on: Date };

const AWAITING_LIMIT = 200;

function helpers(deps: CollectionDeps) {
  const { db, catalogue, caseById } = deps;
  const serviceOf = async (id: string): Promise<Service> => {
    const { value } = await catalogue.service(id);
    if (value === null) {
      throw new Error(`the catalogue no longer has service "${id}" of an existing case`);
    }
    return value;
  };
  const centres = async (): Promise<readonly Centre[]> => (await catalogue.centres()).value;

  /** The case, its service and how the person may act on it; null when they may not (a 404: its existence is not revealed). */
  async function forStaff(signedIn: SignedIn, caseId: string) {
    const c = isUuid(caseId) ? await caseById(db, caseId) : null;
    if (c === null) {
      return null;
    }
    const acting = actingOn(signedIn, c);
    if (acting === null) {
      return null;
    }
    const service = await serviceOf(c.serviceId);
    const candidates = candidateCentres(await centres(), c, service);
    if (acting.kind === 'front-desk' && !candidates.some((x) => x.id === acting.centreId)) {
      return null;
    }
    return { c, service, acting, candidates: acting.kind === 'front-desk' ? candidates.filter((x) => x.id === acting.centreId) : candidates };
  }

  const standingOf = async (k: Collection | null): Promise<CollectionStanding | null> => {
    if (k === null) {
      return null;
    }
    const centre = (await centres()).find((x) => x.id === k.centreId);
    const name = centre?.name ?? { uk: k.centreId, en: k.centreId };
    return k.status === 'collected' && k.handedAt !== null ? { kind: 'collected', centre: name, on: k.handedAt } : { kind: 'ready', centre: name, since: k.readyAt, collectBy: k.collectBy };
  };

  return { serviceOf, centres, forStaff, standingOf };
}

type Helpers = ReturnType<typeof helpers>;

/** Marking a result ready (an officer of the agency, or the front desk of a centre), and where it stands. */
function marking(deps: CollectionDeps, h: Helpers) {
  const { db, clock } = deps;
  const { forStaff, standingOf } = h;
  const api = {
    /** The marking form's options for a case, for an officer of its agency or the front desk of a centre it may be collected at. */
    async readyOptions(signedIn: SignedIn, caseId: string): Promise<ReadyOptions | null> {
      const found = await forStaff(signedIn, caseId);
      if (found === null) {
        return null;
      }
      const { c, candidates } = found;
      const filedAt = await deps.filedAtCentre(c.id);
      return {
        centres: candidates, current: await collectionsRepository.currentOfCase(db, c.id), granted: c.outcome === 'granted',
        defaultCentreId: defaultCentre(candidates.map((x) => x.id), c.answers['collectionCentre'], filedAt) ?? (candidates.length === 1 ? (candidates[0]?.id ?? null) : null),
      };
    },

    /**
     * Marks a granted case's result ready for collection at a centre, with an optional last day
     * ('YYYY-MM-DD', empty for none): the collection row, a case event (channel and acting staff), an
     * audit record and the notice to everyone told about the case, in one transaction.
     */
    async markReady(signedIn: SignedIn, caseId: string, input: { centreId: string; collectBy: string }): Promise<Result<Collection, MarkReadyFailure>> {
      const found = await forStaff(signedIn, caseId);
      if (found === null) {
        return err(new CollectionNotFound(caseId));
      }
      const { c, service, acting, candidates } = found;
      if (c.outcome !== 'granted') {
        return err(new CaseNotGranted(c.id));
      }
      const centre = candidates.find((x) => x.id === input.centreId);
      if (centre === undefined) {
        return err(new CentreNotAllowed(input.centreId));
      }
      const now = clock.now();
      const today = kyivDay(now);
      const by = input.collectBy.trim();
      if (by !== '' && !isDay(by)) {
        return err(new CollectByInvalid('invalid'));
      }
      if (by !== '' && by < today) {
        return err(new CollectByInvalid('past'));
      }
      if (by !== '' && daysBetween(today, by) > MAX_COLLECT_DAYS) {
        return err(new CollectByInvalid('far'));
      }
      const channel = acting.kind === 'officer' ? 'web' : 'in-person';
      const role = acting.kind === 'officer' ? acting.role : 'front-desk';
      const id = newId();
      const place = placeOf(centre);
      const what = service.outputs[0]?.name ?? service.name;
      return resultTransaction(db, async (tx): Promise<Result<Collection, MarkReadyFailure>> => {
        if (!(await collectionsRepository.insert(tx, { id, caseId: c.id, caseNumber: c.number, organisationId: c.organisationId, centreId: centre.id, collectBy: by === '' ? null : by, at: now, by: signedIn.person.id, role, channel }))) {
          return err(new AlreadyReady(c.id));
        }
        await recordCaseEvent(tx, { caseId: c.id, event: 'ready-for-collection', actorPersonId: signedIn.person.id, actorRole: role, channel, reason: centre.name[c.lang], at: now });
        await appendAudit(tx, {
          at: now, action: 'collection.ready', outcome: 'done', channel, actorPersonId: signedIn.person.id, actingFor: null, subject: `case:${c.number}`,
          detail: { collection: id, centre: centre.id, collectBy: by === '' ? null : by, role },
        });
        const payload: CollectionReadyMessage = { caseId: c.id, caseNumber: c.number, collectionId: id, notice: 'ready', what, ...place, collectBy: by === '' ? null : by };
        await outboxRepository.enqueue(tx, { topic: COLLECTION_READY_TOPIC, payload, idempotencyKey: `collection-ready:${id}`, availableAt: now });
        const stored = await collectionsRepository.byId(tx, id);
        if (stored === null) {
          throw new Error('a collection just inserted is missing');
        }
        return ok(stored);
      });
    },

    /** The front desk marks a case's result ready at their own centre, the case found by its number (an unknown number: not found). */
    async markReadyAtDesk(signedIn: SignedIn, caseNumber: string, collectBy: string): Promise<Result<Collection, MarkReadyFailure>> {
      const centreId = frontDeskCentreOf(signedIn);
      const c = centreId === null ? null : await deps.caseByNumber(caseNumber.trim());
      if (centreId === null || c === null) {
        return err(new CollectionNotFound(caseNumber));
      }
      return api.markReady(signedIn, c.id, { centreId, collectBy });
    },

    /**
     * Where a case's result stands: ready at a centre since a day, or collected on one; null when it
     * was never made ready. For pages that have checked who may see the case (the applicant's side,
     * the back office, the SMS STATUS reply of the case's own applicant).
     */
    standing: async (caseId: string): Promise<CollectionStanding | null> => standingOf(isUuid(caseId) ? await collectionsRepository.currentOfCase(db, caseId) : null),
  };
  return api;
}

/** An access record of the front desk at a centre, for handing results over. */
function deskRead(at: Date, signedIn: SignedIn, centreId: string, what: PersonalDataRead['what'], caseNumber: string): PersonalDataRead {
  const role = signedIn.staff.find((s) => s.role === 'front-desk' && s.centreId === centreId);
  return {
    at, reader: { personId: signedIn.person.id, agencyId: role?.agencyId ?? null, role: 'front-desk' }, channel: 'in-person', what,
    purpose: { basis: 'collection-handover', centre: centreId }, caseNumber,
  };
}

/** The front desk: what awaits at the centre, the handover, cancelling. */
function desk(deps: CollectionDeps, h: Helpers) {
  const { db, clock, caseById } = deps;
  const { centres } = h;
  return {
    /** The front desk's list: results awaiting collection at their centre, searched by case number or name (the read is audited with its purpose). */
    async awaiting(signedIn: SignedIn, search: string): Promise<Result<{ centre: Centre; items: AwaitingCollection[] }, NoCentre>> {
      const centreId = frontDeskCentreOf(signedIn);
      const centre = centreId === null ? undefined : (await centres()).find((x) => x.id === centreId);
      if (centre === undefined) {
        return err(new NoCentre());
      }
      const q = search.trim().slice(0, 100);
      const items = await collectionsRepository.awaiting(db, centre.id, q, AWAITING_LIMIT);
      // The list names each result's applicant and party: an access record for each, with the handover as purpose.
      await auditedTransaction(db, async (tx) => {
        await appendAudit(tx, {
          at: clock.now(), action: 'collection.list', outcome: 'done', channel: 'in-person', actorPersonId: signedIn.person.id, actingFor: null, subject: `centre:${centre.id}`,
          detail: { purpose: 'handover of results at the centre', search: q === '' ? null : q, shown: items.length },
        });
        for (const item of items) {
          const subjects = caseSubjects({ applicantPersonId: item.applicantPersonId, party: { kind: item.partyKind, id: item.partyId, name: item.partyName } });
          await appendPersonalDataReads(tx, subjects, deskRead(clock.now(), signedIn, centre.id, 'collection-search', item.caseNumber));
        }
      });
      return ok({ centre, items });
    },

    /** One collection of the front desk's centre, with its case (for the handover form); null when it is not theirs. */
    async atDesk(signedIn: SignedIn, collectionId: string): Promise<{ collection: Collection; case: CaseRecord; centre: Centre } | null> {
      const centreId = frontDeskCentreOf(signedIn);
      const k = centreId === null || !isUuid(collectionId) ? null : await collectionsRepository.byId(db, collectionId);
      if (k === null || k.centreId !== centreId) {
        return null;
      }
      const [c, centre] = await Promise.all([caseById(db, k.caseId), centres().then((all) => all.find((x) => x.id === k.centreId))]);
      if (c === null || centre === undefined) {
        return null;
      }
      await recordPersonalDataReads(db, caseSubjects(c), deskRead(clock.now(), signedIn, centre.id, 'collection', c.number));
      return { collection: k, case: c, centre };
    },

    /**
     * Hands a result over at the front desk of its centre: to whom (the applicant, or a representative
     * with the basis they showed) and the identity document checked (its type and the number's last
     * four characters). One conditional UPDATE: of two handovers at once exactly one is recorded.
     */
    async handOver(signedIn: SignedIn, collectionId: string, input: HandoverInput): Promise<Result<Collection, HandoverFailure>> {
      const centreId = frontDeskCentreOf(signedIn);
      const k = centreId === null || !isUuid(collectionId) ? null : await collectionsRepository.byId(db, collectionId);
      if (centreId === null || k === null || k.centreId !== centreId) {
        return err(new CollectionNotFound(collectionId));
      }
      const read = readHandover(input);
      if (!read.ok) {
        return err(new HandoverInvalid(read.problems));
      }
      const now = clock.now();
      const h = read.value;
      return resultTransaction(db, async (tx): Promise<Result<Collection, HandoverFailure>> => {
        if (!(await collectionsRepository.handOver(tx, { id: k.id, centreId, at: now, by: signedIn.person.id, handover: h }))) {
          return err(new NotAwaiting(k.id));
        }
        const to = h.representative === null ? null : `${h.representative.name} (${h.representative.basis})`;
        await recordCaseEvent(tx, { caseId: k.caseId, event: 'handed-over', actorPersonId: signedIn.person.id, actorRole: 'front-desk', channel: 'in-person', reason: to, at: now });
        await appendAudit(tx, {
          at: now, action: 'collection.handed-over', outcome: 'done', channel: 'in-person', actorPersonId: signedIn.person.id, actingFor: null, subject: `case:${k.caseNumber}`,
          detail: { collection: k.id, centre: centreId, recipient: h.recipient, idDocumentType: h.idDocumentType },
        });
        const stored = await collectionsRepository.byId(tx, k.id);
        if (stored === null) {
          throw new Error('a collection just handed over is missing');
        }
        return ok(stored);
      });
    },

  };
}

/** Cancelling "ready" (a wrong centre, say). */
function cancelling(deps: CollectionDeps) {
  const { db, clock, caseById } = deps;
  return {
    /** Cancels "ready" (a wrong centre, say): an officer of the case's agency or the front desk of its centre, while it is not collected. */
    async cancel(signedIn: SignedIn, collectionId: string, reason: string): Promise<Result<Collection, CancelFailure>> {
      const k = isUuid(collectionId) ? await collectionsRepository.byId(db, collectionId) : null;
      const c = k === null ? null : await caseById(db, k.caseId);
      const acting = c === null ? null : actingOn(signedIn, c);
      if (k === null || c === null || acting === null || (acting.kind === 'front-desk' && acting.centreId !== k.centreId)) {
        return err(new CollectionNotFound(collectionId));
      }
      const now = clock.now();
      const channel = acting.kind === 'officer' ? 'web' : 'in-person';
      const role = acting.kind === 'officer' ? acting.role : 'front-desk';
      const why = reason.trim().slice(0, MAX_REASON);
      return resultTransaction(db, async (tx): Promise<Result<Collection, CancelFailure>> => {
        if (!(await collectionsRepository.cancel(tx, { id: k.id, at: now, by: signedIn.person.id, reason: why === '' ? null : why }))) {
          return err(new NotAwaiting(k.id));
        }
        await recordCaseEvent(tx, { caseId: c.id, event: 'collection-cancelled', actorPersonId: signedIn.person.id, actorRole: role, channel, reason: why === '' ? null : why, at: now });
        await appendAudit(tx, {
          at: now, action: 'collection.cancelled', outcome: 'done', channel, actorPersonId: signedIn.person.id, actingFor: null, subject: `case:${c.number}`,
          detail: { collection: k.id, centre: k.centreId, role },
        });
        const stored = await collectionsRepository.byId(tx, k.id);
        if (stored === null) {
          throw new Error('a collection just cancelled is missing');
        }
        return ok(stored);
      });
    },

  };
}

/**
 * Results ready for collection at a service centre (see README.md): an officer of the case's agency,
 * or the front desk of the centre, marks a granted case's result ready — a case event, an audit
 * record and the notice through the outbox in one transaction; the front desk of that centre hands it
 * over once (a conditional UPDATE) and records to whom and the identity document checked.
 */
export function createCollectionService(deps: CollectionDeps) {
  const h = helpers(deps);
  return { ...marking(deps, h), ...desk(deps, h), ...cancelling(deps), ...reminding({ ...deps, serviceOf: h.serviceOf, centres: h.centres }) };
}

export type CollectionService = ReturnType<typeof createCollectionService>;
