import type { RawBody } from '../../modules/forms/index.ts';

/**
 * A form body as names to text, urlencoded or multipart alike: a multipart text part (`{ type: 'field', value }`)
 * becomes its value; file parts are left out (they are read with `receivedFiles`).
 */
export function textBody(body: unknown): RawBody {
  if (typeof body !== 'object' || body === null) {
    return {};
  }
  const textOf = (v: unknown): string | null =>
    typeof v === 'string' ? v : typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'field' && typeof (v as { value?: unknown }).value === 'string' ? (v as { value: string }).value : null;
  const out: Record<string, string | string[]> = {};
  for (const [name, raw] of Object.entries(body as Record<string, unknown>)) {
    if (Array.isArray(raw)) {
      out[name] = raw.map(textOf).filter((v): v is string => v !== null);
    } else {
      const v = textOf(raw);
      if (v !== null) {
        out[name] = v;
      }
    }
  }
  return out;
}
