/**
 * The one database builder of the tests. The migrations run once per run (global-setup.ts), into a
 * template; every test file then starts from a copy of it:
 *
 * - embedded PGlite (the default): a data directory migrated once and dumped to a tarball in the
 *   system's temporary folder, loaded into memory by each worker; the files a worker runs one after
 *   another share that instance, put back to the template between them (pglite-spare.ts);
 * - PostgreSQL (TEST_DATABASE_URL): a template database migrated once; each test file gets
 *   `CREATE DATABASE … TEMPLATE` of it and drops it at the end.
 *
 * A template is named by a hash of the migration files (and of the PGlite version), so checkouts at
 * different migrations never share one, and checkouts at the same migrations share it safely: the
 * PostgreSQL template is built under an advisory lock and renamed into place when complete; the
 * PGlite tarball is written to a temporary name and renamed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

import { MIGRATIONS_DIR } from '../../src/app/container.ts';
import type { Database, Queryable, Row } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { openPglite, type PgliteOptions } from '../../src/platform/db/pglite.ts';
import { openPostgresPool } from '../../src/platform/db/postgres.ts';

import { leasePglite } from './pglite-spare.ts';

/** Serialises template builds on a PostgreSQL server shared by several checkouts. */
const TEMPLATE_LOCK = 7_401_900;

export interface TestDatabase {
  readonly db: Database;
  /** This test's database on the server (for a second pool or a child process); null on PGlite. */
  readonly url: string | null;
  /**
   * Lets a starved pool open up to `extra` more connections until the returned function puts the
   * limit back (a pool whose every connection is held by a transaction waiting for one more never
   * recovers by itself, so such a test fails cleanly instead of hanging); null on PGlite.
   */
  readonly unstick: (extra?: number) => Promise<(() => void) | null>;
  /**
   * Limits how many statements may run from now on (null: no limit); past it every statement
   * throws. A job that loops for ever on embedded PGlite never lets a timer fire (each statement
   * resolves without returning to the event loop), so a test bounds it by statements instead of time.
   */
  readonly budget: (statements: number | null) => void;
  readonly drop: () => Promise<void>;
}

/** The hash naming this checkout's templates: the migration files, and the PGlite build that reads them (once per process). */
let keyOnce: Promise<string> | null = null;
function templateKey(): Promise<string> {
  keyOnce ??= computeTemplateKey();
  return keyOnce;
}

