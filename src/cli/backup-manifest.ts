/**
 * What a backup says about the database it holds, read in the same state as the dump: the migrations
 * applied, the audit log's latest signed checkpoint and the catalogue (counts and the SHA-256 of its
 * export). After a restore the same facts are read from the copy and must be equal, and the copy's
 * audit log must verify against the backup's checkpoint.
 */
import { createHash } from 'node:crypto';

import { systemClock } from '../kernel/clock.ts';
import { createCatalogueService } from '../modules/catalogue/index.ts';
import { auditLogRepository } from '../platform/audit/audit-log.repository.ts';
import { type Checkpoint, parseCheckpoint } from '../platform/audit/checkpoint.ts';
import { verifyAudit } from '../platform/audit/verify.ts';
import { databaseFactsRepository as facts } from '../platform/db/database-facts.repository.ts';
import type { Database, Queryable } from '../platform/db/database.ts';

export const MANIFEST_FORMAT = 'portico-backup/1';
/** The database's file in the archive, beside manifest.json. */
export const PAYLOAD = { postgres: 'database.pgdump', pglite: 'pglite-data.tar.gz' } as const;

export interface DatabaseFacts {
  readonly migrations: readonly string[];
  /** The latest signed checkpoint of the audit log; null before the first. */
  readonly checkpoint: Checkpoint | null;
  readonly catalogue: { readonly services: number; readonly organisations: number; readonly centres: number; readonly events: number; readonly sha256: string };
}

export interface BackupManifest extends DatabaseFacts {
  readonly format: typeof MANIFEST_FORMAT;
  readonly database: 'postgres' | 'pglite';
  readonly createdAt: string;
  /** The server's version (PostgreSQL's `server_version`; PGlite's embedded PostgreSQL). */
  readonly serverVersion: string;
  /** pg_dump's major version (PostgreSQL only): pg_restore must be at least as new. */
  readonly pgDumpMajor: number | null;
}

/** A database whose every statement goes to `tx` (a snapshot transaction the services read in). */
export function inTransaction(db: Database, tx: Queryable): Database {
  return { ...db, query: (sql, params) => tx.query(sql, params), transaction: (work) => work(tx) };
}

/** The facts of `db` now (the caller's snapshot, on PostgreSQL). */
export async function readFacts(db: Database): Promise<DatabaseFacts> {
  const catalogue = createCatalogueService({ db, clock: systemClock, publicUrl: 'http://backup.invalid', writers: 'local' });
  const records = await catalogue.exportRecords();
  return {
    migrations: await facts.migrations(db),
    checkpoint: await auditLogRepository.latestCheckpoint(db),
    catalogue: {
      services: records.services.length, organisations: records.organisations.length, centres: records.centres.length, events: records.events.length,
      sha256: createHash('sha256').update(JSON.stringify(records)).digest('hex'),
    },
  };
}

/** The manifest as written, or why it cannot be read. */
export function parseManifest(text: string): { ok: true; manifest: BackupManifest } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'its manifest.json is not JSON' };
  }
  const m = value as Partial<BackupManifest> | null;
  if (m === null || typeof m !== 'object' || m.format !== MANIFEST_FORMAT) {
    return { ok: false, reason: `its manifest.json is not of the format ${MANIFEST_FORMAT}` };
  }
  if ((m.database !== 'postgres' && m.database !== 'pglite') || !Array.isArray(m.migrations) || typeof m.catalogue?.sha256 !== 'string') {
    return { ok: false, reason: 'its manifest.json lacks the database kind, the migrations or the catalogue' };
  }
  if (m.checkpoint !== null && (m.checkpoint === undefined || !parseCheckpoint(JSON.stringify(m.checkpoint)).ok)) {
    return { ok: false, reason: 'its manifest.json has no readable audit checkpoint' };
  }
  return { ok: true, manifest: m as BackupManifest };
}

const countsOf = (c: DatabaseFacts['catalogue']) => `${c.services} services, ${c.organisations} organisations, ${c.centres} centres, ${c.events} events`;

/**
 * Checks a restored copy against its backup's manifest: the same migrations, the same catalogue, and
 * an audit log that verifies under `publicKey` and still holds the backup's latest checkpoint (the
 * copy's latest checkpoint is that one). Answers what was checked, or every difference found.
 */
export async function verifyCopy(db: Database, manifest: BackupManifest, publicKey: string): Promise<{ ok: true; report: string[] } | { ok: false; problems: string[] }> {
  const copy = await readFacts(db);
  const problems: string[] = [];
  const report: string[] = [];
  if (JSON.stringify(copy.migrations) === JSON.stringify(manifest.migrations)) {
    report.push(`migrations: the ${copy.migrations.length} of the backup, last ${copy.migrations.at(-1) ?? 'none'}`);
  } else {
    const missing = manifest.migrations.filter((m) => !copy.migrations.includes(m));
    const extra = copy.migrations.filter((m) => !manifest.migrations.includes(m));
    problems.push(`the migrations differ from the backup's (missing: ${missing.join(', ') || 'none'}; not in the backup: ${extra.join(', ') || 'none'})`);
  }
  if (copy.catalogue.sha256 === manifest.catalogue.sha256) {
    report.push(`catalogue: ${countsOf(copy.catalogue)}, its export identical to the backup's (SHA-256 ${copy.catalogue.sha256.slice(0, 16)}…)`);
  } else {
    problems.push(`the catalogue differs from the backup's: ${countsOf(copy.catalogue)} against ${countsOf(manifest.catalogue)}, export SHA-256 ${copy.catalogue.sha256.slice(0, 16)}… against ${manifest.catalogue.sha256.slice(0, 16)}…`);
  }
  const witness = manifest.checkpoint;
  const verdict = await verifyAudit(db, { publicKey, ...(witness === null ? {} : { witness }) });
  if (!verdict.ok) {
    problems.push(`the audit log does not verify at ${verdict.id}: ${verdict.reason}`);
  } else if ((verdict.latest?.rootHash ?? null) !== (witness?.rootHash ?? null)) {
    problems.push(`the audit log's latest checkpoint (${verdict.latest?.treeSize ?? 0} entries) is not the backup's (${witness?.treeSize ?? 0} entries)`);
  } else {
    report.push(`audit log: intact, ${verdict.count} entries in ${witness === null ? 'no checkpoint yet' : `the backup's latest checkpoint (${witness.signedAt}, root ${witness.rootHash.slice(0, 16)}…)`}, ${verdict.unsealed} not sealed yet`);
  }
  return problems.length === 0 ? { ok: true, report } : { ok: false, problems };
}
