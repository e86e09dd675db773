import type { Lang } from '../../kernel/text.ts';
import type { Clock } from '../../kernel/clock.ts';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import { isUuid } from '../../kernel/ids.ts';
import { kyivDay } from '../../kernel/state-time.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { recordPersonalDataReads } from '../../platform/audit/personal-data.ts';
import type { Database } from '../../platform/db/database.ts';
import { resultTransaction } from '../../platform/db/transaction.ts';
import { newId, sha256Hex } from '../../platform/security/tokens.ts';
import type { CatalogueService, Service, ServiceRecord } from '../catalogue/index.ts';
import { type CaseRecord, type CasesService, caseRolesFor, caseSubjects } from '../cases/index.ts';
import {
  type AnswerIssue, type ApplicationForm, type Answers, checkAnswers, fileAnswers, lockedFields, prefill, type PrefillProfile, pruneHidden, type RawBody, readPage,
} from '../forms/index.ts';
import {
  ASSISTED_ROLE, type AssistedChannel, assistedApplicants, assistedChannelsOf, assistedFilingAssignment, type Person, type SignedIn, type StaffAssignment,
} from '../identity/index.ts';
import { type Attachment, audienceFits, submissionContent } from './application.ts';
import {
  AudienceMismatch, FilingIncomplete, FilingNotAllowed, isStorageFull, ServiceNotFound, ServiceNotOnline, StorageFull, type UploadRefused, uploadRefused,
} from './applications.errors.ts';
import { type AssistedBasis, type AssistedFiling, filingProblems } from './assisted-filing.ts';
import { type AssistedFilingRecord, assistedFilingsRepository } from './assisted-filings.repository.ts';
import { type AttachmentStore, contentsRepository } from './attachment-contents.repository.ts';
import { releaseContents } from './attachments.service.ts';
import { draftsRepository } from './drafts.repository.ts';
import { inflateBounded } from './adapters/inflate.ts';
import { pdfActiveContent } from './pdf-active-content.ts';
import { checkUpload, cleanFilename, uploadLimitBytes } from './sniff.ts';
import type { Upload } from './drafts.service.ts';

/** The field of the scanned pages of a paper application (besides the form's own file questions). */
export const SCANS_FIELD = 'scans';

export interface AssistedFilingDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly catalogue: CatalogueService;
  readonly cases: CasesService;
  readonly store: AttachmentStore;
}

export interface FileAssisted extends AssistedFiling {
  readonly lang: Lang;
  /** The filing form's key: a second press of the same form answers the case it opened. */
  readonly idempotencyKey: string;
  /** The service's questions as posted (every page of the form on one page). */
  readonly body: RawBody;
  /** Files: the form's file questions by their field, and the scanned pages (`SCANS_FIELD`). */
  readonly uploads: readonly Upload[];
}

export type FilingUnavailable = ServiceNotFound | ServiceNotOnline | AudienceMismatch | FilingNotAllowed;
export type FileAssistedFailure = FilingUnavailable | FilingIncomplete | StorageFull;

const centreIdsOf = (s: ServiceRecord): string[] => [...new Set(s.channels.flatMap((c) => c.centreIds ?? []))];

/** Register data of the form (the person's names, national id, birth date) answered from the person filed for, never typed. */
const profileOf = (p: Pick<Person, 'givenName' | 'familyName' | 'nationalId' | 'birthDate'>): PrefillProfile => {
  const profile: PrefillProfile = { 'person.givenName': p.givenName, 'person.familyName': p.familyName, 'person.fullName': `${p.givenName} ${p.familyName}` };
  if (p.nationalId !== null) {
    profile['person.nationalId'] = p.nationalId;
  }
  if (p.birthDate !== null) {
    profile['person.birthDate'] = p.birthDate;
  }
  return profile;
};

/** Questions answered from the applicant's record on an assisted filing: shown as such, never asked. */
export function registerFieldsOf(form: ApplicationForm): string[] {
  return lockedFields(form, profileOf({ givenName: '-', familyName: '-', nationalId: '0000000000', birthDate: null }));
}

/**
 * Applications filed by staff for a person: the post room registering a paper application, a
 * centre's front desk, the contact centre on the phone. One transaction opens the case with the
 * channel, records the staff member, their role and the basis, links the case to the person's record
 * (found by national id, so they see it when they sign in), stores the files and writes the audit
 * record; the case's own outbox messages go in the same transaction. For post the term starts on the
 * day the paper was received, and a person who has never signed in gets their notices by letter.
 */
