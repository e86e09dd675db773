import type { Clock } from '../../kernel/clock.ts';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import type { Lang } from '../../kernel/text.ts';
import { appendAudit, auditedResultTransaction } from '../../platform/audit/audit.ts';
import type { Database, Queryable } from '../../platform/db/database.ts';
import { newId, sha256Hex } from '../../platform/security/tokens.ts';
import type { BundleRecord, CatalogueEvent, CatalogueService, Organisation, Service } from '../catalogue/index.ts';
import { type CaseChannel, type CaseParty, type CaseRecord, type CasesService, jobCaseStandsIn } from '../cases/index.ts';
import { type AnswerIssue, type ApplicationForm, checkAnswers, lockedFields, prefill, type PrefillProfile, pruneHidden, type RawBody, readPage, registryFields } from '../forms/index.ts';
import { partyKey, type SignedIn } from '../identity/index.ts';
import type { RegistriesService } from '../registries/index.ts';
import { type Bundle, bundleStatus, type BundleStatus, partKey, subjectOf } from './bundle.ts';
import {
  BundleAnswersIncomplete, BundleAudienceMismatch, BundleDeclarationRequired, BundleNotFound, BundleNotOffered, type BundleSubmitFailure,
} from './bundles.errors.ts';
import { bundlesRepository } from './bundles.repository.ts';

export interface BundlesDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly catalogue: CatalogueService;
  readonly cases: Pick<CasesService, 'open' | 'claim' | 'byId'>;
  /** Once-only prefill from the registries, and each case's evidence a registry holds (fetched by the agency after the commit). */
  readonly registries: Pick<RegistriesService, 'prefill' | 'requestEvidence'>;
}

/** A bundle offered by a life event: the event, its member services (in order) with their agencies, and its form. */
export interface BundleOffer {
  readonly event: CatalogueEvent;
  readonly bundle: BundleRecord;
  readonly form: ApplicationForm;
  readonly members: ReadonlyArray<{ readonly service: Service; readonly agency: Organisation | null }>;
}

/** The form of a bundle as the applicant sees it: answers prefilled from the registers, the ones locked, and where they came from. */
export interface BundleStart {
  readonly offer: BundleOffer;
  readonly answers: Readonly<Record<string, unknown>>;
  readonly locked: readonly string[];
  /** The registry service (contract key) each prefilled answer came from. */
  readonly sources: Readonly<Record<string, string>>;
}

/** One case of a bundle for the cabinet: the case, its service and agency. */
export interface BundlePart {
  readonly case: CaseRecord;
  readonly service: Service | null;
  readonly agency: Organisation | null;
  /** The case the portal had opened without an application (ADR 0032), linked to the bundle instead of a second one (ADR 0035). */
  readonly linked: boolean;
}

export interface BundleView {
  readonly bundle: Bundle;
  readonly event: CatalogueEvent | null;
  readonly parts: readonly BundlePart[];
  /** Member services the bundle opened no case for: one about the same person was open already (ADR 0035). */
  readonly skipped: readonly Service[];
  readonly status: BundleStatus;
}

export interface SubmitBundle {
  readonly idempotencyKey: string;
  readonly declared: boolean;
  readonly channel: CaseChannel;
  readonly lang: Lang;
}

/** How many bundles the cabinet lists. */
const MY_BUNDLES = 50;

const partyOf = (signedIn: SignedIn): CaseParty => {
  const { party, name } = signedIn.actor.acting;
  return party.kind === 'self' ? { kind: 'self', id: null, name } : { kind: party.kind, id: party.id, name };
};

/** The event's subject as the cases' represented party, when the person may act for them now as their parent; else null. */
const representedParty = (signedIn: SignedIn, subject: Bundle['subject']): CaseParty | null => {
  const option = subject === null || signedIn.actor.acting.party.kind !== 'self' ? undefined
    : signedIn.options.find((o) => o.basis.kind === 'parent' && o.party.kind === 'person' && o.party.id === subject.nationalId);
  return option === undefined || subject === null ? null : { kind: 'person', id: subject.nationalId, name: subject.name === '' ? option.name : subject.name };
};

