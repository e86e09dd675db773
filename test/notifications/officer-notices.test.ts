/**
 * Notices to officers in their own language: a deadline reminder and an escalation, through the outbox
 * and real SMTP to a local sink, each worded in the language the officer chose on their contact details
 * page (Ukrainian unless they chose English), with the link to the back office's page in that language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSmtpEmailSender, type SmtpEmailSender } from '../../src/modules/channels/email/index.ts';
import { createSmsSimulator, type LocalSmtp, startLocalSmtp } from '../../src/dev/index.ts';
import { CASE_ESCALATION_TOPIC, CASE_REMINDER_TOPIC, type CaseDeadlineMessage, type CaseRecord } from '../../src/modules/cases/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { notificationHandlers } from '../../src/modules/notifications/index.ts';
import { notificationLinks } from '../../src/app/links.ts';
import { createOutboxWorker, type OutboxWorker, outboxRepository } from '../../src/platform/outbox/index.ts';
import { ANSWERS, type CasesApp, casesApp, completeDraft, submit } from '../cases/support.ts';

let t: CasesApp;
let smtp: LocalSmtp;
let email: SmtpEmailSender;
let worker: OutboxWorker;
let c: CaseRecord;
const officers: Record<'clerk' | 'supervisor', { signedIn: SignedIn; address: string } | null> = { clerk: null, supervisor: null };

async function drain(): Promise<void> {
  while ((await worker.runOnce()) > 0) {
    // next batch
  }
}

async function confirmed(personaId: string, address: string, language: 'uk' | 'en'): Promise<SignedIn> {
  const who = await t.person(personaId, 'staff');
  expect((await t.services.contacts.requestCode(who, 'email', address, 'uk', null)).ok).toBe(true);
  await drain();
  const code = /(\d{6})/.exec((await smtp.waitFor((m) => m.to.includes(address))).text)?.[1] ?? '';
  expect((await t.services.contacts.confirm(who, 'email', code)).ok).toBe(true);
  expect((await t.services.contacts.savePreferences(who, { language, noticeChannels: ['portal'], postalAddress: null })).ok).toBe(true);
  return who;
}

beforeAll(async () => {
  t = await casesApp('2026-12-01');
  smtp = await startLocalSmtp({ host: '127.0.0.1', port: 0 });
  email = createSmtpEmailSender({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'Portico <no-reply@portal.test>' });
  worker = createOutboxWorker({
    db: t.services.db, clock: t.services.clock, workerId: 'officer-notices-test',
    handlers: notificationHandlers({ email, sms: createSmsSimulator(), contactsOf: (id) => t.services.contacts.details(id), verificationCode: (id) => t.services.contacts.codeFor(id), links: notificationLinks('http://portal.test'), notices: t.services.notices }),
  });
  officers.clerk = { signedIn: await confirmed('mykola-tkachenko', 'clerk.en@example.test', 'en'), address: 'clerk.en@example.test' };
  officers.supervisor = { signedIn: await confirmed('serhii-pavlenko', 'supervisor.uk@example.test', 'uk'), address: 'supervisor.uk@example.test' };
  const olena = await t.person('olena-koval');
  c = await submit(t.services, olena, await completeDraft(t.services, olena, 'tax-clearance-certificate', ANSWERS['tax-clearance-certificate']));
});
afterAll(async () => {
  email.close();
  await smtp.close();
  await t.close();
});

describe('officers\' notices in their language', () => {
  it('a reminder in English to the officer who chose English; an escalation in Ukrainian to the one who did not', async () => {
    const clerk = officers.clerk;
    const supervisor = officers.supervisor;
    if (clerk === null || supervisor === null) {
      throw new Error('no officers');
    }
    const message = (to: string): CaseDeadlineMessage => ({ caseId: c.id, caseNumber: c.number, organisationId: c.organisationId, dueOn: '2026-12-17', workingDaysBefore: 1, to: [to] });
    await t.services.db.transaction(async (tx) => {
      await outboxRepository.enqueue(tx, { topic: CASE_REMINDER_TOPIC, payload: message(clerk.signedIn.person.id), idempotencyKey: `officer-test:reminder:${c.id}`, availableAt: t.clock.now() });
      await outboxRepository.enqueue(tx, { topic: CASE_ESCALATION_TOPIC, payload: message(supervisor.signedIn.person.id), idempotencyKey: `officer-test:escalation:${c.id}`, availableAt: t.clock.now() });
    });
    await drain();
    const reminder = await smtp.waitFor((m) => m.to.includes(clerk.address) && m.subject.includes(c.number));
    expect(reminder.subject).toBe(`The term of case ${c.number} ends on 17 December 2026`);
    expect(reminder.text).toContain('1 working day is left until the end of the statutory term');
    expect(reminder.text).toContain(`http://portal.test/en/office/cases/${c.id}`);
    const escalation = await smtp.waitFor((m) => m.to.includes(supervisor.address) && m.subject.includes(c.number));
    expect(escalation.subject).toBe(`Ескалація: справа ${c.number}, строк 17 грудня 2026`);
    expect(escalation.text).toContain(`http://portal.test/uk/office/cases/${c.id}`);
  });
});
