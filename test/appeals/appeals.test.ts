/**
 * Citizens' appeals end to end through the services, on the test database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL): filing by SMS (a known number and an unknown one), triage, the answer told
 * through the notices (inbox and SMS), the extension, filing on the web with bad input, and an appeal
 * against a decision that is not a refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { APPEAL_NOTICE_TOPIC, parseAppealNotice } from '../../src/modules/appeals/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { draftOf, submit } from '../cases/support.ts';
import { confirmPhone, type SmsApp, smsApp, text } from '../sms/support.ts';

let t: SmsApp;
const OLENA = '+380501230021';
const UNKNOWN = '+380501230098';
let olena: SignedIn;
let supervisor: SignedIn;
let clerk: SignedIn;

beforeAll(async () => {
  t = await smsApp('2026-09-01');
  olena = await t.person('olena-koval');
  await confirmPhone(t, olena, OLENA);
  supervisor = await t.person('petro-boiko', 'staff');
  clerk = await t.person('mykola-tkachenko', 'staff');
});
afterAll(async () => t.close());

const sms = async (from: string, message: string) => {
  t.clock.set(new Date(t.clock.now().getTime() + 7000));
  const sent = await text(t, from, message);
  expect([sent.status, sent.outcome]).toEqual([200, 'answered']);
  return sent.reply?.text ?? '';
};

/** The notices the appeals module queued for an appeal, handed to the notifications module as the outbox worker would. */
async function tell(appealId: string): Promise<void> {
  const rows = await t.services.db.query<{ payload: unknown; idempotency_key: string }>('SELECT payload, idempotency_key FROM outbox WHERE topic = $1 AND payload->>\'appealId\' = $2', [APPEAL_NOTICE_TOPIC, appealId]);
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    const m = parseAppealNotice(r.payload);
    expect(m).not.toBeNull();
    await t.services.notices.appealNotice(m!, r.idempotency_key);
    await t.services.notices.appealNotice(m!, r.idempotency_key); // a retried message tells no one twice
  }
}

describe('an appeal by SMS', () => {
  it('files a complaint from an unknown number as an anonymous appeal in triage, and replies with its number and term', async () => {
    const reply = await sms(UNKNOWN, 'COMPLAIN the queue at the centre was two hours long');
    expect(reply).toMatch(/^Your complaint is registered: appeal A-2026-\d{6}\. Answer due by 2026-10-02\. The answer will come by SMS to this number\.$/);
    const number = /A-2026-\d{6}/.exec(reply)![0];
    const [row] = await t.services.db.query<{ kind: string; person_id: string | null; reply_number: string; organisation_id: string | null; channel: string; text: string }>(
      'SELECT kind, person_id, reply_number, organisation_id, channel, text FROM appeals WHERE number = $1', [number]);
    expect(row).toEqual({ kind: 'complaint', person_id: null, reply_number: UNKNOWN, organisation_id: null, channel: 'sms', text: 'the queue at the centre was two hours long' });
    const [event] = await t.services.db.query<{ event: string; actor_role: string; channel: string }>('SELECT e.event, e.actor_role, e.channel FROM appeal_events e JOIN appeals a ON a.id = e.appeal_id WHERE a.number = $1', [number]);
    expect(event).toEqual({ event: 'file', actor_role: 'anonymous', channel: 'sms' });
  });

  it('files a request from a confirmed number for the person, in Ukrainian; each keyword its kind', async () => {
    const reply = await sms(OLENA, 'ПИТАННЯ коли буде готовий паспорт?');
    expect(reply).toMatch(/^Ваш запит зареєстровано: звернення A-2026-\d{6}\. Строк розгляду до 2026-10-02\. Відповідь надішлемо SMS і в кабінет\.$/);
    await sms(OLENA, 'SUGGEST open on Saturdays');
    await sms(OLENA, 'THANKS the clerk was kind');
    const mine = await t.services.appeals.mine(olena);
    expect(mine.map((a) => [a.kind, a.channel, a.personId])).toEqual([['commendation', 'sms', olena.person.id], ['proposal', 'sms', olena.person.id], ['request', 'sms', olena.person.id]]);
    expect(await sms(OLENA, 'COMPLAIN')).toBe('Send COMPLAIN and your complaint'); // no text: nothing filed
    expect(await t.services.appeals.mine(olena)).toHaveLength(3);
  });
});

