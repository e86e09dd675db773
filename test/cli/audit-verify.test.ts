import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { MIGRATIONS_DIR } from '../../src/app/container.ts';
import { auditVerify } from '../../src/cli/audit-verify.ts';
import { openCheckpoint, sealCheckpoint } from '../../src/platform/audit/audit-checkpoint.ts';
import { appendAudit, type AuditEntry, verifyAudit } from '../../src/platform/audit/audit.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { runCommand, spawnCommand } from '../support/cli.ts';
import { testDatabase } from '../support/database.ts';

const KEY = 'audit-checkpoint-test-key-0123456789abcdef';
const drops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const drop of drops) {
    await drop();
  }
});

const entry = (i: number, text = 'зміна'): AuditEntry => ({ at: new Date(Date.UTC(2026, 10, 27, 10, i)), action: 'TEST', outcome: 'done', channel: 'system', actorPersonId: null, actingFor: null, subject: `thing:${i}`, detail: { n: i, text } });

/** A migrated database holding a chain of five entries. */
async function chainOfFive(): Promise<{ db: Database; url: string | null }> {
  const { db, url, drop } = await testDatabase();
  drops.push(drop);
  await migrate(db, MIGRATIONS_DIR);
  for (let i = 0; i < 5; i += 1) {
    await db.transaction((tx) => appendAudit(tx, entry(i)));
  }
  return { db, url };
}

/** What only the tables' owner or a superuser can do: switch the refusing triggers off for a while. */
async function withTriggersDisabled(db: Database, work: () => Promise<unknown>): Promise<void> {
  await db.exec('ALTER TABLE audit_events DISABLE TRIGGER USER; ALTER TABLE audit_head DISABLE TRIGGER USER');
  try {
    await work();
  } finally {
    await db.exec('ALTER TABLE audit_events ENABLE TRIGGER USER; ALTER TABLE audit_head ENABLE TRIGGER USER');
  }
}

/** Deletes the rows after `keep` and moves the head back to row `keep`, as an attacker covering tracks would. */
async function cutBackTo(db: Database, keep: number): Promise<void> {
  await withTriggersDisabled(db, async () => {
    await db.query('DELETE FROM audit_events WHERE id > $1', [keep]);
    await db.query('UPDATE audit_head SET last_id = $1, last_hash = (SELECT hash FROM audit_events WHERE id = $1) WHERE id = 1', [keep]);
  });
}

describe('the database refuses rewriting the audit log', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of audit rows, and a head that moves back or names no row', async () => {
    const { db } = await chainOfFive();
    await expect(db.query("UPDATE audit_events SET detail = '{}' WHERE id = 3")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_events WHERE id = 5')).rejects.toThrow(/append-only/);
    await expect(db.exec('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    await expect(db.query('UPDATE audit_head SET last_id = 4, last_hash = (SELECT hash FROM audit_events WHERE id = 4) WHERE id = 1')).rejects.toThrow(/only moves forward/);
    await expect(db.query("UPDATE audit_head SET last_id = 6, last_hash = 'made-up' WHERE id = 1")).rejects.toThrow(/must name an appended row/);
    await expect(db.query('DELETE FROM audit_head')).rejects.toThrow(/kept forever/);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, count: 5 });
    await db.transaction((tx) => appendAudit(tx, entry(5))); // appending still moves the head on
    expect(await verifyAudit(db)).toMatchObject({ ok: true, count: 6 });
  });
});

describe('the audit chain, rewritten by someone who can disable the triggers', () => {
  it('names an edited row, and a deleted row', async () => {
    const { db } = await chainOfFive();
    const last = await verifyAudit(db);
    expect(last).toMatchObject({ ok: true, count: 5, last: { position: 5 } });
    await withTriggersDisabled(db, () => db.query("UPDATE audit_events SET detail = '{\"n\": 2, \"text\": \"інше\"}' WHERE id = 3"));
    expect(await verifyAudit(db)).toEqual({ ok: false, id: 3, reason: 'its content does not match its hash' });
    await withTriggersDisabled(db, () => db.query("UPDATE audit_events SET detail = '{\"n\": 2, \"text\": \"зміна\"}' WHERE id = 3"));
    expect(await verifyAudit(db)).toEqual(last);
    await withTriggersDisabled(db, () => db.query('DELETE FROM audit_events WHERE id = 2'));
    expect(await verifyAudit(db)).toEqual({ ok: false, id: 3, reason: 'row 2 is missing' });
  });

  it('a tail deleted with the head moved back passes the chain alone, and fails against the checkpoint', async () => {
    const { db } = await chainOfFive();
    const seen = await verifyAudit(db);
    if (!seen.ok) {
      throw new Error('the untouched chain did not verify');
    }
    await cutBackTo(db, 3);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, count: 3 }); // consistent in itself
    expect(await verifyAudit(db, { checkpoint: seen.last })).toEqual({
      ok: false, id: 5, reason: 'the chain ends at row 3, before the checkpoint at row 5: rows were deleted and the head moved back',
    });
  });

  it('a row edited and every hash after it recomputed passes the chain alone, and fails against the earlier checkpoint', async () => {
    const { db } = await chainOfFive();
    const seen = await verifyAudit(db);
    if (!seen.ok) {
      throw new Error('the untouched chain did not verify');
    }
    // Cut back to row 2, then append rows 3..5 again (row 3 edited) through the portal's own code: every hash is recomputed.
    await cutBackTo(db, 2);
    for (let i = 2; i < 5; i += 1) {
      await db.transaction((tx) => appendAudit(tx, entry(i, i === 2 ? 'інше' : 'зміна')));
    }
    const rewritten = await verifyAudit(db);
    expect(rewritten).toMatchObject({ ok: true, count: 5 });
    expect(rewritten.ok && rewritten.last.hash).not.toBe(seen.last.hash);
    expect(await verifyAudit(db, { checkpoint: seen.last })).toEqual({
      ok: false, id: 5, reason: 'its hash differs from the checkpoint\'s: the chain was rewritten at or before row 5',
    });
    // A checkpoint taken earlier, before the edited row, still holds.
    expect(await verifyAudit(db, { checkpoint: { position: 2, hash: (await db.query<{ hash: string }>('SELECT hash FROM audit_events WHERE id = 2'))[0]?.hash ?? '' } })).toMatchObject({ ok: true });
  });
});

