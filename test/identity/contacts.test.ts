import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSmtpEmailSender, type SmtpEmailSender } from '../../src/modules/channels/email/index.ts';
import { type LocalSmtp, startLocalSmtp } from '../../src/dev/index.ts';
import { createSmsSimulator } from '../../src/dev/index.ts';
import { notificationHandlers } from '../../src/modules/notifications/index.ts';
import { notificationLinks } from '../../src/app/links.ts';
import { createOutboxWorker, type OutboxWorker } from '../../src/platform/outbox/index.ts';
import type { TestApp } from '../support/app.ts';
import { appWithEid, csrfOf, signIn } from '../support/identity.ts';

let t: TestApp;
let smtp: LocalSmtp;
let email: SmtpEmailSender;
const sms = createSmsSimulator();
let worker: OutboxWorker;
let cookie: string;
let csrf: string;

beforeAll(async () => {
  t = await appWithEid();
  smtp = await startLocalSmtp({ host: '127.0.0.1', port: 0 });
  email = createSmtpEmailSender({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'Portico <no-reply@portal.test>' });
  const handlers = notificationHandlers({ email, sms, contactsOf: (id) => t.services.contacts.details(id), verificationCode: (id) => t.services.contacts.codeFor(id), links: notificationLinks('http://portal.test'), notices: t.services.notices });
  worker = createOutboxWorker({ db: t.services.db, clock: t.services.clock, workerId: 'test', handlers });
  cookie = await signIn(t.app, 'olena-koval');
  // Taken from the cabinet, not the contacts page: a GET of the contacts page shows (and uses up) the kept outcome.
  csrf = await csrfOf(t.app, cookie, '/en/cabinet');
});
afterAll(async () => {
  email.close();
  await smtp.close();
  await t.close();
});

const post = async (url: string, payload: Record<string, string | string[]>) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, payload: { _csrf: csrf, ...payload } });
const get = (url: string) => t.app.inject({ url, headers: { cookie } });

/** Posts a form the way a browser does: the answer must be a 303; then the page it leads to. */
async function submit(url: string, payload: Record<string, string | string[]>) {
  const res = await post(url, payload);
  expect(res.statusCode).toBe(303);
  const location = String(res.headers.location);
  const page = await get(location);
  expect(page.statusCode).toBe(200);
  return { location, page };
}

/** Every row of every table of the portal's schema that holds `text` as a run of digits of its own. */
async function rowsHolding(text: string): Promise<string[]> {
  const tables = await t.services.db.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
  expect(tables.map((r) => r.name)).toEqual(expect.arrayContaining(['outbox', 'contact_verifications', 'audit_events']));
  const found: string[] = [];
  for (const { name } of tables) {
    const [row] = await t.services.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}" r WHERE r::text ~ $1`, [`(^|[^0-9])${text}([^0-9]|$)`]);
    if ((row?.n ?? 0) > 0) {
      found.push(name);
    }
  }
  return found;
}

describe('contact details', () => {
  it('confirms an e-mail address with a one-time code sent over SMTP through the outbox; every form post redirects', async () => {
    const sent = await submit('/uk/cabinet/contacts/code', { channel: 'email', address: ' Olena.Koval@Example.com ' });
    expect(sent.location).toBe('/uk/cabinet/contacts');
    expect(sent.page.body).toContain('Ми надіслали код на olena.koval@example.com');
    expect(sent.page.body).toContain('name="code"');
    // Reloading the page is a plain GET: the form is still there, the one-off notice is not.
    const reload = await get(sent.location);
    expect(reload.statusCode).toBe(200);
    expect(reload.body).toContain('name="code"');
    expect(reload.body).not.toContain('Ми надіслали код');
    expect(smtp.messages()).toHaveLength(0); // nothing leaves inside the request
    expect(await worker.runOnce()).toBe(1);
    const mail = await smtp.waitFor((m) => m.to.includes('olena.koval@example.com'), 5000);
    expect(mail.subject).toBe('Код підтвердження для порталу Портіко');
    const code = /(\d{6})/.exec(mail.text)?.[1] ?? '';

    const wrong = await submit('/uk/cabinet/contacts/confirm', { channel: 'email', code: code === '000000' ? '111111' : '000000' });
    expect(wrong.page.body).toContain('Код не підходить');
    expect((await get(wrong.location)).body).not.toContain('Код не підходить');

    const right = await submit('/uk/cabinet/contacts/confirm', { channel: 'email', code });
    expect(right.page.body).toContain('Адресу olena.koval@example.com підтверджено');
    expect(right.page.body).not.toContain('name="code"');
    expect((await t.services.contacts.details((await t.services.db.query<{ id: string }>("SELECT id FROM persons WHERE national_id = '9000000011'"))[0]!.id)).emailVerified).toBe(true);
  });

  it('keeps no one-time code in clear in any table once it is delivered', async () => {
    await submit('/en/cabinet/contacts/code', { channel: 'sms', address: '+380 67 123 45 67' });
    expect(await worker.runOnce()).toBe(1);
    const code = /(\d{6})/.exec(sms.last('+380671234567')?.text ?? '')?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    const [outbox] = await t.services.db.query<{ payload: string; done: boolean }>(
      "SELECT payload::text AS payload, done_at IS NOT NULL AS done FROM outbox WHERE topic = 'contact.verification-code' ORDER BY id DESC LIMIT 1",
    );
    expect(outbox?.done).toBe(true);
    expect(outbox?.payload).toContain('+380671234567');
    expect(outbox?.payload).not.toContain(code);
    expect(await rowsHolding(code)).toEqual([]);
    // The code still works: it is derived again when checked.
    const right = await submit('/en/cabinet/contacts/confirm', { channel: 'sms', code });
    expect(right.page.body).toContain('+380671234567 is confirmed.');
  });

  it('names a bad address against its field after the redirect, with what was typed, once', async () => {
    const res = await submit('/en/cabinet/contacts/code', { channel: 'email', address: 'not-an-address' });
    expect(res.page.body).toContain('Enter an e-mail address in the form name@example.com.');
    expect(res.page.body).toContain('value="not-an-address"');
    const reload = await get(res.location);
    expect(reload.statusCode).toBe(200);
    expect(reload.body).not.toContain('Enter an e-mail address in the form');
  });

  it('keeps preferences, and refuses notices to an address not confirmed', async () => {
    await submit('/en/cabinet/contacts/code', { channel: 'email', address: 'olena.new@example.com' }); // e-mail unconfirmed again
    const refused = await submit('/en/cabinet/contacts', { language: 'en', noticeChannels: ['email', 'sms'], postalAddress: '' });
    expect(refused.page.body).toContain('confirm the address first');
    const saved = await submit('/en/cabinet/contacts', { language: 'en', noticeChannels: ['sms', 'post'], postalAddress: 'вул. Соборна, 5, кв. 3, 49000 Зореград' });
    expect(saved.page.body).toContain('Your changes are saved.');
    const page = await get('/en/cabinet/contacts');
    expect(page.body).toContain('вул. Соборна, 5, кв. 3, 49000 Зореград');
    expect(page.body).toMatch(/name="noticeChannels" type="checkbox" value="sms" checked/);
  });
});
