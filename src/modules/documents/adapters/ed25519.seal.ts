/**
 * The agency seal: Ed25519 keys derived from one portal secret, one key pair per agency.
 *
 * Deriving instead of storing keys means no private key sits in the database or on disk: the secret
 * (from the configuration) and the organisation's id give the same key on every start and every
 * instance. The price: whoever holds the secret can seal for every agency, and changing the secret
 * changes every key — old public keys must then stay on record (by `keyId`) to verify old documents.
 */
import { createHash, createPrivateKey, createPublicKey, hkdfSync, sign, verify } from 'node:crypto';

export interface SealKey {
  /** First 16 hex digits of the SHA-256 of the raw public key: stored with each seal to find the key again. */
  readonly keyId: string;
  readonly organisationId: string;
  /** The 32-byte Ed25519 public key, base64url. */
  readonly publicKeyRaw: string;
  /** An Ed25519 signature (64 bytes, base64url) over `data`. */
  sign(data: Uint8Array): string;
}

const HKDF_SALT = 'portico-seal';
/** PKCS#8 DER for an Ed25519 private key, up to the 32-byte seed that follows (RFC 8410). */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
/** SPKI DER for an Ed25519 public key, up to the 32 raw bytes that follow (RFC 8410). */
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** A shorter secret could be guessed; 32 bytes is the seed's own strength. */
const MIN_SECRET_BYTES = 32;

/** The seal key of one agency: HKDF-SHA256(secret, salt "portico-seal", info = organisationId) is the seed. */
export function sealKeyFor(secret: string, organisationId: string): SealKey {
  if (Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES) {
    throw new RangeError(`the seal secret must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  if (organisationId === '') {
    throw new RangeError('a seal key needs an organisation id');
  }
  const seed = Buffer.from(hkdfSync('sha256', secret, HKDF_SALT, organisationId, 32));
  return sealKeyFromSeed(seed, organisationId);
}

/** Exported for the RFC 8032 test vectors; production keys come from `sealKeyFor`. */
export function sealKeyFromSeed(seed: Uint8Array, organisationId: string): SealKey {
  if (seed.length !== 32) {
    throw new RangeError('an Ed25519 seed is 32 bytes');
  }
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const raw = spki.subarray(SPKI_ED25519_PREFIX.length);
  return {
    keyId: sha256Hex(raw).slice(0, 16),
    organisationId,
    publicKeyRaw: raw.toString('base64url'),
    sign: (data) => sign(null, data, privateKey).toString('base64url'),
  };
}

/**
 * Whether `signature` is the seal of `publicKeyRaw` over `data`. Never throws: a malformed key or
 * signature is simply not a valid seal. Base64url must be canonical (Node's decoder skips stray
 * characters, so "abc!" would otherwise decode like "abc"): one signature, one spelling.
 */
export function verifySeal(publicKeyRaw: string, data: Uint8Array, signature: string): boolean {
  const raw = canonicalBase64url(publicKeyRaw, 32);
  const sig = canonicalBase64url(signature, 64);
  if (raw === null || sig === null) {
    return false;
  }
  try {
    const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
    return verify(null, data, key, sig);
  } catch {
    // 32 bytes that are not a point on the curve.
    return false;
  }
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function canonicalBase64url(text: string, length: number): Buffer | null {
  const bytes = Buffer.from(text, 'base64url');
  return bytes.length === length && bytes.toString('base64url') === text ? bytes : null;
}
