/**
 * Where the time of a notice delivery goes, one part at a time, in one process, against the same
 * stand-ins as the benchmark: `count` sends with `inFlight` at once through each of
 *   - the pooled SMTP adapter (`createSmtpEmailSender`) alone,
 *   - the HTTP SMS gateway adapter (`createHttpSmsGateway`) alone, one request per SMS and `sendMany`,
 *   - the SMS service's notice sender (record with the opt-out flag, send, mark sent) on PostgreSQL,
 *     one SMS per call and `sendMany` of `--sms-batch` (default 25),
 * and the bare loop's unit for comparison: claim and complete of the same number of outbox rows.
 *   node --import tsx bench/notifications/profile.ts [--count 4000] [--in-flight 200] [--smtp-connections 5]
 * Needs DATABASE_URL (or TEST_DATABASE_URL) for the parts that touch the database. The PostgreSQL
 * column is the CPU of the profile database's server backends (from /proc, when the server runs here).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

import pg from 'pg';

import { startChannels } from '../../src/app/channels.ts';
import { loadConfig } from '../../src/app/config.ts';
import { buildServices } from '../../src/app/container.ts';
import { createSmtpEmailSender } from '../../src/modules/channels/email/index.ts';
import { createHttpSmsGateway } from '../../src/modules/channels/sms/index.ts';
import { startSink } from './sink.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const count = Number(arg('--count', '4000'));
const inFlight = Number(arg('--in-flight', '200'));
const smtpConnections = Number(arg('--smtp-connections', '5'));
/** SMS per `sendMany` in the batch parts: half a claimed batch of 50, as the benchmark's mix gives. */
const smsBatch = Number(arg('--sms-batch', '25'));
const serverUrl = process.env['DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
if (!serverUrl) {
  console.error('profile needs PostgreSQL: set DATABASE_URL');
  process.exit(2);
}

/**
 * CPU µs the PostgreSQL backends of the profile's database have used (from /proc: the server runs on
 * this machine), or null where /proc does not show them.
 */
async function databaseCpu(): Promise<number | null> {
  const pids = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name]);
  let ticks = 0;
  try {
    for (const { pid } of pids.rows) {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    }
  } catch {
    return null;
  }
  return pids.rows.length === 0 ? null : (ticks / 100) * 1e6; // USER_HZ 100
}

/** `count` sends, `inFlight` at once; `per` messages per call of `send` (a batch call sends several). */
async function timed(label: string, send: (i: number) => Promise<unknown>, per = 1): Promise<void> {
  let next = 0;
  const db0 = await databaseCpu();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(Array.from({ length: Math.max(1, Math.floor(inFlight / per)) }, async () => {
    while (next < count) {
      const i = next;
      next += per;
      await send(i);
    }
  }));
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const db1 = await databaseCpu();
  const dbUs = db0 === null || db1 === null ? '–' : ((db1 - db0) / count).toFixed(0);
  console.log(`| ${label} | ${count} | ${(count / (ms / 1000)).toFixed(0)} | ${(((cpu.user + cpu.system) / 1000) / count * 1000).toFixed(0)} | ${dbUs} |`);
}
const range = (from: number, n: number) => Array.from({ length: Math.min(n, count - from) }, (_, k) => from + k);

const name = `bench_profile_${process.pid}_${Date.now()}`;
const u = new URL(serverUrl);
u.pathname = `/${name}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}"`);
const sink = await startSink();
try {
  console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('| part | sends | per second | CPU µs per send (this process, sink included) | PostgreSQL CPU µs per send |\n|---|---:|---:|---:|---:|');
  const email = createSmtpEmailSender({ url: sink.smtpUrl, from: 'Portico <no-reply@portal.example.gov.ua>', maxConnections: smtpConnections });
  await timed(`SMTP adapter, ${smtpConnections} pooled connections`, (i) => email.send({ to: `p${i}@example.test`, lang: 'uk', subject: `Заяву № ${i} зареєстровано`, text: `Вашу заяву № ${i} зареєстровано. Стежте за її розглядом у кабінеті на порталі.` }, `profile:email:${i}`));
  email.close();
  const gateway = createHttpSmsGateway({ url: sink.gatewayUrl, token: sink.gatewayToken, sender: 'Portico' });
  await timed('HTTP SMS gateway adapter, one request per SMS', (i) => gateway.send({ to: `+38050${String(i).padStart(7, '0')}`, text: `Заяву № ${i} зареєстровано.` }, `profile:sms:${i}`));
  await timed(`HTTP SMS gateway adapter, sendMany of ${smsBatch}`, (i) => gateway.sendMany(range(i, smsBatch).map((j) => ({ message: { to: `+38050${String(j).padStart(7, '0')}`, text: `Заяву № ${j} зареєстровано.` }, idempotencyKey: `profile:sms-many:${j}` }))), smsBatch);
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: u.toString(), PUBLIC_URL: 'http://portal.test', SMTP_URL: sink.smtpUrl, SMS_GATEWAY_URL: sink.gatewayUrl, SMS_GATEWAY_TOKEN: sink.gatewayToken });
  const services = await buildServices(config);
  const channels = await startChannels(config);
  const notices = services.sms.noticeSender(channels.sms);
  await timed('SMS service notice sender, one SMS per call (record with opt-out, send, mark sent)', (i) => notices.send({ to: `+38051${String(i).padStart(7, '0')}`, text: `Заяву № ${i} зареєстровано.` }, `profile:notice-sms:${i}`));
  await timed(`SMS service notice sender, sendMany of ${smsBatch}`, (i) => notices.sendMany(range(i, smsBatch).map((j) => ({ message: { to: `+38052${String(j).padStart(7, '0')}`, text: `Заяву № ${j} зареєстровано.` }, idempotencyKey: `profile:notice-many:${j}` }))), smsBatch);
  await channels.close();
  await services.db.close();
  console.log(`load average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  await sink.close();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
