/**
 * What opening a test file's embedded database costs, in CPU seconds of this process: a copy of the
 * migrated template (test/support/database.ts) opened as the tests did before (a Blob over the bytes,
 * PGlite's default settings), from the bytes, and from the bytes with the tests' settings.
 *   node --import tsx bench/test-database/run.ts [--rounds 5]
 */
import { parseArgs } from 'node:util';

import { openPglite, type PgliteOptions } from '../../src/platform/db/pglite.ts';
import { PGLITE_TEST_OPTIONS, pgliteTemplateBytes } from '../../test/support/database.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } });
const rounds = Math.max(1, Number(values.rounds) || 5);

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

// The migrated template every test file copies (test/support/database.ts).
const seed = await pgliteTemplateBytes();
// The WebAssembly modules are compiled once per process: not part of an opening.
await (await openPglite(null, seed)).close();

const variants: ReadonlyArray<readonly [string, () => Promise<{ close(): Promise<void>; query(sql: string): Promise<unknown> }>]> = [
  ['a Blob, default settings (before)', () => openPglite(null, new Blob([seed.slice()]))],
  ['bytes, default settings', () => openPglite(null, seed)],
  ['bytes, the tests\' settings (now)', () => openPglite(null, seed, PGLITE_TEST_OPTIONS satisfies PgliteOptions)],
];
const spent = new Map<string, number>();
for (let round = 0; round < rounds; round++) {
  for (const [name, open] of variants) {
    const started = cpuSeconds();
    const db = await open();
    await db.query('SELECT 1');
    spent.set(name, (spent.get(name) ?? 0) + cpuSeconds() - started);
    await db.close();
  }
}
console.log(`template: ${(seed.byteLength / 1e6).toFixed(1)} MB; ${rounds} rounds, CPU seconds per opening (user + system)`);
const baseline = spent.get(variants[0]![0])! / rounds;
for (const [name] of variants) {
  const perOpen = spent.get(name)! / rounds;
  console.log(`${perOpen.toFixed(2).padStart(6)} s  ${(perOpen / baseline).toFixed(2)}×  ${name}`);
}
