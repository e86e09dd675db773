/**
 * What a test file's setup costs once the process has done it before, in CPU seconds of this process:
 * the HTTP server built (`buildHttp`, every route's schemas) and the demo catalogue imported, the first
 * time in the process (everything compiled: the baseline) and each later time (response serializers
 * and form schemas compiled before are reused: src/platform/http/schema-compilers.ts,
 * src/modules/forms/form-ajv.ts). A test worker runs many files, so later builds are what most files pay.
 *   node --import tsx bench/server-build/run.ts [--rounds 8]
 */
import { parseArgs } from 'node:util';

import { loadConfig } from '../../src/app/config.ts';
import { buildServices } from '../../src/app/container.ts';
import { buildHttp } from '../../src/app/http.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { testDatabase } from '../../test/support/database.ts';
import { demoRecords } from '../../test/support/demo.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '8' } } });
const rounds = Math.max(2, Number(values.rounds) || 8);

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: ':memory:', PUBLIC_URL: 'https://portal.test' });
const spent: Record<'build' | 'import', number[]> = { build: [], import: [] };
for (let round = 0; round < rounds; round++) {
  const database = await testDatabase();
  const services = await buildServices(config, { db: database.db });
  const records = await demoRecords();
  let started = cpuSeconds();
  const imported = await services.catalogue.importRecords(records, 'bench');
  spent.import.push(cpuSeconds() - started);
  if (!imported.ok) {
    throw new Error('the demo catalogue did not import');
  }
  started = cpuSeconds();
  const { app } = await buildHttp(services, createLogger('silent'));
  await app.ready();
  spent.build.push(cpuSeconds() - started);
  await app.close();
  await database.drop();
}
console.log(`${rounds} rounds, CPU seconds (user + system) of this process`);
for (const [name, list] of [['the server built (buildHttp, ready)', spent.build], ['the demo catalogue imported', spent.import]] as const) {
  const [first = 0, ...later] = list;
  const mean = later.reduce((a, b) => a + b, 0) / later.length;
  console.log(`${name}: first ${first.toFixed(2)} s, later ${mean.toFixed(2)} s on average (${(mean / first).toFixed(2)}× the first)`);
}