async function computeTemplateKey(): Promise<string> {
  const hash = createHash('sha256');
  const pglitePackage = new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url);
  const pgliteVersion = (JSON.parse(await readFile(pglitePackage, 'utf8')) as { version: string }).version;
  hash.update(`pglite ${pgliteVersion}\n`);
  for (const name of (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort()) {
    hash.update(`${name}\n`).update(await readFile(join(MIGRATIONS_DIR, name))).update('\n');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * A test database holds a few hundred rows: a small buffer pool serves it as well as the default
 * 128 MB and starts in a fraction of the time; new WAL segments are not zero-filled (memory anyway).
 */
export const PGLITE_TEST_OPTIONS: PgliteOptions = { settings: { shared_buffers: '8MB', wal_init_zero: 'off' } };

/** The template's bytes, read once per process (a worker runs many test files). */
const templateBytes = new Map<string, Promise<Uint8Array>>();
function pgliteTemplate(path: string): Promise<Uint8Array> {
  let bytes = templateBytes.get(path);
  if (!bytes) {
    bytes = readFile(path).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
    templateBytes.set(path, bytes);
    void bytes.catch(() => templateBytes.delete(path));
  }
  return bytes;
}

const pgliteTemplatePath = (key: string) => join(tmpdir(), 'portico-test-templates', `pglite-${key}.tar`);
const postgresTemplateName = (key: string) => `portico_template_${key}`;
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

function onDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withServer<T>(serverUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** Builds this run's template unless it exists (vitest's globalSetup calls it once per run). */
export async function buildTemplate(): Promise<void> {
  const key = await templateKey();
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (serverUrl) {
    await buildPostgresTemplate(serverUrl, postgresTemplateName(key));
  } else {
    await buildPgliteTemplate(pgliteTemplatePath(key));
  }
}

async function buildPgliteTemplate(path: string): Promise<void> {
  if (await stat(path).then((s) => s.size > 0, () => false)) {
    return;
  }
  const db = await openPglite(null);
  try {
    await migrate(db, MIGRATIONS_DIR);
    // Checkpointed, so a copy starts without replaying the migrations' WAL.
    await db.exec('CHECKPOINT');
    const tarball = await db.dump();
    await mkdir(join(path, '..'), { recursive: true });
    const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(partial, new Uint8Array(await tarball.arrayBuffer()));
    await rename(partial, path);
  } finally {
    await db.close();
  }
}

async function buildPostgresTemplate(serverUrl: string, name: string): Promise<void> {
  await withServer(serverUrl, async (admin) => {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount !== 0) {
        return;
      }
      // Built under another name and renamed when complete: a template never exists half-migrated.
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${quoted(building)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${quoted(building)}`);
      // Two connections: the migration lock holds one while the migrations run on the other.
      const { db } = openPostgresPool(onDatabase(serverUrl, building), 2);
      try {
        await migrate(db, MIGRATIONS_DIR);
      } finally {
        await db.close();
      }
      await admin.query(`ALTER DATABASE ${quoted(building)} RENAME TO ${quoted(name)}`);
      await admin.query(`ALTER DATABASE ${quoted(name)} IS_TEMPLATE true`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
}

/** The database with a statement budget (see `TestDatabase.budget`). */
function budgeted(inner: Database): { db: Database; budget: (statements: number | null) => void } {
  let left: number | null = null;
  const spend = () => {
    if (left !== null && --left < 0) {
      throw new Error('the statement budget of this test is spent');
    }
  };
  const wrap = (q: Queryable): Queryable => ({
    async query<T extends Row>(sql: string, params?: readonly unknown[]) {
      spend();
      return q.query<T>(sql, params);
    },
  });
  const db: Database = {
    kind: inner.kind,
    query: (sql, params) => wrap(inner).query(sql, params),
    transaction: (work) => inner.transaction((tx) => work(wrap(tx))),
    exec: (sql) => inner.exec(sql),
    withLock: (key, work) => inner.withLock(key, work),
    close: () => inner.close(),
    ...(inner.poolStats ? { poolStats: inner.poolStats.bind(inner) } : {}),
  };
  return { db, budget: (statements) => (left = statements) };
}

/**
 * The run's PGlite template as a tarball's bytes (read once per process). Built by global-setup.ts;
 * built here too if missing (a run the global setup did not start).
 */
export async function pgliteTemplateBytes(): Promise<Uint8Array> {
  const path = pgliteTemplatePath(await templateKey());
  await buildPgliteTemplate(path);
  return pgliteTemplate(path);
}

/**
 * A migrated database of the test's own: a copy of the run's template, in memory on PGlite, or a new
 * database on the PostgreSQL server named by TEST_DATABASE_URL (a pool of `poolSize` connections).
 */
export async function testDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  const key = await templateKey();
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) {
    const lease = await leasePglite(async () => openPglite(null, await pgliteTemplateBytes(), PGLITE_TEST_OPTIONS));
    const { db, budget } = budgeted(lease.db);
    return { db, url: null, unstick: async () => null, budget, drop: lease.release };
  }
  await buildPostgresTemplate(serverUrl, postgresTemplateName(key));
  return postgresDatabase(serverUrl, postgresTemplateName(key), options.poolSize ?? 5);
}

/**
 * A migrated embedded database in `dir`, on disk, for a child process to open (a copy of the run's
 * PGlite template). Closed on return: one process at a time holds a data directory.
 */
export async function testDataDir(dir: string): Promise<void> {
  const db = await openPglite(dir, await pgliteTemplateBytes());
  await db.close();
}

async function postgresDatabase(serverUrl: string, template: string, poolSize: number): Promise<TestDatabase> {
  const name = `portico_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await withServer(serverUrl, (admin) => admin.query(`CREATE DATABASE ${quoted(name)} TEMPLATE ${quoted(template)}`));
  const url = onDatabase(serverUrl, name);
  const { db: inner, pool } = openPostgresPool(url, poolSize);
  const { db, budget } = budgeted(inner);
  await db.query('SELECT 1');
  return {
    db, url, budget,
    async unstick(extra = 50) {
      pool.options.max += extra;
      // The pool serves one waiting request each time a client is released: release as many as wait.
      for (let round = 0; round < 10 && pool.waitingCount > 0; round++) {
        await Promise.all(Array.from({ length: pool.waitingCount }, () => pool.query('SELECT 1')));
      }
      return () => {
        pool.options.max = poolSize;
      };
    },
    drop: async () => {
      // The test may have closed its pool already; FORCE ends whatever connection is left.
      await db.close().catch(() => undefined);
      await withServer(serverUrl, (admin) => admin.query(`DROP DATABASE ${quoted(name)} WITH (FORCE)`));
    },
  };
}
