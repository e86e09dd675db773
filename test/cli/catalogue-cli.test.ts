import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MIGRATIONS_DIR } from '../../src/app/container.ts';
import { DEMO_DIR } from '../../src/app/demo.ts';
import { catalogueExport } from '../../src/cli/catalogue-export.ts';
import { catalogueImport } from '../../src/cli/catalogue-import.ts';
import type { Command } from '../../src/cli/cli-services.ts';
import { seed } from '../../src/cli/seed.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { type CliResult, runCommand, spawnCommand } from '../support/cli.ts';
import { testDataDir, testDatabase } from '../support/database.ts';
import { aService } from '../support/factories.ts';

let dir: string;
let env: Record<string, string>;
let drop: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portico-cli-'));
  if (process.env['TEST_DATABASE_URL']) {
    const database = await testDatabase();
    await migrate(database.db, MIGRATIONS_DIR);
    await database.db.close();
    drop = database.drop;
    env = { DATABASE_URL: database.url ?? '' };
  } else {
    // A copy of the migrated template, as every test file's database: the commands find nothing to migrate.
    env = { DATA_DIR: join(dir, 'pglite') };
    await testDataDir(env['DATA_DIR']!);
  }
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await drop().catch(() => undefined);
});

const COMMANDS: Readonly<Record<string, Command>> = { 'catalogue-import': catalogueImport, 'catalogue-export': catalogueExport, seed };

/** The command run in this process, on this file's database. */
const cli = (script: string, ...args: string[]): Promise<CliResult> => runCommand(COMMANDS[script]!, args, { ...env, LOG_LEVEL: 'silent' });

describe('each command runs as npm runs it (node --import tsx src/cli/…)', () => {
  it('catalogue:import says how to use it when given nothing to import', async () => {
    const none = await spawnCommand('catalogue-import', []);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('usage: npm run catalogue:import');
  }, 180_000);

  it('catalogue:export writes the catalogue to standard output', async () => {
    const exported = await spawnCommand('catalogue-export', [], { ...env, LOG_LEVEL: 'silent' });
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ services: expect.any(Array) as unknown });
  }, 180_000);

  it('seed refuses a count that is not a whole number', async () => {
    const bad = await spawnCommand('seed', ['--services', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--services must be a whole number from 0 to 99999');
  }, 180_000);
});

describe('catalogue import and export commands', () => {
  it('import the demo catalogue, export it, and take the export back unchanged', async () => {
    const imported = await cli('catalogue-import', DEMO_DIR, '--by', 'cli-test');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/created \{"organisation":\d+,"centre":\d+,"event":\d+,"service":\d+\}/);
    const out = join(dir, 'export');
    expect((await cli('catalogue-export', '--out', out)).code).toBe(0);
    const services = JSON.parse(readFileSync(join(out, 'services.json'), 'utf8')) as { services: unknown[] };
    expect(services.services.length).toBeGreaterThanOrEqual(40);
    const again = await cli('catalogue-import', out);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('created {"organisation":0,"centre":0,"event":0,"service":0}');
    expect(again.stdout).toContain('updated {"organisation":0,"centre":0,"event":0,"service":0}');
  }, 120_000);

  it('reject a bad file naming the file, the record and the field, and write nothing', async () => {
    const bad = join(dir, 'agency-services.json');
    const good = aService({ id: 'new-good-service', identifier: '77/01', organisationId: 'ministry-of-nowhere' });
    writeFileSync(bad, JSON.stringify({ services: [good, { ...aService({ id: 'broken-service', identifier: '77/02' }), deadline: { days: 'ten', unit: 'working' } }] }));
    const schema = await cli('catalogue-import', bad);
    expect(schema.code).toBe(1);
    expect(schema.stderr).toContain('nothing was written');
    expect(schema.stderr).toMatch(/agency-services\.json: service "broken-service" \(#2\) \/deadline\/days: must be integer/);

    writeFileSync(bad, JSON.stringify({ services: [good] }));
    const reference = await cli('catalogue-import', bad);
    expect(reference.code).toBe(1);
    expect(reference.stderr).toMatch(/agency-services\.json: service "new-good-service" \/organisationId: refers to organisation "ministry-of-nowhere", which does not exist/);

    const exported = await cli('catalogue-export');
    expect(exported.stdout).not.toContain('new-good-service');
  }, 120_000);
});

describe('the seed command', () => {
  it('adds synthetic services with a progress bar', async () => {
    const seeded = await cli('seed', '--services', '300');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/The catalogue now holds \d+ services/);
    const total = Number(/holds (\d+) services/.exec(seeded.stdout)?.[1]);
    expect(total).toBeGreaterThanOrEqual(340);
  }, 120_000);
});
