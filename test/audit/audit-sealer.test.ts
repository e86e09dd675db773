/** The portal's sealer loop: entries committed are in a signed checkpoint within a few intervals. */
import { afterAll, describe, expect, it } from 'vitest';

import { startAuditSealer } from '../../src/app/audit-sealer.ts';
import { systemClock } from '../../src/kernel/clock.ts';
import { appendAudit } from '../../src/platform/audit/audit.ts';
import { createAuditLog } from '../../src/platform/audit/audit-log.ts';
import { DEVELOPMENT_AUDIT_SIGNING_KEY } from '../../src/platform/audit/signing-key.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { testDatabase } from '../support/database.ts';

const dropLater: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const drop of dropLater) {
    await drop();
  }
});

describe('startAuditSealer', () => {
  it('seals committed entries every interval and stops cleanly; interval 0 runs nothing', async () => {
    const { db, drop } = await testDatabase();
    dropLater.push(drop);
    const auditLog = createAuditLog({ db, clock: systemClock, signingSecret: DEVELOPMENT_AUDIT_SIGNING_KEY });
    const off = startAuditSealer({ auditLog }, 0, createLogger('silent'));
    await db.transaction((tx) => appendAudit(tx, { at: new Date(), action: 'TEST', outcome: 'done', channel: 'system', actorPersonId: null, actingFor: null, subject: null, detail: {} }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await auditLog.latest()).toBeNull();
    await off.stop();

    const sealer = startAuditSealer({ auditLog }, 50, createLogger('silent'));
    const deadline = Date.now() + 20_000;
    while ((await auditLog.latest()) === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await sealer.stop();
    expect(await auditLog.latest()).toMatchObject({ treeSize: 1 });
  });
});
