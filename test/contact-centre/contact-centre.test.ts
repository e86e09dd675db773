/**
 * The contact centre: an operator identifies a caller by a one-time code sent to the phone the person
 * confirmed (wrong code, expired code, attempts used up, too many codes) or by knowledge questions;
 * sees their cases, each read audited with the call as its purpose; logs the call; asks for a
 * callback, which exactly one operator takes from the queue, even when two take it at once.
 * Other staff and other operators get nothing of a call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CaseRecord } from '../../src/modules/cases/index.ts';
import { sendEach, type SmsMessage } from '../../src/modules/channels/sms/index.ts';
import { CALL_CODE_TOPIC } from '../../src/modules/contact-centre/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { ANSWERS, type CasesApp, casesApp, completeDraft, submit } from '../cases/support.ts';

type Who = SignedIn & { token: string };

const PHONE = '+380501112233';
let t: CasesApp;
let operator: Who;
let second: Who;
let clerk: Who;
let olena: Who;
let andrii: Who;
let olenasCase: CaseRecord;

/** Sends the outbox's code messages through the service's handler and returns the SMS texts, in order. */
async function smsSent(): Promise<Array<{ to: string; text: string }>> {
  const sent: Array<{ to: string; text: string }> = [];
  const send = async (m: SmsMessage) => { sent.push(m); return { kind: 'delivered' } as const; };
  const handler = t.services.contactCentre.handlers({ send, sendMany: sendEach(send) })[CALL_CODE_TOPIC]!;
  const rows = await t.services.db.query<{ payload: unknown; idempotency_key: string }>('SELECT payload, idempotency_key FROM outbox WHERE topic = $1 ORDER BY id', [CALL_CODE_TOPIC]);
  for (const r of rows) {
    await handler(typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload, { idempotencyKey: r.idempotency_key, attempt: 1 });
  }
  return sent;
}

const lastCode = async () => {
  const sent = await smsSent();
  const last = sent.at(-1);
  expect(last?.to).toBe(PHONE);
  return /(\d{6})/.exec(last?.text ?? '')?.[1] ?? '';
};
const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

async function newCall(who: Who = operator): Promise<string> {
  const started = await t.services.contactCentre.start(who, '050 999 88 77');
  if (!started.ok) {
    throw new Error(started.error.code);
  }
  return started.value.id;
}

beforeAll(async () => {
  t = await casesApp('2026-12-01');
  const admin = await t.person('viktor-savchenko', 'staff');
  expect((await t.services.staff.grant(admin, { nationalId: '9000000134', role: 'contact-centre', agencyId: null, centreId: null })).ok).toBe(true);
  operator = await t.person('serhii-pavlenko', 'staff');
  second = await t.person('larysa-moroz', 'staff');
  clerk = await t.person('mykola-tkachenko', 'staff');
  olena = await t.person('olena-koval');
  andrii = await t.person('andrii-shevchenko');
  // Olena confirms her mobile number the way the contacts page does.
  expect((await t.services.contacts.requestCode(olena, 'sms', PHONE, 'uk', null)).ok).toBe(true);
  const [verification] = await t.services.db.query<{ id: string }>('SELECT id FROM contact_verifications WHERE person_id = $1 ORDER BY created_at DESC LIMIT 1', [olena.person.id]);
  expect((await t.services.contacts.confirm(olena, 'sms', t.services.contacts.codeFor(verification!.id))).ok).toBe(true);
  olenasCase = await submit(t.services, olena, await completeDraft(t.services, olena, 'tax-clearance-certificate', ANSWERS['tax-clearance-certificate']));
});
afterAll(async () => {
  await t.close();
});