export function createAssistedFilingService(deps: AssistedFilingDeps) {
  const { db, catalogue } = deps;
  const allowed = allowedFor(deps);
  return {
    /** The assisted channels the staff member's roles open. */
    channels: (signedIn: SignedIn): AssistedChannel[] => assistedChannelsOf(signedIn.actor),

    /** The services with a form, for people, that the staff member may file on this channel (their agency, their centre, any for the contact centre). */
    async services(signedIn: SignedIn, channel: AssistedChannel): Promise<ServiceRecord[]> {
      const all = (await catalogue.exportRecords()).services;
      return all.filter((s) => s.form !== undefined && audienceFits(s.audience, 'self')
        && assistedFilingAssignment(signedIn.actor, channel, { organisationId: s.organisationId, centreIds: centreIdsOf(s) }) !== null);
    },

    /** The service and its form, if the staff member may file it on this channel; and the questions answered from the person's record. */
    allowed: async (signedIn: SignedIn, channel: AssistedChannel, serviceId: string) => {
      const found = await allowed(signedIn, channel, serviceId);
      return found.ok ? ok({ service: found.value.service, form: found.value.form, registerFields: registerFieldsOf(found.value.form) }) : found;
    },

    /** The size limit of one file for the service's form (0 for no such service: nothing is kept). Asked before the body is read. */
    async uploadLimitBytes(serviceId: string): Promise<number> {
      const form = (await catalogue.service(serviceId)).value?.form;
      return form === undefined ? 0 : uploadLimitBytes(form);
    },

    /** Files the application: see the service's description. A second press of the same form answers the case it opened. */
    async file(signedIn: SignedIn, input: FileAssisted): Promise<Result<CaseRecord, FileAssistedFailure>> {
      const found = await allowed(signedIn, input.channel, input.serviceId);
      if (!found.ok) {
        return found;
      }
      const earlier = await assistedFilingsRepository.caseOfKey(db, signedIn.person.id, input.idempotencyKey);
      const opened = earlier === null ? null : await deps.cases.byId(db, earlier);
      if (opened !== null) {
        return ok(opened);
      }
      const prepared = await prepare(deps, found.value.form, input);
      return prepared.ok ? commit(deps, signedIn, input, { ...found.value, ...prepared.value }) : prepared;
    },

    /**
     * How a case was filed by staff, for an officer of the case's agency (the back office's case page): the
     * channel, the staff member and role, the basis, for post the sender, address and day received. Null when
     * the case was not filed by staff, or the officer holds no case role in its agency.
     */
    async filingForOfficer(signedIn: SignedIn, caseId: string): Promise<AssistedFilingRecord | null> {
      const c = await deps.cases.byId(db, caseId);
      if (c === null || caseRolesFor(signedIn.actor, c.organisationId).length === 0) {
        return null;
      }
      return assistedFilingsRepository.ofCase(db, caseId);
    },

    /** The centre whose front desk filed a case (where its result is collected by default); null when none did. */
    async filedAtCentre(caseId: string): Promise<string | null> {
      return (await assistedFilingsRepository.ofCase(db, caseId))?.centreId ?? null;
    },

    /**
     * How a case was filed, for the staff member who filed it (the confirmation page); null for anyone else.
     * It shows the applicant's name and the case: an access record of the case's parties, the case as purpose.
     */
    async filed(signedIn: SignedIn, caseId: string): Promise<{ case: CaseRecord; filing: AssistedFilingRecord; service: Service | null } | null> {
      const filing = isUuid(caseId) ? await assistedFilingsRepository.ofCase(db, caseId) : null;
      if (filing === null || filing.staffPersonId !== signedIn.person.id) {
        return null;
      }
      const c = await deps.cases.byId(db, caseId);
      if (c === null) {
        return null;
      }
      const held = signedIn.staff.find((s) => s.role === filing.staffRole && (filing.centreId === null || s.centreId === filing.centreId));
      await recordPersonalDataReads(db, caseSubjects(c), {
        at: deps.clock.now(), reader: { personId: signedIn.person.id, agencyId: held?.agencyId ?? null, role: filing.staffRole }, channel: filing.channel === 'phone' ? 'phone' : filing.channel === 'post' ? 'web' : 'in-person',
        what: 'assisted-filing', purpose: { case: c.number }, caseNumber: c.number,
      });
      return { case: c, filing, service: (await catalogue.service(c.serviceId)).value };
    },
  };
}

