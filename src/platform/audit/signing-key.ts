/**
 * The Ed25519 key that signs the audit log's checkpoints, derived from one secret in the environment
 * (AUDIT_SIGNING_KEY) as the agencies' seals are from theirs: no private key is ever in the database
 * or on disk, and every process derives the same key. Changing the secret changes the key: keep the
 * old public keys published (by `keyId`) so old checkpoints still verify.
 */
import { createHash, createPrivateKey, createPublicKey, hkdfSync, sign, verify } from 'node:crypto';

export interface AuditSigningKey {
  /** First 16 hex digits of the SHA-256 of the raw public key. */
  readonly keyId: string;
  /** The 32-byte Ed25519 public key, base64url. */
  readonly publicKey: string;
  /** An Ed25519 signature (64 bytes, base64url). */
  sign(data: Uint8Array): string;
}

/** PKCS#8 DER for an Ed25519 private key, up to the 32-byte seed that follows (RFC 8410). */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
/** SPKI DER for an Ed25519 public key, up to the 32 raw bytes that follow (RFC 8410). */
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The key of the secret: HKDF-SHA256(secret, salt "portico-audit-log") is the seed. */
export function auditSigningKey(secret: string): AuditSigningKey {
  if (Buffer.byteLength(secret, 'utf8') < 32) {
    throw new RangeError('the audit signing secret must be at least 32 bytes');
  }
  const seed = Buffer.from(hkdfSync('sha256', secret, 'portico-audit-log', 'checkpoints', 32));
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const raw = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519_PREFIX.length);
  return {
    keyId: keyIdOf(raw),
    publicKey: raw.toString('base64url'),
    sign: (data) => sign(null, data, privateKey).toString('base64url'),
  };
}

export const keyIdOf = (raw: Uint8Array): string => createHash('sha256').update(raw).digest('hex').slice(0, 16);

/** Whether `signature` is the signature of `publicKey` over `data`; never throws. */
export function verifySignature(publicKey: string, data: Uint8Array, signature: string): boolean {
  const raw = Buffer.from(publicKey, 'base64url');
  const sig = Buffer.from(signature, 'base64url');
  if (raw.length !== 32 || raw.toString('base64url') !== publicKey || sig.length !== 64 || sig.toString('base64url') !== signature) {
    return false;
  }
  try {
    return verify(null, data, createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' }), sig);
  } catch {
    return false;
  }
}

/** Development and tests only: a fixed, public secret, so that checkpoints signed in a demo verify after a restart. */
export const DEVELOPMENT_AUDIT_SIGNING_KEY = 'portico-development-audit-signing-key-not-for-production';
