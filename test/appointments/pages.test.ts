import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type CasesApp, casesApp } from '../cases/support.ts';

let t: CasesApp;
let cookie: string;
let csrf: string;

beforeAll(async () => {
  t = await casesApp('2026-09-01');
  t.clock.set(new Date('2026-09-01T06:00:00Z'));
  const olena = await t.person('olena-koval');
  cookie = `portico_session=${olena.token}`;
  csrf = olena.session.csrfToken;
}, 120_000);
afterAll(async () => t.close());

const get = (url: string) => t.app.inject({ url, headers: { cookie } });
const post = (url: string, payload: Record<string, string>) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload: { _csrf: csrf, ...payload } });

describe('booking in the cabinet, without script', () => {
  it('walks centre, service, day and time as pages of their own, from the centre page\'s link', async () => {
    const centre = await t.app.inject({ url: '/en/centres/zorehrad-cnap-central' });
    expect(centre.body).toContain('href="/en/cabinet/appointments/book?centre=zorehrad-cnap-central"');
    expect((await t.app.inject({ url: '/en/centres/lymansk-tax-office' })).body).not.toContain('/cabinet/appointments/book');
    expect((await get('/en/cabinet/appointments/book')).body).toContain('name="centre" type="radio" value="zorehrad-cnap-central"');
    const services = await get('/uk/cabinet/appointments/book?centre=zorehrad-cnap-central');
    expect(services.body).toContain('value="id-card-passport"');
    const days = await get('/en/cabinet/appointments/book?centre=zorehrad-cnap-central&service=id-card-passport');
    expect(days.body).toContain('day=2026-09-02');
    expect(days.body).not.toContain('day=2026-09-06'); // a Sunday
    const times = await get('/en/cabinet/appointments/book?centre=zorehrad-cnap-central&service=id-card-passport&day=2026-09-02');
    expect(times.body).toContain('value="2026-09-02T05:00:00.000Z"');
    expect((await get('/en/cabinet/appointments/book?centre=atlantis')).statusCode).toBe(404);
  });

  it('answers a missing time with the error summary (400), books, shows the confirmation and the calendar file, and cancels', async () => {
    const form = { centre: 'zorehrad-cnap-central', service: 'id-card-passport', day: '2026-09-02' };
    const missing = await post('/en/cabinet/appointments/book', { ...form, time: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('govuk-error-summary');
    expect(missing.body).toContain('Choose a time for your visit');
    const booked = await post('/en/cabinet/appointments/book', { ...form, time: '2026-09-02T05:00:00.000Z' });
    expect(booked.statusCode).toBe(303);
    const location = String(booked.headers.location);
    expect(location).toMatch(/^\/en\/cabinet\/appointments\/[0-9a-f-]{36}\?done=booked$/);
    const confirmation = await get(location);
    expect(confirmation.body).toContain('Appointment booked');
    const id = location.slice('/en/cabinet/appointments/'.length, location.indexOf('?'));
    const ics = await get(`/en/cabinet/appointments/${id}/calendar.ics`);
    expect([ics.statusCode, ics.headers['content-type']]).toEqual([200, 'text/calendar; charset=utf-8']);
    expect(ics.body).toContain('DTSTART:20260902T050000Z');
    const clash = await post('/en/cabinet/appointments/book', { ...form, time: '2026-09-02T05:00:00.000Z' });
    expect(clash.statusCode).toBe(409);
    expect(clash.body).toContain('You already have an appointment at that time');
    const cancelled = await post(`/uk/cabinet/appointments/${id}/cancel`, {});
    expect(cancelled.statusCode).toBe(303);
    expect((await get(String(cancelled.headers.location))).body).toContain('скасовано');
    expect((await post(`/uk/cabinet/appointments/${id}/cancel`, {})).statusCode).toBe(409);
    const list = await get('/en/cabinet/appointments');
    expect(list.body).toContain('Cancelled');
    const stranger = await t.person('taras-melnyk');
    expect((await t.app.inject({ url: `/en/cabinet/appointments/${id}`, headers: { cookie: `portico_session=${stranger.token}` } })).statusCode).toBe(404);
  });
});
