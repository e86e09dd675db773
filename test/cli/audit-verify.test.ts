import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { auditVerify } from '../../src/cli/audit-verify.ts';
import { systemClock } from '../../src/kernel/clock.ts';
import { appendAudit, type AuditEntry } from '../../src/platform/audit/audit.ts';
import { createAuditLog } from '../../src/platform/audit/audit-log.ts';
import { parseCheckpoint } from '../../src/platform/audit/checkpoint.ts';
import { DEVELOPMENT_AUDIT_SIGNING_KEY } from '../../src/platform/audit/signing-key.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { runCommand, spawnCommand } from '../support/cli.ts';
import { testDatabase } from '../support/database.ts';

const drops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const drop of drops) {
    await drop();
  }
});

const entry = (i: number, text = 'зміна'): AuditEntry => ({ at: new Date(Date.UTC(2026, 10, 27, 10, i)), action: 'TEST', outcome: 'done', channel: 'system', actorPersonId: null, actingFor: null, subject: `thing:${i}`, detail: { n: i, text } });
const sealer = (db: Database) => createAuditLog({ db, clock: systemClock, signingSecret: DEVELOPMENT_AUDIT_SIGNING_KEY });

/** A database holding five entries, sealed into a signed checkpoint. */
async function logOfFive(): Promise<{ db: Database; url: string | null }> {
  const { db, url, drop } = await testDatabase();
  drops.push(drop);
  for (let i = 0; i < 5; i += 1) {
    await db.transaction((tx) => appendAudit(tx, entry(i)));
  }
  await sealer(db).seal();
  return { db, url };
}

/** What only the tables' owner or a superuser can do: switch the refusing triggers off for a while. */
async function withTriggersDisabled(db: Database, work: () => Promise<unknown>): Promise<void> {
  const tables = ['audit_events', 'audit_tree_nodes', 'audit_checkpoints'];
  await db.exec(tables.map((t) => `ALTER TABLE ${t} DISABLE TRIGGER USER;`).join(' '));
  try {
    await work();
  } finally {
    await db.exec(tables.map((t) => `ALTER TABLE ${t} ENABLE TRIGGER USER;`).join(' '));
  }
}

describe('npm run audit:verify', () => {
  /** The command in this process; the first test runs it as npm does (node --import tsx src/cli/audit-verify.ts). */
  const run = (url: string | null, args: string[] = [], env: Record<string, string> = {}) => runCommand(auditVerify, args, { DATABASE_URL: url ?? '', ...env });

  it.runIf(process.env['TEST_DATABASE_URL'])('fails and names the entry on a tampered PostgreSQL database', async () => {
    const { db, url } = await logOfFive();
    const [third] = await db.query<{ id: string }>('SELECT id FROM audit_events WHERE leaf_index = 2');
    await withTriggersDisabled(db, () => db.query("UPDATE audit_events SET detail = '{}' WHERE leaf_index = 2"));
    const result = await spawnCommand('audit-verify', [], { DATABASE_URL: url ?? '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`tampered with at ${third?.id}: its content does not match its hash`);
  }, 180_000);

  it.runIf(process.env['TEST_DATABASE_URL'])('keeps the latest checkpoint in a file, and fails naming it when the log is cut back behind it', async () => {
    const { db, url } = await logOfFive();
    const dir = await mkdtemp(join(tmpdir(), 'audit-checkpoint-'));
    try {
      const file = join(dir, 'checkpoint.json');
      const first = await run(url, ['--checkpoint', file]);
      expect([first.code, first.stdout]).toEqual([0, expect.stringMatching(/^The audit log is intact: 5 entries in the checkpoint of .*, 0 not sealed yet\.\n$/) as unknown]);
      expect(parseCheckpoint(await readFile(file, 'utf8'))).toMatchObject({ ok: true, checkpoint: { treeSize: 5 } });

      await db.transaction((tx) => appendAudit(tx, entry(5)));
      await sealer(db).seal();
      const second = await run(url, ['--checkpoint', file]);
      expect([second.code, second.stdout]).toEqual([0, expect.stringContaining('6 entries in the checkpoint of') as unknown]);
      expect(second.stdout).toContain('it only grew since the kept checkpoint of 5 entries (1 more)');
      const six = await readFile(file, 'utf8');

      // The tail cut, with its tree nodes and checkpoints: the database alone looks intact.
      await withTriggersDisabled(db, async () => {
        await db.query('DELETE FROM audit_events WHERE leaf_index >= 4');
        await db.query('DELETE FROM audit_tree_nodes WHERE (index + 1) * (2 ^ level)::bigint > 4');
        await db.query('DELETE FROM audit_checkpoints');
      });
      await sealer(db).seal(); // nothing to seal: the cut log has no checkpoint at all now
      const caught = await run(url, ['--checkpoint', file]);
      expect(caught.code).toBe(1);
      expect(caught.stderr).toContain('fewer than the witness\'s checkpoint of 6: the log was cut back');
      expect(caught.stderr).toContain('checked against the kept checkpoint of 6 entries');

      await writeFile(file, six.replace(/"treeSize": 6/, '"treeSize": 4'));
      const forged = await run(url, ['--checkpoint', file]);
      expect([forged.code, forged.stderr]).toEqual([1, expect.stringContaining('the witness\'s checkpoint is not signed by the portal\'s key') as unknown]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000); // four runs of the command, each opening the database
});
