import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';
import { create, extract } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../../src/app/config.ts';
import { buildServices } from '../../src/app/container.ts';
import { auditVerify } from '../../src/cli/audit-verify.ts';
import { backup } from '../../src/cli/backup.ts';
import { catalogueExport } from '../../src/cli/catalogue-export.ts';
import { restore } from '../../src/cli/restore.ts';
import { appendAudit } from '../../src/platform/audit/audit.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { openPglite } from '../../src/platform/db/pglite.ts';
import { runCommand, spawnCommand } from '../support/cli.ts';
import { testDatabase } from '../support/database.ts';
import { aCatalogue, aService } from '../support/factories.ts';

const serverUrl = process.env['TEST_DATABASE_URL'];
let dir: string;
/** The source database's environment for the commands, and the target's. */
let source: Record<string, string>;
let target: Record<string, string>;
const cleanups: Array<() => Promise<void>> = [];

/** Fills a database as the portal would: a catalogue, audit entries sealed into a checkpoint, one more not yet sealed. */
async function fill(db: Database): Promise<void> {
  const services = await buildServices(loadConfig({ NODE_ENV: 'test', DATA_DIR: ':memory:' }), { db });
  const imported = await services.catalogue.importRecords(aCatalogue({ services: [aService(), aService({ id: 'second-service', identifier: '01/02' })] }), 'test');
  expect(imported.ok).toBe(true);
  const entry = (subject: string) => ({ at: new Date(), action: 'BACKUP_TEST', outcome: 'done' as const, channel: 'system' as const, actorPersonId: null, actingFor: null, subject, detail: { text: 'резервна копія' } });
  for (const subject of ['one', 'two', 'three']) {
    await db.transaction((tx) => appendAudit(tx, entry(subject)));
  }
  await services.auditLog.seal();
  await db.transaction((tx) => appendAudit(tx, entry('after-the-checkpoint')));
}

