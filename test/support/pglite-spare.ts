/**
 * One embedded database kept per test process and put back to the template between the test files
 * that share the process (`isolate: false` in vitest.config.ts), instead of a new PGlite instance per
 * file: opening one from the template costs about half a CPU-second (the engine's memory and the
 * 45 MB data directory copied in, then garbage collected), a reset a tenth of that.
 *
 * A reset empties every table (DELETE, triggers off: a TRUNCATE of every table costs several times
 * more, a new file per table and index), writes back the few rows the migrations left, restarts
 * every sequence, drops planner statistics and ends what the session may hold (settings, advisory
 * locks, LISTEN, temporary tables). It then compares the schema with the template's: a file that
 * changed the schema (a trigger to fault a statement, a table of its own) leaves an instance that is
 * closed instead, and the next file opens a new one. A file holds its database through a lease: once
 * released, every statement sent through it fails, so work a file left running cannot reach the next
 * file's data. `TEST_PGLITE_REUSE=0` opens a new instance for every file.
 */
import { within } from '../../src/kernel/within.ts';
import type { Database, Queryable, Row } from '../../src/platform/db/database.ts';

/** The schema's description, compared after each reset with the template's. */
const SCHEMA_FINGERPRINT = `SELECT md5(string_agg(x, ',' ORDER BY x)) AS fingerprint FROM (
    SELECT concat('n', n.oid, n.nspname) AS x FROM pg_namespace n
  UNION ALL
    SELECT concat('c', c.oid, c.relname, c.relkind, c.relnamespace) FROM pg_class c
    WHERE c.relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
  UNION ALL
    SELECT concat('a', a.attrelid, a.attname, a.atttypid, a.attnotnull, a.attisdropped, a.atthasdef) FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    WHERE c.relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
  UNION ALL
    SELECT concat('d', d.oid, md5(pg_get_expr(d.adbin, d.adrelid))) FROM pg_attrdef d
  UNION ALL
    SELECT concat('p', p.oid, p.proname, md5(p.prosrc)) FROM pg_proc p
    WHERE p.pronamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
  UNION ALL
    SELECT concat('t', t.oid, t.tgname, t.tgenabled) FROM pg_trigger t
  UNION ALL
    SELECT concat('k', k.oid, k.conname, k.convalidated) FROM pg_constraint k
  UNION ALL
    SELECT concat('r', r.oid, md5(r.ev_action::text)) FROM pg_rewrite r
    JOIN pg_class c ON c.oid = r.ev_class
    WHERE c.relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
  UNION ALL
    SELECT concat('e', e.oid, e.enumlabel) FROM pg_enum e
  UNION ALL
    SELECT concat('x', x.oid, x.extname, x.extversion) FROM pg_extension x
  UNION ALL
    SELECT concat('o', o.oid, o.rolname, o.rolsuper) FROM pg_authid o
  UNION ALL
    SELECT concat('g', s.setdatabase, s.setrole, array_to_string(s.setconfig, ' ')) FROM pg_db_role_setting s
) parts`;

const TABLES = `SELECT format('%I.%I', n.nspname, c.relname) AS name, c.oid::int AS oid FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
  ORDER BY 1`;

const SEQUENCES = `SELECT format('%I.%I', schemaname, sequencename) AS name, last_value::text AS last FROM pg_sequences
  WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`;

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

interface Baseline {
  readonly fingerprint: string;
  /** The statements that put a database of this schema back to the template's rows. */
  readonly resetSql: string;
}

