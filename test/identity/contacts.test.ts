import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSmtpEmailSender, type LocalSmtp, type SmtpEmailSender, startLocalSmtp } from '../../src/modules/channels/email/index.ts';
import { createSmsSimulator } from '../../src/modules/channels/sms/index.ts';
import { notificationHandlers } from '../../src/modules/notifications/index.ts';
import { createOutboxWorker, type OutboxWorker } from '../../src/platform/outbox/index.ts';
import type { TestApp } from '../support/app.ts';
import { appWithEid, csrfOf, signIn } from '../support/identity.ts';

let t: TestApp;
let smtp: LocalSmtp;
let email: SmtpEmailSender;
const sms = createSmsSimulator();
let worker: OutboxWorker;
let cookie: string;

beforeAll(async () => {
  t = await appWithEid();
  smtp = await startLocalSmtp({ host: '127.0.0.1', port: 0 });
  email = createSmtpEmailSender({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'Portico <no-reply@portal.test>' });
  worker = createOutboxWorker({ db: t.services.db, clock: t.services.clock, workerId: 'test', handlers: notificationHandlers({ email, sms, contactsOf: (id) => t.services.contacts.details(id), publicUrl: 'http://portal.test' }) });
  cookie = await signIn(t.app, 'olena-koval');
});
afterAll(async () => {
  email.close();
  await smtp.close();
  await t.close();
});

const post = async (url: string, payload: Record<string, string | string[]>) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, payload: { _csrf: await csrfOf(t.app, cookie, '/en/cabinet/contacts'), ...payload } });

describe('contact details', () => {
  it('confirms an e-mail address with a one-time code sent over SMTP through the outbox', async () => {
    const sent = await post('/uk/cabinet/contacts/code', { channel: 'email', address: ' Olena.Koval@Example.com ' });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('Ми надіслали код на olena.koval@example.com');
    expect(smtp.messages()).toHaveLength(0); // nothing leaves inside the request
    expect(await worker.runOnce()).toBe(1);
    const mail = await smtp.waitFor((m) => m.to.includes('olena.koval@example.com'), 5000);
    expect(mail.subject).toBe('Код підтвердження для порталу Портіко');
    const code = /(\d{6})/.exec(mail.text)?.[1] ?? '';

    const wrong = await post('/uk/cabinet/contacts/confirm', { channel: 'email', code: code === '000000' ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Код не підходить');

    const right = await post('/uk/cabinet/contacts/confirm', { channel: 'email', code });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain('Адресу olena.koval@example.com підтверджено');
    expect((await t.services.contacts.details((await t.services.db.query<{ id: string }>("SELECT id FROM persons WHERE national_id = '9000000011'"))[0]!.id)).emailVerified).toBe(true);
  });

  it('confirms a mobile number by SMS, and stops after five wrong codes', async () => {
    expect((await post('/en/cabinet/contacts/code', { channel: 'sms', address: '+380 67 123 45 67' })).statusCode).toBe(200);
    await worker.runOnce();
    const code = /(\d{6})/.exec(sms.last('+380671234567')?.text ?? '')?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    for (let i = 0; i < 5; i += 1) {
      await post('/en/cabinet/contacts/confirm', { channel: 'sms', code: code === '999999' ? '999998' : '999999' });
    }
    const locked = await post('/en/cabinet/contacts/confirm', { channel: 'sms', code });
    expect(locked.body).toContain('Too many attempts. Send a new code.');
  });

  it('names a bad address against its field', async () => {
    const res = await post('/en/cabinet/contacts/code', { channel: 'email', address: 'not-an-address' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Enter an e-mail address in the form name@example.com.');
  });

  it('keeps preferences, and refuses notices to an address not confirmed', async () => {
    const refused = await post('/en/cabinet/contacts', { language: 'en', noticeChannels: ['email', 'sms'], postalAddress: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('confirm the address first');
    const saved = await post('/en/cabinet/contacts', { language: 'en', noticeChannels: ['email', 'post'], postalAddress: 'вул. Соборна, 5, кв. 3, 49000 Зореград' });
    expect(saved.statusCode).toBe(303);
    const page = await t.app.inject({ url: '/en/cabinet/contacts', headers: { cookie } });
    expect(page.body).toContain('вул. Соборна, 5, кв. 3, 49000 Зореград');
    expect(page.body).toMatch(/id="notice-email" name="noticeChannels" value="email" checked/);
  });
});
