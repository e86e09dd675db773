/**
 * The collection reminder job: a result still awaiting collection at a centre after the configured
 * working days (10 by default, the working calendar's days, from the day it was made ready) gets one
 * reminder through the outbox — to the applicant in their language, in the inbox and by the channels
 * they chose (here e-mail, through real SMTP to a local sink). Nothing before the day; nothing for a
 * result collected, cancelled or past its last day; never twice, also with two processes running the
 * job at once (and, on PostgreSQL, a row another transaction holds is skipped, not waited for).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { notificationLinks } from '../../src/app/links.ts';
import { createSmsSimulator, type LocalSmtp, startLocalSmtp } from '../../src/dev/index.ts';
import type { CaseRecord } from '../../src/modules/cases/index.ts';
import { createSmtpEmailSender, type SmtpEmailSender } from '../../src/modules/channels/email/index.ts';
import { addDays } from '../../src/modules/deadlines/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { notificationHandlers } from '../../src/modules/notifications/index.ts';
import { createOutboxWorker, type OutboxWorker } from '../../src/platform/outbox/index.ts';
import { act, type CasesApp, casesApp, draftOf, submit } from '../cases/support.ts';

const SERVER = process.env['TEST_DATABASE_URL'];
const READY_ON = '2026-12-01';
const CENTRE = 'zorehrad-cnap-central';
const ADDRESS = 'olena.collection@example.test';
const HANDOVER = { recipient: 'applicant', representativeName: '', representativeBasis: '', idDocumentType: 'id-card', idDocumentNumber: '001 234 567' };

type Person = SignedIn & { token: string };
let t: CasesApp;
let smtp: LocalSmtp;
let email: SmtpEmailSender;
let worker: OutboxWorker;
let olena: Person;
let clerk: Person;
let decider: Person;
let desk: Person;

async function drain(): Promise<void> {
  while ((await worker.runOnce()) > 0) {
    // next batch
  }
}

async function granted(): Promise<CaseRecord> {
  const c = await submit(t.services, olena, await draftOf(t.services, olena, 'criminal-record-certificate'));
  await act(t.services, clerk, c.id, 'register');
  await act(t.services, clerk, c.id, 'start-review');
  await act(t.services, decider, c.id, 'grant');
  return c;
}

/** A granted case's result made ready at the centre today (by the test's clock); its collection's id. */
async function ready(collectBy = ''): Promise<{ c: CaseRecord; id: string }> {
  const c = await granted();
  const marked = await t.services.collection.markReady(clerk, c.id, { centreId: CENTRE, collectBy });
  if (!marked.ok) {
    throw new Error(marked.error.code);
  }
  return { c, id: marked.value.id };
}

const reminderRows = () => t.services.db.query<{ idempotency_key: string }>("SELECT idempotency_key FROM outbox WHERE topic = 'collection.ready' AND idempotency_key LIKE 'collection-reminder:%' ORDER BY idempotency_key");
const remindedAt = async (id: string) => (await t.services.db.query<{ reminded_at: Date | null }>('SELECT reminded_at FROM collections WHERE id = $1', [id]))[0]?.reminded_at ?? null;
const inbox = (caseId: string) => t.services.db.query<{ person_id: string; subject: string; body: string }>("SELECT person_id, subject, body FROM inbox_messages WHERE case_id = $1 AND kind = 'collection-reminder'", [caseId]);

const due = () => addDays(t.services.calendar.addWorkingDays(READY_ON, 10), 1);
const day = (d: string) => t.clock.set(d);

beforeAll(async () => {
  t = await casesApp(READY_ON);
  smtp = await startLocalSmtp({ host: '127.0.0.1', port: 0 });
  email = createSmtpEmailSender({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'Portico <no-reply@portal.test>' });
  worker = createOutboxWorker({
    db: t.services.db, clock: t.services.clock, workerId: 'collection-reminders-test',
    handlers: notificationHandlers({ email, sms: createSmsSimulator(), contactsOf: (id) => t.services.contacts.details(id), verificationCode: (id) => t.services.contacts.codeFor(id), links: notificationLinks('http://portal.test'), notices: t.services.notices }),
  });
  olena = await t.person('olena-koval');
  clerk = await t.person('mykola-tkachenko', 'staff');
  decider = await t.person('oksana-lysenko', 'staff');
  desk = await t.person('yuliia-marchenko', 'staff');
  // Olena reads English and asked for notices by e-mail (a confirmed address).
  expect((await t.services.contacts.requestCode(olena, 'email', ADDRESS, 'en', null)).ok).toBe(true);
  await drain();
  const code = /(\d{6})/.exec((await smtp.waitFor((m) => m.to.includes(ADDRESS))).text)?.[1] ?? '';
  expect((await t.services.contacts.confirm(olena, 'email', code)).ok).toBe(true);
  expect((await t.services.contacts.savePreferences(olena, { language: 'en', noticeChannels: ['email'], postalAddress: null })).ok).toBe(true);
});

