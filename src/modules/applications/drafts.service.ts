import type { Clock } from '../../kernel/clock.ts';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import { appendAudit, auditedResultTransaction } from '../../platform/audit/audit.ts';
import { coalescing } from '../../platform/db/coalesce.ts';
import type { Database } from '../../platform/db/database.ts';
import type { ReadQueryable } from '../../platform/db/reads.ts';
import { resultTransaction } from '../../platform/db/transaction.ts';
import { newId, sha256Hex } from '../../platform/security/tokens.ts';
import type { CatalogueService, Service } from '../catalogue/index.ts';
import type { CaseParty, CaseRecord, CasesService } from '../cases/index.ts';
import {
  type AnswerIssue, type ApplicationForm, checkAnswers, checkPage, fileAnswers, findPage, lockedFields, mergeAnswers, nextPage, prefill, type PrefillProfile,
  pruneHidden, type RawBody, readPage, registryFields,
} from '../forms/index.ts';
import type { RegistriesService } from '../registries/index.ts';
import { canActForService, type ContactDetails, partyKey, type SignedIn } from '../identity/index.ts';
import { type Attachment, audienceFits, type Draft, expiryOf, submissionContent } from './application.ts';
import {
  AnswersIncomplete, type AppliedAlready, ApplyingNotAllowed, AudienceMismatch, DeclarationRequired, DraftNotFound, DraftOfOtherParty, DraftQuotaReached, DraftStale, type DraftUnavailable,
  type NotApplicable, PageNotFound, ServiceNotFound, ServiceNotOnline, type StorageFull, storageGuard,
} from './applications.errors.ts';
import type { AttachmentStore } from './attachment-contents.repository.ts';
import { draftsRepository } from './drafts.repository.ts';
import { appliedAlready, claimsCase } from './applied-already.service.ts';
import { oneStatement, type SubmitOptions } from './one-statement.service.ts';
import { files, releaseContents } from './attachments.service.ts';
import { quotasRepository } from './quotas.repository.ts';
import { cabinetQueries } from './cabinet.service.ts';
import { uploadLimitBytes } from './sniff.ts';
import { registerProfile } from './register-profile.ts';

export interface DraftsDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly catalogue: CatalogueService;
  readonly cases: CasesService;
  readonly store: AttachmentStore;
  readonly contacts: (personId: string) => Promise<ContactDetails>;
  /** Per party: open drafts, and megabytes of files in progress. */
  readonly quotas: { readonly openDrafts: number; readonly storedMb: number };
  /** Where the cabinet's list of drafts is read: a replica, with read-your-writes (ADR 0018); `db` when absent. */
  readonly reads?: ReadQueryable;
  /** The base registries over the exchange: once-only prefill of new drafts, and the evidence a case's registries hold. */
  readonly registries: Pick<RegistriesService, 'prefill' | 'requestEvidence'>;
}

/** Where a prefilled answer came from: the registry service (its contract key) and when it answered. */
export interface AnswerSource {
  readonly service: string;
  readonly at: Date;
}

export interface DraftView {
  readonly draft: Draft;
  readonly service: Service;
  readonly form: ApplicationForm;
  readonly attachments: readonly Attachment[];
  /** Questions answered from a register (the eID, the business register, a registry service): shown read-only, never saved from a form. */
  readonly locked: readonly string[];
  /** The answers prefilled from a registry service over the exchange, by question: shown with their source. */
  readonly sources: Readonly<Record<string, AnswerSource>>;
}

export interface Upload {
  readonly field: string;
  readonly filename: string;
  readonly bytes: Uint8Array;
  /** The stream passed the size limit and was cut (`bytes` is then not the file). */
  readonly truncated?: boolean;
}

const partyOf = (signedIn: SignedIn): CaseParty => {
  const { party, name } = signedIn.actor.acting;
  return party.kind === 'self' ? { kind: 'self', id: null, name } : { kind: party.kind, id: party.id, name };
};
const sameParty = (a: CaseParty, b: CaseParty) => a.kind === b.kind && a.id === b.id;

