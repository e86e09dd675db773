/**
 * One outbox worker process of the notification benchmark and of the kill test:
 *   node --import tsx bench/notifications/worker.ts <database url> <smtp url> <gateway url> <gateway token>
 *     [--mode deliver|bare] [--batch 10] [--concurrency 1] [--lease-ms 300000] [--pool 10] [--smtp-connections 5]
 * `deliver` is the portal's own worker as `src/main.ts` wires it: `buildServices`, the channels of
 * `startChannels` (the pooled SMTP adapter and the HTTP SMS gateway adapter, pointed at the stand-ins),
 * `notificationHandlers` with SMS notices recorded by the SMS service, all on this database.
 * `bare` is the baseline: the same `createOutboxWorker` (same claims, same completion statements, same
 * batch size and concurrency) with handlers that send nothing and answer `delivered` at once.
 * Prints `ready` once it polls; ends on SIGTERM after the batches in hand are recorded.
 */
import { hostname } from 'node:os';

import { startChannels } from '../../src/app/channels.ts';
import { loadConfig } from '../../src/app/config.ts';
import { buildServices } from '../../src/app/container.ts';
import { notificationLinks } from '../../src/app/links.ts';
import { systemClock } from '../../src/kernel/clock.ts';
import { notificationHandlers } from '../../src/modules/notifications/index.ts';
import { openDatabase } from '../../src/platform/db/open.ts';
import { createOutboxWorker, delivered, type OutboxHandler } from '../../src/platform/outbox/index.ts';

const [databaseUrl, smtpUrl, gatewayUrl, gatewayToken] = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
if (!databaseUrl || !smtpUrl || !gatewayUrl || !gatewayToken) {
  console.error('usage: worker.ts <database url> <smtp url> <gateway url> <gateway token> [--mode deliver|bare] [--batch n] [--concurrency n] [--lease-ms ms] [--pool n] [--smtp-connections n]');
  process.exit(2);
}
const mode = arg('--mode', 'deliver');
const batchSize = Number(arg('--batch', '10'));
const concurrency = Number(arg('--concurrency', '1'));
const leaseMs = Number(arg('--lease-ms', '300000'));
const pool = arg('--pool', '10');
const workerId = `${hostname()}:${process.pid}`;

let handlers: Record<string, OutboxHandler>;
let close: () => Promise<void>;
if (mode === 'bare') {
  const db = await openDatabase({ url: databaseUrl, dataDir: null, poolSize: Number(pool) });
  const none: OutboxHandler = () => Promise.resolve(delivered());
  handlers = { 'notice.email': none, 'notice.sms': none };
  close = () => db.close();
  start(db);
} else {
  const config = loadConfig({
    NODE_ENV: 'test', DATABASE_URL: databaseUrl, DB_POOL_SIZE: pool, PUBLIC_URL: 'http://portal.test',
    SMTP_URL: smtpUrl, SMTP_MAX_CONNECTIONS: arg('--smtp-connections', '5'), SMS_GATEWAY_URL: gatewayUrl, SMS_GATEWAY_TOKEN: gatewayToken,
    OUTBOX_BATCH_SIZE: String(batchSize), OUTBOX_CONCURRENCY: String(concurrency),
  });
  const services = await buildServices(config);
  const channels = await startChannels(config);
  handlers = {
    ...notificationHandlers({
      ...channels, sms: services.sms.noticeSender(channels.sms), contactsOf: (id) => services.contacts.details(id),
      verificationCode: (id) => services.contacts.codeFor(id), links: notificationLinks(config.publicUrl), notices: services.notices,
    }),
    ...services.sms.handlers(channels.sms),
  };
  close = async () => {
    await channels.close();
    await services.db.close();
  };
  start(services.db);
}

function start(db: Parameters<typeof createOutboxWorker>[0]['db']): void {
  const worker = createOutboxWorker({ db, clock: systemClock, workerId, batchSize, concurrency, leaseMs, handlers });
  worker.start();
  process.once('SIGTERM', () => {
    void worker.stop().then(close).then(() => process.exit(0));
  });
  console.log(`ready ${workerId}`);
}
