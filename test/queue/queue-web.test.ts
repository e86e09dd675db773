/**
 * The walk-in queue's pages without script: the kiosk takes a ticket without a session (and refuses a
 * form from another site), the ticket page, the display that refreshes by itself, and the front desk
 * calling, serving and refusing a desk that is no desk name — in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SignedIn } from '../../src/modules/identity/index.ts';
import { type CasesApp, casesApp } from '../cases/support.ts';

const CENTRE = 'zorehrad-cnap-central';
let t: CasesApp;
let desk: SignedIn & { token: string };

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const kioskPost = (lang: string, service: string, headers: Record<string, string> = {}) => t.app.inject({
  method: 'POST', url: `/${lang}/centres/${CENTRE}/kiosk/tickets`, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: form({ service }),
});
const deskPost = (url: string, fields: Record<string, string>) => t.app.inject({
  method: 'POST', url, headers: { cookie: `portico_session=${desk.token}`, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: desk.session.csrfToken, ...fields }),
});
const deskGet = (url: string) => t.app.inject({ url, headers: { cookie: `portico_session=${desk.token}` } });

beforeAll(async () => {
  t = await casesApp('2026-12-14');
  desk = await t.person('yuliia-marchenko', 'staff');
});
afterAll(async () => {
  await t?.close();
});

describe('the kiosk, the ticket and the display', () => {
  it.each(['uk', 'en'])('takes a ticket without a session and shows it (%s)', async (lang) => {
    const page = await t.app.inject({ url: `/${lang}/centres/${CENTRE}/kiosk` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="service" value="birth-registration"');
    expect(page.body).not.toContain('_csrf');
    const issued = await kioskPost(lang, 'birth-registration', { origin: 'http://localhost:80' });
    expect(issued.statusCode).toBe(303);
    const ticket = await t.app.inject({ url: String(issued.headers.location) });
    expect(ticket.statusCode).toBe(200);
    expect(ticket.body).toMatch(/A-00\d/);
    expect(ticket.body).toContain(lang === 'uk' ? 'Орієнтовне очікування' : 'Estimated wait');
  });

  it('refuses a kiosk form sent from another site, and answers a service the centre lacks with the error summary', async () => {
    const forged = await kioskPost('en', 'birth-registration', { origin: 'https://elsewhere.example' });
    expect(forged.statusCode).toBe(403);
    expect((await kioskPost('en', 'birth-registration', { 'sec-fetch-site': 'cross-site', origin: 'null' })).statusCode).toBe(403);
    expect((await kioskPost('en', 'birth-registration', { 'sec-fetch-site': 'same-origin', origin: 'null' })).statusCode).toBe(303);
    const bad = await kioskPost('en', 'foreign-passport');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Choose a service of this centre');
    expect((await t.app.inject({ url: '/en/centres/no-such-centre/kiosk' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/en/centres/${CENTRE}/kiosk/tickets/00000000-0000-4000-8000-000000000001` })).statusCode).toBe(404);
  });

  it('the display refreshes itself unless stopped, and shows the numbers called with their desks', async () => {
    const before = await t.app.inject({ url: `/uk/centres/${CENTRE}/display` });
    expect(before.headers['refresh']).toBe('15');
    expect(before.body).toContain('Ще нікого не покликано');
    expect(await deskPost('/uk/office/front-desk/call', { desk: '4' })).toMatchObject({ statusCode: 303 });
    const after = await t.app.inject({ url: `/en/centres/${CENTRE}/display` });
    expect(after.body).toMatch(/<td[^>]*>A-001<\/td><td[^>]*>4<\/td>/);
    const stopped = await t.app.inject({ url: `/en/centres/${CENTRE}/display?updates=off` });
    expect(stopped.headers['refresh']).toBeUndefined();
    expect(stopped.body).toContain('Updating is stopped');
  });
});

describe('the front desk', () => {
  it.each(['uk', 'en'])('calls the next and marks it served (%s)', async (lang) => {
    await kioskPost(lang, 'birth-registration');
    const called = await deskPost(`/${lang}/office/front-desk/call`, { desk: '2' });
    expect(called.statusCode).toBe(303);
    const page = await deskGet(String(called.headers.location));
    expect(page.statusCode).toBe(200);
    const id = /front-desk\/tickets\/([0-9a-f-]{36})\/finish/.exec(page.body)?.[1] ?? '';
    expect(id).not.toBe('');
    const label = /(A-\d{3})/.exec(page.body)?.[1] ?? '';
    const served = await deskPost(`/${lang}/office/front-desk/tickets/${id}/finish`, { outcome: 'served', desk: '2' });
    expect(served.statusCode).toBe(303);
    const banner = await deskGet(String(served.headers.location));
    expect(banner.body).toContain(lang === 'uk' ? `Талон ${label} обслуговано.` : `Ticket ${label} served.`);
    const again = await deskPost(`/${lang}/office/front-desk/tickets/${id}/finish`, { outcome: 'served', desk: '2' });
    expect((await deskGet(String(again.headers.location))).body).toContain(lang === 'uk' ? 'уже не у вашому вікні' : 'no longer at your desk');
  });

  it('answers a desk that is no desk name with the error summary and the field message (400)', async () => {
    const bad = await deskPost('/en/office/front-desk/call', { desk: '<b>' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('id="filter-desk-error"');
  });
});
