import type { Clock } from '../../kernel/clock.ts';
import type { FieldIssue } from '../../kernel/errors.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, Queryable } from '../../platform/db/database.ts';
import { resultTransaction } from '../../platform/db/transaction.ts';
import type { SignedIn } from '../identity/index.ts';
import type { Service } from './catalogue.ts';
import type { ServiceRecord } from './catalogue-record.schemas.ts';
import { type CompletenessGap, completenessGaps, type VersionKey } from './catalogue-editor.ts';
import {
  CatalogueDraftInvalid, CatalogueDraftNotFound, CatalogueDraftPublished, CatalogueDraftStale, CatalogueOwnDraft,
  type PublishFailure, type SaveDraftFailure,
} from './catalogue-editor.errors.ts';
import { type CatalogueDraft, catalogueDrafts, type PublishedVersion } from './catalogue-drafts.repository.ts';
import { checkReferences } from './catalogue-references.ts';
import type { CatalogueService } from './catalogue.service.ts';
import { parseServiceRecord } from './catalogue-validation.ts';

/**
 * The agencies whose services a staff member edits and publishes: their `catalogue-editor` roles' agencies,
 * or every agency (null) with a national one (no agency). Nobody else edits any (ADR 0033).
 */
export function editedAgencies(signedIn: SignedIn): readonly string[] | null {
  if (signedIn.actor.realm !== 'staff') {
    return [];
  }
  const roles = signedIn.staff.filter((s) => s.role === 'catalogue-editor');
  return roles.some((r) => r.agencyId === null) ? null : roles.map((r) => r.agencyId as string);
}

const edits = (signedIn: SignedIn, organisationId: string): boolean => {
  const agencies = editedAgencies(signedIn);
  return agencies === null || agencies.includes(organisationId);
};

const nameOf = (signedIn: SignedIn) => `${signedIn.person.givenName} ${signedIn.person.familyName}`;

export interface ServiceVersions {
  readonly current: Service;
  /** Newest first. */
  readonly drafts: readonly CatalogueDraft[];
  /** Newest first. */
  readonly published: readonly PublishedVersion[];
}

export interface DraftView {
  readonly draft: CatalogueDraft;
  readonly current: Service;
  /** The import's checks run again now (a referenced record may have gone since the draft was saved). */
  readonly problems: readonly FieldIssue[];
  readonly gaps: readonly CompletenessGap[];
  /** Whether this staff member may publish it now, and why not. */
  readonly publishable: { readonly ok: true } | { readonly ok: false; readonly code: string };
}

/**
 * The catalogue editor: an agency's editors save drafts of its services (every save a new draft,
 * checked by the import's JSON Schema and reference checks), and another editor publishes one (four
 * eyes), which writes the service's next version and moves the catalogue revision, so every process's
 * page caches let go of the old page (ADR 0033).
 */
export function createCatalogueEditor(deps: { db: Database; clock: Clock; catalogue: CatalogueService }) {
  const { db, clock, catalogue } = deps;

  const currentOf = async (signedIn: SignedIn, serviceId: string): Promise<Service | null> => {
    const service = (await catalogue.service(serviceId)).value;
    return service !== null && edits(signedIn, service.organisationId) ? service : null;
  };

  const check = (q: Queryable, current: Service, candidate: unknown) => checkRecord(catalogue, q, current, candidate);

  return {
    /** The services of the agencies the staff member edits, with how many drafts wait for publication. */
    services: (signedIn: SignedIn) => {
      const agencies = editedAgencies(signedIn);
      return agencies !== null && agencies.length === 0 ? Promise.resolve([]) : catalogueDrafts.services(db, agencies);
    },

    /** A service's current version, its drafts and its published versions; not found for another agency's service. */
    async versions(signedIn: SignedIn, serviceId: string): Promise<Result<ServiceVersions, CatalogueDraftNotFound>> {
      const current = await currentOf(signedIn, serviceId);
      if (current === null) {
        return err(new CatalogueDraftNotFound());
      }
      const [drafts, published] = await Promise.all([catalogueDrafts.ofService(db, serviceId), catalogueDrafts.publishedVersions(db, serviceId)]);
      return ok({ current, drafts, published });
    },

    /** One version's record: a draft or a published version of a service the staff member edits. */
    async version(signedIn: SignedIn, serviceId: string, key: VersionKey): Promise<Result<ServiceRecord, CatalogueDraftNotFound>> {
      const current = await currentOf(signedIn, serviceId);
      if (current === null) {
        return err(new CatalogueDraftNotFound());
      }
      if (key.kind === 'draft') {
        const draft = await catalogueDrafts.get(db, serviceId, key.number);
        return draft === null ? err(new CatalogueDraftNotFound()) : ok(draft.record);
      }
      const found = (await catalogueDrafts.publishedVersions(db, serviceId)).find((v) => v.version === key.number);
      return found === undefined ? err(new CatalogueDraftNotFound()) : ok(found.record);
    },

    /** A draft with the checks run again, what it lacks, and whether this staff member may publish it. */
    async draft(signedIn: SignedIn, serviceId: string, number: number): Promise<Result<DraftView, CatalogueDraftNotFound>> {
      const current = await currentOf(signedIn, serviceId);
      const draft = current === null ? null : await catalogueDrafts.get(db, serviceId, number);
      if (current === null || draft === null) {
        return err(new CatalogueDraftNotFound());
      }
      const checked = await check(db, current, draft.record);
      const problems = checked.ok ? [] : checked.error;
      return ok({ draft, current, problems, gaps: completenessGaps(draft.record), publishable: whyNot(signedIn, draft, current, problems) });
    },

    /**
     * Saves an edited record as a new draft of the service (never over an earlier one), when it passes the
     * import's checks; the service's id and agency stay.
     * @returns the draft's number, or err(CatalogueDraftInvalid) with every problem by JSON Pointer.
     */
    async saveDraft(signedIn: SignedIn, serviceId: string, candidate: unknown): Promise<Result<number, SaveDraftFailure>> {
      const current = await currentOf(signedIn, serviceId);
      if (current === null) {
        return err(new CatalogueDraftNotFound());
      }
      const checked = await check(db, current, candidate);
      if (!checked.ok) {
        return err(new CatalogueDraftInvalid(checked.error));
      }
      const at = clock.now();
      return resultTransaction(db, async (tx) => {
        const number = await catalogueDrafts.insert(tx, {
          serviceId, organisationId: current.organisationId, baseVersion: current.version, record: checked.value,
          createdAt: at, createdBy: signedIn.person.id, authorName: nameOf(signedIn),
        });
        await appendAudit(tx, {
          at, action: 'CATALOGUE_DRAFT_SAVED', outcome: 'done', channel: 'web', actorPersonId: signedIn.person.id, actingFor: null,
          subject: `catalogue-service:${serviceId}`, detail: { draft: number, baseVersion: current.version },
        });
        return ok(number);
      });
    },

    /**
     * Publishes a draft: another editor of the service's agency than its author (four eyes), while the
     * service is still at the version the draft was edited from and the draft still passes the checks.
     * The service's next version is written, the draft marked, the act audited, in one transaction.
     */
    async publish(signedIn: SignedIn, serviceId: string, number: number): Promise<Result<{ version: number }, PublishFailure>> {
      const current = await currentOf(signedIn, serviceId);
      if (current === null) {
        return err(new CatalogueDraftNotFound());
      }
      const at = clock.now();
      const result = await resultTransaction(db, (tx) => publishIn(tx, { catalogue, check }, signedIn, current, number, at));
      if (!result.ok) {
        return result;
      }
      catalogue.committed(result.value.revision);
      return ok({ version: result.value.version });
    },
  };
}

