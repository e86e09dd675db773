import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CaseRecord } from '../../src/modules/cases/index.ts';
import { smsSegments } from '../../src/modules/channels/sms/index.ts';
import { DEFAULT_INBOUND_RULE } from '../../src/modules/sms/index.ts';
import { ANSWERS, completeDraft, draftOf, resolve, submit } from '../cases/support.ts';
import { confirmPhone, counts, type SmsApp, smsApp, text } from './support.ts';

let t: SmsApp;
const OLENA = '+380501230011';
const TARAS = '+380501230012';
const ANDRII = '+380501230013';
const UNKNOWN = '+380501230099';
let olenaCase: CaseRecord;
let companyCase: CaseRecord;

beforeAll(async () => {
  t = await smsApp('2026-09-01');
  const olena = await t.person('olena-koval');
  const taras = await t.person('taras-melnyk');
  await confirmPhone(t, olena, OLENA);
  await confirmPhone(t, taras, TARAS);
  await confirmPhone(t, await t.person('andrii-shevchenko'), ANDRII);
  olenaCase = await submit(t.services, olena, await draftOf(t.services, olena, 'tax-clearance-certificate'));
  expect((await t.services.sessions.actAs(taras, { kind: 'business', id: '40000001' })).ok).toBe(true);
  const forCompany = await resolve(t.services, taras.token);
  companyCase = await submit(t.services, forCompany, await completeDraft(t.services, forCompany, 'tax-clearance-certificate', { ...ANSWERS['tax-clearance-certificate'], applicantType: 'business', email: 'office@zoriana.example' }));
  expect(companyCase.party).toMatchObject({ kind: 'business', id: '40000001' });
});
afterAll(async () => t.close());

/** Sends a text a few seconds after the last one (so no number reaches the rate limit here) and answers the reply. */
const replyTo = async (from: string, message: string) => {
  t.clock.set(new Date(t.clock.now().getTime() + 7000));
  const sent = await text(t, from, message);
  expect([sent.status, sent.outcome]).toEqual([200, 'answered']);
  return sent.reply?.text ?? '';
};

describe('STATUS', () => {
  it('answers the state of one’s own case, in the keyword’s language', async () => {
    const uk = await replyTo(OLENA, `СТАТУС ${olenaCase.number}`);
    expect(uk).toContain(`Справа ${olenaCase.number}`);
    expect(uk).toContain('відсутність заборгованості');
    const en = await replyTo(OLENA, `status ${olenaCase.number}`);
    expect(en).toMatch(new RegExp(`^Case ${olenaCase.number} \\(.+\\): .+\\.`));
  });

  it('answers for a case of a party the person acts for (the company Taras directs), filed by anyone', async () => {
    expect(await replyTo(TARAS, `STATUS ${companyCase.number}`)).toMatch(new RegExp(`^Case ${companyCase.number} `));
  });

  it('gives one neutral reply, revealing nothing, for someone else’s case, a case that does not exist, and to an unknown number', async () => {
    const neutral = await replyTo(UNKNOWN, `STATUS ${olenaCase.number}`);
    expect(neutral).not.toContain(olenaCase.number);
    expect(neutral).toContain('http://portal.test/en/cabinet');
    expect(await replyTo(ANDRII, `STATUS ${olenaCase.number}`)).toBe(neutral); // a known number, someone else's case
    expect(await replyTo(OLENA, `STATUS ${companyCase.number}`)).toBe(neutral); // Olena acts for no company
    expect(await replyTo(TARAS, `STATUS ${olenaCase.number}`)).toBe(neutral);
    expect(await replyTo(OLENA, 'STATUS 2026-999999')).toBe(neutral); // no such case
    expect(await replyTo(UNKNOWN, 'STATUS 2026-999999')).toBe(neutral);
    expect(await replyTo(UNKNOWN, `СТАТУС ${olenaCase.number}`)).toBe(await replyTo(ANDRII, `СТАТУС ${olenaCase.number}`));
  });

  it('a number confirmed by two people leads to nobody', async () => {
    const shared = '+380501230014';
    await confirmPhone(t, await t.person('olena-koval'), shared);
    expect(await replyTo(shared, `STATUS ${olenaCase.number}`)).toMatch(/^Case /);
    await confirmPhone(t, await t.person('andrii-shevchenko'), shared);
    expect(await replyTo(shared, `STATUS ${olenaCase.number}`)).toBe(await replyTo(UNKNOWN, `STATUS ${olenaCase.number}`));
  });

  it('without a case number, says how to write one', async () => {
    expect(await replyTo(OLENA, 'STATUS please')).toBe('Send STATUS and the case number, for example: STATUS 2026-000123');
  });
});

