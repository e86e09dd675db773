import { createHmac, timingSafeEqual } from 'node:crypto';

/** The callback's signature header: `X-Portico-Signature: sha256=<hex HMAC-SHA256 of the raw body>`. */
export const SIGNATURE_HEADER = 'X-Portico-Signature';
const SCHEME = 'sha256=';

/** Hex HMAC-SHA256 of the exact body bytes (a string is taken as UTF-8). */
export function signBody(secret: string, body: string | Uint8Array): string {
  if (secret === '') {
    throw new Error('payments: the callback secret must not be empty');
  }
  return createHmac('sha256', secret).update(body).digest('hex');
}

/** The header's value for a body: `sha256=<hex>`. */
export function signatureHeaderValue(secret: string, body: string | Uint8Array): string {
  return `${SCHEME}${signBody(secret, body)}`;
}

/**
 * Whether `signature` is the body's HMAC-SHA256 under `secret`, compared in constant time.
 * Takes the bare hex or the header's form (`sha256=<hex>`); anything else, and an empty secret,
 * is `false`.
 */
export function verifyBody(secret: string, body: string | Uint8Array, signature: string): boolean {
  const hex = signature.startsWith(SCHEME) ? signature.slice(SCHEME.length) : signature;
  if (secret === '' || !/^[0-9a-fA-F]{64}$/.test(hex)) {
    return false;
  }
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(hex, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * One header's value from Node's (lower-cased) or any other header record, by a case-insensitive
 * name; `null` when absent or sent more than once.
 */
export function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted && value !== undefined) {
      values.push(...(Array.isArray(value) ? value : [value]));
    }
  }
  return values.length === 1 && values[0] !== undefined ? values[0] : null;
}
