import { describe, expect, it } from 'vitest';

import { FreshRead } from './fresh-read.ts';
import { RevisionCache } from './revision-cache.ts';

/** A value changed by "others", read with a controllable delay. */
function source() {
  let value = 0;
  let reads = 0;
  const pending: Array<() => void> = [];
  const read = () =>
    new Promise<number>((resolve) => {
      reads += 1;
      const seen = value; // the read observes the value when it starts
      pending.push(() => resolve(seen));
    });
  return {
    read,
    set: (v: number) => { value = v; },
    reads: () => reads,
    finishOne: async () => { pending.shift()?.(); await new Promise((r) => setImmediate(r)); },
  };
}

describe(FreshRead.name, () => {
  it('gives a caller a read that started after it asked, never an older one', async () => {
    const s = source();
    const fresh = new FreshRead(s.read);
    const first = fresh.get(); // read #1 starts, sees 0
    s.set(1); // a commit lands while read #1 is in flight
    const second = fresh.get(); // must not be served by read #1
    await s.finishOne();
    expect(await first).toBe(0);
    await s.finishOne();
    expect(await second).toBe(1);
  });

  it('serves every caller that queued behind one read with a single read', async () => {
    const s = source();
    const fresh = new FreshRead(s.read);
    void fresh.get();
    const queued = [fresh.get(), fresh.get(), fresh.get()];
    await s.finishOne();
    await s.finishOne();
    expect(await Promise.all(queued)).toEqual([0, 0, 0]);
    expect(s.reads()).toBe(2);
  });

  it('recovers after a failed read', async () => {
    let fail = true;
    const fresh = new FreshRead(async () => {
      if (fail) { fail = false; throw new Error('down'); }
      return 7;
    });
    await expect(fresh.get()).rejects.toThrow('down');
    expect(await fresh.get()).toBe(7);
  });
});

describe(RevisionCache.name, () => {
  it('drops every entry when the revision moves on', async () => {
    const cache = new RevisionCache<string>(10);
    let computed = 0;
    const compute = async () => `v${++computed}`;
    expect(await cache.get(1, 'a', compute)).toBe('v1');
    expect(await cache.get(1, 'a', compute)).toBe('v1');
    expect(await cache.get(2, 'a', compute)).toBe('v2');
  });

  it('lets an entry used again stay, once it has gone half the way to the front', async () => {
    const cache = new RevisionCache<number>(4);
    let computed = 0;
    const compute = async () => ++computed;
    for (const key of ['a', 'b', 'c', 'd']) {
      await cache.get(1, key, compute); // a 1, b 2, c 3, d 4
    }
    expect(await cache.get(1, 'a', compute)).toBe(1); // three places from the last: put last
    expect(await cache.get(1, 'd', compute)).toBe(4); // the last: stays where it is
    await cache.get(1, 'e', compute); // 5, lets 'b' go, the first now
    await cache.get(1, 'f', compute); // 6, lets 'c' go
    expect(await cache.get(1, 'a', compute)).toBe(1);
    expect(await cache.get(1, 'b', compute)).toBe(7); // 'd' goes
    expect(await cache.get(1, 'd', compute)).toBe(8);
  });

  it('shares a computation with those who ask for the same keys meanwhile, one call for them all', async () => {
    const cache = new RevisionCache<string>(10);
    const calls: string[][] = [];
    let release = () => undefined as void;
    const gate = new Promise<void>((r) => { release = r; });
    const computeMissing = async (missing: readonly string[]) => {
      calls.push([...missing]);
      await gate;
      return new Map(missing.map((k) => [k, `v-${k}`]));
    };
    const first = cache.getMany(1, ['a', 'b'], computeMissing, 'none');
    const second = cache.getMany(1, ['b', 'c'], computeMissing, 'none');
    const single = cache.get(1, 'a', async () => 'other');
    release();
    expect(Object.fromEntries(await first)).toEqual({ a: 'v-a', b: 'v-b' });
    expect(Object.fromEntries(await second)).toEqual({ b: 'v-b', c: 'v-c' });
    expect(await single).toBe('v-a');
    expect(calls).toEqual([['a', 'b'], ['c']]);
    expect(Object.fromEntries(await cache.getMany(1, ['a', 'c'], computeMissing, 'none'))).toEqual({ a: 'v-a', c: 'v-c' });
    expect(calls).toHaveLength(2);
  });

  it('does not keep a failed computation, nor one that ends after the revision moved on', async () => {
    const cache = new RevisionCache<number>(10);
    await expect(cache.get(1, 'a', async () => { throw new Error('down'); })).rejects.toThrow('down');
    expect(await cache.get(1, 'a', async () => 1)).toBe(1);
    let release = () => undefined as void;
    const gate = new Promise<void>((r) => { release = r; });
    const late = cache.get(1, 'b', async () => { await gate; return 1; });
    expect(await cache.get(2, 'b', async () => 2)).toBe(2); // the revision moved on meanwhile
    release();
    expect(await late).toBe(1);
    expect(await cache.get(2, 'b', async () => 3)).toBe(2);
  });

  it('gives and keeps a computed null or undefined as it is', async () => {
    const cache = new RevisionCache<string | null | undefined>(10);
    expect(await cache.get(1, 'none', async () => null)).toBeNull();
    expect(await cache.get(1, 'none', async () => 'recomputed')).toBeNull();
    expect(await cache.getMany(1, ['x', 'y'], async () => new Map([['x', null], ['y', undefined]]), 'absent')).toEqual(new Map([['x', null], ['y', undefined]]));
  });

  it('keeps at most its bound of entries', async () => {
    const cache = new RevisionCache<number>(2);
    let computed = 0;
    const compute = async () => ++computed;
    await cache.get(1, 'a', compute);
    await cache.get(1, 'b', compute);
    await cache.get(1, 'c', compute);
    expect(await cache.get(1, 'a', compute)).toBe(4);
  });
});