describe('identifying a caller by a one-time code', () => {
  it('sends the code to the confirmed number, refuses a wrong one, and then shows the caller\'s cases with the read audited', async () => {
    t.clock.set(new Date('2026-12-01T08:00:00Z'));
    const callId = await newCall();
    const sent = await t.services.contactCentre.sendCode(operator, callId, '9000000011', 'uk');
    expect(sent).toEqual({ ok: true, value: { phoneEnding: '33' } });
    const code = await lastCode();
    expect(code).toMatch(/^\d{6}$/);
    // Only the hash is stored.
    const stored = await t.services.db.query<{ code_hash: string }>('SELECT code_hash FROM call_codes WHERE call_id = $1', [callId]);
    expect(stored[0]?.code_hash).not.toContain(code);

    const wrong = await t.services.contactCentre.confirmCode(operator, callId, otherCode(code));
    expect(!wrong.ok && wrong.error.code).toBe('contact_centre.code_wrong');
    expect(!wrong.ok && 'attemptsLeft' in wrong.error && wrong.error.attemptsLeft).toBe(2);
    expect((await t.services.contactCentre.view(operator, callId))?.caller).toBeNull();

    expect((await t.services.contactCentre.confirmCode(operator, callId, code)).ok).toBe(true);
    const view = await t.services.contactCentre.view(operator, callId);
    expect(view?.caller?.name).toBe('Олена Коваль');
    expect(view?.caller?.by).toBe('sms-code');
    const numbers = view?.caller?.parties.flatMap((p) => p.cases.map((c) => c.case.number)) ?? [];
    expect(numbers).toContain(olenasCase.number);
    const reads = await t.services.db.query<{ actor_person_id: string; subject: string; detail: Record<string, unknown>; channel: string }>(
      "SELECT actor_person_id, subject, detail, channel FROM audit_events WHERE action = 'personal-data.read' AND detail->'purpose'->>'call' = $1", [callId],
    );
    expect(reads.length).toBeGreaterThan(0);
    expect(reads[0]).toMatchObject({
      actor_person_id: operator.person.id, subject: `person:${olena.person.id}`, channel: 'phone',
      detail: { role: 'contact-centre', agency: null, purpose: { basis: 'contact-centre-call', call: callId } },
    });
    // A used code identifies nobody a second time, and the identified call takes no other identification.
    const again = await t.services.contactCentre.confirmCode(operator, callId, code);
    expect(!again.ok && again.error.code).toBe('contact_centre.caller_already_identified');
  });

  it('finds the person by the confirmed number as well as by national id', async () => {
    t.clock.set(new Date('2026-12-01T10:00:00Z'));
    const callId = await newCall();
    expect((await t.services.contactCentre.sendCode(operator, callId, '050 111 22 33', 'en')).ok).toBe(true);
    const text = (await smsSent()).at(-1)?.text ?? '';
    expect(text).toContain('contact-centre operator');
  });

  it('refuses an expired code', async () => {
    t.clock.set(new Date('2026-12-01T12:00:00Z'));
    const callId = await newCall();
    expect((await t.services.contactCentre.sendCode(operator, callId, '9000000011', 'uk')).ok).toBe(true);
    const code = await lastCode();
    t.clock.set(new Date('2026-12-01T12:10:01Z'));
    const late = await t.services.contactCentre.confirmCode(operator, callId, code);
    expect(!late.ok && late.error.code).toBe('contact_centre.code_expired');
    expect((await t.services.contactCentre.view(operator, callId))?.pendingCode).toBeNull();
  });

  it('spends a code after three wrong entries: even the right one is refused then', async () => {
    t.clock.set(new Date('2026-12-01T14:00:00Z'));
    const callId = await newCall();
    expect((await t.services.contactCentre.sendCode(operator, callId, '9000000011', 'uk')).ok).toBe(true);
    const code = await lastCode();
    const codes = [];
    for (let i = 0; i < 3; i += 1) {
      const r = await t.services.contactCentre.confirmCode(operator, callId, otherCode(code));
      codes.push(!r.ok && r.error.code);
    }
    expect(codes).toEqual(['contact_centre.code_wrong', 'contact_centre.code_wrong', 'contact_centre.code_spent']);
    const right = await t.services.contactCentre.confirmCode(operator, callId, code);
    expect(!right.ok && right.error.code).toBe('contact_centre.code_spent');
    const refused = await t.services.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_events WHERE action = 'call.identify' AND outcome = 'refused' AND detail->>'call' = $1", [callId]);
    expect(refused[0]?.n).toBe(3);
  });

  it('limits the codes one person is sent in an hour, whichever call asks', async () => {
    t.clock.set(new Date('2026-12-01T16:00:00Z'));
    const outcomes = [];
    for (let i = 0; i < 4; i += 1) {
      const r = await t.services.contactCentre.sendCode(operator, await newCall(), '9000000011', 'uk');
      outcomes.push(r.ok ? 'sent' : r.error.code);
    }
    expect(outcomes).toEqual(['sent', 'sent', 'sent', 'contact_centre.codes_throttled']);
  });

  it('finds nobody for an unknown national id, and sends nothing to a person without a confirmed number', async () => {
    t.clock.set(new Date('2026-12-01T18:00:00Z'));
    const callId = await newCall();
    const unknown = await t.services.contactCentre.sendCode(operator, callId, '9000000990', 'uk');
    expect(!unknown.ok && unknown.error.code).toBe('contact_centre.caller_not_found');
    const noPhone = await t.services.contactCentre.sendCode(operator, callId, andrii.person.nationalId ?? '', 'uk');
    expect(!noPhone.ok && noPhone.error.code).toBe('contact_centre.no_verified_phone');
    const bad = await t.services.contactCentre.sendCode(operator, callId, 'abc', 'uk');
    expect(!bad.ok && bad.error.code).toBe('contact_centre.field_invalid');
  });
});

