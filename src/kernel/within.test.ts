import { describe, expect, it } from 'vitest';

import { within } from './within.ts';

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('within', () => {
  it('answers with the work when it answers in time, and clears its timer', async () => {
    const before = timers();
    expect(await within(Promise.resolve('done'), 60_000, 'late')).toBe('done');
    expect(timers()).toBe(before);
  });

  it('answers with `late` when the work takes longer', async () => {
    const started = performance.now();
    expect(await within(new Promise<string>(() => undefined), 20, 'late')).toBe('late');
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
  });

  it('passes the work’s failure on, and clears its timer', async () => {
    const before = timers();
    await expect(within(Promise.reject(new Error('refused')), 60_000, 'late')).rejects.toThrow('refused');
    expect(timers()).toBe(before);
  });
});
