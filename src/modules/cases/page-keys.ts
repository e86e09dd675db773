/**
 * Pure: the keys of keyset pagination. A page is asked for as "after" or "before" the key of a row
 * the reader saw; the key is the row's place in the list's total order, kept as the database wrote
 * it (text), so that no precision is lost on the way through a link.
 */

/** Where a page starts: after or before a row's key, or the first page. */
export type PageCursor = { readonly after: string } | { readonly before: string } | null;

/** A page of a list in key order, with the cursors of its neighbours (null: none). */
export interface KeysetPage<T> {
  readonly rows: readonly T[];
  readonly next: string | null;
  readonly previous: string | null;
}

/** A row's key as a link carries it: its parts (text), joined and made URL-safe. */
export const encodeKey = (parts: readonly string[]): string => Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');

/** The parts of a key with `count` parts, or null when the text is not one (a link typed by hand). */
export function decodeKey(key: string, count: number): string[] | null {
  if (key.length === 0 || key.length > 400 || !/^[A-Za-z0-9_-]+$/.test(key)) {
    return null;
  }
  try {
    const parts: unknown = JSON.parse(Buffer.from(key, 'base64url').toString('utf8'));
    return Array.isArray(parts) && parts.length === count && parts.every((p) => typeof p === 'string' && p.length > 0 && p.length < 80) ? (parts as string[]) : null;
  } catch {
    return null;
  }
}

/**
 * Puts a page together from rows read one beyond the page size in the direction asked: rows read
 * "before" a key come newest-last-first and are turned round. `keyOf` gives a row's key.
 */
export function pageOf<T>(read: readonly T[], o: { size: number; cursor: PageCursor; keyOf: (row: T) => string }): KeysetPage<T> {
  const more = read.length > o.size;
  const kept = read.slice(0, o.size);
  const backwards = o.cursor !== null && 'before' in o.cursor;
  const rows = backwards ? [...kept].reverse() : kept;
  const first = rows[0];
  const last = rows[rows.length - 1];
  const hasNext = backwards ? true : more;
  const hasPrevious = backwards ? more : o.cursor !== null;
  return {
    rows,
    next: hasNext && last !== undefined ? o.keyOf(last) : null,
    previous: hasPrevious && first !== undefined ? o.keyOf(first) : null,
  };
}
