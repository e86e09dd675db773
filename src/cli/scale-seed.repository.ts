/**
 * The SQL of `seed:scale`: what the database holds already, and rows written in bulk — with COPY on
 * PostgreSQL (pg-copy-streams, one transaction), with multi-row INSERTs on embedded PGlite.
 */
import { once } from 'node:events';

import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import type { Queryable, Row } from '../platform/db/database.ts';
import { type Cell, type RowOf, SCALE_COLUMNS, type ScaleService, type ScaleTable } from './scale-rows.ts';

/** Writes rows to a table; `done` ends the seed's transaction. */
export interface BulkWriter {
  write(table: ScaleTable, rows: Iterable<RowOf>): Promise<void>;
  query: Queryable['query'];
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

export const scaleSeedRepository = {
  /** How many cases the database holds (the seed fills only a database with none). */
  async caseCount(db: Queryable): Promise<number> {
    const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM (SELECT 1 FROM cases LIMIT 1) s');
    return row?.n ?? 0;
  },

  /** The catalogue's services, the cases' services, with their statutory terms. */
  async services(db: Queryable): Promise<ScaleService[]> {
    const rows = await db.query<{ id: string; version: number; organisation_id: string; days: number | null; unit: string | null }>(
      "SELECT id, version, organisation_id, (data->'deadline'->>'days')::int AS days, data->'deadline'->>'unit' AS unit FROM services ORDER BY popularity DESC, id",
    );
    return rows.map((r) => ({
      id: r.id, version: Number(r.version), organisationId: r.organisation_id,
      term: r.days !== null && (r.unit === 'calendar' || r.unit === 'working') ? { days: Number(r.days), unit: r.unit } : null,
    }));
  },

  /** Reserves `count` case numbers from the sequence the portal numbers cases with; answers the first. */
  async reserveNumbers(db: Queryable, count: number): Promise<number> {
    const [row] = await db.query<{ first: string }>("SELECT nextval('case_numbers')::text AS first");
    const first = Number(row?.first ?? '1');
    await db.query("SELECT setval('case_numbers', $1::bigint)", [first + count]);
    return first;
  },

  /**
   * Drops the indexes of `tables` that back no constraint, answering their definitions, so that a
   * bulk load writes the rows first and builds each index once after (PostgreSQL's advice for
   * populating a database). Inside the seed's transaction: no one sees the tables without them.
   */
  async dropSecondaryIndexes(db: Queryable, tables: readonly string[]): Promise<string[]> {
    const rows = await db.query<{ name: string; def: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
       WHERE t.relname = ANY($1::text[]) AND t.relnamespace = 'public'::regnamespace
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
       ORDER BY 1`,
      [tables],
    );
    for (const r of rows) {
      await db.query(`DROP INDEX ${r.name}`);
    }
    return rows.map((r) => r.def);
  },

  /** Builds indexes from their definitions (as `dropSecondaryIndexes` answered them). */
  async createIndexes(db: Queryable, definitions: readonly string[]): Promise<void> {
    await db.query("SET LOCAL maintenance_work_mem = '256MB'");
    for (const def of definitions) {
      await db.query(def);
    }
  },

  /** Refreshes the planner's statistics of the tables written. */
  async analyse(db: Queryable): Promise<void> {
    await db.query(`ANALYZE ${Object.keys(SCALE_COLUMNS).join(', ')}`);
  },
};

/** A cell in COPY's text format. */
function copyCell(v: Cell): string {
  if (v === null) {
    return '\\N';
  }
  if (v instanceof Date) {
    return v.toISOString();
  }
  if (Buffer.isBuffer(v)) {
    return `\\\\x${v.toString('hex')}`;
  }
  if (typeof v === 'boolean') {
    return v ? 't' : 'f';
  }
  return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** COPY … FROM STDIN on one PostgreSQL connection, inside one transaction: all of the seed, or none of it. */
export async function copyWriter(url: string): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  return {
    async write(table, rows) {
      const stream = client.query(copyFrom(`COPY ${table} (${SCALE_COLUMNS[table].join(', ')}) FROM STDIN`));
      const finished = new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
      });
      let chunk: string[] = [];
      for (const row of rows) {
        chunk.push(`${row.map(copyCell).join('\t')}\n`);
        if (chunk.length >= 2000) {
          if (!stream.write(chunk.join(''))) {
            await Promise.race([once(stream, 'drain'), finished]);
          }
          chunk = [];
        }
      }
      stream.end(chunk.join(''));
      await finished;
    },
    query: async <T extends Row = Row>(sql: string, params?: readonly unknown[]) => (await client.query<T>(sql, params as unknown[])).rows,
    async commit() {
      await client.query('COMMIT');
      await client.end();
    },
    async rollback() {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    },
  };
}

/** Multi-row INSERTs through the database port (embedded PGlite), inside the transaction `tx` runs in. */
export function insertWriter(tx: Queryable): Omit<BulkWriter, 'commit' | 'rollback'> {
  return {
    async write(table, rows) {
      const columns = SCALE_COLUMNS[table];
      const perStatement = Math.floor(6000 / columns.length);
      let batch: RowOf[] = [];
      const flush = async () => {
        if (batch.length === 0) {
          return;
        }
        const values = batch.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
        await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, batch.flat());
        batch = [];
      };
      for (const row of rows) {
        batch.push(row);
        if (batch.length >= perStatement) {
          await flush();
        }
      }
      await flush();
    },
    query: (sql, params) => tx.query(sql, params),
  };
}
