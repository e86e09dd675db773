/**
 * Where the time of a notice delivery goes, one part at a time, in one process, against the same
 * stand-ins as the benchmark: `count` sends with `inFlight` at once through each of
 *   - the pooled SMTP adapter (`createSmtpEmailSender`) alone,
 *   - the HTTP SMS gateway adapter (`createHttpSmsGateway`) alone,
 *   - the SMS service's notice sender (record, opt-out check, send, mark sent) on PostgreSQL,
 * and the bare loop's unit for comparison: claim and complete of the same number of outbox rows.
 *   node --import tsx bench/notifications/profile.ts [--count 4000] [--in-flight 200] [--smtp-connections 5]
 * Needs DATABASE_URL (or TEST_DATABASE_URL) for the parts that touch the database.
 */
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
const serverUrl = process.env['DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
if (!serverUrl) {
  console.error('profile needs PostgreSQL: set DATABASE_URL');
  process.exit(2);
}

async function timed(label: string, send: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < count) {
      await send(next++);
    }
  }));
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  console.log(`| ${label} | ${count} | ${(count / (ms / 1000)).toFixed(0)} | ${(((cpu.user + cpu.system) / 1000) / count * 1000).toFixed(0)} |`);
}

const name = `bench_profile_${process.pid}_${Date.now()}`;
const u = new URL(serverUrl);
u.pathname = `/${name}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}"`);
const sink = await startSink();
try {
  console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('| part | sends | per second | CPU µs per send (this process, sink included) |\n|---|---:|---:|---:|');
  const email = createSmtpEmailSender({ url: sink.smtpUrl, from: 'Portico <no-reply@portal.example.gov.ua>', maxConnections: smtpConnections });
  await timed(`SMTP adapter, ${smtpConnections} pooled connections`, (i) => email.send({ to: `p${i}@example.test`, lang: 'uk', subject: `Заяву № ${i} зареєстровано`, text: `Вашу заяву № ${i} зареєстровано. Стежте за її розглядом у кабінеті на порталі.` }, `profile:email:${i}`));
  email.close();
  const gateway = createHttpSmsGateway({ url: sink.gatewayUrl, token: sink.gatewayToken, sender: 'Portico' });
  await timed('HTTP SMS gateway adapter', (i) => gateway.send({ to: `+38050${String(i).padStart(7, '0')}`, text: `Заяву № ${i} зареєстровано.` }, `profile:sms:${i}`));
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: u.toString(), PUBLIC_URL: 'http://portal.test', SMTP_URL: sink.smtpUrl, SMS_GATEWAY_URL: sink.gatewayUrl, SMS_GATEWAY_TOKEN: sink.gatewayToken });
  const services = await buildServices(config);
  const channels = await startChannels(config);
  const notices = services.sms.noticeSender(channels.sms);
  await timed('SMS service notice sender (record, opt-out, send, mark sent)', (i) => notices.send({ to: `+38051${String(i).padStart(7, '0')}`, text: `Заяву № ${i} зареєстровано.` }, `profile:notice-sms:${i}`));
  await channels.close();
  await services.db.close();
  console.log(`load average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  await sink.close();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
