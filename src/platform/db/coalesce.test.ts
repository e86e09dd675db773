import { describe, expect, it } from 'vitest';

import { coalescing } from './coalesce.ts';

/** A write that holds each batch until released, recording the batches it was given. */
function heldWrites(fail: (items: readonly number[]) => boolean = () => false) {
  const batches: number[][] = [];
  const releases: Array<() => void> = [];
  const write = (items: readonly number[]) => new Promise<number[]>((resolve, reject) => {
    batches.push([...items]);
    releases.push(() => (fail(items) ? reject(new Error(`batch ${items.join(',')} failed`)) : resolve(items.map((i) => i * 10))));
  });
  return { batches, write, release: () => releases.shift()?.() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('coalescing', () => {
  it('writes at once when idle, and together what arrived while a write was in flight, each caller answered its own', async () => {
    const w = heldWrites();
    const ask = coalescing(w.write);
    const first = ask(1);
    await tick();
    const rest = [ask(2), ask(3), ask(4)];
    await tick();
    expect(w.batches).toEqual([[1]]);
    w.release();
    expect(await first).toBe(10);
    await tick();
    expect(w.batches).toEqual([[1], [2, 3, 4]]);
    w.release();
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
  });

  it('splits what waits into batches of at most maxBatch', async () => {
    const w = heldWrites();
    const ask = coalescing(w.write, 2);
    const answers = [ask(1), ask(2), ask(3), ask(4), ask(5)];
    for (let i = 0; i < 5; i++) {
      await tick();
      w.release();
    }
    expect(await Promise.all(answers)).toEqual([10, 20, 30, 40, 50]);
    expect(w.batches).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('rejects every caller of a failed batch, and still writes the batches after it', async () => {
    const w = heldWrites((items) => items.includes(2));
    const ask = coalescing(w.write);
    const first = ask(1);
    await tick();
    const failed = [ask(2), ask(3)];
    w.release();
    await first;
    await tick();
    const after = ask(4);
    w.release();
    await expect(Promise.all(failed.map((p) => p.catch((e: unknown) => (e as Error).message)))).resolves.toEqual(['batch 2,3 failed', 'batch 2,3 failed']);
    await tick();
    w.release();
    expect(await after).toBe(40);
    expect(w.batches).toEqual([[1], [2, 3], [4]]);
  });
});