/** Inside the transaction: a case under one of the bundle's part keys exists already (the transaction rolls back). */
class PartKeyUsed {
  readonly code = 'bundles.part-key-used';
}

/**
 * Life-event bundles (ADR 0031): one application, defined in the catalogue on a life event, whose submission opens one case at each
 * member service — its own agency, term, workflow, officer and decision — in one transaction, linked by the bundle.
 */
export function createBundlesService(deps: BundlesDeps) {
  const h = helpers(deps);
  return { ...reading(deps, h), ...submission(deps, h) };
}

type Helpers = ReturnType<typeof helpers>;

function helpers(deps: BundlesDeps) {
  const { db, catalogue } = deps;

  async function offer(eventId: string): Promise<BundleOffer | null> {
    const event = (await catalogue.events()).value.find((e) => e.id === eventId);
    if (event?.bundle === undefined) {
      return null;
    }
    const organisations = (await catalogue.organisations()).value;
    const members: Array<BundleOffer['members'][number]> = [];
    for (const id of event.bundle.services) {
      const service = (await catalogue.service(id)).value;
      if (service === null) {
        return null;
      }
      members.push({ service, agency: organisations.find((o) => o.id === service.organisationId) ?? null });
    }
    return { event, bundle: event.bundle, form: event.bundle.form, members };
  }

  async function offerFor(signedIn: SignedIn, eventId: string): Promise<Result<BundleOffer, BundleNotOffered | BundleAudienceMismatch>> {
    const found = await offer(eventId);
    if (found === null) {
      return err(new BundleNotOffered(eventId));
    }
    const kind = signedIn.actor.acting.party.kind === 'business' ? 'business' : 'individual';
    return found.bundle.audience.includes(kind) ? ok(found) : err(new BundleAudienceMismatch(eventId));
  }

  /** The answers from the eID and once-only from the registries the questions name (each registry answer an access record). */
  async function known(signedIn: SignedIn, form: ApplicationForm) {
    const profile: PrefillProfile = {
      'person.givenName': signedIn.person.givenName, 'person.familyName': signedIn.person.familyName, 'person.fullName': `${signedIn.person.givenName} ${signedIn.person.familyName}`,
      ...(signedIn.person.nationalId === null ? {} : { 'person.nationalId': signedIn.person.nationalId }),
      ...(signedIn.person.birthDate === null ? {} : { 'person.birthDate': signedIn.person.birthDate }),
    };
    const answers: Record<string, unknown> = prefill(form, profile);
    const asked = registryFields(form);
    const fromRegistries = asked.length === 0 ? [] : await deps.registries.prefill(signedIn, asked);
    const sources: Record<string, string> = {};
    for (const p of fromRegistries) {
      answers[p.field] = p.value;
      sources[p.field] = p.service;
    }
    return { answers, locked: [...lockedFields(form, profile), ...Object.keys(sources)], sources };
  }

  async function view(bundle: Bundle): Promise<BundleView> {
    const organisations = (await catalogue.organisations()).value;
    const parts: BundlePart[] = [];
    for (const caseId of bundle.caseIds) {
      const c = await deps.cases.byId(db, caseId);
      if (c !== null) {
        const service = (await catalogue.service(c.serviceId)).value;
        parts.push({ case: c, service, agency: organisations.find((o) => o.id === c.organisationId) ?? null, linked: c.channel === 'proactive' });
      }
    }
    const event = (await catalogue.events()).value.find((e) => e.id === bundle.eventId) ?? null;
    const skipped: Service[] = [];
    for (const id of (event?.bundle?.services ?? []).filter((m) => !parts.some((p) => p.case.serviceId === m))) {
      const service = (await catalogue.service(id)).value;
      if (service !== null) {
        skipped.push(service);
      }
    }
    return { bundle, event, parts, skipped, status: bundleStatus(parts.map((p) => p.case)) };
  }

  return { offer, offerFor, known, view };
}

