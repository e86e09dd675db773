/**
 * `resultTransaction` commits what its work wrote when the work answers `ok`, and rolls it back when
 * the work answers a failure value or throws — on the embedded database and on PostgreSQL alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { err, ok } from '../../src/kernel/result.ts';
import { appendAudit, auditedResultTransaction } from '../../src/platform/audit/audit.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { resultTransaction } from '../../src/platform/db/transaction.ts';
import { MIGRATIONS_DIR } from '../../src/app/container.ts';
import { testDatabase } from '../support/database.ts';

let database: Awaited<ReturnType<typeof testDatabase>>;
let db: Database;

beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
  await migrate(db, MIGRATIONS_DIR);
  await db.exec('CREATE TABLE tx_probe (name text PRIMARY KEY)');
});
afterAll(async () => {
  await database.drop();
});

const names = async () => (await db.query<{ name: string }>('SELECT name FROM tx_probe ORDER BY name')).map((r) => r.name);
const auditCount = async () => Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events'))[0]?.n);

describe('resultTransaction', () => {
  it('commits the work that answers ok and hands its value back', async () => {
    const result = await resultTransaction(db, async (tx) => {
      await tx.query('INSERT INTO tx_probe (name) VALUES ($1)', ['kept']);
      return ok(42);
    });
    expect(result).toEqual({ ok: true, value: 42 });
    expect(await names()).toContain('kept');
  });

  it('rolls back the work that answers a failure and hands the failure back', async () => {
    const failure = new Error('refused');
    const result = await resultTransaction(db, async (tx) => {
      await tx.query('INSERT INTO tx_probe (name) VALUES ($1)', ['dropped']);
      return err(failure);
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error).toBe(failure);
    expect(await names()).not.toContain('dropped');
  });

  it('rolls back and rethrows what the work throws', async () => {
    await expect(resultTransaction(db, async (tx) => {
      await tx.query('INSERT INTO tx_probe (name) VALUES ($1)', ['thrown']);
      throw new Error('a bug');
    })).rejects.toThrow('a bug');
    expect(await names()).not.toContain('thrown');
  });

  it('leaves the connection usable after a rollback', async () => {
    for (let i = 0; i < 3; i += 1) {
      await resultTransaction(db, async (tx) => {
        await tx.query('INSERT INTO tx_probe (name) VALUES ($1)', [`again-${i}`]);
        return err('no');
      });
    }
    expect(await resultTransaction(db, async (tx) => ok((await tx.query('SELECT 1 AS one'))[0]))).toEqual({ ok: true, value: { one: 1 } });
    expect((await names()).filter((n) => n.startsWith('again'))).toEqual([]);
  });
});

describe('auditedResultTransaction', () => {
  const entry = { at: new Date(), action: 'probe', outcome: 'done', channel: 'system', actorPersonId: null, actingFor: null, subject: null, detail: {} } as const;

  it('appends the held audit entries with a success and drops them with a failure', async () => {
    const before = await auditCount();
    const failed = await auditedResultTransaction(db, async (tx) => {
      await appendAudit(tx, entry);
      await tx.query('INSERT INTO tx_probe (name) VALUES ($1)', ['audited-failure']);
      return err('refused');
    });
    expect(failed.ok).toBe(false);
    expect(await auditCount()).toBe(before);
    expect(await names()).not.toContain('audited-failure');

    const done = await auditedResultTransaction(db, async (tx) => {
      await appendAudit(tx, entry);
      return ok('done');
    });
    expect(done).toEqual({ ok: true, value: 'done' });
    expect(await auditCount()).toBe(before + 1);
  });
});