export type Access = ReturnType<typeof access>;

/** Why a submission was refused. */
export type SubmitFailure = DraftNotFound | DraftOfOtherParty | DeclarationRequired | NotApplicable | AnswersIncomplete | AppliedAlready;

/** Who may use which draft and service, and what the portal knows to prefill. */
function access(deps: DraftsDeps) {
  const { db, clock, catalogue } = deps;
  const auditOf = (signedIn: SignedIn, action: string, subject: string, detail: Record<string, unknown> = {}) => ({
    at: clock.now(), action, outcome: 'done' as const, channel: 'web' as const, actorPersonId: signedIn.person.id,
    actingFor: signedIn.actor.acting.party.kind === 'self' ? null : partyKey(signedIn.actor.acting.party), subject, detail,
  });

  async function applicable(signedIn: SignedIn, serviceId: string): Promise<Result<{ service: Service; form: ApplicationForm }, NotApplicable>> {
    const service = (await catalogue.service(serviceId)).value;
    if (service === null) {
      return err(new ServiceNotFound(serviceId));
    }
    if (service.form === undefined) {
      return err(new ServiceNotOnline(serviceId));
    }
    if (!audienceFits(service.audience, signedIn.actor.acting.party.kind)) {
      return err(new AudienceMismatch(serviceId));
    }
    return canActForService(signedIn.actor, service, clock.now()) ? ok({ service, form: service.form }) : err(new ApplyingNotAllowed(serviceId));
  }

  /** The draft, if it is the person's own, unsubmitted, and for the party they act for now. */
  async function own(signedIn: SignedIn, draftId: string): Promise<Result<DraftView, DraftUnavailable>> {
    const draft = await draftsRepository.byId(db, draftId);
    if (draft === null || draft.personId !== signedIn.person.id || draft.submittedCaseId !== null) {
      return err(new DraftNotFound(draftId));
    }
    if (!sameParty(draft.party, partyOf(signedIn))) {
      return err(new DraftOfOtherParty(draftId));
    }
    const allowed = await applicable(signedIn, draft.serviceId);
    if (!allowed.ok) {
      return allowed;
    }
    const prefilled = registryFields(allowed.value.form).length === 0 ? [] : await draftsRepository.prefillsOf(db, draft.id);
    const sources = Object.fromEntries(prefilled.filter((p) => draft.answers[p.field] !== undefined).map((p) => [p.field, { service: p.service, at: p.at }]));
    const locked = [...lockedFields(allowed.value.form, registerProfile(signedIn)), ...Object.keys(sources)];
    return ok({ draft, ...allowed.value, attachments: await draftsRepository.attachmentsOfDraft(db, draft.id), locked, sources });
  }

  async function profileOf(signedIn: SignedIn): Promise<PrefillProfile> {
    const contacts = await deps.contacts(signedIn.person.id);
    const profile: PrefillProfile = { ...registerProfile(signedIn) };
    const add = (key: keyof PrefillProfile, value: string | null) => {
      if (value !== null) {
        profile[key] = value;
      }
    };
    add('contact.email', contacts.emailVerified ? contacts.email : null);
    add('contact.phone', contacts.phoneVerified ? contacts.phone : null);
    add('contact.postalAddress', contacts.postalAddress);
    return profile;
  }

  return { auditOf, applicable, own, profileOf };
}

/** A new draft's answers: from the profile, and once-only from the registries the questions name, asked now, before the transaction (ADR 0027). */
async function firstAnswers(deps: DraftsDeps, signedIn: SignedIn, form: ApplicationForm, profile: PrefillProfile) {
  const asked = registryFields(form);
  const fromRegistries = asked.length === 0 ? [] : await deps.registries.prefill(signedIn, asked);
  const numeric = new Set(asked.filter((f) => f.kind === 'number').map((f) => f.name));
  const answers = prefill(form, profile);
  for (const p of fromRegistries) {
    answers[p.field] = numeric.has(p.field) ? Number(p.value) : p.value;
  }
  return { answers, fromRegistries };
}

