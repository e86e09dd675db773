import { describe, expect, it } from 'vitest';
import { checkStoredSeal, createDocumentIssuer, sealKeyFor, type StoredSeal } from '../../src/modules/documents/index.ts';
import { ISSUED_AT, sampleInput } from './fixtures.ts';

const SECRET = 'test-seal-secret-0123456789abcdef-not-for-production';
const DOCUMENT_ID = '5d1c2a9e-3f47-4b8e-9a61-0c2f7e4d8b13';

async function issued() {
  const issuer = createDocumentIssuer(SECRET);
  const input = { ...sampleInput('decision-refused', 'uk'), documentId: DOCUMENT_ID, organisationId: 'org-dmsu' };
  const sealed = await issuer.issue(input);
  // The row the documents table would hold (cases module: issued-documents.repository.ts).
  const row: StoredSeal = {
    id: DOCUMENT_ID,
    kind: input.kind,
    number: input.documentNumber,
    caseNumber: input.caseNumber,
    organisationId: 'org-dmsu',
    issuedAt: ISSUED_AT,
    sha256: sealed.sha256,
    sealKeyId: sealed.sealKeyId,
    sealPublicKey: sealed.sealPublicKey,
    seal: sealed.seal,
  };
  return { issuer, sealed, row, agencyKey: issuer.keyOf('org-dmsu') };
}

describe('issuing and checking a sealed document', () => {
  it('seals the rendered PDF with the agency’s key, and the check passes on the stored row and bytes', async () => {
    const { sealed, row, agencyKey } = await issued();
    expect(sealed.sealPublicKey).toBe(sealKeyFor(SECRET, 'org-dmsu').publicKeyRaw);
    expect(checkStoredSeal(row, agencyKey, sealed.pdf)).toEqual({ valid: true });
    expect(checkStoredSeal(row, agencyKey)).toEqual({ valid: true });
  });

  it('catches a PDF changed after sealing', async () => {
    const { sealed, row, agencyKey } = await issued();
    const pdf = Uint8Array.from(sealed.pdf);
    pdf[pdf.length - 20] = (pdf[pdf.length - 20] ?? 0) ^ 1;
    expect(checkStoredSeal(row, agencyKey, pdf)).toEqual({ valid: false, reason: 'pdf-changed' });
  });

  it('catches a row whose facts were changed', async () => {
    const { row, agencyKey } = await issued();
    expect(checkStoredSeal({ ...row, kind: 'decision-granted' }, agencyKey)).toEqual({ valid: false, reason: 'bad-seal' });
    expect(checkStoredSeal({ ...row, issuedAt: new Date(ISSUED_AT.getTime() + 1000) }, agencyKey)).toEqual({ valid: false, reason: 'bad-seal' });
    expect(checkStoredSeal({ ...row, sha256: 'f'.repeat(64) }, agencyKey)).toEqual({ valid: false, reason: 'bad-seal' });
    expect(checkStoredSeal({ ...row, sha256: 'not a hash' }, agencyKey)).toEqual({ valid: false, reason: 'bad-seal' });
    expect(checkStoredSeal({ ...row, kind: 'permit' }, agencyKey)).toEqual({ valid: false, reason: 'unknown-kind' });
  });

  it('does not trust a key written into the row: a re-sealed row fails against the agency key', async () => {
    const { row, agencyKey } = await issued();
    // Someone with write access re-seals with a key of their own and stores it alongside.
    const forger = sealKeyFor('another-secret-0123456789abcdef-forger', 'org-dmsu');
    const forged = { ...row, kind: 'decision-granted', sealKeyId: forger.keyId, sealPublicKey: forger.publicKeyRaw };
    expect(checkStoredSeal(forged, agencyKey)).toEqual({ valid: false, reason: 'not-the-agency-key' });
    expect(checkStoredSeal(row, createDocumentIssuer(SECRET).keyOf('org-tax'))).toEqual({ valid: false, reason: 'not-the-agency-key' });
  });
});