function allowedFor({ catalogue }: AssistedFilingDeps) {
  return async (signedIn: SignedIn, channel: AssistedChannel, serviceId: string): Promise<Result<{ service: Service; form: ApplicationForm; assignment: StaffAssignment }, FilingUnavailable>> => {
    const service = (await catalogue.service(serviceId)).value;
    if (service === null) {
      return err(new ServiceNotFound(serviceId));
    }
    if (service.form === undefined) {
      return err(new ServiceNotOnline(serviceId));
    }
    if (!audienceFits(service.audience, 'self')) {
      return err(new AudienceMismatch(serviceId));
    }
    const assignment = assistedFilingAssignment(signedIn.actor, channel, { organisationId: service.organisationId, centreIds: centreIdsOf(service) });
    return assignment === null ? err(new FilingNotAllowed(serviceId, channel)) : ok({ service, form: service.form, assignment });
  };
}

/** What the person's record says for the form's register questions: from the register by national id, or the names typed. Null: the register does not know the id. */
async function applicantProfile(db: Database, f: AssistedFiling): Promise<PrefillProfile | null> {
  const nationalId = f.nationalId.trim();
  if (nationalId === '') {
    return profileOf({ givenName: f.givenName.trim(), familyName: f.familyName.trim(), nationalId: null, birthDate: null });
  }
  const known = await assistedApplicants.inRegister(db, nationalId);
  return known === null ? null : profileOf({ ...known, nationalId });
}

interface Prepared {
  readonly answers: Answers;
  readonly kept: ReadonlyArray<{ readonly attachment: Attachment; readonly bytes: Uint8Array }>;
}

/** The files checked and made attachments (a form question's answer names its file); the refusals by field. */
function checkedFiles(form: ApplicationForm, uploads: readonly Upload[], now: Date) {
  const refused: Array<{ field: string; refusal: UploadRefused }> = [];
  const made: Array<{ attachment: Attachment; bytes: Uint8Array }> = [];
  for (const upload of uploads) {
    const type = checkUpload(form, upload.field === SCANS_FIELD ? null : upload.field, upload.bytes, upload.truncated === true);
    if (typeof type !== 'string') {
      refused.push({ field: upload.field, refusal: uploadRefused(type.problem, upload.field) });
      continue;
    }
    made.push({
      attachment: {
        id: newId(), field: upload.field, filename: cleanFilename(upload.filename, type), contentType: type, sizeBytes: upload.bytes.length, sha256: sha256Hex(upload.bytes),
        createdAt: now, draftId: null, caseId: null, requestId: null, activeContent: type === 'application/pdf' && pdfActiveContent(upload.bytes, inflateBounded),
      },
      bytes: upload.bytes,
    });
  }
  return { refused, made };
}

/** Checks everything before a transaction opens: the filing's own fields, the person in the register, the service's questions, the files. */
async function prepare(deps: AssistedFilingDeps, form: ApplicationForm, input: FileAssisted): Promise<Result<Prepared, FilingIncomplete>> {
  const now = deps.clock.now();
  const problems: Array<{ field: string; code: string }> = filingProblems(input, kyivDay(now), input.uploads.filter((u) => u.field === SCANS_FIELD).length);
  const badId = problems.some((p) => p.field === 'nationalId');
  const profile = badId ? null : await applicantProfile(deps.db, input);
  if (profile === null && !badId) {
    problems.push({ field: 'nationalId', code: 'national-id.unknown' });
  }
  // The form's questions: typed on one page; register data from the person's record.
  const locked = profile === null ? registerFieldsOf(form) : lockedFields(form, profile);
  const answers: Answers = {};
  for (const page of form.pages) {
    Object.assign(answers, readPage(page, input.body, { locked }));
  }
  if (profile !== null) {
    Object.assign(answers, Object.fromEntries(Object.entries(prefill(form, profile)).filter(([k]) => locked.includes(k))));
  }
  const files = checkedFiles(form, input.uploads, now);
  for (const m of files.made.filter((x) => x.attachment.field !== SCANS_FIELD)) {
    answers[m.attachment.field] = m.attachment.id;
  }
  // A register question left unanswered: the form needs the person's national id, and none was given.
  const fromRegister = new Set(registerFieldsOf(form));
  const all: AnswerIssue[] = checkAnswers(form, answers).filter((i) => !files.refused.some((f) => f.field === i.field));
  if (profile !== null && all.some((i) => fromRegister.has(i.field) && !locked.includes(i.field))) {
    problems.push({ field: 'nationalId', code: 'national-id.required' });
  }
  const issues = all.filter((i) => !fromRegister.has(i.field) || (!locked.includes(i.field) && !problems.some((p) => p.code === 'national-id.required')));
  if (problems.length > 0 || issues.length > 0 || files.refused.length > 0) {
    return err(new FilingIncomplete(problems, issues, files.refused));
  }
  const frozen = pruneHidden(form, answers);
  const used = new Set(fileAnswers(form, frozen).map((f) => f.attachmentId));
  return ok({ answers: frozen, kept: files.made.filter((m) => m.attachment.field === SCANS_FIELD || used.has(m.attachment.id)) });
}