describe('other commands', () => {
  it('HELP, ? and unknown text get the list of commands; Ukrainian text gets it in Ukrainian', async () => {
    const help = await replyTo(UNKNOWN, 'help');
    expect(help).toMatch(/^Commands: STATUS <case no>; INFO <service>; CENTRE <city>;/);
    expect(await replyTo(UNKNOWN, '?')).toBe(await replyTo(UNKNOWN, 'Привіт')); // no keyword language: the text's script, else Ukrainian
    expect(await replyTo(UNKNOWN, 'Привіт')).toMatch(/^Команди: СТАТУС <номер справи>/);
    expect(await replyTo(UNKNOWN, 'hello there')).toBe(help);
  });

  it('INFO answers the top catalogue match with its link', async () => {
    expect(await replyTo(UNKNOWN, 'INFO passport')).toMatch(/^.*[Pp]assport.*: http:\/\/portal\.test\/en\/services\/[a-z0-9-]+$/);
    expect(await replyTo(UNKNOWN, 'ІНФО паспорт')).toMatch(/: http:\/\/portal\.test\/uk\/services\/[a-z0-9-]+$/);
    expect(await replyTo(UNKNOWN, 'INFO qqqzzzxxx')).toBe('No service found for "qqqzzzxxx". Search: http://portal.test/en/search?q=qqqzzzxxx');
  });

  it('CENTRE lists the centres of a city with address and hours, within the reply’s segments', async () => {
    const en = await replyTo(UNKNOWN, 'CENTRE lymansk');
    expect(en).toContain('Lymansk Centre for Administrative Services, 5 Morska Street: Mon-Thu 08:00-17:00, Fri 08:00-16:00, Sat 09:00-14:00');
    expect(en).toContain('State Tax and Customs Service - Lymansk'); // the catalogue's dash made plain: the reply stays GSM-7
    expect(en.split('\n').length).toBeGreaterThanOrEqual(2);
    expect(smsSegments(en).encoding).toBe('gsm7');
    const uk = await replyTo(UNKNOWN, 'ЦНАП Зореград');
    const lines = uk.split('\n');
    expect(lines.slice(0, -1).every((line) => /^.+, вул\. .+: (Пн|Вт)-(Пт|Сб) \d\d:\d\d-\d\d:\d\d/.test(line))).toBe(true);
    expect(smsSegments(uk).segments).toBeLessThanOrEqual(4);
    // Four centres in Zorehrad: more than four UCS-2 segments hold, so the last line says how many more and links to all.
    expect(lines.at(-1)).toBe(`Ще ${5 - lines.length}: http://portal.test/uk/centres`);
    expect(await replyTo(UNKNOWN, 'CENTRE Atlantis')).toBe('No centre found in "Atlantis". All centres: http://portal.test/en/centres');
  });

  it('BOOK from a number nobody confirmed books nothing; QUEUE tells the queue; COMPLAIN files an appeal (test/appeals)', async () => {
    expect(await replyTo(UNKNOWN, 'BOOK Zorehrad passport')).toContain('no appointment has been made');
    expect(await replyTo(UNKNOWN, 'ЧЕРГА Лиманськ')).toContain('у черзі 0, очікування близько 0 хв');
    expect(await replyTo(UNKNOWN, 'COMPLAIN the queue was long')).toMatch(/^Your complaint is registered: appeal A-2026-\d{6}\./);
    expect(await replyTo(UNKNOWN, 'ASK')).toBe('Send ASK and your question');
    const stored = (await t.services.sms.conversation(UNKNOWN, 500)).filter((m) => m.direction === 'in' && ['book', 'complain'].includes(m.command ?? ''));
    expect(stored.map((m) => [m.command, m.argument, m.status])).toEqual(expect.arrayContaining([['book', 'Zorehrad passport', 'received'], ['complain', 'the queue was long', 'received']]));
    expect(await t.services.db.query("SELECT count(*)::int AS n FROM cases WHERE channel = 'sms'")).toEqual([{ n: 0 }]);
  });
});

