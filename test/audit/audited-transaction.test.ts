/**
 * `auditedTransaction` holds a transaction's audit entries back and appends them, in order, in one
 * INSERT just before the commit, with the outbox messages held for its end (`enqueueAll`). A
 * rolled-back transaction leaves none of either.
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
import { outboxRepository } from '../../src/platform/outbox/index.ts';
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

  it('writes the outbox messages held for its end with the entries, and none when it rolls back', async () => {
    const messages = async (q: Pick<Database, 'query'>, key: string) => (await q.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE idempotency_key LIKE $1', [`${key}%`]))[0]?.n ?? -1;
    const message = (key: string) => ({ topic: 'test.held', payload: { key }, idempotencyKey: key, availableAt: new Date() });
    const before = await count(db);
    const seenDuringWork = await auditedTransaction(db, async (tx) => {
      await outboxRepository.enqueueAll(tx, [message('held-1'), message('held-2')]);
      await appendAudit(tx, entry('with messages'));
      return messages(tx, 'held-');
    });
    expect(seenDuringWork).toBe(0);
    expect(await messages(db, 'held-')).toBe(2);
    expect(await count(db)).toBe(before + 1);
    const ordered = await db.query<{ idempotency_key: string }>("SELECT idempotency_key FROM outbox WHERE idempotency_key LIKE 'held-%' ORDER BY id");
    expect(ordered.map((r) => r.idempotency_key)).toEqual(['held-1', 'held-2']);

    await expect(auditedTransaction(db, async (tx) => {
      await outboxRepository.enqueueAll(tx, [message('lost-1')]);
      await appendAudit(tx, entry('lost with its message'));
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(await messages(db, 'lost-')).toBe(0);
    expect(await count(db)).toBe(before + 1);

    const during = await db.transaction(async (tx) => {
      await outboxRepository.enqueueAll(tx, [message('now-1')]);
      return messages(tx, 'now-');
    });
    expect(during).toBe(1);
  });
});
