import type { Clock } from '../../kernel/clock.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import type { Database } from '../../platform/db/database.ts';
import type { CatalogueService, Service } from '../catalogue/index.ts';
import { type DocumentInput, type DocumentText, documentText } from '../documents/index.ts';
import type { SignedIn } from '../identity/index.ts';
import { availableEvents, transition, type WorkflowRole } from '../workflow/index.ts';
import type { CaseRecord } from './case.ts';
import { type CaseCommand, serviceOfCase, workflowOf } from './case-transitions.service.ts';
import { type ActFailure, CaseNotFound, OfficerNotAllowed } from './cases.errors.ts';

/** Why a decision cannot be previewed: the same refusals as the decision itself. */
export type PreviewFailure = ActFailure;
import { recordCaseRead } from './case-reads.service.ts';
import { caseRolesFor } from './cases.policy.ts';
import { casesRepository } from './cases.repository.ts';
import { type DocumentIssuer, decisionDocumentInput, nextDocumentNumber } from './decisions.service.ts';

export interface DecisionPreviewDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly catalogue: CatalogueService;
  readonly issuer: DocumentIssuer;
  readonly publicUrl: string;
}

/** What a grant or refusal would issue, shown to the officer before anything is written. */
export interface DecisionPreview {
  readonly case: CaseRecord;
  readonly service: Service;
  readonly event: 'grant' | 'refuse';
  readonly refusalGroundId: string | null;
  /** The document as it would be issued now (number, date, wording), never stored. */
  readonly input: DocumentInput;
  readonly text: DocumentText;
  /** The case's version when previewed: the confirmation issues only while the case is still at it. */
  readonly version: number;
}

/** The address printed on a draft: no document has this id, so the draft's QR code verifies nothing. */
const NO_DOCUMENT = '00000000-0000-0000-0000-000000000000';
const ROLE_ORDER: readonly WorkflowRole[] = ['clerk', 'decision-maker', 'supervisor'];

/**
 * Previews of decisions: the same checks as the decision itself (role, state, reasons, ground), run
 * without a transaction and without writing, and the document it would issue, unsealed.
 */
export function decisionPreviews(deps: DecisionPreviewDeps) {
  const { db, clock, catalogue } = deps;
  async function previewDecision(signedIn: SignedIn, caseId: string, command: CaseCommand): Promise<Result<DecisionPreview, PreviewFailure>> {
    const c = await casesRepository.byId(db, caseId);
    const roles = c === null ? [] : caseRolesFor(signedIn.actor, c.organisationId);
    if (c === null || roles.length === 0) {
      return err(new CaseNotFound(caseId));
    }
    const service = await serviceOfCase(catalogue, c.serviceId);
    const workflow = workflowOf(service);
    const role = ROLE_ORDER.find((r) => roles.includes(r) && availableEvents(workflow, c.state, r).includes(command.event)) ?? roles[0] ?? 'clerk';
    const at = clock.now();
    const done = transition(workflow, { state: c.state, clockPaused: c.clockPaused }, {
      event: command.event, actor: { role }, at,
      ...(command.reason === undefined ? {} : { reason: command.reason }),
      ...(command.refusalGroundId === undefined ? {} : { refusalGroundId: command.refusalGroundId }),
      facts: { documentsComplete: c.documentsComplete, feePaid: c.feeStatus !== 'due', refusalGroundIds: service.refusalGrounds.map((g) => g.id) },
    });
    if (!done.ok) {
      return done;
    }
    if (done.value.outcome !== 'granted' && done.value.outcome !== 'refused') {
      return err(new OfficerNotAllowed());
    }
    const organisation = (await catalogue.organisations()).value.find((o) => o.id === c.organisationId);
    const decision = {
      kind: done.value.outcome === 'granted' ? 'decision-granted' : 'decision-refused',
      reasons: command.reason?.trim() || null, refusalGroundId: command.refusalGroundId ?? null, at,
    } as const;
    const context = { publicUrl: deps.publicUrl, organisationName: organisation?.name ?? { uk: c.organisationId, en: c.organisationId } };
    const input = decisionDocumentInput(context, c, service, decision, { id: NO_DOCUMENT, number: await nextDocumentNumber(db, c) });
    const event = done.value.outcome === 'granted' ? 'grant' : 'refuse';
    await recordCaseRead(deps, signedIn, c, 'decision-draft'); // the draft names the parties: an access record of their data
    return ok({ case: c, service, event, refusalGroundId: decision.refusalGroundId, input, text: documentText(input), version: c.version });
  }
  return {
    previewDecision,
    /** The draft PDF of a preview: unsealed, marked "DRAFT — not issued" on every page. */
    async previewDecisionPdf(signedIn: SignedIn, caseId: string, command: CaseCommand): Promise<Result<{ number: string; pdf: Uint8Array }, PreviewFailure>> {
      const preview = await previewDecision(signedIn, caseId, command);
      return preview.ok ? ok({ number: preview.value.input.documentNumber, pdf: await deps.issuer.preview(preview.value.input) }) : preview;
    },
  };
}
