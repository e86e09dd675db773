/**
 * A serialisation with sorted keys, so two equal records compare equal whatever their key order.
 * Hashes that are kept (answers, audit leaves) are taken over it, so its output never changes: an
 * object's own enumerable keys in code-unit order, properties whose value is undefined left out, any
 * other value as JSON.stringify writes it (an undefined in an array writes nothing).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      out += `${i === 0 ? '' : ','}${canonicalJson(value[i]) ?? ''}`;
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const v = record[key];
    if (v !== undefined) {
      out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`;
      first = false;
    }
  }
  return `${out}}`;
}
