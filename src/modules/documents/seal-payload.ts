/**
 * The bytes an agency's seal signs. Pure: the signing itself is in `adapters/ed25519.seal.ts`.
 *
 * The seal covers the PDF through its SHA-256 and names the document, its kind, case, agency and
 * issue time, so a valid seal cannot be moved to another document, another agency's name or another
 * date. No personal data is sealed: the verification page can show everything in the payload.
 */
import { canonicalJson } from '../../kernel/canonical-json.ts';
import { DOCUMENT_KINDS, type DocumentKind } from './documents.ts';

/**
 * Names the format inside the signed bytes: a signature over this payload can never be taken for a
 * signature over anything else the same key might sign, and a future format can change the fields
 * without old seals becoming ambiguous.
 */
export const SEAL_FORMAT = 'portico-document-seal/1';

export interface SealedFields {
  readonly documentId: string;
  readonly documentNumber: string;
  readonly kind: DocumentKind;
  readonly caseNumber: string;
  readonly organisationId: string;
  /** ISO 8601 in UTC, as `Date.prototype.toISOString` writes it. */
  readonly issuedAt: string;
  /** SHA-256 of the PDF's bytes, 64 lower-case hex digits. */
  readonly pdfSha256: string;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The canonical JSON of the fields (keys sorted, plus `format`) as UTF-8. The seal is checked by
 * rebuilding these bytes from stored fields, so there is exactly one spelling of each value: the
 * time must be `toISOString()` output and the hash lower-case, or this throws.
 */
export function sealedPayload(fields: SealedFields): Uint8Array {
  if (!ISO_UTC.test(fields.issuedAt) || Number.isNaN(Date.parse(fields.issuedAt))) {
    throw new TypeError(`sealedPayload: issuedAt must be toISOString() output, got ${fields.issuedAt}`);
  }
  if (!SHA256_HEX.test(fields.pdfSha256)) {
    throw new TypeError('sealedPayload: pdfSha256 must be 64 lower-case hex digits');
  }
  if (!DOCUMENT_KINDS.includes(fields.kind)) {
    throw new TypeError(`sealedPayload: unknown kind ${String(fields.kind)}`);
  }
  // Field by field: an object with more properties (TypeScript allows it) seals no more than these.
  const payload = {
    format: SEAL_FORMAT,
    documentId: fields.documentId,
    documentNumber: fields.documentNumber,
    kind: fields.kind,
    caseNumber: fields.caseNumber,
    organisationId: fields.organisationId,
    issuedAt: fields.issuedAt,
    pdfSha256: fields.pdfSha256,
  };
  return new TextEncoder().encode(canonicalJson(payload));
}
