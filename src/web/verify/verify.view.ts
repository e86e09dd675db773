import type { TextKey } from '../locales/messages.ts';

export type Verdict = 'valid' | 'revoked' | 'notAuthentic';

export interface VerdictView {
  readonly verdict: Verdict;
  /** Words of the verdict, then the status tag's words and colour. */
  readonly message: TextKey;
  readonly tag: TextKey;
  readonly tagColour: 'green' | 'red';
  /** A valid document is good news (success banner); anything else is important news. */
  readonly banner: 'success' | 'important';
}

/**
 * What a check of a document means to the person holding it: a seal that does not verify outweighs
 * the recorded status; a genuine document is valid unless revoked.
 */
export function verdictOf(check: { readonly sealValid: boolean; readonly status: 'valid' | 'revoked' }): VerdictView {
  if (!check.sealValid) {
    return { verdict: 'notAuthentic', message: 'verify.notAuthentic', tag: 'verify.tagNotAuthentic', tagColour: 'red', banner: 'important' };
  }
  return check.status === 'revoked'
    ? { verdict: 'revoked', message: 'verify.revoked', tag: 'verify.tagRevoked', tagColour: 'red', banner: 'important' }
    : { verdict: 'valid', message: 'verify.valid', tag: 'verify.tagValid', tagColour: 'green', banner: 'success' };
}

/** A long hexadecimal checksum cut into groups, so it can wrap between them on a narrow screen. */
export function hexGroups(hex: string, size = 8): string[] {
  const groups: string[] = [];
  for (let i = 0; i < hex.length; i += size) {
    groups.push(hex.slice(i, i + size));
  }
  return groups;
}
