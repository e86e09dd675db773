/**
 * The applicant's e-mails over a whole journey, through the outbox and real SMTP to a local sink:
 * one notice per event that matters to the person (the notifications README lists them), no more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSmtpEmailSender, type SmtpEmailSender } from '../../src/modules/channels/email/index.ts';
import { type LocalSmtp, startLocalSmtp } from '../../src/dev/index.ts';
import { createSmsSimulator } from '../../src/dev/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { SIGNATURE_HEADER } from '../../src/modules/payments/index.ts';
import { notificationHandlers } from '../../src/modules/notifications/index.ts';
import { notificationLinks } from '../../src/app/links.ts';
import { createOutboxWorker, type OutboxWorker } from '../../src/platform/outbox/index.ts';
import { act, type CasesApp, casesApp, draftOf, submit } from '../cases/support.ts';

const ADDRESS = 'olena.notices@example.test';
let t: CasesApp;
let smtp: LocalSmtp;
let email: SmtpEmailSender;
let worker: OutboxWorker;
let olena: SignedIn;

/** Delivers every message due now, batch after batch. */
async function drain(): Promise<void> {
  while ((await worker.runOnce()) > 0) {
    // next batch
  }
}

/** The subjects of the mails sent to the applicant about one case, in the order sent. */
const subjectsAbout = (caseNumber: string) => smtp.messages().filter((m) => m.to.includes(ADDRESS) && m.subject.includes(caseNumber)).map((m) => m.subject);

beforeAll(async () => {
  t = await casesApp('2026-09-01');
  smtp = await startLocalSmtp({ host: '127.0.0.1', port: 0 });
  email = createSmtpEmailSender({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'Portico <no-reply@portal.test>' });
  worker = createOutboxWorker({
    db: t.services.db, clock: t.services.clock, workerId: 'notices-test',
    handlers: notificationHandlers({ email, sms: createSmsSimulator(), contactsOf: (id) => t.services.contacts.details(id), verificationCode: (id) => t.services.contacts.codeFor(id), links: notificationLinks('http://portal.test'), notices: t.services.notices }),
  });
  olena = await t.person('olena-koval');
  // A confirmed address: the code goes out by the same outbox and SMTP.
  expect((await t.services.contacts.requestCode(olena, 'email', ADDRESS, 'uk', null)).ok).toBe(true);
  await drain();
  const code = /(\d{6})/.exec((await smtp.waitFor((m) => m.to.includes(ADDRESS))).text)?.[1] ?? '';
  expect((await t.services.contacts.confirm(olena, 'email', code)).ok).toBe(true);
  // Notices go by e-mail only to those who asked for it (besides the portal inbox, always).
  expect((await t.services.contacts.savePreferences(olena, { language: 'uk', noticeChannels: ['email'], postalAddress: null })).ok).toBe(true);
});
afterAll(async () => {
  email.close();
  await smtp.close();
  await t.close();
});

describe('notices over a whole journey', () => {
  it('submit, pay, information requested, answered, granted: exactly one e-mail for each event that matters', async () => {
    const c = await submit(t.services, olena, await draftOf(t.services, olena, 'international-passport'));
    expect(c.state).toBe('awaiting-payment');
    await drain();

    // Paid on the provider's page; its signed callback reaches the portal.
    const started = await t.services.payments.start(olena, c.id, 'http://portal.test/uk/cabinet/cases/return');
    if (!started.ok) {
      throw new Error(`payment refused: ${started.error.code}`);
    }
    await fetch(started.value.redirectUrl, { method: 'POST', body: new URLSearchParams({ outcome: 'paid' }), redirect: 'manual' });
    await t.simulator.idle();
    const callback = t.simulator.callbacks().at(-1);
    expect(callback?.callback.status).toBe('paid');
    expect(await t.services.payments.callback({ 'content-type': 'application/json', [SIGNATURE_HEADER.toLowerCase()]: callback?.signature ?? '' }, callback?.body ?? '')).toBe('applied');
    await drain();

    const clerk = await t.person('mykola-tkachenko', 'staff');
    const decider = await t.person('oksana-lysenko', 'staff');
    await act(t.services, clerk, c.id, 'register');
    await act(t.services, clerk, c.id, 'start-review');
    await act(t.services, clerk, c.id, 'request-information', 'Please send the page with your registration address.');
    await drain();
    expect((await t.services.cases.answer(olena, c.id, 'Attached at the centre on Monday.')).ok).toBe(true);
    await drain();
    expect((await act(t.services, decider, c.id, 'grant')).state).toBe('result-issued');
    await drain();
    await smtp.waitFor((m) => m.subject === `Справа ${c.number}: рішення позитивне`);

    const subjects = subjectsAbout(c.number);
    expect(subjects).toEqual([
      `Заяву ${c.number} прийнято`,
      `Справа ${c.number}: оплату отримано`,
      `Справа ${c.number}: потрібна ваша відповідь`,
      `Справа ${c.number}: рішення позитивне`,
    ]);
    const received = smtp.messages().find((m) => m.subject === `Заяву ${c.number} прийнято`);
    expect(received?.text).toContain('732,00'); // the fee to pay, in the receipt notice
    expect(received?.text).toContain(`http://portal.test/uk/cabinet/cases/${c.id}`);
    // Asked on Tue 1 Sep: the notice names the day the answer is asked for, ten working days later.
    const asked = smtp.messages().find((m) => m.subject === `Справа ${c.number}: потрібна ваша відповідь`);
    expect(asked?.text).toContain('Відповідь очікують до 15 вересня 2026.');

    // A repeated callback, or the outbox run again, sends nothing more.
    expect(await t.services.payments.callback({ 'content-type': 'application/json', [SIGNATURE_HEADER.toLowerCase()]: callback?.signature ?? '' }, callback?.body ?? '')).toBe('duplicate');
    await drain();
    expect(subjectsAbout(c.number)).toHaveLength(4);
  });

  it('a free application withdrawn: received, then withdrawn, once each', async () => {
    const c = await submit(t.services, olena, await draftOf(t.services, olena, 'tax-clearance-certificate'));
    expect((await t.services.cases.withdraw(olena, c.id, 'Not needed any more')).ok).toBe(true);
    await drain();
    await smtp.waitFor((m) => m.subject === `Заяву ${c.number} відкликано`);
    await smtp.waitFor((m) => m.subject === `Заяву ${c.number} прийнято`);
    // Both notices leave in one batch, so they may reach the mail server in either order: once each is what counts.
    expect([...subjectsAbout(c.number)].sort()).toEqual([`Заяву ${c.number} відкликано`, `Заяву ${c.number} прийнято`].sort());
    expect(smtp.messages().find((m) => m.subject === `Заяву ${c.number} прийнято`)?.text).not.toContain('сплатіть');
  });
});
