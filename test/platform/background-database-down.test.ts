/**
 * The outbox worker and the background jobs meet a database that refuses connections: each tick
 * fails, is logged as a warning (not an error), the loop waits longer each time, and once the database
 * answers again both carry on by themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../../src/app/config.ts';
import { buildServices, MIGRATIONS_DIR } from '../../src/app/container.ts';
import { startJobs } from '../../src/app/jobs.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import type { Logger } from '../../src/platform/logging/logger.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { createOutboxWorker, delivered, outboxRepository } from '../../src/platform/outbox/index.ts';
import { testDatabase } from '../support/database.ts';
import { type SwitchableDatabase, switchableDatabase } from '../support/switchable-database.ts';

interface Entry { readonly level: 'info' | 'warn' | 'error'; readonly msg: string }

/** A pino logger that also keeps what it was told, by level. */
function recordingLogger(): { logger: Logger; entries: Entry[] } {
  const entries: Entry[] = [];
  const logger = createLogger('silent');
  for (const level of ['info', 'warn', 'error'] as const) {
    const original = logger[level].bind(logger);
    logger[level] = ((obj: unknown, msg?: string) => {
      entries.push({ level, msg: typeof obj === 'string' ? obj : (msg ?? '') });
      original(obj, msg);
    });
  }
  return { logger, entries };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let database: Awaited<ReturnType<typeof testDatabase>>;
let switchable: SwitchableDatabase;

beforeAll(async () => {
  database = await testDatabase();
  await migrate(database.db, MIGRATIONS_DIR);
  switchable = await switchableDatabase(database.db);
});
afterAll(async () => {
  await switchable.close();
  await database.drop();
});

describe('the outbox worker while the database is unavailable', () => {
  it('warns, backs off between tries, and delivers once the database is back', async () => {
    const { logger, entries } = recordingLogger();
    const sent: string[] = [];
    const worker = createOutboxWorker({
      db: switchable.db, clock: { now: () => new Date() }, workerId: 'down-test', pollMs: 20, logger,
      handlers: { 'test.down': async (payload) => (sent.push((payload as { key: string }).key), delivered()) },
    });
    switchable.set('down');
    worker.start();
    await sleep(700);
    const paused = entries.filter((e) => e.msg === 'outbox paused: the database is unavailable');
    // Without backing off it would have tried about 30 times (every 20 ms); waiting 20, 40, 80 … ms, 6 or so.
    expect(paused.length).toBeGreaterThanOrEqual(2);
    expect(paused.length).toBeLessThanOrEqual(8);
    expect(entries.filter((e) => e.level === 'error')).toEqual([]);

    switchable.set('up');
    await database.db.transaction((tx) => outboxRepository.enqueue(tx, { topic: 'test.down', payload: { key: 'after' }, idempotencyKey: 'down-test:after', availableAt: new Date() }));
    for (let i = 0; i < 60 && sent.length === 0; i++) {
      await sleep(100);
    }
    await worker.stop();
    expect(sent).toEqual(['after']);
    expect(entries.map((e) => e.msg)).toContain('outbox resumed: the database is back');
  });
});

describe('the background jobs while the database is unavailable', () => {
  it('warn instead of failing, skip ticks while it lasts, and run again once it is back', async () => {
    const { logger, entries } = recordingLogger();
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: ':memory:', PUBLIC_URL: 'http://portal.test' });
    const services = await buildServices(config, { db: switchable.db });
    switchable.set('down');
    const jobs = startJobs(services, 1, logger);
    try {
      // Ticks at 1 s and 2 s fail; the one at 3 s is skipped (backing off); 4 s finds the database back.
      await sleep(2600);
      const paused = entries.filter((e) => e.msg === 'background jobs paused: the database is unavailable');
      expect(paused.length).toBeGreaterThanOrEqual(1);
      expect(paused.length).toBeLessThanOrEqual(2);
      expect(paused.every((e) => e.level === 'warn')).toBe(true);
      expect(entries.filter((e) => e.level === 'error')).toEqual([]);
      switchable.set('up');
      for (let i = 0; i < 40 && !entries.some((e) => e.msg === 'background jobs resumed: the database is back'); i++) {
        await sleep(100);
      }
      expect(entries.map((e) => e.msg)).toContain('background jobs resumed: the database is back');
    } finally {
      switchable.set('up');
      await jobs.stop();
    }
  });
});