describe('STOP and START', () => {
  const notice = (key: string) => t.services.sms.noticeSender(t.gateway).send({ to: OLENA, text: 'Your code: 123456' }, key);
  const statusOf = async (reference: string) => (await t.services.sms.conversation(OLENA, 500)).find((m) => m.reference === reference)?.status;

  it('STOP holds back every notice to the number (recorded as suppressed) but not the replies; START lets them through again', async () => {
    expect(await notice('notice-1')).toEqual({ kind: 'delivered' });
    expect([await statusOf('notice-1'), t.gateway.messages().some((m) => m.reference === 'notice-1')]).toEqual(['sent', true]);

    const stopped = await text(t, OLENA, 'стоп');
    expect(stopped.reply?.text).toBe('Ви більше не отримуватимете повідомлень порталу на цей номер. Щоб відновити, надішліть СТАРТ.');
    expect((await counts(t)).optOuts).toBe(1);
    expect(await notice('notice-2')).toEqual({ kind: 'delivered' }); // done: not retried
    expect([await statusOf('notice-2'), t.gateway.messages().some((m) => m.reference === 'notice-2')]).toEqual(['suppressed', false]);
    expect(await text(t, OLENA, 'STOP').then((r) => r.outcome)).toBe('answered'); // again: still one opt-out
    expect((await counts(t)).optOuts).toBe(1);

    // Replies (to STOP itself, to STATUS) still go.
    const status = await text(t, OLENA, `STATUS ${olenaCase.number}`);
    await t.deliver();
    expect(t.gateway.messages().filter((m) => [stopped.reply?.reference, status.reply?.reference].includes(m.reference))).toHaveLength(2);

    expect((await text(t, OLENA, 'START')).reply?.text).toBe('Messages from the portal to this number are on again. To stop them, send STOP.');
    expect((await counts(t)).optOuts).toBe(0);
    expect(await notice('notice-3')).toEqual({ kind: 'delivered' });
    expect(await statusOf('notice-3')).toBe('sent');
    const audit = await t.services.db.query<{ action: string }>("SELECT action FROM audit_events WHERE action LIKE 'sms.%' ORDER BY id");
    expect(audit.map((r) => r.action)).toEqual(['sms.opt-out', 'sms.opt-in']);
  });
});

describe('notices sent together', () => {
  it('records each notice once per key in one go, suppresses the ones to an opted-out number, sends the rest together and marks them sent', async () => {
    const sender = t.services.sms.noticeSender(t.gateway);
    const other = '+380671112233';
    const items = [
      { message: { to: OLENA, text: 'Перше' }, idempotencyKey: 'many-1' },
      { message: { to: other, text: 'Друге' }, idempotencyKey: 'many-2' },
      { message: { to: 'not a number', text: 'Третє' }, idempotencyKey: 'many-3' },
    ];
    await text(t, other, 'STOP');
    const first = await sender.sendMany(items);
    expect(first).toEqual([{ kind: 'delivered' }, { kind: 'delivered' }, expect.objectContaining({ kind: 'rejected' })]);
    const rows = await t.services.db.query<{ reference: string; status: string }>("SELECT reference, status FROM sms_messages WHERE reference LIKE 'many-%' ORDER BY reference");
    expect(rows).toEqual([{ reference: 'many-1', status: 'sent' }, { reference: 'many-2', status: 'suppressed' }]);
    expect(t.gateway.messages().filter((m) => m.reference.startsWith('many-')).map((m) => m.reference)).toEqual(['many-1']);
    // Again (an outbox retry): the records are kept, nothing is sent twice.
    expect(await sender.sendMany(items.slice(0, 2))).toEqual([{ kind: 'delivered' }, { kind: 'delivered' }]);
    expect(await t.services.db.query("SELECT count(*)::int AS n FROM sms_messages WHERE reference LIKE 'many-%'")).toEqual([{ n: 2 }]);
    expect(t.gateway.messages().filter((m) => m.reference.startsWith('many-'))).toHaveLength(1);
    await text(t, other, 'START');
  });
});

describe('the rate limit per number', () => {
  it(`answers ${DEFAULT_INBOUND_RULE.max} messages a minute; the rest are recorded, not answered; the next minute it answers again`, async () => {
    const phone = '+380501230077';
    t.clock.set(new Date('2026-09-01T10:00:05Z'));
    const outcomes: string[] = [];
    for (let i = 0; i < DEFAULT_INBOUND_RULE.max + 2; i++) {
      outcomes.push((await text(t, phone, 'HELP')).outcome);
    }
    expect(outcomes).toEqual([...Array<string>(DEFAULT_INBOUND_RULE.max).fill('answered'), 'limited', 'limited']);
    const messages = await t.services.sms.conversation(phone, 500);
    expect(messages.filter((m) => m.direction === 'in').map((m) => m.status).sort()).toEqual([...Array<string>(DEFAULT_INBOUND_RULE.max).fill('received'), 'limited', 'limited'].sort());
    expect(messages.filter((m) => m.direction === 'out')).toHaveLength(DEFAULT_INBOUND_RULE.max);
    // Another number is not held back by this one.
    expect((await text(t, '+380501230078', 'HELP')).outcome).toBe('answered');
    t.clock.set(new Date('2026-09-01T10:01:00Z'));
    expect((await text(t, phone, 'HELP')).outcome).toBe('answered');
  });
});
