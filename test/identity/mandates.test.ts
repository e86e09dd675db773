import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { canActForService } from '../../src/modules/identity/index.ts';
import type { TestApp } from '../support/app.ts';
import { demoRecords } from '../support/demo.ts';
import { appWithEid, csrfOf, signIn } from '../support/identity.ts';

let t: TestApp;
let director: string;
let accountant: string;
const COMPANY = '40000001';

beforeAll(async () => {
  t = await appWithEid();
  expect((await t.services.catalogue.importRecords(await demoRecords(), 'test')).ok).toBe(true);
  director = await signIn(t.app, 'taras-melnyk');
  accountant = await signIn(t.app, 'iryna-bondar');
});
afterAll(async () => t.close());

const post = async (cookie: string, url: string, payload: Record<string, string | string[]>) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, payload: { _csrf: await csrfOf(t.app, cookie), ...payload } });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function businessServices(): Promise<Array<{ id: string; thematicArea: string }>> {
  const all = (await t.services.catalogue.search({ text: null, audience: 'business', organisationId: null, eventId: null, channel: null, online: null, page: 1, pageSize: 100 })).value.items;
  return all.map((s) => ({ id: s.id, thematicArea: s.thematicArea }));
}

describe('mandates', () => {
  it('a director acts for the company the business register names', async () => {
    const res = await post(director, '/en/cabinet/act-as', { party: `business:${COMPANY}` });
    expect(res.statusCode).toBe(303);
    const cabinet = await t.app.inject({ url: '/en/cabinet', headers: { cookie: director } });
    expect(cabinet.body).toContain('Zoriana Bakery LLC');
    expect(cabinet.body).toContain('director, according to the business register');
  });

  it('a person cannot act for a company they neither direct nor hold a mandate for', async () => {
    const res = await post(accountant, '/en/cabinet/act-as', { party: `business:${COMPANY}` });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('You cannot act for that party');
  });

  it('the director grants a mandate limited to two services for 30 days; the representative acts only within it; revocation ends it at once', async () => {
    const [first, second, outside] = await businessServices();
    expect(outside).toBeDefined();
    expect((await post(director, '/en/cabinet/act-as', { party: `business:${COMPANY}` })).statusCode).toBe(303);
    const granted = await post(director, '/en/cabinet/mandates', {
      representative: '9000000044', scope: 'services', services: [first!.id, second!.id], validFrom: day(0), validUntil: day(30), step: 'confirm',
    });
    expect(granted.statusCode).toBe(303);
    expect(granted.headers.location).toBe('/en/cabinet/representation?outcome=granted');

    // The accountant now sees the company among whom she can act for, and acts for it.
    const options = await t.app.inject({ url: '/en/cabinet/act-as', headers: { cookie: accountant } });
    expect(options.body).toContain('Zoriana Bakery LLC');
    expect(options.body).toContain(`mandate until ${day(30)}`);
    expect((await post(accountant, '/en/cabinet/act-as', { party: `business:${COMPANY}` })).statusCode).toBe(303);
    const actor = (await t.services.sessions.resolve(accountant.split('=')[1] ?? '', 'en'))?.actor;
    expect(actor?.acting.party).toEqual({ kind: 'business', id: COMPANY });
    expect(canActForService(actor!, first!, new Date())).toBe(true);
    expect(canActForService(actor!, second!, new Date())).toBe(true);
    expect(canActForService(actor!, outside!, new Date())).toBe(false);
    expect(canActForService(actor!, first!, new Date(Date.now() + 31 * 86_400_000))).toBe(false);

    // A representative cannot grant or revoke for the company.
    const page = await t.app.inject({ url: '/en/cabinet/representation', headers: { cookie: accountant } });
    expect(page.body).toContain('To grant a mandate for a company, choose a company you direct');

    // The director revokes; on her very next request the accountant acts for herself again.
    const list = await t.app.inject({ url: '/en/cabinet/representation', headers: { cookie: director } });
    const mandateId = /\/cabinet\/mandates\/([0-9a-f-]{36})\/revoke/.exec(list.body)?.[1];
    expect(mandateId).toBeDefined();
    expect((await post(director, `/en/cabinet/mandates/${mandateId}/revoke`, {})).statusCode).toBe(303);
    const after = await t.app.inject({ url: '/en/cabinet', headers: { cookie: accountant } });
    expect(after.body).not.toContain('acting for: Zoriana Bakery LLC');
    expect(after.body).toContain('Ірина Бондар</strong> (yourself)');
    const audit = await t.services.db.query<{ action: string }>("SELECT action FROM audit_events WHERE action IN ('GRANT_MANDATE', 'REVOKE_MANDATE') ORDER BY id");
    expect(audit.map((a) => a.action)).toEqual(['GRANT_MANDATE', 'REVOKE_MANDATE']);
  });

  it('names every problem of a bad grant against its field', async () => {
    const res = await post(director, '/en/cabinet/mandates', { representative: '12ab', scope: 'services', validFrom: 'tomorrow', validUntil: day(-5) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('There is a problem');
    expect(res.body).toContain('Enter the representative’s tax number: 10 digits.');
    expect(res.body).toContain('Choose at least one service.');
    expect(res.body).toContain('Enter a real date: day, month and year, for example 27 3 2027.');
  });

  it('refuses a mandate to oneself and a period already over', async () => {
    const self = await post(director, '/en/cabinet/mandates', { representative: '9000000033', scope: 'all', validFrom: day(0), validUntil: day(3), step: 'confirm' });
    expect(self.body).toContain('You cannot grant a mandate to yourself.');
    const past = await post(director, '/en/cabinet/mandates', { representative: '9000000044', scope: 'all', validFrom: day(-10), validUntil: day(-1), step: 'confirm' });
    expect(past.body).toContain('“Valid until” must be on or after “Valid from” and not in the past.');
  });

  it('a parent acts for a minor child from the population register', async () => {
    const parent = await signIn(t.app, 'nataliia-hrytsenko');
    expect((await post(parent, '/uk/cabinet/act-as', { party: 'person:9000000101' })).statusCode).toBe(303);
    const cabinet = await t.app.inject({ url: '/uk/cabinet', headers: { cookie: parent } });
    expect(cabinet.body).toContain('від імені: Софія Гриценко');
  });

  it('a parent of a grown-up child cannot act for them', async () => {
    const parent = await signIn(t.app, 'andrii-shevchenko');
    expect((await post(parent, '/uk/cabinet/act-as', { party: 'person:9000000102' })).statusCode).toBe(403);
  });
});
