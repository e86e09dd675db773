/**
 * One outbox worker process of the notification benchmark and of the kill test:
 *   node --import tsx bench/notifications/worker.ts <database url> <sink url> [--mode deliver|bare] [--batch 10] [--lease-ms 300000] [--pool 10]
 * `deliver` runs `createOutboxWorker` with handlers for `notice.email` and `notice.sms` that read the
 * payload as the notifications module defines it and post it, with its idempotency key, to the
 * stand-in sink. `bare` is the baseline: claim a batch and mark every row done, sending nothing.
 * Prints `ready` once it polls; ends on SIGTERM after the batch in hand is recorded.
 */
import { hostname } from 'node:os';

import { systemClock } from '../../src/kernel/clock.ts';
import { NOTICE_EMAIL_TOPIC, NOTICE_SMS_TOPIC, parseNoticeDelivery } from '../../src/modules/notifications/notice-deliveries.ts';
import { openDatabase } from '../../src/platform/db/open.ts';
import { createOutboxWorker, delivered, type OutboxHandler, outboxRepository, rejected, retryLater } from '../../src/platform/outbox/index.ts';

const [databaseUrl, sinkUrl] = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
if (!databaseUrl || !sinkUrl) {
  console.error('usage: worker.ts <database url> <sink url> [--mode deliver|bare] [--batch n] [--lease-ms ms] [--pool n]');
  process.exit(2);
}
const mode = arg('--mode', 'deliver');
const batchSize = Number(arg('--batch', '10'));
const leaseMs = Number(arg('--lease-ms', '300000'));
const workerId = `${hostname()}:${process.pid}`;
const db = await openDatabase({ url: databaseUrl, dataDir: null, poolSize: Number(arg('--pool', '10')) });

/** Sends one notice to the stand-in: 2xx delivered, 5xx or no answer retried, other 4xx rejected. */
const send = (topic: string): OutboxHandler => async (payload, { idempotencyKey }) => {
  const notice = parseNoticeDelivery(payload);
  if (notice === null) {
    return rejected('not a notice delivery');
  }
  const res = await fetch(sinkUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-idempotency-key': idempotencyKey },
    body: JSON.stringify({ topic, to: notice.to, subject: notice.subject, text: notice.text, caseNumber: notice.caseNumber }),
    signal: AbortSignal.timeout(10_000),
  });
  await res.arrayBuffer();
  if (res.ok) {
    return delivered();
  }
  return res.status >= 500 ? retryLater(`sink answered ${res.status}`) : rejected(`sink answered ${res.status}`);
};

let stop: () => Promise<void>;
if (mode === 'bare') {
  // The baseline: the same claim and the same completion statements as the worker's, no handler at all.
  let stopping = false;
  const loop = (async () => {
    while (!stopping) {
      const batch = await outboxRepository.claim(db, { workerId, limit: batchSize, leaseMs, now: systemClock.now() });
      await outboxRepository.completeMany(db, { ids: batch.map((m) => m.id), workerId, now: systemClock.now() });
      if (batch.length < batchSize) {
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  })();
  stop = async () => {
    stopping = true;
    await loop;
  };
} else {
  const worker = createOutboxWorker({
    db, clock: systemClock, workerId, batchSize, leaseMs,
    handlers: { [NOTICE_EMAIL_TOPIC]: send(NOTICE_EMAIL_TOPIC), [NOTICE_SMS_TOPIC]: send(NOTICE_SMS_TOPIC) },
  });
  worker.start();
  stop = () => worker.stop();
}
process.once('SIGTERM', () => {
  void stop().then(() => db.close()).then(() => process.exit(0));
});
console.log(`ready ${workerId}`);