afterAll(async () => {
  email.close();
  await smtp.close();
  await t.close();
});

describe('reminders of results awaiting collection', () => {
  it('the default is ten working days', () => {
    expect(t.services.collection.remindAfterWorkingDays).toBe(10);
  });

  it('one reminder the day after the tenth working day, in the person\'s language by their channels; none before, none for what is collected, cancelled or past its last day; never twice with two processes at once', async () => {
    day(READY_ON);
    const waiting = await ready();
    const alsoWaiting = await ready(addDays(due(), 30));
    const collected = await ready();
    const cancelled = await ready();
    const lapsed = await ready(addDays(due(), -1));
    await drain();
    expect((await t.services.collection.handOver(desk, collected.id, HANDOVER)).ok).toBe(true);
    expect((await t.services.collection.cancel(clerk, cancelled.id, 'Wrong centre')).ok).toBe(true);

    for (const d of [READY_ON, t.services.calendar.addWorkingDays(READY_ON, 9), t.services.calendar.addWorkingDays(READY_ON, 10)]) {
      day(d);
      expect(await t.services.collection.sendDueReminders()).toBe(0);
    }
    expect(await reminderRows()).toEqual([]);

    day(due());
    const runs = await Promise.all([t.services.collection.sendDueReminders(), t.services.collection.sendDueReminders()]);
    expect(runs[0] + runs[1]).toBe(2);
    expect((await reminderRows()).map((r) => r.idempotency_key)).toEqual([`collection-reminder:${waiting.id}`, `collection-reminder:${alsoWaiting.id}`].sort());
    for (const k of [collected, cancelled, lapsed]) {
      expect(await remindedAt(k.id)).toBeNull();
    }
    expect(await remindedAt(waiting.id)).toEqual(t.clock.now());

    await drain();
    const [notice] = await inbox(waiting.c.id);
    expect(notice?.person_id).toBe(olena.person.id);
    expect(notice?.subject).toBe(`Case ${waiting.c.number}: your result is waiting`);
    expect(notice?.body).toContain('A reminder: still waiting for collection');
    expect(notice?.body).toContain('Opening hours: Mon–Fri 08:00–20:00; Sat 09:00–16:00');
    const mails = smtp.messages().filter((m) => m.to.includes(ADDRESS) && m.subject.startsWith(`Case ${waiting.c.number}: `) && !m.subject.endsWith('granted'));
    expect(mails.map((m) => m.subject)).toEqual([`Case ${waiting.c.number}: ready for collection`, `Case ${waiting.c.number}: your result is waiting`]);
    expect(await inbox(lapsed.c.id)).toEqual([]);

    const audits = await t.services.db.query<{ subject: string; channel: string; actor_person_id: string | null }>("SELECT subject, channel, actor_person_id FROM audit_events WHERE action = 'collection.reminded' ORDER BY subject");
    expect(audits).toEqual([waiting.c.number, alsoWaiting.c.number].sort().map((n) => ({ subject: `case:${n}`, channel: 'system', actor_person_id: null })));

    // Once: the next days remind nothing more.
    for (const d of [addDays(due(), 1), addDays(due(), 20)]) {
      day(d);
      expect(await t.services.collection.sendDueReminders()).toBe(0);
    }
    await drain();
    expect(await inbox(waiting.c.id)).toHaveLength(1);
  });

  it('many results, batches of two, two processes at once: each reminded exactly once', async () => {
    day(READY_ON);
    const many: Array<{ c: CaseRecord; id: string }> = [];
    for (let i = 0; i < 7; i++) {
      many.push(await ready());
    }
    day(due());
    const runs = await Promise.all([t.services.collection.sendDueReminders(2), t.services.collection.sendDueReminders(2)]);
    expect(runs[0] + runs[1]).toBe(7);
    for (const k of many) {
      expect(await remindedAt(k.id)).toEqual(t.clock.now());
    }
    const keys = (await reminderRows()).map((r) => r.idempotency_key);
    expect(keys.filter((k) => many.some((m) => k.endsWith(m.id)))).toHaveLength(7);
    expect(await t.services.collection.sendDueReminders(2)).toBe(0);
  });

  it.runIf(SERVER)('skips a result another transaction holds, without waiting, and reminds it on a later run (PostgreSQL)', async () => {
    day(READY_ON);
    const held = await ready();
    const free = await ready();
    day(due());
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = t.services.db.transaction(async (tx) => {
      await tx.query('SELECT id FROM collections WHERE id = $1 FOR UPDATE', [held.id]);
      locked();
      await released;
    });
    await isLocked;
    expect(await t.services.collection.sendDueReminders()).toBe(1);
    expect(await remindedAt(free.id)).not.toBeNull();
    expect(await remindedAt(held.id)).toBeNull();
    release();
    await holder;
    expect(await t.services.collection.sendDueReminders()).toBe(1);
    expect(await remindedAt(held.id)).not.toBeNull();
  });
});
