/**
 * A statement marked `prepared` answers as any other on both databases; its connection (PGlite's one
 * session, or a pooled PostgreSQL connection) prepares it once by name and runs it by that name
 * afterwards, in and out of transactions, and a failing one fails as any other would.
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
const ECHO = prepared('SELECT $1::timestamptz AS at, $2::text[] AS words, $3::jsonb AS doc, $4::bigint AS big, $5::text AS nothing, $6::boolean AS yes');
const PREPARED_HERE = 'SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name = $1 AND statement = $2';

describe('prepared statements', () => {
  it('answer as unprepared ones, and run by name', async () => {
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
    expect({ inTransaction: inTransaction.held, after: heldAfter }).toEqual({ inTransaction: 1, after: 1 });
  });

  it('take every kind of parameter, null among them, and read back every kind of column', async () => {
    const at = new Date('2026-12-05T08:30:00.123Z');
    const [row] = await db.query<Record<string, unknown>>(ECHO, [at, ['a', 'b'], { k: [1, 'x'] }, 7, null, true]);
    expect(row).toEqual({ at, words: ['a', 'b'], doc: { k: [1, 'x'] }, big: 7, nothing: null, yes: true });
  });

  it('fail as unprepared ones do, in and out of a transaction, and the database goes on', async () => {
    await expect(db.query(INSERT, [1, 'again'])).rejects.toMatchObject({ code: '23505' });
    await expect(db.transaction(async (tx) => {
      await tx.query(INSERT, [10, 'ten']);
      await tx.query(INSERT, [10, 'ten again']);
    })).rejects.toMatchObject({ code: '23505' });
    // The failed transaction left nothing, and the statement runs again.
    expect(await db.query(INSERT, [10, 'ten'])).toEqual([{ n: 10, label: 'ten' }]);
    expect(await db.query('SELECT n FROM prepared_probe ORDER BY n')).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 10 }]);
  });

  it('run side by side with transactions without mixing into them', async () => {
    const label = (n: number) => `side ${n}`;
    let opened = (): void => undefined;
    const open = new Promise<void>((resolve) => {
      opened = resolve;
    });
    // Sent from outside while the transaction is open: they wait for it to end, and stay when it rolls back.
    const outside = open.then(() => Promise.all([22, 23, 24].map((n) => db.query(INSERT, [n, label(n)]))));
    await db.transaction(async (tx) => {
      await tx.query(INSERT, [20, label(20)]);
      opened();
      await new Promise((r) => setTimeout(r, 50));
      await tx.query('INSERT INTO prepared_probe (n, label) VALUES (21, $1)', [label(21)]);
      throw new Error('rolled back');
    }).catch(() => undefined);
    await outside;
    expect(await db.query('SELECT n FROM prepared_probe WHERE n >= 20 ORDER BY n')).toEqual([{ n: 22 }, { n: 23 }, { n: 24 }]);
  });
});
