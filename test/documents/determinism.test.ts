// Its own file, so that the first render here runs on freshly parsed fonts: the bytes must not depend
// on what the process rendered before, nor on the clock.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPdf } from '../../src/modules/documents/index.ts';
import { sampleInput } from './fixtures.ts';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('renderPdf determinism', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('renders the same bytes for the same input, whenever and after whatever else', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-01-01T00:00:00Z'));
    const first = await renderPdf(sampleInput('receipt', 'uk'));
    await renderPdf(sampleInput('decision-refused', 'en', { reasons: 'Other glyphs: ßøæ ǅ Ω ∑ ₴' }));
    vi.setSystemTime(new Date('2031-08-24T12:34:56Z'));
    const again = await renderPdf(sampleInput('receipt', 'uk'));
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
  });

  it('renders different bytes for any different input', async () => {
    const base = sampleInput('decision-granted', 'uk');
    const variants = [
      base,
      sampleInput('decision-granted', 'en'),
      sampleInput('silent-consent', 'uk'),
      { ...base, applicantName: 'Олена Петренко-Коваль' },
      { ...base, documentNumber: '2026-000123-D2' },
      { ...base, issuedAt: new Date(base.issuedAt.getTime() + 60_000) },
      { ...base, issuedAt: new Date(base.issuedAt.getTime() + 1) }, // same printed minute: differs in the file id
      { ...base, verificationUrl: `${base.verificationUrl}0` },
    ];
    const hashes = await Promise.all(variants.map(async (v) => sha256(await renderPdf(v))));
    expect(new Set(hashes).size).toBe(variants.length);
  });

  it('renders concurrently the same bytes as one at a time', async () => {
    const inputs = (['receipt', 'decision-granted', 'decision-refused', 'silent-consent'] as const).map((k) => sampleInput(k, 'uk'));
    const alone: string[] = [];
    for (const input of inputs) {
      alone.push(sha256(await renderPdf(input)));
    }
    const together = await Promise.all(inputs.map(async (input) => sha256(await renderPdf(input))));
    expect(together).toEqual(alone);
  });
});