describe('triage, the answer and the extension', () => {
  it('shows appeals without an agency to those who triage only; an officer of another agency does not see them', async () => {
    const triage = await t.services.appeals.triage(supervisor);
    expect(triage.length).toBeGreaterThanOrEqual(4);
    expect(await t.services.appeals.triage(clerk)).toEqual([]);
    expect(await t.services.appeals.forOfficer(clerk, triage[0]!.id)).toBeNull();
  });

  it('routes, answers (the person told in the inbox and by SMS to the number it came from) and refuses a second answer', async () => {
    const [request] = (await t.services.appeals.mine(olena)).filter((a) => a.kind === 'request');
    expect((await t.services.appeals.assign(supervisor, request!.id, 'no-such-agency')).ok).toBe(false);
    expect((await t.services.appeals.answer(clerk, request!.id, 'Ready')).ok).toBe(false); // still in triage: not the clerk's
    const routed = await t.services.appeals.assign(supervisor, request!.id, 'state-migration-service');
    expect(routed.ok && routed.value.organisationId).toBe('state-migration-service');
    expect((await t.services.appeals.queue(clerk)).map((a) => a.id)).toContain(request!.id);
    expect(await t.services.appeals.answer(clerk, request!.id, '   ')).toMatchObject({ ok: false, error: { code: 'appeals.reply_required', field: 'answer' } });
    const answered = await t.services.appeals.answer(clerk, request!.id, 'Your passport is ready to collect.');
    expect(answered.ok && answered.value.state).toBe('answered');
    expect(await t.services.appeals.answer(clerk, request!.id, 'again')).toMatchObject({ ok: false, error: { code: 'appeals.answered' } });
    await tell(request!.id);
    const inbox = await t.services.db.query<{ kind: string; appeal_id: string; case_id: string | null }>('SELECT kind, appeal_id, case_id FROM inbox_messages WHERE person_id = $1 AND appeal_id IS NOT NULL', [olena.person.id]);
    expect(inbox).toEqual([{ kind: 'appeal-answered', appeal_id: request!.id, case_id: null }]);
    const sent = await t.services.db.query<{ to: string; text: string }>("SELECT payload->>'to' AS to, payload->>'text' AS text FROM outbox WHERE topic = 'appeal.sms'");
    expect(sent).toEqual([{ to: OLENA, text: `Відповідь на звернення ${request!.number}: Your passport is ready to collect.` }]);
    const events = await t.services.db.query<{ event: string; actor_person_id: string | null; channel: string }>('SELECT event, actor_person_id, channel FROM appeal_events WHERE appeal_id = $1 ORDER BY id', [request!.id]);
    expect(events).toEqual([
      { event: 'file', actor_person_id: olena.person.id, channel: 'sms' },
      { event: 'assign', actor_person_id: supervisor.person.id, channel: 'web' },
      { event: 'answer', actor_person_id: clerk.person.id, channel: 'web' },
    ]);
  });

  it('answers an anonymous appeal only by SMS to its number', async () => {
    const [anonymous] = (await t.services.appeals.triage(supervisor)).filter((a) => a.personId === null);
    expect((await t.services.appeals.assign(supervisor, anonymous!.id, 'state-migration-service')).ok).toBe(true);
    expect((await t.services.appeals.answer(clerk, anonymous!.id, 'We have added a second window.')).ok).toBe(true);
    await tell(anonymous!.id);
    const sent = await t.services.db.query<{ to: string }>("SELECT payload->>'to' AS to FROM outbox WHERE topic = 'appeal.sms' AND payload->>'appealNumber' = $1", [anonymous!.number]);
    expect(sent).toEqual([{ to: UNKNOWN }]);
  });

  it('extends once to 45 days with the reason told to the person', async () => {
    const [proposal] = (await t.services.appeals.mine(olena)).filter((a) => a.kind === 'proposal');
    expect((await t.services.appeals.assign(supervisor, proposal!.id, 'state-migration-service')).ok).toBe(true);
    expect(await t.services.appeals.extend(clerk, proposal!.id, '')).toMatchObject({ ok: false, error: { field: 'reason' } });
    const extended = await t.services.appeals.extend(clerk, proposal!.id, 'We are asking the centres about their hours.');
    expect(extended.ok && [extended.value.dueOn, extended.value.extendedOn]).toEqual(['2026-10-16', t.clock.today()]);
    expect(await t.services.appeals.extend(clerk, proposal!.id, 'again')).toMatchObject({ ok: false, error: { code: 'appeals.not_extendable' } });
    await tell(proposal!.id);
    const [message] = await t.services.db.query<{ kind: string; subject: string }>('SELECT kind, subject FROM inbox_messages WHERE appeal_id = $1', [proposal!.id]);
    expect(message).toEqual({ kind: 'appeal-extended', subject: `Звернення ${proposal!.number}: строк розгляду продовжено` });
  });
});

describe('an appeal on the web', () => {
  it('answers every problem of the input at once, by field', async () => {
    const filed = await t.services.appeals.file(olena, { kind: 'gossip', agency: 'no-such-agency', text: ' ', caseNumber: '2026-999999', officer: 'x'.repeat(201) });
    expect(filed.ok).toBe(false);
    expect(!filed.ok && filed.error.map((e) => [e.code, e.field])).toEqual([
      ['appeals.kind_invalid', 'kind'], ['appeals.text_required', 'text'], ['appeals.agency_unknown', 'agency'], ['appeals.case_unknown', 'caseNumber'], ['appeals.officer_too_long', 'officer'],
    ]);
  });

  it('files a complaint naming a case and an officer: to the case\'s agency, with a month\'s term', async () => {
    const c = await submit(t.services, olena, await draftOf(t.services, olena, 'tax-clearance-certificate'));
    const filed = await t.services.appeals.file(olena, { kind: 'complaint', agency: '', text: 'The officer was rude.', caseNumber: c.number, officer: 'Ivan Petrenko' });
    expect(filed.ok && [filed.value.organisationId, filed.value.namedCaseNumber, filed.value.namedOfficer, filed.value.channel, filed.value.termDays]).toEqual([c.organisationId, c.number, 'Ivan Petrenko', 'web', 30]);
    const someoneElse = await t.person('taras-melnyk');
    expect(await t.services.appeals.forPerson(someoneElse, filed.ok ? filed.value.id : '')).toBeNull();
    expect((await t.services.appeals.file(someoneElse, { kind: 'complaint', agency: '', text: 'x', caseNumber: c.number, officer: '' })).ok).toBe(false); // not his case
    expect(await t.services.appeals.appealRefusal(olena, c.id, 'I disagree')).toMatchObject({ ok: false, error: { code: 'appeals.case_not_refused' } });
  });
});
