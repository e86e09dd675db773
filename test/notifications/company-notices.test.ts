/**
 * Notices about a company's case reach everyone who speaks for it, each once: the director who applied,
 * and a representative whose mandate covers the service (not one whose mandate covers another service),
 * each in their own language, in the portal inbox always and by the e-mail and SMS they asked for.
 * A fan-out that runs again after a failure writes nothing twice; a delivery that fails every attempt
 * becomes a dead letter a supervisor of the case's agency sees and requeues.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSmtpEmailSender, type SmtpEmailSender } from '../../src/modules/channels/email/index.ts';
import { createSmsSimulator, type LocalSmtp, type SmsSimulator, startLocalSmtp } from '../../src/dev/index.ts';
import { CASE_CHANGED_TOPIC, type CaseRecord } from '../../src/modules/cases/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { notificationHandlers } from '../../src/modules/notifications/index.ts';
import { notificationLinks } from '../../src/app/links.ts';
import { createOutboxWorker, type OutboxHandler, type OutboxWorker } from '../../src/platform/outbox/index.ts';
import { act, ANSWERS, type CasesApp, casesApp, completeDraft, grantAgencyRoles, resolve, submit } from '../cases/support.ts';

const COMPANY = '40000001';
const TARAS_MAIL = 'taras.director@example.test';
const IRYNA_MAIL = 'iryna.accountant@example.test';
const ANDRII_MAIL = 'andrii.other@example.test';
const IRYNA_PHONE = '+380501110044';

let t: CasesApp;
let smtp: LocalSmtp;
let email: SmtpEmailSender;
let sms: SmsSimulator;
let taras: SignedIn & { token: string };
let iryna: SignedIn & { token: string };
let andrii: SignedIn & { token: string };
let clerk: SignedIn;
let decider: SignedIn;
let decided: CaseRecord;

const handlers = (over: Record<string, OutboxHandler> = {}) => ({
  ...notificationHandlers({ email, sms, contactsOf: (id) => t.services.contacts.details(id), verificationCode: (id) => t.services.contacts.codeFor(id), links: notificationLinks('http://portal.test'), notices: t.services.notices }),
  ...over,
});
const workerWith = (h: Record<string, OutboxHandler>, maxAttempts = 8): OutboxWorker =>
  createOutboxWorker({ db: t.services.db, clock: t.services.clock, workerId: `company-notices-${Math.random()}`, handlers: h, maxAttempts, backoff: () => 10_000 });

/** Delivers every message due now, batch after batch. */
async function drain(worker: OutboxWorker = workerWith(handlers())): Promise<void> {
  while ((await worker.runOnce()) > 0) {
    // next batch
  }
}
/** Moves the clock past the backoff, so retried messages are due. */
const later = () => t.clock.set(new Date(t.clock.now().getTime() + 11_000));

const inboxRows = (caseId: string) =>
  t.services.db.query<{ person_id: string; kind: string; lang: string; subject: string; party_kind: string; party_id: string | null; document_id: string | null }>(
    'SELECT person_id, kind, lang, subject, party_kind, party_id, document_id FROM inbox_messages WHERE case_id = $1 ORDER BY created_at, person_id',
    [caseId],
  );
const mailsTo = (address: string, caseNumber: string) => smtp.messages().filter((m) => m.to.includes(address) && m.subject.includes(caseNumber)).map((m) => m.subject);
const smsTo = (phone: string, caseNumber: string) => sms.messages().filter((m) => m.to === phone && m.text.includes(caseNumber)).map((m) => m.text);

async function confirmEmail(who: SignedIn, address: string, lang: 'uk' | 'en'): Promise<void> {
  expect((await t.services.contacts.requestCode(who, 'email', address, lang, null)).ok).toBe(true);
  await drain();
  const code = /(\d{6})/.exec((await smtp.waitFor((m) => m.to.includes(address))).text)?.[1] ?? '';
  expect((await t.services.contacts.confirm(who, 'email', code)).ok).toBe(true);
}

/** The director applies for the company for a tax clearance certificate (no fee). */
async function companyCase(): Promise<CaseRecord> {
  expect((await t.services.sessions.actAs(taras, { kind: 'business', id: COMPANY })).ok).toBe(true);
  const forCompany = await resolve(t.services, taras.token);
  return submit(t.services, forCompany, await completeDraft(t.services, forCompany, 'tax-clearance-certificate', { ...ANSWERS['tax-clearance-certificate'], applicantType: 'business', email: 'office@zoriana.example' }));
}

