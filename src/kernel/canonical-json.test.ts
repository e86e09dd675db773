import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { canonicalJson } from './canonical-json.ts';

/** The first definition, kept to show the output never changed: kept hashes are taken over it. */
function reference(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(reference).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves out undefined properties', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'é' }], c: undefined } })).toBe('{"a":{"d":[3,{"y":"é","z":null}]},"b":1}');
  });

  it('writes what the first definition wrote, for any value', () => {
    const value = fc.anything({ withBoxedValues: false, withDate: true, withMap: false, withSet: false, withNullPrototype: true, withSparseArray: true, withObjectString: true });
    fc.assert(fc.property(value, (v) => {
      expect(canonicalJson(v)).toBe(reference(v));
    }), { numRuns: 3000 });
  });
});
