/**
 * What opening a test file's embedded database costs, in CPU seconds of this process: a copy of the
 * migrated template (test/support/database.ts) opened as the tests did before (a Blob over the bytes,
 * PGlite's default settings), from the bytes, and from the bytes with the tests' settings; and, as the
 * tests take it now, the instance the previous file used put back to the template
 * (test/support/pglite-spare.ts) after that file wrote rows to a few tables.
 *   node --import tsx bench/test-database/run.ts [--rounds 5]
 */
import { parseArgs } from 'node:util';

import { openPglite, type PgliteOptions } from '../../src/platform/db/pglite.ts';
import { PGLITE_TEST_OPTIONS, pgliteTemplateBytes } from '../../test/support/database.ts';
import { closeKept, leasePglite } from '../../test/support/pglite-spare.ts';

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

const fresh = () => openPglite(null, seed, PGLITE_TEST_OPTIONS satisfies PgliteOptions);
/** The kept instance, put back to the template; what the "file" before it wrote is written when it is let go. */
const reset = async () => {
  const { db, release } = await leasePglite(fresh, { keep: true });
  return {
    query: (sql: string) => db.query(sql),
    close: async () => {
      await db.exec(`INSERT INTO organisations (id, version, name_uk, name_en, data, updated_at)
          SELECT 'org-' || g, 1, 'Орган ' || g, 'Agency ' || g, '{}', now() FROM generate_series(1, 300) g;
        UPDATE catalogue_revision SET revision = revision + 1;`);
      await release();
    },
  };
};
await (await reset()).close();

const variants: ReadonlyArray<readonly [string, () => Promise<{ close(): Promise<void>; query(sql: string): Promise<unknown> }>]> = [
  ['a Blob, default settings (before)', () => openPglite(null, new Blob([seed.slice()]))],
  ['bytes, default settings', () => openPglite(null, seed)],
  ['bytes, the tests\' settings', fresh],
  ['the previous file\'s instance put back to the template (now)', reset],
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
await closeKept();
