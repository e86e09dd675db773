/**
 * Restores a backup made by `npm run backup` into the configured database, then verifies the copy:
 *   npm run restore -- --from FILE [--force]
 * The target is DATABASE_URL (a PostgreSQL database, restored in one transaction) or DATA_DIR (the
 * embedded database's folder). It must be empty: a database with no tables, or a folder that does not
 * exist or is empty. `--force` replaces what is there: the PostgreSQL schema `public` is dropped in the
 * restoring transaction; an embedded data folder is moved aside to `<DATA_DIR>.replaced-<time>`.
 * The copy is then checked against the backup's manifest: the same migrations, the catalogue's export
 * identical, and the audit log intact up to the backup's latest signed checkpoint (under the key of
 * AUDIT_SIGNING_KEY). The portal applies any newer migrations of its own when it next starts.
 * Exit codes: 0 restored and verified; 1 the restore or its verification failed; 2 usage,
 * configuration or an unreadable backup; 3 the target is not empty (nothing was changed).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { extract } from 'tar';

import type { Config } from '../app/config.ts';
import { MIGRATIONS_DIR } from '../app/container.ts';
import { auditSigningKey } from '../platform/audit/signing-key.ts';
import { databaseFactsRepository as facts } from '../platform/db/database-facts.repository.ts';
import type { Database } from '../platform/db/database.ts';
import { openPglite } from '../platform/db/pglite.ts';
import { openPostgres } from '../platform/db/postgres.ts';
import { type BackupManifest, PAYLOAD, parseManifest, verifyCopy } from './backup-manifest.ts';
import { argValue, type CliIo, cliConfig, runIfScript } from './cli-services.ts';
import { pgRestore, toolMajor } from './pg-tools.ts';

const ENTRIES = new Set(['manifest.json', ...Object.values(PAYLOAD)]);

/** The archive's manifest, unpacked into `work` with its payload; only the entries a backup has are taken. */
async function unpack(file: string, work: string): Promise<{ ok: true; manifest: BackupManifest } | { ok: false; reason: string }> {
  try {
    await extract({ file, cwd: work, strict: true, filter: (path) => ENTRIES.has(path) });
  } catch (error) {
    return { ok: false, reason: `it is not a backup archive (${(error as Error).message})` };
  }
  const text = await readFile(join(work, 'manifest.json'), 'utf8').catch(() => null);
  if (text === null) {
    return { ok: false, reason: 'it has no manifest.json' };
  }
  const parsed = parseManifest(text);
  if (parsed.ok && !existsSync(join(work, PAYLOAD[parsed.manifest.database]))) {
    return { ok: false, reason: `it has no ${PAYLOAD[parsed.manifest.database]}` };
  }
  return parsed;
}

type Outcome = { code: number; message: string } | { code: 0; db: Database; target: string; note: string };

async function restorePostgres(config: Config & { databaseUrl: string }, manifest: BackupManifest, dump: string, force: boolean): Promise<Outcome> {
  const target = new URL(config.databaseUrl).pathname.slice(1);
  const tool = await toolMajor(config.pgBinDir, 'pg_restore');
  if (!tool.ok || tool.major < (manifest.pgDumpMajor ?? 0)) {
    return { code: 1, message: `Restore failed: ${tool.ok ? `pg_restore ${tool.major} cannot read a dump of pg_dump ${manifest.pgDumpMajor}; set PG_BIN_DIR to newer tools` : tool.reason}; nothing was changed.` };
  }
  const db = openPostgres(config.databaseUrl, 2);
  try {
    const relations = await facts.userRelations(db);
    if (relations > 0 && !force) {
      await db.close();
      return { code: 3, message: `Restore refused: the database ${target} is not empty (${relations} tables, views or sequences); nothing was changed. Restore into an empty database, or pass --force to replace everything in its schema public.` };
    }
    await pgRestore(config.pgBinDir, config.databaseUrl, dump, force ? 'DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n' : 'CREATE SCHEMA IF NOT EXISTS public;\n');
    return { code: 0, db, target: `the PostgreSQL database ${target}`, note: relations > 0 ? ` (its ${relations} tables, views and sequences replaced)` : '' };
  } catch (error) {
    await db.close();
    throw error;
  }
}

