import { afterAll, describe, expect, it } from 'vitest';

import { exchangeVerify } from '../../src/cli/exchange-verify.ts';
import { type LoggedMessage, messageLogRepository } from '../../src/platform/exchange/index.ts';
import { runCommand } from '../support/cli.ts';
import { testDatabase } from '../support/database.ts';

const drops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const drop of drops) {
    await drop();
  }
});

const message = (i: number, side: LoggedMessage['side']): LoggedMessage => ({
  member: side === 'client' ? 'PORTICO-DEV/GOV/00000001/portal' : 'PORTICO-DEV/GOV/00000002/population', side, requestId: `request-${i}`,
  client: 'PORTICO-DEV/GOV/00000001/portal', service: 'PORTICO-DEV/GOV/00000002/population/person', issue: `ZR-2026-${i}`, userId: 'officer',
  requestDigest: 'digest', responseDigest: 'answer', at: new Date(Date.UTC(2026, 11, 1, 10, i)), outcome: 'done', error: null, status: 200,
});

describe('npm run exchange:verify', () => {
  // The command opens DATABASE_URL itself: on PostgreSQL only (an embedded test database is this process's).
  it.runIf(process.env['TEST_DATABASE_URL'])('seals, says the log is intact, and names the batch of a message edited afterwards', async () => {
    const { db, url, drop } = await testDatabase();
    drops.push(drop);
    for (let i = 0; i < 3; i += 1) {
      await messageLogRepository.append(db, message(i, 'client'));
      await messageLogRepository.append(db, message(i, 'provider'));
    }
    const intact = await runCommand(exchangeVerify, [], { DATABASE_URL: url ?? '' });
    expect([intact.code, intact.stdout]).toEqual([0, 'The exchange\'s message log is intact: 6 messages in 2 sealed batches (6 sealed now).\n']);
    await db.exec('ALTER TABLE exchange_messages DISABLE TRIGGER exchange_messages_no_rewrite;');
    await db.query("UPDATE exchange_messages SET user_id = 'someone else' WHERE side = 'provider' AND request_id = 'request-1'");
    await db.exec('ALTER TABLE exchange_messages ENABLE TRIGGER exchange_messages_no_rewrite;');
    const tampered = await runCommand(exchangeVerify, [], { DATABASE_URL: url ?? '' });
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('PORTICO-DEV/GOV/00000002/population, batch 1: its messages do not hash to the sealed root');
  });
});
