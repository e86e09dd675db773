import { describe, expect, it } from 'vitest';

import { type Gap, gapCounts } from './gap-counts.ts';

const gap = (query: string): Gap => ({ query, lang: 'en', day: '2026-12-05' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A write that records its batches and attempts; `fail(n)` makes the next n writes fail. */
function store() {
  const batches: string[][] = [];
  let failures = 0;
  let inFlight = 0;
  let most = 0;
  let attempts = 0;
  return {
    batches,
    attempts: () => attempts,
    fail: (n: number) => void (failures = n),
    mostAtOnce: () => most,
    write: async (gaps: readonly Gap[]) => {
      attempts += 1;
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        await sleep(5);
        if (failures > 0) {
          failures -= 1;
          throw new Error('database down');
        }
        batches.push(gaps.map((g) => g.query));
      } finally {
        inFlight -= 1;
      }
    },
  };
}

const options = { intervalMs: 60_000, batch: 100, maxPending: 1000, onError: () => undefined };

describe('the counts of searches that found nothing', () => {
  it('are written together when the interval ends, not one by one', async () => {
    const s = store();
    const counts = gapCounts(s.write, { ...options, intervalMs: 40 });
    counts.add(gap('a'));
    counts.add(gap('b'));
    counts.add(gap('a'));
    expect(s.batches).toEqual([]);
    const deadline = Date.now() + 2000;
    while (s.batches.length === 0 && Date.now() < deadline) {
      await sleep(10);
    }
    expect(s.batches).toEqual([['a', 'b', 'a']]);
    expect(counts.pending()).toBe(0);
  });

  it('are written at once when a batch is full, and by flush whatever waits', async () => {
    const s = store();
    const counts = gapCounts(s.write, { ...options, batch: 3 });
    for (const q of ['a', 'b', 'c', 'd']) {
      counts.add(gap(q));
    }
    await counts.flush();
    expect(s.batches).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('never write twice at once: a flush during a write waits for it', async () => {
    const s = store();
    const counts = gapCounts(s.write, options);
    counts.add(gap('a'));
    const first = counts.flush();
    await sleep(1);
    counts.add(gap('b'));
    await Promise.all([first, counts.flush(), counts.flush()]);
    expect(s.batches).toEqual([['a'], ['b']]);
    expect(s.mostAtOnce()).toBe(1);
  });

  it('added during a write wait for the next interval instead of following it at once', async () => {
    const s = store();
    const counts = gapCounts(s.write, options);
    counts.add(gap('a'));
    const writing = counts.flush();
    await sleep(1);
    counts.add(gap('b'));
    await writing;
    await sleep(20);
    expect(s.batches).toEqual([['a']]);
    expect(counts.pending()).toBe(1);
  });

  it('keep what a failed write held and write it with the next, reporting the failure', async () => {
    const s = store();
    const errors: Array<{ pending: number; dropped: number }> = [];
    const counts = gapCounts(s.write, { ...options, onError: (_e, c) => void errors.push(c) });
    s.fail(1);
    counts.add(gap('a'));
    counts.add(gap('b'));
    await counts.flush();
    expect(s.batches).toEqual([]);
    expect(errors).toEqual([{ pending: 2, dropped: 0 }]);
    counts.add(gap('c'));
    await counts.flush();
    expect(s.batches).toEqual([['a', 'b', 'c']]);
  });

  it('keep at most maxPending while the database cannot be written, and report what they dropped', async () => {
    const s = store();
    const errors: Array<{ pending: number; dropped: number }> = [];
    const counts = gapCounts(s.write, { ...options, maxPending: 3, onError: (_e, c) => void errors.push(c) });
    s.fail(1);
    for (const q of ['a', 'b', 'c', 'd', 'e']) {
      counts.add(gap(q));
    }
    expect(counts.pending()).toBe(3);
    await counts.flush();
    expect(errors).toEqual([{ pending: 3, dropped: 2 }]);
    await counts.flush();
    expect(s.batches).toEqual([['a', 'b', 'c']]);
  });

  it('do not try the database on every search while it is down: a full batch waits for the interval', async () => {
    const s = store();
    const counts = gapCounts(s.write, { ...options, batch: 2 });
    s.fail(1000);
    for (let i = 0; i < 50; i++) {
      counts.add(gap(`q${i}`));
      await sleep(0);
    }
    await counts.flush();
    // The first full batch's write, one queued behind it before it failed, then only the explicit flush.
    expect(s.attempts()).toBe(3);
    expect(counts.pending()).toBe(50);
  });
});