describe('identifying a caller by knowledge questions', () => {
  it('refuses answers that do not match, counts the attempts, and records the operator\'s judgement as the basis', async () => {
    t.clock.set(new Date('2026-12-02T08:00:00Z'));
    const callId = await newCall();
    const answers = { nationalId: '9000000011', birthDate: '1990-04-12', caseNumber: olenasCase.number, judgement: 'Knew the case and the date of birth at once.' };
    const wrongDay = await t.services.contactCentre.identifyByKnowledge(operator, callId, { ...answers, birthDate: '1990-04-13' });
    expect(!wrongDay.ok && wrongDay.error.code).toBe('contact_centre.knowledge_mismatch');
    const wrongCase = await t.services.contactCentre.identifyByKnowledge(operator, callId, { ...answers, caseNumber: 'NO-SUCH-1' });
    expect(!wrongCase.ok && 'attemptsLeft' in wrongCase.error && wrongCase.error.attemptsLeft).toBe(1);
    const noJudgement = await t.services.contactCentre.identifyByKnowledge(operator, callId, { ...answers, judgement: ' ' });
    expect(!noJudgement.ok && noJudgement.error.code).toBe('contact_centre.field_invalid');
    expect((await t.services.contactCentre.identifyByKnowledge(operator, callId, answers)).ok).toBe(true);
    const [row] = await t.services.db.query<{ identified_by: string; identification_basis: { judgement: string } }>('SELECT identified_by, identification_basis FROM calls WHERE id = $1', [callId]);
    expect(row).toMatchObject({ identified_by: 'knowledge', identification_basis: { judgement: answers.judgement } });
  });

  it('stops after three failed checks on one call', async () => {
    t.clock.set(new Date('2026-12-02T09:00:00Z'));
    const callId = await newCall();
    const answers = { nationalId: '9000000011', birthDate: '1990-01-01', caseNumber: olenasCase.number, judgement: 'Guessing.' };
    const codes = [];
    for (let i = 0; i < 3; i += 1) {
      const r = await t.services.contactCentre.identifyByKnowledge(operator, callId, answers);
      codes.push(!r.ok && r.error.code);
    }
    expect(codes).toEqual(['contact_centre.knowledge_mismatch', 'contact_centre.knowledge_mismatch', 'contact_centre.knowledge_throttled']);
    const right = await t.services.contactCentre.identifyByKnowledge(operator, callId, { ...answers, birthDate: '1990-04-12' });
    expect(!right.ok && right.error.code).toBe('contact_centre.knowledge_throttled');
  });
});

describe('the call log', () => {
  it('logs topic, outcome and notes with the duration, and ends the call', async () => {
    t.clock.set(new Date('2026-12-02T10:00:00Z'));
    const callId = await newCall();
    t.clock.set(new Date('2026-12-02T10:04:30Z'));
    const bad = await t.services.contactCentre.log(operator, callId, { topic: 'weather', outcome: 'answered', notes: '' });
    expect(!bad.ok && bad.error.code).toBe('contact_centre.field_invalid');
    const logged = await t.services.contactCentre.log(operator, callId, { topic: 'case-status', outcome: 'answered', notes: 'Told the due date.' });
    expect(logged.ok && logged.value.endedAt).toEqual(new Date('2026-12-02T10:04:30Z'));
    const again = await t.services.contactCentre.log(operator, callId, { topic: 'other', outcome: 'answered', notes: '' });
    expect(!again.ok && again.error.code).toBe('contact_centre.call_ended');
    const code = await t.services.contactCentre.sendCode(operator, callId, '9000000011', 'uk');
    expect(!code.ok && code.error.code).toBe('contact_centre.call_ended');
  });
});