describe('checkpoint files', () => {
  it('open only with the key that sealed them, and unchanged', () => {
    const sealed = sealCheckpoint({ position: 5, hash: 'a'.repeat(64), verifiedAt: '2026-12-03T06:00:00.000Z' }, KEY);
    expect(openCheckpoint(sealed, KEY)).toEqual({ ok: true, checkpoint: { position: 5, hash: 'a'.repeat(64), verifiedAt: '2026-12-03T06:00:00.000Z' } });
    expect(openCheckpoint(sealed, `${KEY}x`)).toMatchObject({ ok: false });
    expect(openCheckpoint(sealed.replace('"position": 5', '"position": 3'), KEY)).toMatchObject({ ok: false });
    expect(openCheckpoint('not json', KEY)).toMatchObject({ ok: false });
  });
});

describe('npm run audit:verify', () => {
  /** The command in this process; the first test runs it as npm does (node --import tsx src/cli/audit-verify.ts). */
  const run = (url: string | null, args: string[] = [], env: Record<string, string> = {}) => runCommand(auditVerify, args, { DATABASE_URL: url ?? '', ...env });

  it.runIf(process.env['TEST_DATABASE_URL'])('fails and names the row on a tampered PostgreSQL database', async () => {
    const { db, url } = await chainOfFive();
    await withTriggersDisabled(db, () => db.query('DELETE FROM audit_events WHERE id = 2'));
    const result = await spawnCommand('audit-verify', [], { DATABASE_URL: url ?? '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('tampered with at record 3: row 2 is missing');
  });

  it.runIf(process.env['TEST_DATABASE_URL'])('writes a signed checkpoint, and fails naming it when the tail is cut and the head moved back', async () => {
    const { db, url } = await chainOfFive();
    const dir = await mkdtemp(join(tmpdir(), 'audit-checkpoint-'));
    try {
      const file = join(dir, 'checkpoint.json');
      expect((await run(url, ['--checkpoint', file])).code).toBe(2); // no key: nothing to sign with
      const first = await run(url, ['--checkpoint', file], { AUDIT_CHECKPOINT_KEY: KEY });
      expect([first.code, first.stdout]).toEqual([0, 'The audit log is intact: 5 records.\n']);
      const sealed = await readFile(file, 'utf8');
      expect(openCheckpoint(sealed, KEY)).toMatchObject({ ok: true, checkpoint: { position: 5 } });

      await db.transaction((tx) => appendAudit(tx, entry(5)));
      const second = await run(url, ['--checkpoint', file], { AUDIT_CHECKPOINT_KEY: KEY });
      expect([second.code, second.stdout]).toEqual([0, expect.stringContaining('6 records, 1 since the checkpoint of') as unknown]);

      await cutBackTo(db, 4);
      expect(await verifyAudit(db)).toMatchObject({ ok: true, count: 4 }); // the chain alone looks intact
      const caught = await run(url, ['--checkpoint', file], { AUDIT_CHECKPOINT_KEY: KEY });
      expect(caught.code).toBe(1);
      expect(caught.stderr).toContain('tampered with at record 6: the chain ends at row 4, before the checkpoint at row 6');
      expect(caught.stderr).toContain('checked against the checkpoint of');

      await writeFile(file, (await readFile(file, 'utf8')).replace(/"position": 6/, '"position": 4'));
      const forged = await run(url, ['--checkpoint', file], { AUDIT_CHECKPOINT_KEY: KEY });
      expect([forged.code, forged.stderr]).toEqual([1, expect.stringContaining('cannot be trusted') as unknown]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000); // five runs of the command, each opening the database
});
