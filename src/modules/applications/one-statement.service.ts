/** A submission in one statement (ADR 0025): a complete draft without files, its case, events, audit entries and messages. */
import type { Lang } from '../../kernel/text.ts';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import { newId, sha256Hex } from '../../platform/security/tokens.ts';
import type { Service } from '../catalogue/index.ts';
import type { CaseChannel, CaseRecord } from '../cases/index.ts';
import { type ApplicationForm, checkAnswers, fileAnswers, pruneHidden } from '../forms/index.ts';
import type { SignedIn } from '../identity/index.ts';
import { type Draft, submissionContent } from './application.ts';
import type { Access, DraftsDeps } from './drafts.service.ts';
import { submissionRepository } from './submission.repository.ts';

export type SubmitOptions = { idempotencyKey: string; declared: boolean; channel: CaseChannel; lang: Lang };

export function oneStatement(deps: DraftsDeps, a: Access) {
  const { db, clock } = deps;
  const { auditOf } = a;
  /**
   * Submits a complete draft without files, as read at its version, in one statement; null, with
   * nothing written, when it is not complete, names a file, its service fetches registry evidence, or
   * the statement yields no case.
   */
  return async function inOneStatement(signedIn: SignedIn, peek: Draft, allowed: { service: Service; form: ApplicationForm }, o: SubmitOptions): Promise<CaseRecord | null> {
    const { service, form } = allowed;
    // Evidence a registry holds is requested in the submission's transaction (ADR 0027): such services take that path.
    if (service.evidence.some((e) => e.registry !== undefined) || checkAnswers(form, peek.answers).length > 0) {
      return null;
    }
    const answers = pruneHidden(form, peek.answers);
    if (fileAnswers(form, answers).length > 0) {
      return null;
    }
    const hash = sha256Hex(canonicalJson(submissionContent(service.id, service.version, answers, [])));
    const opening = deps.cases.planOpening({
      id: newId(), service, answers, answersSha256: hash, documentsComplete: true, channel: o.channel, lang: o.lang,
      applicant: { personId: signedIn.person.id, name: `${signedIn.person.givenName} ${signedIn.person.familyName}` },
      party: peek.party, actingFor: peek.party.kind === 'self' ? null : `${peek.party.kind}:${peek.party.id ?? ''}`, idempotencyKey: o.idempotencyKey,
    });
    return submissionRepository.submit(db, {
      draftId: peek.id, version: peek.version, at: clock.now(), opening, messages: opening.messages,
      audit: [...opening.audit, { ...auditOf(signedIn, 'application.submit', 'case:', { draftId: peek.id, serviceId: service.id, sha256: hash }), subjectKeyed: true }],
    });
  };
}