async function restorePglite(dataDir: string, archive: string, force: boolean): Promise<Outcome> {
  const present = existsSync(dataDir) ? await readdir(dataDir) : [];
  let note = '';
  if (present.length > 0) {
    if (!force) {
      return { code: 3, message: `Restore refused: ${dataDir} is not empty; nothing was changed. Restore into a new DATA_DIR, or pass --force to move the present one aside.` };
    }
    const aside = `${dataDir}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(dataDir, aside);
    note = ` (the data folder that was there moved to ${aside})`;
  }
  const tarball = new Blob([new Uint8Array(await readFile(archive))], { type: 'application/x-gzip' });
  await (await openPglite(dataDir, tarball)).close();
  return { code: 0, db: await openPglite(dataDir), target: `the embedded database in ${dataDir}`, note };
}

/** Migrations of this portal's code the copy lacks (the portal applies them when it starts), and the copy's it does not know. */
async function againstCode(migrations: readonly string[]): Promise<string> {
  const known = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql'));
  const ahead = known.filter((m) => !migrations.includes(m));
  const unknown = migrations.filter((m) => !known.includes(m));
  return [
    ahead.length > 0 ? `\nThis portal has ${ahead.length} newer migration(s); it applies them when it starts.` : '',
    unknown.length > 0 ? `\nWarning: this portal's code does not know ${unknown.length} migration(s) of the backup (${unknown.join(', ')}): run the release that made it.` : '',
  ].join('');
}

export async function restore(args: readonly string[], io: CliIo): Promise<number> {
  const from = argValue(args, '--from');
  if (from === undefined || from.startsWith('--')) {
    io.err('usage: npm run restore -- --from FILE [--force]\n');
    return 2;
  }
  const config = cliConfig(io);
  if (config === null) {
    return 2;
  }
  const work = await mkdtemp(join(tmpdir(), 'portico-restore-'));
  try {
    const unpacked = existsSync(from) ? await unpack(from, work) : { ok: false as const, reason: 'it does not exist' };
    if (!unpacked.ok) {
      io.err(`Restore refused: ${from} cannot be restored: ${unpacked.reason}; nothing was changed.\n`);
      return 2;
    }
    const manifest = unpacked.manifest;
    const { databaseUrl, dataDir } = config;
    if ((manifest.database === 'postgres') !== (databaseUrl !== null) || (databaseUrl === null && dataDir === null)) {
      const wanted = manifest.database === 'postgres' ? 'set DATABASE_URL to the target PostgreSQL database' : 'unset DATABASE_URL and set DATA_DIR to the target folder';
      io.err(`Restore refused: ${from} is a backup of ${manifest.database === 'postgres' ? 'a PostgreSQL' : 'an embedded (PGlite)'} database: ${wanted}; nothing was changed.\n`);
      return 2;
    }
    const payload = join(work, PAYLOAD[manifest.database]);
    const force = args.includes('--force');
    const outcome = databaseUrl !== null ? await restorePostgres({ ...config, databaseUrl }, manifest, payload, force) : await restorePglite(dataDir ?? '', payload, force);
    if (!('db' in outcome)) {
      io.err(`${outcome.message}\n`);
      return outcome.code;
    }
    try {
      io.out(`Restored ${from} (${manifest.database}, made ${manifest.createdAt}) into ${outcome.target}${outcome.note}.\n`);
      const verdict = await verifyCopy(outcome.db, manifest, auditSigningKey(config.audit.signingSecret).publicKey);
      if (!verdict.ok) {
        io.err(`Verification failed: the copy differs from the backup:\n${verdict.problems.map((p) => `  - ${p}`).join('\n')}\n`);
        return 1;
      }
      io.out(`Verified:\n${verdict.report.map((r) => `  - ${r}`).join('\n')}${await againstCode(manifest.migrations)}\n`);
      return 0;
    } finally {
      await outcome.db.close();
    }
  } catch (error) {
    io.err(`Restore failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await runIfScript(import.meta, restore);