function reading(deps: BundlesDeps, h: Helpers) {
  const { db } = deps;
  const { offer, offerFor, known, view } = h;
  return {
    /** The life event's bundle: its member services with their agencies, and its form; null when the event offers none. */
    offer,

    /** The bundle's form for the person, prefilled from the eID and the registries. */
    async start(signedIn: SignedIn, eventId: string): Promise<Result<BundleStart, BundleNotOffered | BundleAudienceMismatch>> {
      const found = await offerFor(signedIn, eventId);
      if (!found.ok) {
        return found;
      }
      return ok({ offer: found.value, ...(await known(signedIn, found.value.form)) });
    },

    /** One of the person's bundles with its cases, each with its agency, state, term and outcome. */
    async get(signedIn: SignedIn, bundleId: string): Promise<Result<BundleView, BundleNotFound>> {
      const bundle = await bundlesRepository.byId(db, bundleId);
      if (bundle?.applicantPersonId !== signedIn.person.id) {
        return err(new BundleNotFound(bundleId));
      }
      return ok(await view(bundle));
    },

    /** The person's bundles, newest first, each with its parts (for "My applications"). */
    async mine(signedIn: SignedIn): Promise<BundleView[]> {
      const bundles = await bundlesRepository.ofPerson(db, signedIn.person.id, MY_BUNDLES);
      return Promise.all(bundles.map(view));
    },
  };
}

function submission(deps: BundlesDeps, h: Helpers) {
  const { db, clock } = deps;
  const { offerFor, known, view } = h;
  return {

    /**
     * Submits the bundle's one application: the answers typed (register answers are taken from the registers again, never from the
     * body) are checked against its form, then one transaction stores the bundle and opens a case at every member service — each
     * with its channel, parties, fee and term, its audit records and outbox notices, and its evidence a registry holds requested for
     * the agency. The same idempotency key answers the bundle already stored.
     */
    async submit(signedIn: SignedIn, eventId: string, body: RawBody, o: SubmitBundle): Promise<Result<BundleView, BundleSubmitFailure>> {
      const earlier = await bundlesRepository.byKey(db, signedIn.person.id, o.idempotencyKey);
      if (earlier !== null) {
        return ok(await view(earlier));
      }
      const found = await offerFor(signedIn, eventId);
      if (!found.ok) {
        return found;
      }
      const { form, members, bundle: definition } = found.value;
      const registered = await known(signedIn, form);
      const answers = pruneHidden(form, { ...form.pages.reduce<Record<string, unknown>>((all, page) => ({ ...all, ...readPage(page, body, { locked: registered.locked }) }), {}), ...pickLocked(registered) });
      const issues: AnswerIssue[] = checkAnswers(form, answers);
      if (issues.length > 0) {
        return err(new BundleAnswersIncomplete(issues));
      }
      if (!o.declared) {
        return err(new BundleDeclarationRequired());
      }
      const now = clock.now();
      const party = partyOf(signedIn);
      const actingFor = party.kind === 'self' ? null : partyKey(signedIn.actor.acting.party);
      const hash = sha256Hex(canonicalJson({ eventId, answers }));
      const subject = subjectOf(answers, definition.subject);
      const bundle = {
        id: newId(), eventId, applicantPersonId: signedIn.person.id, party, subject, channel: o.channel, lang: o.lang,
        answers, answersSha256: hash, submittedAt: now, idempotencyKey: o.idempotencyKey,
      };
      // The cases are about the event's subject when the person may act for them (a parent for a minor child): represented (ADR 0035).
      const represented = representedParty(signedIn, subject);
      const caseParty = represented ?? party;
      const caseActingFor = represented === null ? actingFor : `person:${represented.id ?? ''}`;
      const stored = await auditedResultTransaction(db, async (tx): Promise<Result<string, PartKeyUsed>> => {
        if (!(await bundlesRepository.insert(tx, bundle))) {
          return err(new PartKeyUsed());
        }
        const parts = await openParts(deps, tx, signedIn, { members, answers, subject, party: caseParty, actingFor: caseActingFor, o });
        if (parts === null) {
          return err(new PartKeyUsed());
        }
        const { opened, overlaps } = parts;
        await bundlesRepository.link(tx, bundle.id, opened);
        await appendAudit(tx, {
          at: now, action: 'bundle.submit', outcome: 'done', channel: o.channel === 'api' ? 'api' : 'web', actorPersonId: signedIn.person.id, actingFor,
          subject: `bundle:${bundle.id}`, detail: { eventId, cases: opened.length, sha256: hash, ...(overlaps.length === 0 ? {} : { overlaps }) },
        });
        return ok(bundle.id);
      });
      if (!stored.ok) {
        // The key was used meanwhile (a second press at the same moment): the bundle stored under it answers.
        const raced = await bundlesRepository.byKey(db, signedIn.person.id, o.idempotencyKey);
        if (raced === null) {
          throw new Error(`a case or bundle under the idempotency key "${o.idempotencyKey}" exists, but no bundle`);
        }
        return ok(await view(raced));
      }
      const saved = await bundlesRepository.byId(db, stored.value);
      if (saved === null) {
        throw new Error(`bundle ${stored.value} not found after its commit`);
      }
      return ok(await view(saved));
    },
  };
}