beforeAll(async () => {
  t = await casesApp('2026-12-01');
  smtp = await startLocalSmtp({ host: '127.0.0.1', port: 0 });
  email = createSmtpEmailSender({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'Portico <no-reply@portal.test>' });
  sms = createSmsSimulator();
  await grantAgencyRoles(t, 'state-tax-service');
  clerk = await t.person('mykola-tkachenko', 'staff');
  decider = await t.person('oksana-lysenko', 'staff');
  taras = await t.person('taras-melnyk');
  iryna = await t.person('iryna-bondar');
  andrii = await t.person('andrii-shevchenko');

  // The director reads Ukrainian and asked for e-mail; the accountant English, e-mail and SMS; the other representative e-mail.
  await confirmEmail(taras, TARAS_MAIL, 'uk');
  expect((await t.services.contacts.savePreferences(taras, { language: 'uk', noticeChannels: ['email'], postalAddress: null })).ok).toBe(true);
  await confirmEmail(iryna, IRYNA_MAIL, 'en');
  expect((await t.services.contacts.requestCode(iryna, 'sms', IRYNA_PHONE, 'en', null)).ok).toBe(true);
  await drain();
  expect((await t.services.contacts.confirm(iryna, 'sms', /(\d{6})/.exec(sms.last(IRYNA_PHONE)?.text ?? '')?.[1] ?? '')).ok).toBe(true);
  expect((await t.services.contacts.savePreferences(iryna, { language: 'en', noticeChannels: ['email', 'sms'], postalAddress: null })).ok).toBe(true);
  await confirmEmail(andrii, ANDRII_MAIL, 'uk');
  expect((await t.services.contacts.savePreferences(andrii, { language: 'uk', noticeChannels: ['email'], postalAddress: null })).ok).toBe(true);

  // The company's mandates: the accountant's covers the service, the other one's another service only.
  expect((await t.services.sessions.actAs(taras, { kind: 'business', id: COMPANY })).ok).toBe(true);
  const forCompany = await resolve(t.services, taras.token);
  const grant = (nationalId: string, serviceIds: string[]) =>
    t.services.mandates.grant(forCompany, { representativeNationalId: nationalId, scope: { kind: 'services', serviceIds }, validFrom: '2026-12-01', validUntil: '2026-12-31' });
  expect((await grant('9000000044', ['tax-clearance-certificate'])).ok).toBe(true);
  expect((await grant('9000000022', ['vat-registration'])).ok).toBe(true);
});
afterAll(async () => {
  email.close();
  await smtp.close();
  await t.close();
});

