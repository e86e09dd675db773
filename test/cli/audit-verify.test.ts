import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { appendAudit, verifyAudit } from '../../src/platform/audit/audit.ts';
import { MIGRATIONS_DIR } from '../../src/app/container.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { testDatabase } from '../support/app.ts';

let db: Database;
let url: string | null;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, url, drop } = await testDatabase());
  await migrate(db, MIGRATIONS_DIR);
  for (let i = 0; i < 5; i += 1) {
    await db.transaction((tx) => appendAudit(tx, { at: new Date(Date.UTC(2026, 10, 27, 10, i)), action: 'TEST', outcome: 'done', channel: 'system', actorPersonId: null, actingFor: null, subject: `thing:${i}`, detail: { n: i, text: 'зміна' } }));
  }
});
afterAll(async () => drop());

describe('the audit chain', () => {
  it('verifies when untouched', async () => {
    expect(await verifyAudit(db)).toEqual({ ok: true, count: 5 });
  });

  it('names an edited row', async () => {
    await db.query("UPDATE audit_events SET detail = '{\"n\": 2, \"text\": \"інше\"}' WHERE id = 3");
    expect(await verifyAudit(db)).toEqual({ ok: false, id: 3, reason: 'its content does not match its hash' });
  });

  it('names a deleted row and a deleted tail', async () => {
    await db.query("UPDATE audit_events SET detail = '{\"n\": 2, \"text\": \"зміна\"}' WHERE id = 3");
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
    await db.query('DELETE FROM audit_events WHERE id = 2');
    expect(await verifyAudit(db)).toEqual({ ok: false, id: 3, reason: 'row 2 is missing' });
  });
});

describe('npm run audit:verify', () => {
  it.runIf(process.env['TEST_DATABASE_URL'])('fails and names the row on a tampered PostgreSQL database', async () => {
    const run = promisify(execFile);
    const result = await run(process.execPath, ['--import', 'tsx', 'src/cli/audit-verify.ts'], { env: { ...process.env, DATABASE_URL: url ?? '' } }).catch((e: { code: number; stderr: string }) => e);
    expect('code' in result ? result.code : 0).toBe(1);
    expect('stderr' in result ? result.stderr : '').toContain('tampered with at record 3: row 2 is missing');
  });
});
