/**
 * Appeals and visits staff take for a person, through the pages: the console files an appeal for the
 * identified caller and books and cancels a visit for them (the confirmation queued to the person); the
 * front desk and the post room file appeals; bad input is a 400 with a message per field in both
 * languages; a role that does not work a channel is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { APPOINTMENT_REMINDER_TOPIC } from '../../src/modules/appointments/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { ANSWERS, type CasesApp, casesApp, completeDraft, submit } from '../cases/support.ts';

type Who = SignedIn & { token: string };
let t: CasesApp;
let operator: Who;
let desk: Who;
let clerk: Who;
let callId: string;

const get = (who: Who, url: string) => t.app.inject({ url, headers: { cookie: `portico_session=${who.token}` } });
const post = (who: Who, url: string, fields: ReadonlyArray<readonly [string, string]>) =>
  t.app.inject({
    method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `portico_session=${who.token}` },
    payload: new URLSearchParams([['_csrf', who.session.csrfToken], ...fields.map(([k, v]) => [k, v])]).toString(),
  });

beforeAll(async () => {
  t = await casesApp('2026-12-01');
  operator = await t.person('serhii-pavlenko', 'staff');
  desk = await t.person('yuliia-marchenko', 'staff');
  clerk = await t.person('mykola-tkachenko', 'staff');
  const olena = await t.person('olena-koval');
  const c = await submit(t.services, olena, await completeDraft(t.services, olena, 'tax-clearance-certificate', ANSWERS['tax-clearance-certificate']));
  const started = await t.services.contactCentre.start(operator, '050 999 88 77');
  callId = started.ok ? started.value.id : '';
  const known = await t.services.contactCentre.identifyByKnowledge(operator, callId, { nationalId: '9000000011', birthDate: '1990-04-12', caseNumber: c.number, judgement: 'sure' });
  expect(known.ok).toBe(true);
});
afterAll(async () => t.close());

describe('the console', () => {
  it('files an appeal for the caller: bad input is a 400 in both languages, then the number to tell them', async () => {
    const call = await get(operator, `/en/office/calls/${callId}`);
    expect(call.body).toContain(`/en/office/calls/${callId}/appeal`);
    expect(call.body).toContain(`/en/office/calls/${callId}/appointments`);
    const en = await post(operator, `/en/office/calls/${callId}/appeal`, [['kind', 'complaint'], ['text', '']]);
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('govuk-error-summary');
    expect(en.body).toContain('Confirm that the caller agreed to the appeal being filed');
    const uk = await post(operator, `/uk/office/calls/${callId}/appeal`, [['kind', 'complaint'], ['text', '']]);
    expect(uk.statusCode).toBe(400);
    expect(uk.body).toContain('Підтвердьте, що абонент погодився на подання звернення');
    const filed = await post(operator, `/en/office/calls/${callId}/appeal`, [['idempotencyKey', 'pages-call-appeal-1'], ['kind', 'complaint'], ['text', 'Nobody answered for an hour.'], ['consent', 'yes']]);
    expect(filed.statusCode).toBe(303);
    const taken = await get(operator, String(filed.headers.location));
    expect(taken.statusCode).toBe(200);
    expect(taken.body).toMatch(/A-2026-\d{6}/);
    expect((await get(desk, String(filed.headers.location))).statusCode).toBe(404);
    expect((await get(clerk, `/en/office/calls/${callId}/appeal`)).statusCode).toBe(403);
  });

  it('books a visit for the caller step by step and cancels it; the person is sent each confirmation', async () => {
    const offer = (await t.services.appointments.offers())[0]!;
    const value = `${offer.centreId}~${offer.serviceId}`;
    const [day] = await t.services.appointments.freeDays(offer);
    const [slot] = (await t.services.appointments.freeSlots(offer, day!.day)).filter((s) => s.free > 0);
    const step = await get(operator, `/en/office/calls/${callId}/appointments?offer=${encodeURIComponent(value)}&day=${day!.day}`);
    expect(step.statusCode).toBe(200);
    expect(step.body).toContain(`value="${slot!.startsAt.toISOString()}"`);
    const noTime = await post(operator, `/en/office/calls/${callId}/appointments`, [['offer', value], ['day', day!.day], ['time', '']]);
    expect(noTime.statusCode).toBe(400);
    const booked = await post(operator, `/en/office/calls/${callId}/appointments`, [['offer', value], ['day', day!.day], ['time', slot!.startsAt.toISOString()]]);
    expect(booked.statusCode).toBe(303);
    const [a] = await t.services.db.query<{ id: string; channel: string; booked_by: string }>('SELECT id, booked_channel AS channel, booked_by FROM appointments ORDER BY booked_at DESC LIMIT 1');
    expect([a!.channel, a!.booked_by]).toEqual(['phone', operator.person.id]);
    expect((await get(operator, String(booked.headers.location))).body).toContain('Booked:');
    const cancelled = await post(operator, `/en/office/calls/${callId}/appointments/${a!.id}/cancel`, []);
    expect(cancelled.statusCode).toBe(303);
    const sent = await t.services.db.query<{ change: string }>('SELECT payload->>\'change\' AS change FROM outbox WHERE topic = $1 AND payload->>\'appointmentId\' = $2 ORDER BY id', [APPOINTMENT_REMINDER_TOPIC, a!.id]);
    expect(sent.map((s) => s.change)).toEqual(['booked', 'cancelled']);
  });
});

describe('the front desk and the post room', () => {
  it('takes an appeal from a visitor known by name and address; other roles are refused', async () => {
    const bad = await post(desk, '/en/office/front-desk/appeal', [['kind', 'proposal'], ['text', 'Open on Saturdays']]);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Write the visitor’s full name, or their tax number');
    const filed = await post(desk, '/en/office/front-desk/appeal', [['kind', 'proposal'], ['text', 'Open on Saturdays'], ['name', 'Ivan Petrenko'], ['address', 'vul. Sadova 5']]);
    expect(filed.statusCode).toBe(303);
    expect((await get(operator, '/en/office/front-desk/appeal')).statusCode).toBe(403);
  });

  it('finds a visitor by tax number to book for them', async () => {
    const bad = await post(desk, '/uk/office/front-desk/appointments', [['step', 'find'], ['nationalId', '12']]);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('РНОКПП має складатися з 10 цифр');
    const found = await post(desk, '/en/office/front-desk/appointments', [['step', 'find'], ['nationalId', '9000000011']]);
    expect(found.statusCode).toBe(303);
    expect((await get(desk, String(found.headers.location))).body).toContain('Коваль');
  });

  it('registers a letter with the day received; a future day is a 400', async () => {
    const fields = [['kind', 'request'], ['text', 'When do you open?'], ['name', 'Maria Ivanenko'], ['address', 'vul. Lisova 12'], ['pages', '2']] as const;
    const future = await post(clerk, '/en/office/post-room/appeal', [...fields, ['receivedOn-day', '2'], ['receivedOn-month', '12'], ['receivedOn-year', '2026']]);
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('The day received cannot be after today');
    const filed = await post(clerk, '/en/office/post-room/appeal', [...fields, ['receivedOn-day', '28'], ['receivedOn-month', '11'], ['receivedOn-year', '2026']]);
    expect(filed.statusCode).toBe(303);
    expect((await get(clerk, String(filed.headers.location))).body).toContain('Maria Ivanenko');
    expect((await get(desk, '/en/office/post-room/appeal')).statusCode).toBe(403);
  });
});