describe('a company case decided', () => {
  it('each person told gets exactly one inbox row per notice and the e-mails and SMS they asked for, in their language', async () => {
    const c = await companyCase();
    await drain();
    await act(t.services, clerk, c.id, 'register');
    await act(t.services, clerk, c.id, 'start-review');
    await drain();
    expect((await act(t.services, decider, c.id, 'grant')).state).toBe('result-issued');
    await drain();
    await smtp.waitFor((m) => m.to.includes(IRYNA_MAIL) && m.subject === `Case ${c.number}: granted`);

    const rows = await inboxRows(c.id);
    const byPerson = (personId: string) => rows.filter((r) => r.person_id === personId);
    expect(byPerson(taras.person.id).map((r) => [r.kind, r.lang, r.subject])).toEqual([
      ['submitted', 'uk', `Заяву ${c.number} прийнято`],
      ['decision', 'uk', `Справа ${c.number}: рішення позитивне`],
    ]);
    expect(byPerson(iryna.person.id).map((r) => [r.kind, r.lang, r.subject])).toEqual([
      ['submitted', 'en', `Application ${c.number} received`],
      ['decision', 'en', `Case ${c.number}: granted`],
    ]);
    expect(byPerson(andrii.person.id)).toEqual([]);
    expect(rows.every((r) => r.party_kind === 'business' && r.party_id === COMPANY)).toBe(true);
    const [document] = await t.services.db.query<{ id: string }>('SELECT id FROM documents WHERE case_id = $1', [c.id]);
    expect(rows.filter((r) => r.kind === 'decision').map((r) => r.document_id)).toEqual([document?.id, document?.id]);

    expect(mailsTo(TARAS_MAIL, c.number)).toEqual([`Заяву ${c.number} прийнято`, `Справа ${c.number}: рішення позитивне`]);
    expect(mailsTo(IRYNA_MAIL, c.number)).toEqual([`Application ${c.number} received`, `Case ${c.number}: granted`]);
    expect(mailsTo(ANDRII_MAIL, c.number)).toEqual([]);
    expect(smsTo(IRYNA_PHONE, c.number)).toEqual([
      `Portico: Application ${c.number} received. http://portal.test/en/cabinet/cases/${c.id}`,
      `Portico: Case ${c.number}: granted. http://portal.test/en/cabinet/cases/${c.id}`,
    ]);

    // The outbox run again tells nobody anything more.
    later();
    await drain();
    expect(await inboxRows(c.id)).toHaveLength(4);
    expect(mailsTo(TARAS_MAIL, c.number)).toHaveLength(2);
    decided = c;
  });

  it('the representative\'s inbox: unread first with a tag and counts, the cabinet\'s link; opening marks read and opened, the download is recorded', async () => {
    const c = decided;
    const page = (url: string) => t.app.inject({ url, headers: { cookie: `portico_session=${iryna.token}` } });
    const proof = () => t.services.db.query<{ kind: string; read_at: Date | null; opened_at: Date | null; downloaded_at: Date | null }>(
      "SELECT kind, read_at, opened_at, downloaded_at FROM inbox_messages WHERE case_id = $1 AND person_id = $2 ORDER BY kind = 'decision'", [c.id, iryna.person.id],
    );
    const unreadBefore = await t.services.notices.unreadCount(iryna);
    expect(unreadBefore).toBeGreaterThanOrEqual(2);
    const cabinet = await page('/en/cabinet');
    expect(cabinet.body).toContain(`${unreadBefore} unread messages</a>`);

    const list = await page('/en/cabinet/inbox');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('On behalf of: ТОВ «Зоряна пекарня»');
    expect(list.body).toContain(`${unreadBefore} unread</span>`);
    const decision = (await t.services.notices.inbox(iryna)).flatMap((g) => g.messages).find((m) => m.caseId === c.id && m.kind === 'decision');
    expect(decision?.readAt).toBeNull();
    expect(list.body).toMatch(new RegExp(`<strong class="govuk-tag">Unread</strong> <a class="govuk-link govuk-!-font-weight-bold" href="/en/cabinet/inbox/${decision?.id}">Case ${c.number}: granted</a>`));

    // Acting for herself, the message opens but its case does not: the page says whom to act for.
    const opened = await page(`/en/cabinet/inbox/${decision?.id}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('To open the case, act on behalf of: ТОВ «Зоряна пекарня».');
    expect(await proof()).toMatchObject([{ kind: 'submitted', read_at: null, opened_at: null }, { kind: 'decision', opened_at: t.clock.now(), read_at: t.clock.now(), downloaded_at: null }]);
    expect(await t.services.notices.unreadCount(iryna)).toBe(unreadBefore - 1);
    expect((await page('/en/cabinet/inbox')).body).toMatch(new RegExp(`<a class="govuk-link" href="/en/cabinet/inbox/${decision?.id}">`));

    // Another person's message is not found.
    const other = (await t.services.notices.inbox(taras)).flatMap((g) => g.messages)[0];
    expect((await page(`/en/cabinet/inbox/${other?.id}`)).statusCode).toBe(404);

    // Acting for the company, she downloads the decision from the message.
    expect((await t.services.sessions.actAs(await resolve(t.services, iryna.token), { kind: 'business', id: COMPANY })).ok).toBe(true);
    const acting = await page(`/en/cabinet/inbox/${decision?.id}`);
    const download = new RegExp(`href="(/en/cabinet/cases/${c.id}/documents/${decision?.documentId})"`).exec(acting.body)?.[1];
    expect(download).toBeDefined();
    later();
    const pdf = await page(download ?? '');
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    const [, proved] = await proof();
    expect(proved?.downloaded_at).toEqual(t.clock.now());
    expect(proved?.opened_at?.getTime()).toBeLessThan(t.clock.now().getTime()); // the first opening stays
  });

  it('a fan-out whose outcome was lost after it committed runs again after the backoff and writes no second inbox row or delivery', async () => {
    const c = await companyCase();
    await drain();
    await act(t.services, clerk, c.id, 'register');
    await act(t.services, clerk, c.id, 'start-review');
    await drain();
    const real = handlers()[CASE_CHANGED_TOPIC];
    let calls = 0;
    const losing = workerWith(handlers({
      [CASE_CHANGED_TOPIC]: async (payload, ctx) => {
        const outcome = await real!(payload, ctx);
        if ((payload as { event?: string }).event !== 'grant') {
          return outcome;
        }
        calls++;
        if (calls === 1) {
          throw new Error('connection lost after the commit');
        }
        return outcome;
      },
    }));
    await act(t.services, decider, c.id, 'grant');
    await drain(losing);
    expect(calls).toBe(1);
    const [failed] = await t.services.db.query<{ attempts: number; done_at: Date | null; last_error: string | null }>(
      "SELECT attempts, done_at, last_error FROM outbox WHERE topic = $1 AND payload->>'caseId' = $2 AND payload->>'event' = 'grant'", [CASE_CHANGED_TOPIC, c.id],
    );
    expect(failed).toMatchObject({ attempts: 1, done_at: null, last_error: 'handler threw: connection lost after the commit' });

    later();
    await drain(losing);
    expect(calls).toBe(2);
    const decisions = (await inboxRows(c.id)).filter((r) => r.kind === 'decision');
    expect(decisions.map((r) => r.person_id).sort()).toEqual([taras.person.id, iryna.person.id].sort());
    await smtp.waitFor((m) => m.to.includes(IRYNA_MAIL) && m.subject === `Case ${c.number}: granted`);
    expect(mailsTo(TARAS_MAIL, c.number)).toEqual([`Заяву ${c.number} прийнято`, `Справа ${c.number}: рішення позитивне`]);
    expect(mailsTo(IRYNA_MAIL, c.number)).toEqual([`Application ${c.number} received`, `Case ${c.number}: granted`]);
    const [notice] = await t.services.db.query<{ n: string | number }>("SELECT count(*) AS n FROM audit_events WHERE action = 'notice.sent' AND detail->>'kind' = 'decision' AND subject = $1", [`case:${c.number}`]);
    expect(Number(notice?.n)).toBe(1);
  });

  it('an SMS that fails every attempt is a dead letter a supervisor of the agency sees and requeues, once, audited', async () => {
    const c = await companyCase();
    sms.failNext(3, 'gateway down');
    const failing = workerWith(handlers(), 3);
    await drain(failing);
    later();
    await drain(failing);
    later();
    await drain(failing);
    expect(smsTo(IRYNA_PHONE, c.number)).toEqual([]);

    const supervisor = await t.person('petro-boiko', 'staff');
    const dead = (await t.services.deadLetters.list(supervisor)).filter((d) => d.caseId === c.id);
    expect(dead.map((d) => [d.topic, d.caseNumber, d.attempts, d.lastError])).toEqual([['notice.sms', c.number, 3, 'gave up after 3 attempts: gateway down']]);
    expect(await t.services.deadLetters.list(clerk)).toEqual([]);
    expect(await t.services.deadLetters.requeue(clerk, String(dead[0]?.id))).toMatchObject({ ok: false, error: { code: 'notices.dead_letter_not_found' } });

    // The supervisor's page lists it and sends it again.
    const cookie = `portico_session=${supervisor.token}`;
    const list = await t.app.inject({ url: '/en/office/dead-letters', headers: { cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`>${c.number}</a>`);
    expect(list.body).toContain('SMS to the applicant or a representative');
    const post = () => t.app.inject({ method: 'POST', url: `/en/office/dead-letters/${dead[0]?.id}/requeue`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(supervisor.session.csrfToken)}` });
    const requeued = await post();
    expect([requeued.statusCode, requeued.headers.location]).toEqual([303, `/en/office/dead-letters?requeued=${c.number}`]);
    expect((await post()).statusCode).toBe(404);
    expect(await t.services.deadLetters.requeue(supervisor, String(dead[0]?.id))).toMatchObject({ ok: false, error: { code: 'notices.dead_letter_not_found' } });
    await drain();
    expect(smsTo(IRYNA_PHONE, c.number)).toEqual([`Portico: Application ${c.number} received. http://portal.test/en/cabinet/cases/${c.id}`]);
    expect((await t.services.deadLetters.list(supervisor)).filter((d) => d.caseId === c.id)).toEqual([]);
    const [audit] = await t.services.db.query<{ actor_person_id: string; detail: { outboxId: number; topic: string } }>(
      "SELECT actor_person_id, detail FROM audit_events WHERE action = 'outbox.requeue' AND subject = $1", [`case:${c.number}`],
    );
    expect(audit).toMatchObject({ actor_person_id: supervisor.person.id, detail: { outboxId: dead[0]?.id, topic: 'notice.sms' } });
  });
});
