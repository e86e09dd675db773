/**
 * The catalogue editor's pure rules (ADR 0033): which version a key names, the field-level difference of
 * two versions of a service, and what a complete service record still lacks. Pure.
 */
import type { ServiceRecord } from './catalogue-record.schemas.ts';

/** A version of a service as the editor names it: a saved draft (`d3`) or a published version (`v2`). */
export type VersionKey = { readonly kind: 'draft' | 'published'; readonly number: number };

export function parseVersionKey(text: unknown): VersionKey | null {
  if (typeof text !== 'string') {
    return null;
  }
  const match = /^([dv])([1-9][0-9]{0,5})$/.exec(text);
  return match ? { kind: match[1] === 'd' ? 'draft' : 'published', number: Number(match[2]) } : null;
}

export const versionKeyText = (key: VersionKey): string => `${key.kind === 'draft' ? 'd' : 'v'}${key.number}`;

/** One field that differs between two versions: its JSON Pointer and its value in each (undefined: absent). */
export interface FieldChange {
  readonly pointer: string;
  readonly before: string | number | boolean | null | undefined;
  readonly after: string | number | boolean | null | undefined;
}

type Leaf = string | number | boolean | null;

function leaves(value: unknown, pointer: string, out: Map<string, Leaf>): Map<string, Leaf> {
  if (Array.isArray(value)) {
    value.forEach((item, i) => leaves(item, `${pointer}/${i}`, out));
    if (value.length === 0) {
      out.set(pointer, null);
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      leaves(item, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
    }
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) {
    out.set(pointer, value);
  }
  return out;
}

/**
 * Every field whose value differs between two versions, down to the text of each language
 * (`/name/uk`, `/costs/0/amount`), in the order of the later version's fields, then the removed ones.
 */
export function diffRecords(before: unknown, after: unknown): FieldChange[] {
  const a = leaves(before, '', new Map());
  const b = leaves(after, '', new Map());
  const changes: FieldChange[] = [];
  for (const [pointer, value] of b) {
    const old = a.has(pointer) ? a.get(pointer) : undefined;
    if (old !== value) {
      changes.push({ pointer, before: old, after: value });
    }
  }
  for (const [pointer, value] of a) {
    if (!b.has(pointer)) {
      changes.push({ pointer, before: value, after: undefined });
    }
  }
  return changes;
}

/** What a record that passes the schema may still lack for a good public page (shown, not enforced). */
export type CompletenessGap =
  | { readonly code: 'keywords'; readonly lang: 'uk' | 'en' }
  | { readonly code: 'refusal-grounds' }
  | { readonly code: 'channel-description'; readonly index: number }
  | { readonly code: 'channel-term'; readonly index: number }
  | { readonly code: 'evidence-description'; readonly index: number }
  | { readonly code: 'online-way'; readonly index: number };

export function completenessGaps(s: ServiceRecord): CompletenessGap[] {
  const gaps: CompletenessGap[] = [];
  for (const lang of ['uk', 'en'] as const) {
    if (s.keywords[lang].length === 0) {
      gaps.push({ code: 'keywords', lang });
    }
  }
  if (s.refusalGrounds.length === 0) {
    gaps.push({ code: 'refusal-grounds' });
  }
  s.channels.forEach((c, index) => {
    if (c.description === undefined) {
      gaps.push({ code: 'channel-description', index });
    }
    if (c.processingTime === undefined) {
      gaps.push({ code: 'channel-term', index });
    }
    if (c.type === 'online' && c.url === undefined && s.form === undefined) {
      gaps.push({ code: 'online-way', index });
    }
  });
  s.evidence.forEach((e, index) => {
    if (e.description === undefined) {
      gaps.push({ code: 'evidence-description', index });
    }
  });
  return gaps;
}