/**
 * Inside the submission's transaction: a case per member service, or the proactive job's case about the subject in
 * its place (ADR 0035); null when a part key was used already (the transaction rolls back).
 */
async function openParts(deps: BundlesDeps, tx: Queryable, signedIn: SignedIn, p: {
  members: BundleOffer['members']; answers: Readonly<Record<string, unknown>>; subject: Bundle['subject']; party: CaseParty; actingFor: string | null; o: SubmitBundle;
}): Promise<{ opened: string[]; overlaps: Array<{ service: string; case: string; linked: boolean }> } | null> {
  const { answers, subject, o } = p;
  const opened: string[] = [];
  const overlaps: Array<{ service: string; case: string; linked: boolean }> = [];
  for (const [position, { service }] of p.members.entries()) {
    const caseId = newId();
    const held = subject === null || service.proactive?.mode !== 'automatic' ? null
      : await deps.cases.claim(tx, { serviceId: service.id, subjectNationalId: subject.nationalId, caseId, source: 'bundle' });
    if (held !== null && jobCaseStandsIn(held)) {
      // Opened by the proactive job for this person (ADR 0035): the applicant's own case is linked; another parent's is skipped.
      const linked = held.applicantPersonId === signedIn.person.id && (await bundlesRepository.ofCase(tx, held.caseId)) === null;
      if (linked) {
        opened.push(held.caseId);
      }
      overlaps.push({ service: service.id, case: held.caseId, linked });
      continue;
    }
    const c = await deps.cases.open(tx, {
      id: caseId, service, answers, answersSha256: sha256Hex(canonicalJson({ serviceId: service.id, version: service.version, answers })), documentsComplete: true,
      channel: o.channel, lang: o.lang, applicant: { personId: signedIn.person.id, name: `${signedIn.person.givenName} ${signedIn.person.familyName}` },
      party: p.party, actingFor: p.actingFor, idempotencyKey: partKey(o.idempotencyKey, position),
    });
    if (c === null) {
      return null;
    }
    opened.push(c.id);
    if (service.evidence.some((e) => e.registry !== undefined)) {
      await deps.registries.requestEvidence(tx, { caseId: c.id, caseNumber: c.number, agencyId: service.organisationId, law: service.legalResources[0]?.citation ?? service.identifier }, service.evidence, signedIn);
    }
  }
  return { opened, overlaps };
}

/** The answers the registers gave, which the body may not change. */
function pickLocked(known: { answers: Readonly<Record<string, unknown>>; locked: readonly string[] }): Record<string, unknown> {
  return Object.fromEntries(known.locked.filter((f) => known.answers[f] !== undefined).map((f) => [f, known.answers[f]]));
}

export type BundlesService = ReturnType<typeof createBundlesService>;
