import { inflateSync } from 'node:zlib';

/** At most this much is inflated from one stream of an upload (a small bomb stays small). */
const MAX_INFLATED = 16 * 1024 * 1024;

/** Flate-decodes a PDF stream for inspection; null when it is not zlib data or inflates past the bound. */
export function inflateBounded(data: Uint8Array): Uint8Array | null {
  try {
    return inflateSync(data, { maxOutputLength: MAX_INFLATED });
  } catch {
    return null;
  }
}
