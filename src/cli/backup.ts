/**
 * Backs up the configured database into one file:
 *   npm run backup -- --out FILE
 * FILE is a tar archive of `manifest.json` (the migrations, the audit log's latest signed checkpoint,
 * the catalogue's counts and SHA-256) and the database: `database.pgdump` (pg_dump's custom format)
 * on PostgreSQL, `pglite-data.tar.gz` (the data directory) on PGlite. On PostgreSQL the manifest and
 * the dump are read from one snapshot while the portal keeps running; stop the portal first when it
 * runs on the embedded database. An existing FILE is never overwritten.
 * Exit codes: 0 written; 1 the backup failed (nothing is left at FILE); 2 usage or configuration.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { create } from 'tar';

import type { Config } from '../app/config.ts';
import { databaseFactsRepository as facts } from '../platform/db/database-facts.repository.ts';
import { openPglite } from '../platform/db/pglite.ts';
import { openPostgres } from '../platform/db/postgres.ts';
import { type BackupManifest, type DatabaseFacts, inTransaction, MANIFEST_FORMAT, PAYLOAD, readFacts } from './backup-manifest.ts';
import { argValue, type CliIo, cliConfig, runIfScript } from './cli-services.ts';
import { pgDump, toolMajor } from './pg-tools.ts';

type Written = { manifest: BackupManifest; payload: string };

async function backupPostgres(config: Config & { databaseUrl: string }, work: string, io: CliIo): Promise<Written | null> {
  const db = openPostgres(config.databaseUrl, 2);
  try {
    const server = await facts.serverVersion(db);
    const tool = await toolMajor(config.pgBinDir, 'pg_dump');
    if (!tool.ok || tool.major < Math.floor(server.num / 10_000)) {
      io.err(`Backup failed: ${tool.ok ? `pg_dump ${tool.major} cannot dump a PostgreSQL ${server.text} server; set PG_BIN_DIR to the folder of pg_dump ${Math.floor(server.num / 10_000)} or newer` : tool.reason}.\n`);
      return null;
    }
    const file = join(work, PAYLOAD.postgres);
    // The manifest is read in the transaction whose snapshot pg_dump dumps: both see the same state.
    const read: DatabaseFacts = await db.transaction(async (tx) => {
      const snapshot = await facts.exportSnapshot(tx);
      const state = await readFacts(inTransaction(db, tx));
      await pgDump(config.pgBinDir, config.databaseUrl, snapshot, file);
      return state;
    });
    return { payload: PAYLOAD.postgres, manifest: { format: MANIFEST_FORMAT, database: 'postgres', createdAt: new Date().toISOString(), serverVersion: server.text, pgDumpMajor: tool.major, ...read } };
  } finally {
    await db.close();
  }
}

async function backupPglite(dataDir: string, work: string): Promise<Written> {
  const db = await openPglite(dataDir);
  try {
    const read = await readFacts(db);
    const server = await facts.serverVersion(db);
    await writeFile(join(work, PAYLOAD.pglite), new Uint8Array(await (await db.dump('gzip')).arrayBuffer()));
    return { payload: PAYLOAD.pglite, manifest: { format: MANIFEST_FORMAT, database: 'pglite', createdAt: new Date().toISOString(), serverVersion: server.text, pgDumpMajor: null, ...read } };
  } finally {
    await db.close();
  }
}

export async function backup(args: readonly string[], io: CliIo): Promise<number> {
  const out = argValue(args, '--out');
  if (out === undefined || out.startsWith('--')) {
    io.err('usage: npm run backup -- --out FILE\n');
    return 2;
  }
  if (existsSync(out)) {
    io.err(`Backup refused: ${out} exists already; name a new file.\n`);
    return 2;
  }
  const config = cliConfig(io);
  if (config === null) {
    return 2;
  }
  const { databaseUrl, dataDir } = config;
  if (databaseUrl === null && (dataDir === null || !existsSync(join(dataDir, 'PG_VERSION')))) {
    io.err(`Backup refused: there is no embedded database at ${dataDir ?? 'DATA_DIR=:memory:'} (set DATABASE_URL, or DATA_DIR to the portal's data directory).\n`);
    return 2;
  }
  const work = await mkdtemp(join(tmpdir(), 'portico-backup-'));
  const partial = `${out}.partial-${process.pid}`;
  try {
    const written = databaseUrl === null ? await backupPglite(dataDir ?? '', work) : await backupPostgres({ ...config, databaseUrl }, work, io);
    if (written === null) {
      return 1;
    }
    await writeFile(join(work, 'manifest.json'), `${JSON.stringify(written.manifest, null, 2)}\n`);
    await create({ file: partial, cwd: work, portable: true }, ['manifest.json', written.payload]);
    await rename(partial, out);
    const m = written.manifest;
    const audit = m.checkpoint === null ? 'no audit checkpoint yet' : `the audit log's checkpoint of ${m.checkpoint.treeSize} entries (${m.checkpoint.signedAt})`;
    io.out(`Backed up the ${m.database === 'postgres' ? 'PostgreSQL' : 'embedded'} database to ${out} (${(await stat(out)).size} bytes): ${m.migrations.length} migrations, ${audit}, ${m.catalogue.services} catalogue services.\n`);
    return 0;
  } catch (error) {
    io.err(`Backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await rm(partial, { force: true });
    await rm(work, { recursive: true, force: true });
  }
}

await runIfScript(import.meta, backup);
