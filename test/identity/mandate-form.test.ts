import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TestApp } from '../support/app.ts';
import { demoRecords } from '../support/demo.ts';
import { appWithEid, csrfOf, signIn } from '../support/identity.ts';

let t: TestApp;
let director: string;
let citizen: string;
const COMPANY = '40000001';

beforeAll(async () => {
  t = await appWithEid();
  expect((await t.services.catalogue.importRecords(await demoRecords(), 'test')).ok).toBe(true);
  director = await signIn(t.app, 'taras-melnyk');
  citizen = await signIn(t.app, 'olena-koval');
  expect((await post(director, '/en/cabinet/act-as', { party: `business:${COMPANY}` })).statusCode).toBe(303);
});
afterAll(async () => t.close());

const post = async (cookie: string, url: string, payload: Record<string, string | string[]>) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, payload: { _csrf: await csrfOf(t.app, cookie), ...payload } });
const get = (cookie: string, url: string) => t.app.inject({ url, headers: { cookie } });
const mandateCount = async () => Number((await t.services.db.query<{ n: number }>('SELECT count(*) AS n FROM mandates'))[0]?.n ?? 0);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000);
const parts = (name: string, d: Date) => ({ [`${name}-day`]: String(d.getUTCDate()), [`${name}-month`]: String(d.getUTCMonth() + 1), [`${name}-year`]: String(d.getUTCFullYear()) });
const checkboxes = (html: string) => [...html.matchAll(/name="services" type="checkbox" value="([^"]+)"/g)].map((m) => m[1]);

describe('granting a mandate', () => {
  it('offers a company only business services, and the filter narrows them while keeping a choice', async () => {
    const page = await get(director, '/en/cabinet/representation');
    expect(page.statusCode).toBe(200);
    const offered = checkboxes(page.body);
    const business = (await t.services.catalogue.search({ text: null, audience: 'business', organisationId: null, eventId: null, channel: null, online: null, page: 1, pageSize: 100 })).value.items.map((s) => s.id);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((id) => business.includes(id ?? ''))).toBe(true);
    expect(offered).not.toContain('international-passport');
    expect(page.body).not.toContain('<select id="filter-services"');

    const vat = await get(director, '/en/cabinet/representation?q=VAT');
    expect(checkboxes(vat.body)).toContain('vat-registration');
    expect(checkboxes(vat.body).length).toBeLessThan(offered.length);

    // A person (acting for herself) is offered services for people.
    const own = await get(citizen, '/en/cabinet/representation');
    expect(checkboxes(own.body)).toContain('international-passport');
    expect(checkboxes(own.body)).not.toContain('vat-registration');
  });

  it('takes dates as day, month and year, and names an impossible date against its field', async () => {
    const res = await post(director, '/en/cabinet/mandates', { representative: '9000000044', scope: 'all', 'validFrom-day': '31', 'validFrom-month': '2', 'validFrom-year': '2027', ...parts('validUntil', day(30)) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#filter-validFrom"');
    expect(res.body).toContain('Enter a real date: day, month and year, for example 27 3 2027.');
    expect(res.body).toMatch(/name="validFrom-day"[^>]* value="31"/);
    expect(await mandateCount()).toBe(0);
  });

  it('shows the representative by name to confirm before granting, and grants only on confirmation', async () => {
    const first = await post(director, '/en/cabinet/mandates', { representative: '9000000044', scope: 'services', services: ['vat-registration'], ...parts('validFrom', day(0)), ...parts('validUntil', day(30)) });
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Grant a mandate to Ірина Бондар?');
    expect(first.body).toContain('tax number ••••••0044');
    expect(first.body).toContain('Confirm and grant');
    expect(await mandateCount()).toBe(0);
    const reads = await t.services.db.query<{ detail: { purpose: string } }>("SELECT detail FROM audit_events WHERE action = 'READ_PERSON_NAME' AND subject = 'person:9000000044'");
    expect(reads.map((r) => r.detail.purpose)).toEqual(['mandate-representative-confirmation']);

    // "Change" brings the filled form back, dates in their three boxes.
    const validUntil = day(30);
    const hidden = Object.fromEntries([...first.body.matchAll(/type="hidden" name="(\w+)" value="([^"]*)"/g)].filter((m) => m[1] !== '_csrf' && m[1] !== 'services').map((m) => [m[1] ?? '', m[2] ?? '']));
    const change = await post(director, '/en/cabinet/mandates', { ...hidden, services: ['vat-registration'], step: 'change' });
    expect(change.statusCode).toBe(200);
    expect(change.body).toMatch(new RegExp(`name="validUntil-day"[^>]* value="${validUntil.getUTCDate()}"`));
    expect(change.body).toMatch(/value="vat-registration" checked/);

    const confirmed = await post(director, '/en/cabinet/mandates', { ...hidden, services: ['vat-registration'], step: 'confirm' });
    expect(confirmed.statusCode).toBe(303);
    expect(await mandateCount()).toBe(1);
    const after = await get(director, confirmed.headers.location as string);
    expect(after.body).toContain('govuk-notification-banner--success');
    expect(after.body).toContain('The mandate is granted.');
    // The granted mandate lists the representative by name, with local dates.
    expect(after.body).toContain('Ірина Бондар');
    expect(after.body).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4} – \d{1,2} [A-Z][a-z]+ \d{4}/);

    const id = /\/cabinet\/mandates\/([0-9a-f-]{36})\/revoke/.exec(after.body)?.[1] ?? '';
    const revoked = await post(director, `/en/cabinet/mandates/${id}/revoke`, {});
    expect(revoked.headers.location).toBe('/en/cabinet/representation?outcome=revoked');
    expect((await get(director, '/uk/cabinet/representation?outcome=revoked')).body).toContain('Довіреність відкликано.');
  });

  it('refuses a tax number the population register does not know, before anything is granted', async () => {
    const before = await mandateCount();
    const res = await post(director, '/uk/cabinet/mandates', { representative: '9000000997', scope: 'all', ...parts('validFrom', day(0)), ...parts('validUntil', day(3)) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('У Державному реєстрі фізичних осіб немає людини з таким РНОКПП.');
    const direct = await post(director, '/uk/cabinet/mandates', { representative: '9000000997', scope: 'all', validFrom: day(0).toISOString().slice(0, 10), validUntil: day(3).toISOString().slice(0, 10), step: 'confirm' });
    expect(direct.statusCode).toBe(400);
    expect(await mandateCount()).toBe(before);
  });
});
