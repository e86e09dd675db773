/**
 * A statement marked `prepared` answers as any other on both databases; on PostgreSQL its connection
 * prepares it once by name and runs it by that name afterwards, in and out of transactions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '../../src/platform/db/database.ts';
import { prepared, preparedName } from '../../src/platform/db/prepared.ts';
import { testDatabase } from '../support/database.ts';

let database: Awaited<ReturnType<typeof testDatabase>>;
let db: Database;

beforeAll(async () => {
  database = await testDatabase({ poolSize: 1 });
  db = database.db;
  await db.exec('CREATE TABLE prepared_probe (n int PRIMARY KEY, label text NOT NULL)');
});
afterAll(async () => {
  await database.drop();
});

const INSERT = prepared('INSERT INTO prepared_probe (n, label) VALUES ($1, $2) RETURNING n, label');
const PREPARED_HERE = 'SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name = $1 AND statement = $2';

describe('prepared statements', () => {
  it('answer as unprepared ones, and run by name on PostgreSQL', async () => {
    const name = preparedName(INSERT);
    expect(name).toBeDefined();
    expect(preparedName('SELECT 1 AS never_marked')).toBeUndefined();
    const inTransaction = await db.transaction(async (tx) => {
      const rows = [...await tx.query(INSERT, [1, 'one']), ...await tx.query(INSERT, [2, 'two'])];
      const held = (await tx.query<{ n: number }>(PREPARED_HERE, [name, INSERT]))[0]?.n;
      return { rows, held };
    });
    expect(inTransaction.rows).toEqual([{ n: 1, label: 'one' }, { n: 2, label: 'two' }]);
    expect(await db.query(INSERT, [3, 'three'])).toEqual([{ n: 3, label: 'three' }]);
    expect(await db.query('SELECT n FROM prepared_probe ORDER BY n')).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    // One pooled connection: the statement it prepared in the transaction is still its own.
    const heldAfter = (await db.query<{ n: number }>(PREPARED_HERE, [name, INSERT]))[0]?.n;
    expect({ inTransaction: inTransaction.held, after: heldAfter }).toEqual(db.kind === 'postgres' ? { inTransaction: 1, after: 1 } : { inTransaction: 0, after: 0 });
  });
});