/** The reset of a database as it is now (a copy of the template nothing has touched yet). */
async function baselineOf(db: Database): Promise<Baseline> {
  const [print] = await db.query<{ fingerprint: string }>(SCHEMA_FINGERPRINT);
  const tables = await db.query<{ name: string; oid: number }>(TABLES);
  const refills: string[] = [];
  for (const { name, oid } of tables) {
    const [rows] = await db.query<{ json: string | null }>(`SELECT json_agg(t)::text AS json FROM ${name} t`);
    if (rows?.json === null || rows?.json === undefined) {
      continue;
    }
    const columns = await db.query<{ name: string }>(
      "SELECT format('%I', attname) AS name FROM pg_attribute WHERE attrelid = $1 AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum",
      [oid],
    );
    const list = columns.map((c) => c.name).join(', ');
    refills.push(`INSERT INTO ${name} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${name}, ${quote(rows.json)})`);
  }
  const sequences = await db.query<{ name: string; last: string | null }>(SEQUENCES);
  const restarts = sequences.map((s) => s.last === null ? `ALTER SEQUENCE ${s.name} RESTART` : `SELECT setval(${quote(s.name)}, ${s.last}, true)`);
  const resetSql = [
    // Triggers off (the audit log refuses deletes; foreign keys need no order with every table emptied).
    'SET session_replication_role = replica',
    ...tables.map((t) => `DELETE FROM ${t.name}`),
    ...refills,
    ...restarts,
    "DELETE FROM pg_statistic WHERE starelid IN (SELECT oid FROM pg_class WHERE relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace))",
    'RESET ALL',
    'SELECT pg_advisory_unlock_all()',
    'UNLISTEN *',
    'DISCARD TEMP',
  ].join(';\n');
  return { fingerprint: print?.fingerprint ?? '', resetSql };
}

interface Kept {
  readonly db: Database;
  readonly baseline: Baseline;
}

/** The instance waiting for the next file of this process, reset when taken. */
let kept: Kept | null = null;

/** How long a reset may wait for work a file left in a transaction before the instance is given up. */
const RESET_TIMEOUT_MS = 10_000;

function reset(k: Kept): Promise<boolean> {
  const work = (async () => {
    // Ends a transaction a file left open (a warning only when there is none).
    await k.db.exec('ROLLBACK');
    await k.db.exec(k.baseline.resetSql);
    const [print] = await k.db.query<{ fingerprint: string }>(SCHEMA_FINGERPRINT);
    return print?.fingerprint === k.baseline.fingerprint;
  })().catch(() => false);
  return within(work, RESET_TIMEOUT_MS, false);
}

/** The kept instance put back to the template, or null (none kept, or it could not be). */
async function takeKept(): Promise<Kept | null> {
  const k = kept;
  kept = null;
  if (k === null) {
    return null;
  }
  if (await reset(k)) {
    return k;
  }
  // Closed unless a transaction still holds it (closing would wait on it too): then left to the collector.
  void Promise.race([k.db.close(), new Promise((r) => setTimeout(r, 1_000).unref())]).catch(() => undefined);
  return null;
}

async function openKept(open: () => Promise<Database>, reuse: boolean): Promise<Kept> {
  const db = await open();
  return { db, baseline: reuse ? await baselineOf(db) : { fingerprint: '', resetSql: '' } };
}

export interface PgliteLease {
  readonly db: Database;
  /** Ends the lease: the instance is kept for the next file (or closed when one is kept already). */
  readonly release: () => Promise<void>;
}

/**
 * Kept only in vitest's workers, which end when their files have run: an open instance holds a timer
 * of the engine's (the statistics flush), so a script keeping one must close it (`closeKept`).
 */
const keptInVitest = () => process.env['VITEST'] !== undefined && process.env['TEST_PGLITE_REUSE'] !== '0';

/** Closes the instance kept for a next file, if any. */
export async function closeKept(): Promise<void> {
  const k = kept;
  kept = null;
  await k?.db.close();
}

/** A template database for one test file: the process's kept instance, reset, or a new one from `open`. */
export async function leasePglite(open: () => Promise<Database>, options: { keep?: boolean } = {}): Promise<PgliteLease> {
  const reuse = options.keep ?? keptInVitest();
  const k: Kept = (reuse ? await takeKept() : null) ?? await openKept(open, reuse);
  let live = true;
  const live$ = () => {
    if (!live) {
      throw new Error('this test database was dropped');
    }
  };
  const guard = (q: Queryable): Queryable => ({
    async query<T extends Row>(sql: string, params?: readonly unknown[]) {
      live$();
      return q.query<T>(sql, params);
    },
  });
  const release = async () => {
    if (!live) {
      return;
    }
    live = false;
    if (reuse && kept === null) {
      kept = k;
    } else {
      await k.db.close();
    }
  };
  const db: Database = {
    kind: k.db.kind,
    query: (sql, params) => guard(k.db).query(sql, params),
    transaction: async (work) => {
      live$();
      return k.db.transaction((tx) => work(guard(tx)));
    },
    exec: async (sql) => {
      live$();
      return k.db.exec(sql);
    },
    withLock: async (key, work) => {
      live$();
      return k.db.withLock(key, work);
    },
    close: release,
  };
  return { db, release };
}
