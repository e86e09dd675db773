import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSmsSimulator } from '../../src/dev/index.ts';
import { createSmtpEmailSender } from '../../src/modules/channels/email/index.ts';
import { type LocalSmtp, startLocalSmtp } from '../../src/dev/index.ts';
import { notificationHandlers } from '../../src/modules/notifications/index.ts';
import { notificationLinks } from '../../src/app/links.ts';
import { createOutboxWorker } from '../../src/platform/outbox/index.ts';
import type { TestApp } from '../support/app.ts';
import { appWithEid, csrfOf, signIn } from '../support/identity.ts';

/** The one clock of the portal under test: sessions, quotas and the outbox all read it. */
let now = new Date();
const clock = { now: () => now };
const advance = (seconds: number) => {
  now = new Date(now.getTime() + seconds * 1000);
};
const HOUR = 3600;
// Long sessions, so that moving the clock by hours does not sign anyone out; a small per-client quota to reach.
const ENV = { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '168', CODES_PER_CLIENT_PER_HOUR: '4' };
const kyivTime = (at: Date, lang: 'uk' | 'en') =>
  new Intl.DateTimeFormat(lang === 'uk' ? 'uk-UA' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Kyiv' }).format(at);

interface Person { cookie: string; csrf: string }
const personOf = async (t: TestApp, eid: string): Promise<Person> => {
  const cookie = await signIn(t.app, eid);
  return { cookie, csrf: await csrfOf(t.app, cookie, '/en/cabinet') };
};

/** Posts a form from a client address, follows the 303 and returns the page it leads to. */
async function submit(t: TestApp, who: Person, url: string, payload: Record<string, string>, from = '192.0.2.1'): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url, remoteAddress: from, headers: { cookie: who.cookie }, payload: { _csrf: who.csrf, ...payload } });
  expect(res.statusCode).toBe(303);
  const page = await t.app.inject({ url: String(res.headers.location), headers: { cookie: who.cookie } });
  expect(page.statusCode).toBe(200);
  return page.body;
}
const outboxSize = async (t: TestApp) => (await t.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox'))[0]?.n ?? 0;

describe('limits on one-time codes', () => {
  let t: TestApp;
  let olena: Person;
  let marta: Person;
  let taras: Person;
  beforeAll(async () => {
    t = await appWithEid(ENV, { clock });
    olena = await personOf(t, 'olena-koval');
    marta = await personOf(t, 'marta-nowak');
    taras = await personOf(t, 'taras-melnyk');
  });
  afterAll(async () => t.close());
  const ask = (who: Person, address: string, from?: string, lang = 'en') =>
    submit(t, who, `/${lang}/cabinet/contacts/code`, { channel: address.includes('@') ? 'email' : 'sms', address }, from);
  const SENT = 'We sent a code to';

  it('waits a cooldown between two codes to one destination, and says how long in plain words', async () => {
    advance(2 * HOUR);
    expect(await ask(olena, 'cool@example.com')).toContain(`${SENT} cool@example.com`);
    const before = await outboxSize(t);
    expect(await ask(olena, 'cool@example.com')).toContain('You can ask for a new code in 60 seconds.');
    advance(45);
    expect(await ask(olena, 'cool@example.com', undefined, 'uk')).toContain('Новий код можна попросити через 15 секунд.');
    expect(await outboxSize(t)).toBe(before);
    advance(15);
    expect(await ask(olena, 'cool@example.com')).toContain(`${SENT} cool@example.com`);
  });

  it('sends a destination at most 3 codes an hour, whoever asks', async () => {
    advance(2 * HOUR);
    const first = now;
    expect(await ask(olena, '+380501112233', '192.0.2.10')).toContain(`${SENT} +380501112233`);
    advance(61);
    expect(await ask(marta, '050 111 22 33', '192.0.2.11')).toContain(`${SENT} +380501112233`);
    advance(61);
    expect(await ask(taras, '+380501112233', '192.0.2.12')).toContain(`${SENT} +380501112233`);
    advance(61);
    const refused = await ask(olena, '+380501112233', '192.0.2.13');
    expect(refused).toContain(`Too many codes were sent to this address in the last hour. You can ask for a new code after ${kyivTime(new Date(first.getTime() + HOUR * 1000), 'en')}.`);
    advance(HOUR - 3 * 61);
    expect(await ask(olena, '+380501112233', '192.0.2.13')).toContain(SENT);
  });

  it('lets one person ask for at most 5 codes an hour, on any channel and from anywhere', async () => {
    advance(2 * HOUR);
    const first = now;
    for (let i = 1; i <= 5; i += 1) {
      expect(await ask(marta, i % 2 ? `marta${i}@example.com` : `+38067000000${i}`, `192.0.2.${20 + i}`)).toContain(SENT);
      advance(10);
    }
    const refused = await ask(marta, 'marta6@example.com', '192.0.2.26', 'uk');
    expect(refused).toContain(`За останню годину ви попросили забагато кодів. Новий код можна попросити після ${kyivTime(new Date(first.getTime() + HOUR * 1000), 'uk')}.`);
    expect(await ask(olena, 'olena6@example.com', '192.0.2.26')).toContain(SENT); // another person is not held back
  });

  it('counts the codes asked for from one client address, across people', async () => {
    advance(2 * HOUR);
    const first = now;
    expect(await ask(olena, 'c1@example.com', '198.51.100.7')).toContain(SENT);
    expect(await ask(olena, 'c2@example.com', '198.51.100.7')).toContain(SENT);
    expect(await ask(marta, 'c3@example.com', '198.51.100.7')).toContain(SENT);
    expect(await ask(taras, 'c4@example.com', '198.51.100.7')).toContain(SENT);
    const before = await outboxSize(t);
    expect(await ask(taras, 'c5@example.com', '198.51.100.7')).toContain(`Too many codes were asked for from your network in the last hour. You can ask for a new code after ${kyivTime(new Date(first.getTime() + HOUR * 1000), 'en')}.`);
    expect(await outboxSize(t)).toBe(before);
    expect(await ask(taras, 'c5@example.com', '198.51.100.8')).toContain(SENT);
  });

  it('counts wrong codes per person and channel across codes: a new code does not reset them', async () => {
    advance(2 * HOUR);
    const sms = createSmsSimulator();
    const smtp: LocalSmtp = await startLocalSmtp({ host: '127.0.0.1', port: 0 });
    const email = createSmtpEmailSender({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'Portico <no-reply@portal.test>' });
    try {
      const worker = createOutboxWorker({ db: t.services.db, clock, workerId: 'test', handlers: notificationHandlers({ email, sms, contactsOf: (id) => t.services.contacts.details(id), verificationCode: (id) => t.services.contacts.codeFor(id), links: notificationLinks('http://portal.test'), notices: t.services.notices }) });
      const codeSentTo = async (number: string) => {
        while ((await worker.runOnce()) > 0) {
          // every message queued so far, the earlier tests' too
        }
        return /(\d{6})/.exec(sms.last(number)?.text ?? '')?.[1] ?? '';
      };
      const guess = (code: string) => submit(t, taras, '/en/cabinet/contacts/confirm', { channel: 'sms', code });
      const wrongFor = (code: string) => (code === '999999' ? '999998' : '999999');

      await ask(taras, '+380931234567', '192.0.2.50');
      const firstCode = await codeSentTo('+380931234567');
      expect(firstCode).toMatch(/^\d{6}$/);
      const firstWrong = now;
      for (let i = 0; i < 4; i += 1) {
        expect(await guess(wrongFor(firstCode))).toContain('That code does not match.');
      }
      advance(61);
      expect(await ask(taras, '+380931234567', '192.0.2.50')).toContain(SENT);
      const secondCode = await codeSentTo('+380931234567');
      expect(secondCode).not.toBe('');
      const until = kyivTime(new Date(firstWrong.getTime() + HOUR * 1000), 'en');
      expect(await guess(wrongFor(secondCode))).toContain(`Too many wrong codes. You can try again after ${until}; a new code will not change this.`);
      // Even the right code is refused until the hour has passed, and the e-mail channel is not locked.
      expect(await guess(secondCode)).toContain(`Too many wrong codes. You can try again after ${until}`);
      const byEmail = await submit(t, taras, '/en/cabinet/contacts/confirm', { channel: 'email', code: '123456' });
      expect(byEmail).not.toContain('Too many wrong codes');
      expect(byEmail).toMatch(/Send a code to the address first\.|The code has expired\./);
      const [phone] = await t.services.db.query<{ verified: boolean }>("SELECT phone_verified_at IS NOT NULL AS verified FROM person_contacts WHERE phone = '+380931234567'");
      expect(phone?.verified).toBe(false);
      advance(HOUR);
      expect(await ask(taras, '+380931234567', '192.0.2.50')).toContain(SENT);
      expect(await guess(await codeSentTo('+380931234567'))).toContain('+380931234567 is confirmed.');
    } finally {
      email.close();
      await smtp.close();
    }
  });
});

describe('countries an SMS may go to', () => {
  it('refuses a foreign number by default, before anything is queued', async () => {
    const t = await appWithEid();
    try {
      const olena = await personOf(t, 'olena-koval');
      const before = await outboxSize(t);
      const body = await submit(t, olena, '/uk/cabinet/contacts/code', { channel: 'sms', address: '+48 601 234 567' });
      expect(body).toContain('SMS можна надсилати лише на номери таких країн: Україна.');
      expect(body).toContain('value="+48 601 234 567"');
      expect(await outboxSize(t)).toBe(before);
      expect((await submit(t, olena, '/en/cabinet/contacts/code', { channel: 'sms', address: '067 123 45 67' }))).toContain('We sent a code to +380671234567');
    } finally {
      await t.close();
    }
  });

  it('accepts it when SMS_ALLOWED_COUNTRIES names its country, in E.164', async () => {
    const t = await appWithEid({ SMS_ALLOWED_COUNTRIES: 'UA,PL' });
    try {
      const olena = await personOf(t, 'olena-koval');
      expect(await submit(t, olena, '/en/cabinet/contacts/code', { channel: 'sms', address: '+48 601 234 567' })).toContain('We sent a code to +48601234567');
      const [row] = await t.services.db.query<{ payload: { address: string } }>("SELECT payload FROM outbox WHERE topic = 'contact.verification-code'");
      expect(row?.payload.address).toBe('+48601234567');
      expect(await submit(t, olena, '/en/cabinet/contacts/code', { channel: 'sms', address: '+1 212 555 0100' })).toContain('We can send SMS only to numbers in: Ukraine, Poland.');
    } finally {
      await t.close();
    }
  });
});
