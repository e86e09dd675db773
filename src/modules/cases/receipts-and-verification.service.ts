import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { CatalogueService, Service } from '../catalogue/index.ts';
import { checkStoredSeal, type DocumentInput, type SealCheck } from '../documents/index.ts';
import type { SignedIn } from '../identity/index.ts';
import { type CaseRecord, formatMoney } from './case.ts';
import { CHANNEL_NAMES, termText } from './receipt-words.ts';
import { canActOnCase } from './cases.policy.ts';
import { casesRepository } from './cases.repository.ts';
import { type DocumentFacts, issuedDocumentsRepository } from './issued-documents.repository.ts';

export interface ReceiptsDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly catalogue: CatalogueService;
  readonly publicUrl: string;
  /** Renders a document (the documents module's renderer): the same input gives the same bytes. */
  readonly render: (input: DocumentInput) => Promise<Uint8Array>;
  /** The agency's current seal key, for checking a stored seal. */
  readonly keyOf: (organisationId: string) => { keyId: string; publicKeyRaw: string };
}

/** The public link printed on a receipt: the case number and the start of the submission's hash, nothing personal. */
export const receiptCheckUrl = (publicUrl: string, c: Pick<CaseRecord, 'number' | 'answersSha256'>) =>
  `${publicUrl}/verify/receipts/${c.number}?h=${c.answersSha256.slice(0, 16)}`;

/**
 * Receipts (rendered on demand from the frozen case, so the same case always gives the same PDF) and
 * the public checks behind the QR codes of receipts and decisions.
 */
export function createReceiptsService(deps: ReceiptsDeps) {
  const { db, catalogue } = deps;
  const serviceOf = async (id: string): Promise<Service | null> => (await catalogue.service(id)).value;
  const organisationName = async (id: string) => (await catalogue.organisations()).value.find((o) => o.id === id)?.name ?? { uk: id, en: id };

  return {
    /** The receipt PDF of a case the person may see: what was submitted, when, the fee and the hash. */
    async receiptPdf(signedIn: SignedIn, caseId: string): Promise<{ number: string; pdf: Uint8Array } | null> {
      const c = await casesRepository.byId(db, caseId);
      const service = c === null ? null : await serviceOf(c.serviceId);
      if (c === null || service === null || !canActOnCase(signedIn.actor, c, service, deps.clock.now())) {
        return null;
      }
      const fee = c.feeStatus === 'none' ? { uk: 'безоплатно', en: 'free of charge' } : { uk: formatMoney(c.feeAmount, 'uk'), en: formatMoney(c.feeAmount, 'en') };
      const pdf = await deps.render({
        kind: 'receipt', lang: c.lang, documentNumber: `${c.number}-R`, caseNumber: c.number, issuedAt: c.submittedAt,
        issuer: await organisationName(c.organisationId), serviceName: service.name, applicantName: c.applicantName,
        representedName: c.party.kind === 'self' ? null : c.party.name,
        lines: [
          { label: { uk: 'Канал подання', en: 'Submitted through' }, value: CHANNEL_NAMES[c.channel][c.lang] },
          { label: { uk: 'Адміністративний збір', en: 'Fee' }, value: fee[c.lang] },
          { label: { uk: 'Строк розгляду', en: 'Statutory term' }, value: termText(c.term, c.lang) },
        ],
        reasons: null, refusalGround: null, legalBasis: null, submissionHash: c.answersSha256, verificationUrl: receiptCheckUrl(deps.publicUrl, c),
      });
      return { number: c.number, pdf };
    },

    /** What anyone may learn from a receipt's QR code: that the application was received, and when. */
    async checkReceipt(number: string, hashPrefix: string) {
      const c = await casesRepository.byNumber(db, number);
      if (c === null || hashPrefix.length < 16 || !c.answersSha256.startsWith(hashPrefix.toLowerCase())) {
        return null;
      }
      const service = await serviceOf(c.serviceId);
      return { number: c.number, submittedAt: c.submittedAt, serviceName: service?.name ?? null, organisationName: await organisationName(c.organisationId) };
    },

    /**
     * The public verification of an issued document: its kind, number, issuer, date and status, and
     * whether its seal holds against the agency's key and the stored PDF. Never personal data.
     */
    async verifyDocument(documentId: string): Promise<{ facts: DocumentFacts; check: SealCheck; organisationName: { uk: string; en: string } } | null> {
      const facts = await issuedDocumentsRepository.facts(db, documentId);
      if (facts === null) {
        return null;
      }
      const stored = await issuedDocumentsRepository.pdf(db, documentId);
      const check = checkStoredSeal(facts, deps.keyOf(facts.organisationId), stored?.pdf);
      return { facts, check, organisationName: await organisationName(facts.organisationId) };
    },
  };
}

export type ReceiptsService = ReturnType<typeof createReceiptsService>;