/** A new, empty database on the test server. */
async function emptyPostgresDatabase(url: string): Promise<string> {
  const name = `portico_restore_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const again = new pg.Client({ connectionString: url });
    await again.connect();
    await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await again.end();
  });
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portico-backup-test-'));
  const quiet = { LOG_LEVEL: 'silent' };
  if (serverUrl) {
    const database = await testDatabase();
    cleanups.push(database.drop);
    await fill(database.db);
    source = { ...quiet, DATABASE_URL: database.url ?? '' };
    target = { ...quiet, DATABASE_URL: await emptyPostgresDatabase(serverUrl) };
  } else {
    const db = await openPglite(join(dir, 'source'));
    try {
      await fill(db);
    } finally {
      await db.close();
    }
    source = { ...quiet, DATABASE_URL: '', DATA_DIR: join(dir, 'source') };
    target = { ...quiet, DATABASE_URL: '', DATA_DIR: join(dir, 'copy') };
  }
}, 180_000);
afterAll(async () => {
  for (const cleanup of cleanups) {
    await cleanup();
  }
  rmSync(dir, { recursive: true, force: true });
});

describe(`npm run backup and npm run restore (${serverUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
  const file = () => join(dir, 'portico.backup');

  it('backs up, restores into an empty database and verifies the copy: audit:verify and the catalogue export agree', async () => {
    const made = await runCommand(backup, ['--out', file()], source);
    expect([made.code, made.stderr]).toEqual([0, '']);
    expect(made.stdout).toMatch(/^Backed up the (PostgreSQL|embedded) database to .*portico\.backup \(\d+ bytes\): \d+ migrations, the audit log's checkpoint of 3 entries \(.*\), 2 catalogue services\.\n$/);
    expect((await runCommand(backup, ['--out', file()], source)).stderr).toContain('exists already');

    const restored = await runCommand(restore, ['--from', file()], target);
    expect([restored.code, restored.stderr]).toEqual([0, '']);
    expect(restored.stdout).toContain('Verified:');
    expect(restored.stdout).toMatch(/migrations: the \d+ of the backup, last \d{8}T\d{4}_/);
    expect(restored.stdout).toContain('catalogue: 2 services, 1 organisations, 1 centres, 1 events, its export identical to the backup\'s');
    expect(restored.stdout).toMatch(/audit log: intact, 3 entries in the backup's latest checkpoint .*, 1 not sealed yet/);

    const verified = await runCommand(auditVerify, [], target);
    expect([verified.code, verified.stdout]).toEqual([0, expect.stringMatching(/^The audit log is intact: 3 entries in the checkpoint of .*, 1 not sealed yet\.\n$/) as unknown]);
    const exported = await runCommand(catalogueExport, [], source);
    const copied = await runCommand(catalogueExport, [], target);
    expect(JSON.parse(copied.stdout)).toEqual(JSON.parse(exported.stdout));
    expect((JSON.parse(copied.stdout) as { services: unknown[] }).services).toHaveLength(2);
  }, 180_000);

  it('refuses a target that is not empty unless told, and with --force replaces it', async () => {
    const refused = await runCommand(restore, ['--from', file()], target);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^Restore refused: .* is not empty.*nothing was changed\. .*--force/);
    const replaced = await runCommand(restore, ['--from', file(), '--force'], target);
    expect([replaced.code, replaced.stderr]).toEqual([0, '']);
    expect(replaced.stdout).toMatch(serverUrl ? /tables, views and sequences replaced/ : /moved to .*copy\.replaced-/);
    expect(replaced.stdout).toContain('Verified:');
  }, 180_000);

  it('fails the verification when the copy is not what the backup says it holds', async () => {
    // The same dump with a manifest that claims another catalogue: the copy's export no longer matches it.
    const work = await mkdtemp(join(dir, 'forged-'));
    await extract({ file: file(), cwd: work });
    const manifest = JSON.parse(readFileSync(join(work, 'manifest.json'), 'utf8')) as { catalogue: { sha256: string } };
    manifest.catalogue.sha256 = '0'.repeat(64);
    writeFileSync(join(work, 'manifest.json'), JSON.stringify(manifest));
    const forged = join(dir, 'forged.backup');
    await create({ file: forged, cwd: work }, ['manifest.json', serverUrl ? 'database.pgdump' : 'pglite-data.tar.gz']);
    const result = await runCommand(restore, ['--from', forged, '--force'], target);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Verification failed: the copy differs from the backup:\n {2}- the catalogue differs from the backup's: 2 services.*, export SHA-256 .* against 0000000000000000…\n$/);
  }, 180_000);

  it('refuses a backup of the other kind of database, and a file that is not a backup', async () => {
    const other = serverUrl ? { DATABASE_URL: '', DATA_DIR: join(dir, 'elsewhere') } : { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
    const wrongKind = await runCommand(restore, ['--from', file()], { LOG_LEVEL: 'silent', ...other });
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toContain(serverUrl ? 'is a backup of a PostgreSQL database: set DATABASE_URL' : 'is a backup of an embedded (PGlite) database: unset DATABASE_URL');
    writeFileSync(join(dir, 'not-a-backup'), 'hello');
    const notBackup = await runCommand(restore, ['--from', join(dir, 'not-a-backup')], target);
    expect([notBackup.code, notBackup.stderr]).toEqual([2, expect.stringContaining('cannot be restored') as unknown]);
  });
});

describe('each command runs as npm runs it (node --import tsx src/cli/…)', () => {
  it('backup and restore say how to use them when given no file', async () => {
    const [b, r] = await Promise.all([spawnCommand('backup', []), spawnCommand('restore', [])]);
    expect([b.code, b.stderr]).toEqual([2, 'usage: npm run backup -- --out FILE\n']);
    expect([r.code, r.stderr]).toEqual([2, 'usage: npm run restore -- --from FILE [--force]\n']);
  }, 180_000);
});