/** Drafts on the server, their attachments, and submission: the applicant's side before a case exists. */
export function createDraftsService(deps: DraftsDeps) {
  const a = access(deps);
  return { ...editing(deps, a), ...files(deps, a), ...submission(deps, a), ...cabinetQueries(deps) };
}

function editing(deps: DraftsDeps, a: Access) {
  const { db, clock, catalogue } = deps;
  const { auditOf, applicable, own, profileOf } = a;
  return {
    /** Starts a draft for the party the person acts for, prefilled from their profile. */
    async start(signedIn: SignedIn, serviceId: string): Promise<Result<Draft, NotApplicable | DraftQuotaReached | StorageFull>> {
      const allowed = await applicable(signedIn, serviceId);
      if (!allowed.ok) {
        return allowed;
      }
      const { answers, fromRegistries } = await firstAnswers(deps, signedIn, allowed.value.form, await profileOf(signedIn));
      const now = clock.now();
      const draft: Draft = { id: newId(), serviceId, personId: signedIn.person.id, party: partyOf(signedIn), answers, createdAt: now, updatedAt: now, expiresAt: expiryOf(allowed.value.form, now), version: 1, submittedCaseId: null };
      const party = { personId: signedIn.person.id, kind: draft.party.kind, id: draft.party.id };
      const started = await storageGuard(() => resultTransaction(db, async (tx): Promise<Result<Draft, DraftQuotaReached>> => {
        await quotasRepository.lock(tx, party);
        if ((await quotasRepository.openDrafts(tx, party)) >= deps.quotas.openDrafts) {
          return err(new DraftQuotaReached(deps.quotas.openDrafts));
        }
        await draftsRepository.insert(tx, draft);
        await draftsRepository.insertPrefills(tx, draft.id, fromRegistries);
        await appendAudit(tx, auditOf(signedIn, 'application.draft-start', `draft:${draft.id}`, { serviceId }));
        return ok(draft);
      }));
      return started;
    },

    get: own,

    /** The size limit of one file for a draft's service (0 for no such draft: nothing is kept). Asked before the body is read, so it reveals nothing else. */
    async uploadLimitBytes(draftId: string): Promise<number> {
      const draft = await draftsRepository.byId(db, draftId);
      const form = draft === null ? undefined : (await catalogue.service(draft.serviceId)).value?.form;
      return form === undefined ? 0 : uploadLimitBytes(form);
    },

    /** Whether the person may apply for the service now, for the party they act for. */
    applicable,

    /** The person's unsubmitted drafts (for any party), with their services. */
    async mine(signedIn: SignedIn): Promise<Array<{ draft: Draft; service: Service | null }>> {
      const drafts = await draftsRepository.ofPerson(db, signedIn.person.id);
      return Promise.all(drafts.map(async (draft) => ({ draft, service: (await catalogue.service(draft.serviceId)).value })));
    },

    /**
     * Saves one page's answers, valid or not (nothing typed is lost), and answers the page's problems
     * and the next page to show (null: check your answers). `only`: the questions of the page that were
     * shown (one screen of it); register data (`DraftView.locked`) is never taken from the body.
     */
    async savePage(signedIn: SignedIn, draftId: string, pageId: string, body: RawBody, only?: readonly string[]): Promise<Result<{ draft: Draft; issues: AnswerIssue[]; next: string | null }, DraftUnavailable | PageNotFound | DraftStale | StorageFull>> {
      const loaded = await own(signedIn, draftId);
      if (!loaded.ok) {
        return loaded;
      }
      const { draft, form, locked } = loaded.value;
      const page = findPage(form, pageId);
      if (page === null) {
        return err(new PageNotFound(pageId));
      }
      const answers = mergeAnswers(draft.answers, readPage(page, body, { only, locked }));
      const now = clock.now();
      const saved = await storageGuard<boolean, never>(async () => ok(await db.transaction((tx) => draftsRepository.saveAnswers(tx, { id: draft.id, version: draft.version, answers, at: now, expiresAt: expiryOf(form, now) }))));
      if (!saved.ok) {
        return saved;
      }
      if (!saved.value) {
        return err(new DraftStale(draft.id));
      }
      const issues = checkPage(form, pageId, answers);
      return ok({ draft: { ...draft, answers, updatedAt: now, version: draft.version + 1 }, issues, next: nextPage(form, pageId, answers)?.id ?? null });
    },

    async discard(signedIn: SignedIn, draftId: string): Promise<Result<null, DraftNotFound>> {
      const draft = await draftsRepository.byId(db, draftId);
      if (draft === null || draft.personId !== signedIn.person.id || draft.submittedCaseId !== null) {
        return err(new DraftNotFound(draftId));
      }
      const removed = await db.transaction(async (tx) => {
        const hashes = await draftsRepository.delete(tx, draftId);
        await appendAudit(tx, auditOf(signedIn, 'application.draft-discard', `draft:${draftId}`));
        return hashes;
      });
      await releaseContents(db, deps.store, removed);
      return ok(null);
    },

    /** Deletes drafts past their service's retention; returns how many. */
    async purgeExpired(): Promise<number> {
      const purged = await db.transaction((tx) => draftsRepository.purgeExpired(tx, clock.now()));
      await releaseContents(db, deps.store, purged.removed);
      return purged.drafts;
    },

    /** Every problem left before the draft can be submitted (for the check-your-answers page). */
    problems: (view: DraftView): AnswerIssue[] => checkAnswers(view.form, view.draft.answers),
  };
}

