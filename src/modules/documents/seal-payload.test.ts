import { describe, expect, it } from 'vitest';
import { SEAL_FORMAT, type SealedFields, sealedPayload } from './seal-payload.ts';

const fields: SealedFields = {
  documentId: '5d1c2a9e-3f47-4b8e-9a61-0c2f7e4d8b13',
  documentNumber: '2026-000123-D1',
  kind: 'decision-granted',
  caseNumber: '2026-000123',
  organisationId: 'org-dmsu',
  issuedAt: '2026-06-30T21:30:00.000Z',
  pdfSha256: 'ab'.repeat(32),
};

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('sealedPayload', () => {
  it('is the canonical JSON of the fields and the format, keys sorted, as UTF-8', () => {
    expect(text(sealedPayload(fields))).toBe(
      `{"caseNumber":"2026-000123","documentId":"5d1c2a9e-3f47-4b8e-9a61-0c2f7e4d8b13","documentNumber":"2026-000123-D1",` +
        `"format":"${SEAL_FORMAT}","issuedAt":"2026-06-30T21:30:00.000Z","kind":"decision-granted",` +
        `"organisationId":"org-dmsu","pdfSha256":"${'ab'.repeat(32)}"}`,
    );
  });

  it('does not depend on the order the fields were given in', () => {
    const reversed = Object.fromEntries(Object.entries(fields).reverse()) as unknown as SealedFields;
    expect(sealedPayload(reversed)).toEqual(sealedPayload(fields));
  });

  it('seals only its own fields, even when the object carries more', () => {
    const more = { ...fields, applicantName: 'Олена Петренко' };
    expect(text(sealedPayload(more))).not.toContain('Олена');
    expect(sealedPayload(more)).toEqual(sealedPayload(fields));
  });

  it('encodes non-ASCII as UTF-8', () => {
    const bytes = sealedPayload({ ...fields, documentNumber: '№1' });
    expect(text(bytes)).toContain('"documentNumber":"№1"');
    expect(bytes).toContain(0xe2); // the first byte of № (U+2116) in UTF-8
  });

  it('accepts one spelling of each value only', () => {
    expect(() => sealedPayload({ ...fields, issuedAt: '2026-06-30T21:30:00Z' })).toThrow(/issuedAt/);
    expect(() => sealedPayload({ ...fields, issuedAt: '2026-07-01T00:30:00.000+03:00' })).toThrow(/issuedAt/);
    expect(() => sealedPayload({ ...fields, pdfSha256: 'AB'.repeat(32) })).toThrow(/pdfSha256/);
    expect(() => sealedPayload({ ...fields, pdfSha256: 'ab' })).toThrow(/pdfSha256/);
    expect(() => sealedPayload({ ...fields, kind: 'permit' as SealedFields['kind'] })).toThrow(/kind/);
  });
});