/** One transaction: the person's record, the case (its events, audit and outbox through `cases.open`), the files, the filing, letters by post, the audit record. */
async function commit(deps: AssistedFilingDeps, signedIn: SignedIn, input: FileAssisted, p: Prepared & { service: Service; assignment: StaffAssignment }): Promise<Result<CaseRecord, FileAssistedFailure>> {
  const { db, clock } = deps;
  const { service, assignment, answers, kept } = p;
  const now = clock.now();
  const hash = sha256Hex(canonicalJson(submissionContent(service.id, service.version, answers, kept.map((m) => m.attachment))));
  const hashes = kept.map((m) => m.attachment.sha256);
  const role = ASSISTED_ROLE[input.channel];
  const post = input.channel === 'post';
  const address = input.address.trim();
  try {
    const filed = await resultTransaction(db, async (tx): Promise<Result<CaseRecord, FilingIncomplete>> => {
      const nationalId = input.nationalId.trim();
      const person = nationalId === ''
        ? await assistedApplicants.byName(tx, { givenName: input.givenName.trim(), familyName: input.familyName.trim() }, now)
        : await assistedApplicants.byNationalId(tx, nationalId, now);
      if (person === null) {
        return err(new FilingIncomplete([{ field: 'nationalId', code: 'national-id.unknown' }], [], []));
      }
      const name = `${person.givenName} ${person.familyName}`;
      const c = await deps.cases.open(tx, {
        service, answers, answersSha256: hash, documentsComplete: true, channel: input.channel, lang: input.lang, applicant: { personId: person.id, name },
        party: { kind: 'self', id: null, name }, actingFor: null, idempotencyKey: `assisted:${input.idempotencyKey}`, filedBy: { personId: signedIn.person.id, role },
        ...(post ? { receivedOn: input.receivedOn } : {}),
      });
      if (c === null) {
        // The filing's own key is unique per staff member (assisted_filings), checked before this transaction.
        throw new Error(`the applicant already has a case under the idempotency key "assisted:${input.idempotencyKey}"`);
      }
      for (const { attachment, bytes } of kept) {
        await contentsRepository.lock(tx, attachment.sha256);
        await deps.store.put(tx, attachment.sha256, bytes);
        await draftsRepository.insertAttachment(tx, { ...attachment, caseId: c.id, personId: signedIn.person.id });
      }
      await assistedFilingsRepository.insert(tx, {
        caseId: c.id, channel: input.channel, staffPersonId: signedIn.person.id, staffRole: role, centreId: input.channel === 'in-person' ? assignment.centreId : null,
        basis: input.basis as AssistedBasis, receivedOn: post ? input.receivedOn : null, sender: post ? input.sender.trim() : null, postalAddress: address === '' ? null : address,
        idempotencyKey: input.idempotencyKey, createdAt: now,
      });
      const byPost = post && await assistedApplicants.preferPostUnlessOnline(tx, person.id, address, input.lang, now);
      await appendAudit(tx, {
        at: now, action: 'application.assisted-file', outcome: 'done', channel: input.channel, actorPersonId: signedIn.person.id, actingFor: `applicant:${person.id}`,
        subject: `case:${c.number}`,
        detail: { serviceId: service.id, role, basis: input.basis, agencyId: assignment.agencyId, centreId: assignment.centreId, receivedOn: post ? input.receivedOn : null, files: kept.length, sha256: hash, lettersByPost: byPost },
      });
      return ok(c);
    });
    if (!filed.ok) {
      await releaseContents(db, deps.store, hashes);
    }
    return filed;
  } catch (e) {
    await releaseContents(db, deps.store, hashes).catch(() => undefined);
    if (isStorageFull(e)) {
      return err(new StorageFull());
    }
    throw e;
  }
}

export type AssistedFilingService = ReturnType<typeof createAssistedFilingService>;