/** The import's checks of one service record: its JSON Schema, then its references and inner ids. */
async function checkRecord(catalogue: CatalogueService, q: Queryable, current: Service, candidate: unknown): Promise<Result<ServiceRecord, FieldIssue[]>> {
  const parsed = parseServiceRecord(candidate);
  if (!parsed.ok) {
    return parsed;
  }
  const record = parsed.value;
  const fixed: FieldIssue[] = [];
  if (record.id !== current.id) {
    fixed.push({ pointer: '/id', message: 'a draft keeps the service\'s id', keyword: 'const' });
  }
  if (record.organisationId !== current.organisationId) {
    fixed.push({ pointer: '/organisationId', message: 'a draft keeps the service\'s agency', keyword: 'const' });
  }
  const references = checkReferences(await catalogue.referenceIndex(q), { organisations: [], centres: [], events: [], services: [record] })
    .map((i) => ({ pointer: i.pointer, message: i.message, keyword: 'reference' }));
  const issues = [...fixed, ...references];
  return issues.length > 0 ? err(issues) : ok(record);
}

function whyNot(signedIn: SignedIn, draft: CatalogueDraft, current: Service, problems: readonly FieldIssue[]): DraftView['publishable'] {
  if (draft.published !== null) {
    return { ok: false, code: new CatalogueDraftPublished().code };
  }
  if (draft.createdBy === signedIn.person.id) {
    return { ok: false, code: new CatalogueOwnDraft().code };
  }
  if (draft.baseVersion !== current.version) {
    return { ok: false, code: new CatalogueDraftStale(draft.baseVersion, current.version).code };
  }
  return problems.length > 0 ? { ok: false, code: new CatalogueDraftInvalid(problems).code } : { ok: true };
}

/** The publication's transaction: the draft locked and checked, the service's next version written, the draft marked, the act audited. */
async function publishIn(
  tx: Queryable, deps: { catalogue: CatalogueService; check: (q: Queryable, current: Service, candidate: unknown) => Promise<Result<ServiceRecord, FieldIssue[]>> },
  signedIn: SignedIn, current: Service, number: number, at: Date,
): Promise<Result<{ version: number; revision: number }, PublishFailure>> {
  const { catalogue, check } = deps;
  const serviceId = current.id;
    const draft = await catalogueDrafts.get(tx, serviceId, number, true);
    if (draft === null) {
      return err(new CatalogueDraftNotFound());
    }
    if (draft.published !== null) {
      return err(new CatalogueDraftPublished());
    }
    if (draft.createdBy === signedIn.person.id) {
      return err(new CatalogueOwnDraft());
    }
    const checked = await check(tx, current, draft.record);
    if (!checked.ok) {
      return err(new CatalogueDraftInvalid(checked.error));
    }
    const written = await catalogue.writeServiceVersion(tx, checked.value, `person:${signedIn.person.id}`, draft.baseVersion);
    if ('current' in written) {
      return err(new CatalogueDraftStale(draft.baseVersion, written.current));
    }
    await catalogueDrafts.markPublished(tx, serviceId, number, { at, by: signedIn.person.id, name: nameOf(signedIn), version: written.version });
    await appendAudit(tx, {
      at, action: 'CATALOGUE_SERVICE_PUBLISHED', outcome: 'done', channel: 'web', actorPersonId: signedIn.person.id, actingFor: null,
      subject: `catalogue-service:${serviceId}`, detail: { draft: number, author: draft.createdBy, version: written.version, revision: written.revision },
    });
    return ok(written);
}

export type CatalogueEditor = ReturnType<typeof createCatalogueEditor>;
