import { hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sealKeyFromSeed } from '../../src/modules/documents/adapters/ed25519.seal.ts';
import { type SealedFields, sealedPayload, sealKeyFor, sha256Hex, verifySeal } from '../../src/modules/documents/index.ts';

const SECRET = 'test-seal-secret-0123456789abcdef-not-for-production';

const fields: SealedFields = {
  documentId: '5d1c2a9e-3f47-4b8e-9a61-0c2f7e4d8b13',
  documentNumber: '2026-000123-D1',
  kind: 'decision-granted',
  caseNumber: '2026-000123',
  organisationId: 'org-dmsu',
  issuedAt: '2026-06-30T21:30:00.000Z',
  pdfSha256: sha256Hex(new TextEncoder().encode('%PDF-1.7 pretend')),
};

const hex = (text: string): Buffer => Buffer.from(text, 'hex');

describe('Ed25519 seal keys', () => {
  it('builds the RFC 8032 key and signature from a seed (test 1 of section 7.1)', () => {
    const key = sealKeyFromSeed(hex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'), 'rfc');
    expect(Buffer.from(key.publicKeyRaw, 'base64url').toString('hex')).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    expect(Buffer.from(key.sign(new Uint8Array()), 'base64url').toString('hex')).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
    expect(key.keyId).toBe(sha256Hex(hex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a')).slice(0, 16));
  });

  it('derives the seed with HKDF-SHA256, salt "portico-seal", info = the organisation id', () => {
    const seed = Buffer.from(hkdfSync('sha256', SECRET, 'portico-seal', 'org-dmsu', 32));
    expect(sealKeyFor(SECRET, 'org-dmsu').publicKeyRaw).toBe(sealKeyFromSeed(seed, 'org-dmsu').publicKeyRaw);
  });

  it('gives the same key for the same secret and organisation, every time', () => {
    const a = sealKeyFor(SECRET, 'org-dmsu');
    const b = sealKeyFor(SECRET, 'org-dmsu');
    expect(b.publicKeyRaw).toBe(a.publicKeyRaw);
    expect(b.keyId).toBe(a.keyId);
    expect(a.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(Buffer.from(a.publicKeyRaw, 'base64url')).toHaveLength(32);
    // Pinned: a change here means every seal made so far no longer verifies against a re-derived key.
    expect(a.publicKeyRaw).toBe('a4d_fE-FhXbZbaBJ-VTpnoJLsFmf59hIcDk1ESy6RIU');
    expect(a.keyId).toBe('70c65fc60c6b1454');
  });

  it('gives each organisation, and each secret, its own key', () => {
    const keys = [sealKeyFor(SECRET, 'org-dmsu'), sealKeyFor(SECRET, 'org-tax'), sealKeyFor(`${SECRET}!`, 'org-dmsu')];
    expect(new Set(keys.map((k) => k.publicKeyRaw)).size).toBe(3);
    expect(new Set(keys.map((k) => k.keyId)).size).toBe(3);
  });

  it('refuses a short secret and an empty organisation id', () => {
    expect(() => sealKeyFor('short', 'org-dmsu')).toThrow(/32 bytes/);
    expect(() => sealKeyFor(SECRET, '')).toThrow(/organisation/);
  });
});

describe('sign and verify', () => {
  const key = sealKeyFor(SECRET, 'org-dmsu');
  const payload = sealedPayload(fields);
  const seal = key.sign(payload);

  it('verifies what it signed', () => {
    expect(Buffer.from(seal, 'base64url')).toHaveLength(64);
    expect(verifySeal(key.publicKeyRaw, payload, seal)).toBe(true);
  });

  it('fails when any sealed field changes', () => {
    const changes: Array<Partial<SealedFields>> = [
      { pdfSha256: sha256Hex(new TextEncoder().encode('%PDF-1.7 other')) },
      { documentNumber: '2026-000123-D2' },
      { documentId: '00000000-0000-4000-8000-000000000000' },
      { kind: 'decision-refused' },
      { caseNumber: '2026-000124' },
      { organisationId: 'org-tax' },
      { issuedAt: '2026-06-30T21:30:00.001Z' },
    ];
    for (const change of changes) {
      expect(verifySeal(key.publicKeyRaw, sealedPayload({ ...fields, ...change }), seal)).toBe(false);
    }
  });

  it('fails under another agency’s key, or a key from another secret', () => {
    expect(verifySeal(sealKeyFor(SECRET, 'org-tax').publicKeyRaw, payload, seal)).toBe(false);
    expect(verifySeal(sealKeyFor(`${SECRET}!`, 'org-dmsu').publicKeyRaw, payload, seal)).toBe(false);
  });

  it('fails, without throwing, on a tampered or malformed signature or key', () => {
    const bytes = Buffer.from(seal, 'base64url');
    bytes[10] = (bytes[10] ?? 0) ^ 1;
    expect(verifySeal(key.publicKeyRaw, payload, bytes.toString('base64url'))).toBe(false);
    expect(verifySeal(key.publicKeyRaw, payload, '')).toBe(false);
    expect(verifySeal(key.publicKeyRaw, payload, 'not a signature')).toBe(false);
    expect(verifySeal(key.publicKeyRaw, payload, `${seal}=`)).toBe(false); // same bytes, other spelling
    expect(verifySeal(key.publicKeyRaw, payload, seal.replace(/^(.{20})/, '$1!'))).toBe(false);
    expect(verifySeal('', payload, seal)).toBe(false);
    expect(verifySeal(Buffer.alloc(32, 0xff).toString('base64url'), payload, seal)).toBe(false);
  });
});
