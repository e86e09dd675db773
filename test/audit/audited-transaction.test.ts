/**
 * `auditedTransaction` holds a transaction's audit entries back and appends them, in order, in one
 * INSERT just before the commit. A rolled-back transaction leaves none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MIGRATIONS_DIR } from '../../src/app/container.ts';
import { systemClock } from '../../src/kernel/clock.ts';
import { type AuditEntry, appendAudit, auditedTransaction } from '../../src/platform/audit/audit.ts';
import { createAuditLog } from '../../src/platform/audit/audit-log.ts';
import { DEVELOPMENT_AUDIT_SIGNING_KEY } from '../../src/platform/audit/signing-key.ts';
import { verifyAudit } from '../../src/platform/audit/verify.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { testDatabase } from '../support/database.ts';

let db: Database;
let drop: () => Promise<void>;

const entry = (subject: string): AuditEntry => ({ at: new Date(), action: 'TEST', outcome: 'done', channel: 'system', actorPersonId: null, actingFor: null, subject, detail: {} });
const count = async (q: Pick<Database, 'query'>) => (await q.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events'))[0]?.n ?? -1;

beforeAll(async () => {
  ({ db, drop } = await testDatabase());
  await migrate(db, MIGRATIONS_DIR);
});
afterAll(async () => drop());

describe('auditedTransaction', () => {
  it('appends the entries after the work, in order, and the sealed log verifies', async () => {
    const before = await count(db);
    const seenDuringWork = await auditedTransaction(db, async (tx) => {
      await appendAudit(tx, entry('first'));
      await appendAudit(tx, entry('second'));
      return count(tx);
    });
    expect(seenDuringWork).toBe(before);
    const rows = await db.query<{ subject: string }>('SELECT subject FROM audit_events ORDER BY id DESC LIMIT 2');
    expect(rows.map((r) => r.subject)).toEqual(['second', 'first']);
    await createAuditLog({ db, clock: systemClock, signingSecret: DEVELOPMENT_AUDIT_SIGNING_KEY }).seal();
    expect(await verifyAudit(db)).toMatchObject({ ok: true, count: before + 2, unsealed: 0, latest: { treeSize: before + 2 } });
  });

  it('leaves nothing when the work throws', async () => {
    const before = await count(db);
    await expect(auditedTransaction(db, async (tx) => {
      await appendAudit(tx, entry('lost'));
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(await count(db)).toBe(before);
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
  });

  it('appends at once outside it', async () => {
    const before = await count(db);
    const during = await db.transaction(async (tx) => {
      await appendAudit(tx, entry('now'));
      return count(tx);
    });
    expect(during).toBe(before + 1);
  });
});
