/**
 * Issuing and checking sealed documents: render, hash, seal; and, for the verification page, the
 * same steps backwards. This is what the container hands to the cases module as its document issuer.
 */
import { DOCUMENT_KINDS, type DocumentInput, type DocumentKind } from '../documents.ts';
import { sealedPayload } from '../seal-payload.ts';
import { type SealKey, sealKeyFor, sha256Hex, verifySeal } from './ed25519.seal.ts';
import { renderPdf } from './pdf.renderer.ts';

/** A rendered PDF with its seal: everything the documents table stores about it. */
export interface SealedPdf {
  readonly pdf: Uint8Array;
  readonly sha256: string;
  readonly sealKeyId: string;
  readonly sealPublicKey: string;
  readonly seal: string;
}

export type IssueDocument = DocumentInput & { readonly documentId: string; readonly organisationId: string };

export interface DocumentIssuer {
  issue(input: IssueDocument): Promise<SealedPdf>;
  /** The same document unsealed, marked "DRAFT — not issued" on every page: what an officer checks before issuing. */
  preview(input: DocumentInput): Promise<Uint8Array>;
  /** The agency's current public key: what a stored seal must have been made with. */
  keyOf(organisationId: string): Pick<SealKey, 'keyId' | 'publicKeyRaw'>;
}

/** An issuer sealing with keys derived from `sealSecret` (see `sealKeyFor`); keys are derived once per agency. */
export function createDocumentIssuer(sealSecret: string): DocumentIssuer {
  const keys = new Map<string, SealKey>();
  const keyFor = (organisationId: string): SealKey => {
    let key = keys.get(organisationId);
    if (key === undefined) {
      key = sealKeyFor(sealSecret, organisationId);
      keys.set(organisationId, key);
    }
    return key;
  };
  return {
    async issue(input) {
      const pdf = await renderPdf(input);
      const sha256 = sha256Hex(pdf);
      const key = keyFor(input.organisationId);
      const payload = sealedPayload({
        documentId: input.documentId,
        documentNumber: input.documentNumber,
        kind: input.kind,
        caseNumber: input.caseNumber,
        organisationId: input.organisationId,
        issuedAt: input.issuedAt.toISOString(),
        pdfSha256: sha256,
      });
      return { pdf, sha256, sealKeyId: key.keyId, sealPublicKey: key.publicKeyRaw, seal: key.sign(payload) };
    },
    preview: (input) => renderPdf(input, { draft: true }),
    keyOf(organisationId) {
      const { keyId, publicKeyRaw } = keyFor(organisationId);
      return { keyId, publicKeyRaw };
    },
  };
}

/** What is stored about an issued document (the verification page's row), without its content. */
export interface StoredSeal {
  readonly id: string;
  readonly kind: string;
  readonly number: string;
  readonly caseNumber: string;
  readonly organisationId: string;
  readonly issuedAt: Date;
  readonly sha256: string;
  readonly sealKeyId: string;
  readonly sealPublicKey: string;
  readonly seal: string;
}

export type SealCheck =
  | { readonly valid: true }
  | { readonly valid: false; readonly reason: 'unknown-kind' | 'not-the-agency-key' | 'pdf-changed' | 'bad-seal' };

/**
 * Re-checks a stored seal. The key comes from the caller (the agency's key, by `keyId`), never from the
 * row alone: whoever could write the row could also write a key of their own into it. With `pdf`, the
 * stored bytes are hashed again, so a PDF swapped behind the row's back is caught too.
 */
export function checkStoredSeal(row: StoredSeal, agencyKey: Pick<SealKey, 'keyId' | 'publicKeyRaw'>, pdf?: Uint8Array): SealCheck {
  if (!isDocumentKind(row.kind)) {
    return { valid: false, reason: 'unknown-kind' };
  }
  if (row.sealKeyId !== agencyKey.keyId || row.sealPublicKey !== agencyKey.publicKeyRaw) {
    return { valid: false, reason: 'not-the-agency-key' };
  }
  if (pdf !== undefined && sha256Hex(pdf) !== row.sha256) {
    return { valid: false, reason: 'pdf-changed' };
  }
  let payload: Uint8Array;
  try {
    payload = sealedPayload({
      documentId: row.id,
      documentNumber: row.number,
      kind: row.kind,
      caseNumber: row.caseNumber,
      organisationId: row.organisationId,
      issuedAt: row.issuedAt.toISOString(),
      pdfSha256: row.sha256,
    });
  } catch {
    // A stored hash or date that no seal could have covered.
    return { valid: false, reason: 'bad-seal' };
  }
  return verifySeal(agencyKey.publicKeyRaw, payload, row.seal) ? { valid: true } : { valid: false, reason: 'bad-seal' };
}

const isDocumentKind = (kind: string): kind is DocumentKind => (DOCUMENT_KINDS as readonly string[]).includes(kind);
