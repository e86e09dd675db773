/**
 * Each request over the exchange is signed by the client's member: a JWS (EdDSA, Ed25519) whose payload
 * names the method, the path, the headers that matter (client, request id, user, issue), the SHA-256
 * digest of the body and the time it was signed. The provider's side checks the signature with the
 * member's public key and then that every signed value is the request's own: a body, a path or a
 * header changed on the way no longer matches.
 */
import { createHash, createPrivateKey, createPublicKey, hkdfSync, type KeyObject, sign, verify } from 'node:crypto';
import { decodeProtectedHeader } from 'jose';

/** The header carrying the signature (the embedded exchange's; a real security server signs on its own channel). */
export const SIGNATURE_HEADER = 'x-exchange-signature';

/** What a signature covers. */
export interface SignedRequest {
  readonly method: string;
  readonly path: string;
  readonly client: string;
  readonly id: string;
  readonly userId: string;
  readonly issue: string;
  /** base64url SHA-256 of the body's bytes. */
  readonly digest: string;
  /** Seconds since the epoch. */
  readonly iat: number;
}

export interface MemberKey {
  /** The member (`INSTANCE/CLASS/MEMBER`). */
  readonly member: string;
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A member's Ed25519 key derived from a secret: HKDF-SHA256(secret, salt "portico-exchange", info member). */
export function memberKey(member: string, secret: string): MemberKey {
  if (Buffer.byteLength(secret, 'utf8') < 32) {
    throw new RangeError('an exchange signing secret must be at least 32 bytes');
  }
  const seed = Buffer.from(hkdfSync('sha256', secret, 'portico-exchange', member, 32));
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const raw = publicKey.export({ format: 'der', type: 'spki' });
  return { member, keyId: createHash('sha256').update(raw).digest('hex').slice(0, 16), privateKey, publicKey };
}

export const bodyDigest = (body: Uint8Array | string): string => createHash('sha256').update(body).digest('base64url');

/**
 * The request as a compact JWS (RFC 7515, `EdDSA`, RFC 8037): the signature is Ed25519 by node:crypto on
 * the member's KeyObject, made once per member, synchronously — no key import and no WebCrypto job per
 * request (ADR 0028). Any JOSE library verifies it; `jose` reads its header here.
 */
export async function signRequest(key: MemberKey, request: SignedRequest): Promise<string> {
  const input = `${headerOf(key.keyId)}.${Buffer.from(JSON.stringify(request)).toString('base64url')}`;
  return `${input}.${sign(null, Buffer.from(input), key.privateKey).toString('base64url')}`;
}

const headers = new Map<string, string>();
const headerOf = (keyId: string): string => {
  let header = headers.get(keyId);
  if (header === undefined) {
    header = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: keyId })).toString('base64url');
    headers.set(keyId, header);
  }
  return header;
};

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The signed values, when `jws` is signed by one of the member's keys; null otherwise. Never throws. */
export async function verifySignature(jws: string, keys: readonly { keyId: string; publicKey: KeyObject }[]): Promise<SignedRequest | null> {
  try {
    const parts = jws.split('.');
    const [head = '', body = '', signature = ''] = parts;
    if (parts.length !== 3 || !parts.every((p) => BASE64URL.test(p))) {
      return null;
    }
    const header = decodeProtectedHeader(jws);
    const key = keys.find((k) => k.keyId === header.kid);
    // No critical extensions are understood here (RFC 7515 §4.1.11): a header naming one is refused.
    if (key === undefined || header.alg !== 'EdDSA' || header.crit !== undefined || header.b64 !== undefined) {
      return null;
    }
    if (!verify(null, Buffer.from(`${head}.${body}`), key.publicKey, Buffer.from(signature, 'base64url'))) {
      return null;
    }
    const value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    const texts = ['method', 'path', 'client', 'id', 'userId', 'issue', 'digest'] as const;
    if (!texts.every((k) => typeof value[k] === 'string') || typeof value['iat'] !== 'number') {
      return null;
    }
    return value as unknown as SignedRequest;
  } catch {
    return null;
  }
}
