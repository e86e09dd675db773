import type { LocalText } from '../../kernel/text.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { newId } from '../../platform/security/tokens.ts';
import type { ServiceRecord } from '../catalogue/index.ts';
import type { DocumentInput, DocumentKind } from '../documents/index.ts';
import type { CaseRecord } from './case.ts';
import { issuedDocumentsRepository } from './issued-documents.repository.ts';

/** A rendered, sealed PDF. */
export interface IssuedPdf {
  readonly pdf: Uint8Array;
  readonly sha256: string;
  readonly sealKeyId: string;
  readonly sealPublicKey: string;
  readonly seal: string;
}

/** Renders a document and seals it with its agency's key (the documents module, composed by the container). */
export interface DocumentIssuer {
  issue(input: DocumentInput & { readonly documentId: string; readonly organisationId: string }): Promise<IssuedPdf>;
  /** The document unsealed and marked as a draft on every page; nothing is stored. */
  preview(input: DocumentInput): Promise<Uint8Array>;
}

/** The law under which silent consent is granted, printed on the document that says so (Law of Ukraine "On the Permit System in Economic Activity", Art. 1). */
export const SILENT_CONSENT_BASIS: LocalText = {
  uk: 'Закон України «Про дозвільну систему у сфері господарської діяльності», стаття 1 (принцип мовчазної згоди)',
  en: 'Law of Ukraine "On the Permit System in Economic Activity", Article 1 (the principle of silent consent)',
};

export interface DecisionContext {
  readonly issuer: DocumentIssuer;
  readonly publicUrl: string;
  readonly organisationName: LocalText;
}

export const verificationUrl = (publicUrl: string, documentId: string): string => `${publicUrl}/verify/${documentId}`;

export interface Decision {
  readonly kind: Exclude<DocumentKind, 'receipt'>;
  readonly reasons: string | null;
  readonly refusalGroundId: string | null;
  readonly at: Date;
}

/** Everything the decision document of `c` will say: one source for the issued document and its preview. */
export function decisionDocumentInput(ctx: Omit<DecisionContext, 'issuer'>, c: CaseRecord, service: ServiceRecord, decision: Decision, doc: { id: string; number: string }): DocumentInput {
  const ground = decision.refusalGroundId === null ? null : (service.refusalGrounds.find((g) => g.id === decision.refusalGroundId)?.text ?? null);
  const output = service.outputs[0];
  return {
    kind: decision.kind,
    lang: c.lang,
    documentNumber: doc.number,
    caseNumber: c.number,
    issuedAt: decision.at,
    issuer: ctx.organisationName,
    serviceName: service.name,
    applicantName: c.applicantName,
    representedName: c.party.kind === 'self' ? null : c.party.name,
    lines: output === undefined || decision.kind === 'decision-refused' ? [] : [{ label: { uk: 'Результат послуги', en: 'Result of the service' }, value: output.name[c.lang] }],
    reasons: decision.reasons,
    refusalGround: ground,
    legalBasis: decision.kind === 'silent-consent' ? SILENT_CONSENT_BASIS : null,
    submissionHash: null,
    verificationUrl: verificationUrl(ctx.publicUrl, doc.id),
  };
}

/** The number the next document of a case gets: the case number, "-D" and its position. */
export async function nextDocumentNumber(tx: Queryable, c: CaseRecord): Promise<string> {
  return `${c.number}-D${(await issuedDocumentsRepository.countOfCase(tx, c.id)) + 1}`;
}

/**
 * Issues the decision document of a decided case inside the caller's transaction: renders it in the
 * applicant's language, seals it with the agency's key and stores the PDF with its hash.
 */
export async function issueDecisionDocument(tx: Queryable, ctx: DecisionContext, c: CaseRecord, service: ServiceRecord, decision: Decision): Promise<{ id: string; number: string }> {
  const id = newId();
  const number = await nextDocumentNumber(tx, c);
  const input = decisionDocumentInput(ctx, c, service, decision, { id, number });
  const sealed = await ctx.issuer.issue({ ...input, documentId: id, organisationId: c.organisationId });
  await issuedDocumentsRepository.insert(tx, {
    id, caseId: c.id, kind: decision.kind, number, organisationId: c.organisationId, lang: c.lang, sha256: sealed.sha256,
    sealKeyId: sealed.sealKeyId, sealPublicKey: sealed.sealPublicKey, seal: sealed.seal, issuedAt: decision.at, pdf: sealed.pdf,
  });
  return { id, number };
}