describe('who may work on a call', () => {
  it('only the operator who took it; other operators, officers and citizens get nothing', async () => {
    t.clock.set(new Date('2026-12-02T11:00:00Z'));
    const callId = await newCall();
    expect(await t.services.contactCentre.view(second, callId)).toBeNull();
    expect(await t.services.contactCentre.view(clerk, callId)).toBeNull();
    const theirs = await t.services.contactCentre.sendCode(second, callId, '9000000011', 'uk');
    expect(!theirs.ok && theirs.error.code).toBe('contact_centre.call_not_found');
    const log = await t.services.contactCentre.log(clerk, callId, { topic: 'other', outcome: 'answered', notes: '' });
    expect(!log.ok && log.error.code).toBe('contact_centre.call_not_found');
    expect((await t.services.contactCentre.start(olena, '050 123 45 67')).ok).toBe(false);
    expect(await t.services.contactCentre.queue(clerk)).toEqual([]);
    const claim = await t.services.contactCentre.claim(clerk, '00000000-0000-4000-8000-000000000001');
    expect(!claim.ok && claim.error.code).toBe('contact_centre.callback_not_found');
  });

  it('the console\'s pages open for operators and are refused to other staff', async () => {
    // Fresh sessions: the services' clock has moved on days since the others signed in.
    t.clock.set(new Date('2026-12-02T12:00:00Z'));
    const [operator, second, clerk] = [await t.person('serhii-pavlenko', 'staff'), await t.person('larysa-moroz', 'staff'), await t.person('mykola-tkachenko', 'staff')];
    const get = (who: Who, url: string) => t.app.inject({ url, headers: { cookie: `portico_session=${who.token}` } });
    expect((await get(operator, '/uk/office/calls')).statusCode).toBe(200);
    expect((await get(operator, '/en/office/callbacks')).statusCode).toBe(200);
    expect((await get(clerk, '/uk/office/calls')).statusCode).toBe(403);
    const callId = await newCall(operator);
    expect((await get(operator, `/en/office/calls/${callId}`)).statusCode).toBe(200);
    expect((await get(second, `/en/office/calls/${callId}`)).statusCode).toBe(404);
  });
});

describe('callbacks', () => {
  it('are due by the end of the second working day, listed by due time, taken by one operator and done by that one only', async () => {
    // Friday 4 December 2026, 15:00 in Kyiv: two working days on is Tuesday 8 December.
    t.clock.set(new Date('2026-12-04T13:00:00Z'));
    const callId = await newCall();
    const asked = await t.services.contactCentre.requestCallback(operator, callId, { phone: '050 999 88 77', topic: 'appointment', preferredTime: 'after 14:00' });
    expect(asked.ok && asked.value.dueAt).toEqual(new Date('2026-12-08T21:59:59.999Z'));
    const earlier = await t.services.contactCentre.requestCallback(operator, await newCall(), { phone: '050 999 88 70', topic: 'payment', preferredTime: '' });
    t.clock.set(new Date('2026-12-05T09:00:00Z'));
    const later = await t.services.contactCentre.requestCallback(operator, await newCall(), { phone: '050 999 88 71', topic: 'payment', preferredTime: '' });
    const queue = await t.services.contactCentre.queue(second);
    const ids = queue.map((b) => b.id);
    expect(asked.ok && earlier.ok && later.ok).toBe(true);
    if (!asked.ok || !later.ok) {
      return;
    }
    expect(ids.indexOf(asked.value.id)).toBeLessThan(ids.indexOf(later.value.id));
    expect(queue.map((b) => b.dueAt.getTime())).toEqual([...queue.map((b) => b.dueAt.getTime())].sort((a, b) => a - b));

    expect((await t.services.contactCentre.claim(second, asked.value.id)).ok).toBe(true);
    const taken = await t.services.contactCentre.claim(operator, asked.value.id);
    expect(!taken.ok && taken.error.code).toBe('contact_centre.callback_taken');
    const notTheirs = await t.services.contactCentre.complete(operator, asked.value.id, { outcome: 'reached', notes: '' });
    expect(!notTheirs.ok && notTheirs.error.code).toBe('contact_centre.callback_taken');
    const done = await t.services.contactCentre.complete(second, asked.value.id, { outcome: 'reached', notes: 'Booked for Tuesday.' });
    expect(done.ok && done.value.claimedByName).toBe('Лариса Мороз');
    expect((await t.services.contactCentre.queue(second)).map((b) => b.id)).not.toContain(asked.value.id);
  });

  it('taken by two operators at once: exactly one gets it', async () => {
    t.clock.set(new Date('2026-12-07T08:00:00Z'));
    for (let round = 0; round < 5; round += 1) {
      const asked = await t.services.contactCentre.requestCallback(operator, await newCall(), { phone: '050 999 88 77', topic: 'other', preferredTime: '' });
      if (!asked.ok) {
        throw new Error(asked.error.code);
      }
      const results = await Promise.all([t.services.contactCentre.claim(operator, asked.value.id), t.services.contactCentre.claim(second, asked.value.id)]);
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['contact_centre.callback_taken']);
      const [row] = await t.services.db.query<{ claimed_by: string }>('SELECT claimed_by FROM callback_requests WHERE id = $1', [asked.value.id]);
      expect(winners[0]?.ok && winners[0].value.claimedBy).toBe(row?.claimed_by);
    }
  });
});
