import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSmtpEmailSender, type DeliveryOutcome, type SmtpEmailSender } from '../../src/modules/channels/email/index.ts';
import { type LocalSmtp, startLocalSmtp } from '../../src/dev/index.ts';
import { decodeHeader } from '../../src/dev/mail/captured-mail.ts';

const summary = (o: DeliveryOutcome) => (o.kind === 'delivered' ? o.kind : `${o.kind}: ${o.reason}`);
let sink: LocalSmtp;
let sender: SmtpEmailSender;

beforeAll(async () => {
  sink = await startLocalSmtp({ host: '127.0.0.1', port: 0 });
  sender = createSmtpEmailSender({ url: `smtp://portal:s%40cret@127.0.0.1:${sink.port}`, from: 'Портал державних послуг <noreply@portal.test>' });
});
afterAll(async () => {
  sender.close();
  await sink.close();
});

const subject = 'Вашу заяву №2026-000123 прийнято: закордонний паспорт — ґудзик, їжак, єнот';
const text = [
  'Шановна Олено Іваненко!',
  '',
  'Вашу заяву на оформлення паспорта громадянина для виїзду за кордон прийнято 27.11.2026.',
  'Строк розгляду — 20 робочих днів. Статус: «Прийнято». Ґ ґ Є є І і Ї ї ’ — €',
  'A line that is long enough to be folded by the quoted-printable encoder, with = signs and trailing spaces   ',
].join('\n');

describe('the SMTP adapter with the local sink', () => {
  it('delivers Ukrainian text intact, with the idempotency key', async () => {
    const outcome = await sender.send({ to: 'olena@example.test', subject, text, lang: 'uk' }, 'application-submitted:42:email');
    expect(outcome).toEqual({ kind: 'delivered' });
    const mail = await sink.waitFor((m) => m.envelope.to.includes('olena@example.test'), 5000);
    expect(mail.subject).toBe(subject);
    expect(mail.text.replace(/\r\n/g, '\n')).toBe(text);
    expect(mail.html).toBeNull();
    expect(mail.headers['x-idempotency-key']).toBe('application-submitted:42:email');
    expect(mail.headers['content-language']).toBe('uk');
    expect(mail.headers['message-id']).toMatch(/^<[0-9a-f]{32}@portal\.test>$/);
    expect(mail.from).toBe('Портал державних послуг <noreply@portal.test>');
    expect(mail.envelope.from).toBe('noreply@portal.test');
    expect(mail.raw).toContain('Subject: =?UTF-8?');
  });

  it('keeps the same Message-ID on a repeated attempt; sends HTML as an alternative', async () => {
    const message = { to: 'ivan@example.test', subject: 'Нагадування', text: 'Текст листа', html: '<p>Текст <b>листа</b></p>', lang: 'en' as const };
    expect(await sender.send(message, 'reminder:7')).toEqual({ kind: 'delivered' });
    expect(await sender.send(message, 'reminder:7')).toEqual({ kind: 'delivered' });
    const copies = sink.messages().filter((m) => m.headers['x-idempotency-key'] === 'reminder:7');
    expect(copies).toHaveLength(2);
    expect(copies[0]!.headers['message-id']).toBe(copies[1]!.headers['message-id']);
    expect(copies[0]).toMatchObject({ subject: 'Нагадування', text: 'Текст листа', html: '<p>Текст <b>листа</b></p>' });
    expect(copies[0]!.headers['content-type']).toMatch(/^multipart\/alternative/);
  });

  it('reads a quoted-printable body (mostly Latin text with some Ukrainian)', async () => {
    const latin = 'Your application to the State Migration Service (Державна міграційна служба) was accepted; reference = 2026/000123. '.repeat(2);
    expect(await sender.send({ to: 'qp@example.test', subject: 'Application accepted', text: latin, lang: 'en' }, 'qp:1')).toEqual({ kind: 'delivered' });
    const mail = await sink.waitFor((m) => m.headers['x-idempotency-key'] === 'qp:1');
    expect(mail.headers['content-transfer-encoding']).toBe('quoted-printable');
    expect(mail.text).toBe(latin);
    expect(mail.subject).toBe('Application accepted');
  });

  it('decodes Q-encoded and split encoded words', () => {
    expect(decodeHeader('=?UTF-8?Q?=D0=97=D0=B0=D1=8F=D0=B2=D0=B0_?= =?UTF-8?Q?=E2=84=961?=')).toBe('Заява №1');
    const bytes = Buffer.from('Ґудзик', 'utf8');
    const [a, b] = [bytes.subarray(0, 3).toString('base64'), bytes.subarray(3).toString('base64')];
    expect(decodeHeader(`Re: =?utf-8?B?${a}?=\r\n =?utf-8?B?${b}?= (2)`)).toBe('Re: Ґудзик (2)');
  });
});

describe('SMTP failures', () => {
  it('a closed port is a retry', async () => {
    const port = await freePort();
    const closed = createSmtpEmailSender({ url: `smtp://127.0.0.1:${port}`, from: 'noreply@portal.test', timeoutMs: 2000 });
    try {
      const outcome = await closed.send({ to: 'a@example.test', subject: 's', text: 't', lang: 'en' }, 'k');
      expect(outcome.kind).toBe('retry');
      expect(outcome.kind === 'retry' && outcome.reason).toMatch(/ECONNECTION|ESOCKET|ECONNREFUSED/);
    } finally {
      closed.close();
    }
  });

  it('a 4xx reply is a retry, a 5xx reply is a rejection', async () => {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      disableReverseLookup: true,
      logger: false,
      onRcptTo(address, _session, callback) {
        const reply = address.address.startsWith('busy') ? 451 : address.address.startsWith('nobody') ? 550 : 0;
        callback(reply ? Object.assign(new Error(reply === 451 ? 'Try again later' : 'No such user'), { responseCode: reply }) : null);
      },
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => callback());
      },
    });
    const port = await new Promise<number>((resolve) => {
      server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port));
    });
    const picky = createSmtpEmailSender({ url: `smtp://127.0.0.1:${port}`, from: 'noreply@portal.test' });
    try {
      const send = (to: string) => picky.send({ to, subject: 's', text: 't', lang: 'en' }, `k-${to}`);
      expect(summary(await send('busy@example.test'))).toMatch(/^retry: 451/);
      expect(summary(await send('nobody@example.test'))).toMatch(/^rejected: 550/);
      expect(await send('someone@example.test')).toEqual({ kind: 'delivered' });
      expect(await send('not an address')).toMatchObject({ kind: 'rejected' });
    } finally {
      picky.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
