import { describe, expect, it } from 'vitest';

import { RevisionCache } from './revision-cache.ts';

describe('a revision cache read many keys at once', () => {
  it('computes only the keys it does not keep, in one call, keeps them, and forgets all when the revision moves', async () => {
    const cache = new RevisionCache<number>(10);
    const calls: string[][] = [];
    const lengths = async (missing: readonly string[]) => {
      calls.push([...missing]);
      return new Map(missing.filter((k) => k !== 'none').map((k) => [k, k.length]));
    };
    expect(await cache.getMany(1, ['ab', 'abc', 'ab', 'none'], lengths, -1)).toEqual(new Map([['ab', 2], ['abc', 3], ['none', -1]]));
    expect(await cache.getMany(1, ['abc', 'abcd', 'none'], lengths, -1)).toEqual(new Map([['abc', 3], ['abcd', 4], ['none', -1]]));
    expect(await cache.getMany(1, ['ab', 'abcd'], lengths, -1)).toEqual(new Map([['ab', 2], ['abcd', 4]]));
    expect(calls).toEqual([['ab', 'abc', 'none'], ['abcd']]);
    expect(await cache.get(1, 'abc', () => Promise.resolve(99))).toBe(3);
    await cache.getMany(2, ['ab'], lengths, -1);
    expect(calls.at(-1)).toEqual(['ab']);
    expect(await cache.get(2, 'abc', () => Promise.resolve(99))).toBe(99);
  });

  it('keeps no more than its bound, dropping the oldest', async () => {
    const cache = new RevisionCache<number>(2);
    await cache.getMany(1, ['a', 'b', 'c'], (missing) => Promise.resolve(new Map(missing.map((k) => [k, 1]))), 0);
    expect(await cache.get(1, 'a', () => Promise.resolve(7))).toBe(7);
    expect(await cache.get(1, 'c', () => Promise.resolve(7))).toBe(1);
  });
});
