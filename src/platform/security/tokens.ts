import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** A secret for a cookie or a form: 256 random bits, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** What the database keeps of a cookie token: its SHA-256, so a database leak does not leak sessions. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const newId = (): string => randomUUID();

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** SHA-256 of bytes or UTF-8 text, as 64 lower-case hex digits. */
export const sha256Hex = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');
