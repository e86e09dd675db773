/**
 * How an SMS text travels: the encoding it needs, how many parts (segments) it takes and what each
 * part holds. Pure.
 *
 * - GSM-7 (3GPP TS 23.038) when every character is in the default alphabet or its extension table.
 *   A character of the extension table is sent as an escape and the character: two septets. One
 *   message holds 160 septets; a longer text is split into parts of 153 (the concatenation header
 *   takes the rest), and an escape pair is never split across two parts.
 * - UCS-2 (UTF-16) otherwise — Cyrillic, emoji: 70 code units in one message, 67 per part of a longer
 *   one, and a surrogate pair (one character beyond the basic plane) is never split across two parts.
 */

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsSegments {
  readonly encoding: SmsEncoding;
  /** How many parts the text is sent as (at least 1, also for an empty text). */
  readonly segments: number;
  /** The text of each part, in order; they join back to the text. */
  readonly parts: readonly string[];
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) in all. */
  readonly units: number;
}

/** Capacity of one message, and of each part of a longer one, in the encoding's units. */
export const SMS_LIMITS: Readonly<Record<SmsEncoding, { readonly single: number; readonly part: number }>> = {
  gsm7: { single: 160, part: 153 },
  ucs2: { single: 70, part: 67 },
};

/** The GSM 03.38 default alphabet (without the escape code itself). */
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** The extension table: each is sent as ESC + the character (two septets). */
const GSM7_EXTENSION = new Set('\f^{}\\[~]|€');

/** Septets one character takes in GSM-7, or null when GSM-7 cannot carry it. */
function septets(char: string): 1 | 2 | null {
  return GSM7_BASIC.has(char) ? 1 : GSM7_EXTENSION.has(char) ? 2 : null;
}

/** The encoding, the number of parts and the parts of a text (see the file's comment for the rules). */
export function smsSegments(text: string): SmsSegments {
  const chars = [...text]; // code points: a surrogate pair stays one element
  const gsm = chars.every((c) => septets(c) !== null);
  const encoding: SmsEncoding = gsm ? 'gsm7' : 'ucs2';
  const size = (c: string): number => (gsm ? (septets(c) ?? 2) : c.length);
  const units = chars.reduce((sum, c) => sum + size(c), 0);
  const limits = SMS_LIMITS[encoding];
  if (units <= limits.single) {
    return { encoding, segments: 1, parts: [text], units };
  }
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const c of chars) {
    const n = size(c);
    if (used + n > limits.part) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += c;
    used += n;
  }
  parts.push(current);
  return { encoding, segments: parts.length, parts, units };
}