/** Inside a submission's transaction: the person already has a case under its idempotency key (the transaction rolls back). */
class KeyUsed {
  readonly code = 'applications.idempotency-key-used';
}

/**
 * A key used before answers its case: looked up only when the submission cannot go ahead (the case insert skips a
 * used key, and a draft submitted already answers its own case); else the failure.
 */
const earlierCaseOr = (deps: DraftsDeps, signedIn: SignedIn, key: string) => async (failure: Result<CaseRecord, SubmitFailure | KeyUsed>): Promise<Result<CaseRecord, SubmitFailure>> => {
  const earlier = await deps.cases.byIdempotencyKey(signedIn.person.id, key);
  if (earlier !== null) {
    return ok(earlier);
  }
  if (!failure.ok && failure.error instanceof KeyUsed) {
    throw new Error(`no case under the idempotency key "${key}" that a case insert found used`);
  }
  return failure as Result<CaseRecord, SubmitFailure>;
};

function submission(deps: DraftsDeps, a: Access) {
  const { db, clock } = deps;
  // Submissions asked while a read of drafts is in flight are read together in the next one (ADR 0025, "Later").
  const readForSubmission = coalescing((ids: readonly string[]) => draftsRepository.forSubmission(db, ids), 256);
  const { auditOf, applicable } = a;
  const inOneStatement = oneStatement(deps, a);
  return {
    /**
     * Submits a draft in one transaction: freezes the visible answers, hashes them with the files'
     * hashes, opens the case (number, fee, term) and moves the files to it. The same idempotency key,
     * or the same draft from a second tab, answers the case already opened.
     */
    async submit(signedIn: SignedIn, draftId: string, o: SubmitOptions): Promise<Result<CaseRecord, SubmitFailure>> {
      const earlierOr = earlierCaseOr(deps, signedIn, o.idempotencyKey);
      // Everything that reads the catalogue happens before the transaction opens (see withApplicantCase).
      const read = await readForSubmission(draftId);
      const peek = read?.draft ?? null;
      if (peek === null || peek.personId !== signedIn.person.id) {
        return earlierOr(err(new DraftNotFound(draftId)));
      }
      if (peek.submittedCaseId === null && !sameParty(peek.party, partyOf(signedIn))) {
        return earlierOr(err(new DraftOfOtherParty(draftId)));
      }
      if (peek.submittedCaseId === null && !o.declared) {
        return earlierOr(err(new DeclarationRequired()));
      }
      const allowed = await applicable(signedIn, peek.serviceId);
      // A draft without files, complete as read: one statement (ADR 0025). When it yields nothing
      // (the draft changed or was submitted meanwhile, or the key was used), the long way below.
      if (peek.submittedCaseId === null && read?.hasFiles === false && allowed.ok && !claimsCase(allowed.value.service, peek.party)) {
        const opened = await inOneStatement(signedIn, peek, allowed.value, o);
        if (opened !== null) {
          return ok(opened);
        }
      }
      let unused: string[] = [];
      const caseId = newId();
      const submitted = await auditedResultTransaction(db, async (tx): Promise<Result<CaseRecord, SubmitFailure | KeyUsed>> => {
        // Locks the draft and marks it submitted as the case about to open: a failure below rolls both back.
        const claimed = await draftsRepository.claimForCase(tx, draftId, caseId, clock.now());
        if (claimed === null) {
          const draft = await draftsRepository.byId(tx, draftId);
          const opened = draft === null || draft.submittedCaseId === null ? null : await deps.cases.byId(tx, draft.submittedCaseId);
          return opened === null ? err(new DraftNotFound(draftId)) : ok(opened);
        }
        if (!allowed.ok) {
          return allowed;
        }
        const { draft, hasFiles } = claimed;
        const { service, form } = allowed.value;
        const issues = checkAnswers(form, draft.answers);
        if (issues.length > 0) {
          return err(new AnswersIncomplete(issues));
        }
        const answers = pruneHidden(form, draft.answers);
        const fileQuestions = fileAnswers(form, answers);
        // `hasFiles` is as of the statement's start: a file attached while it waited for the lock is in the answers it returned.
        const withFiles = hasFiles || fileQuestions.length > 0;
        const attachments = withFiles ? await draftsRepository.attachmentsOfDraft(tx, draft.id) : [];
        const used = fileQuestions.flatMap((f) => attachments.filter((a) => a.id === f.attachmentId));
        const hash = sha256Hex(canonicalJson(submissionContent(service.id, service.version, answers, used)));
        const already = await appliedAlready(deps.cases, tx, signedIn, service, { party: draft.party, answers, caseId });
        if (already !== null) {
          return err(already); // rolls back the draft's mark
        }
        const c = await deps.cases.open(tx, {
          id: caseId, service, answers, answersSha256: hash, documentsComplete: true, channel: o.channel, lang: o.lang,
          applicant: { personId: signedIn.person.id, name: `${signedIn.person.givenName} ${signedIn.person.familyName}` },
          party: draft.party, actingFor: draft.party.kind === 'self' ? null : `${draft.party.kind}:${draft.party.id ?? ''}`, idempotencyKey: o.idempotencyKey,
        });
        if (c === null) {
          return err(new KeyUsed()); // rolls back the draft's mark
        }
        unused = withFiles ? await draftsRepository.moveToCase(tx, draft.id, c.id, used.map((a) => a.id)) : [];
        // Evidence a registry holds is fetched for the officer after this commits (ADR 0027): one more statement, only for such services.
        if (service.evidence.some((e) => e.registry !== undefined)) {
          await deps.registries.requestEvidence(tx, { caseId: c.id, caseNumber: c.number, agencyId: service.organisationId, law: service.legalResources[0]?.citation ?? service.identifier }, service.evidence, signedIn);
        }
        await appendAudit(tx, auditOf(signedIn, 'application.submit', `case:${c.number}`, { draftId: draft.id, serviceId: service.id, sha256: hash }));
        return ok(c);
      });
      await releaseContents(db, deps.store, unused);
      return submitted.ok ? submitted : earlierOr(submitted);
    },

  };
}

export type DraftsService = ReturnType<typeof createDraftsService>;
