/**
 * The step before publishing a draft (ADR 0033): another editor of the agency sees what will change on the
 * portal (the current version against the draft) and publishes with one button, CSRF-protected, in both
 * languages; the author is refused it, and an editor of another agency does not find the service at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seedDemoCatalogue } from '../../src/app/demo.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import type { TestApp } from '../support/app.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { csrfOf } from '../support/identity.ts';
import { appWithPersonas, signedInPersona, signIn } from '../support/personas.ts';

const SERVICE = 'residence-registration'; // the State Migration Service's; no other test here edits it

let database: TestDatabase;
let t: TestApp;
let author: string;
let publisher: string;
let outsider: string;

const get = (cookie: string, url: string) => t.app.inject({ url, headers: { cookie } });
const post = (cookie: string, url: string, fields: Record<string, string>) => t.app.inject({
  method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString(),
});

beforeAll(async () => {
  database = await testDatabase();
  t = await appWithPersonas({}, { database });
  await seedDemoCatalogue(t.services, createLogger('silent'));
  author = await signIn(t.app, 'nadiia-romanenko', 'staff');
  publisher = await signIn(t.app, 'bohdan-kovalenko', 'staff');
  // An editor of the State Tax Service, granted by the national administrator.
  const admin = await signIn(t.app, 'viktor-savchenko', 'staff');
  const granted = await post(admin, '/en/admin/staff', { _csrf: await csrfOf(t.app, admin, '/en/admin/staff'), nationalId: '9000000011', role: 'catalogue-editor', agencyId: 'state-tax-service', centreId: '' });
  expect(granted.statusCode).toBe(303);
  outsider = await signIn(t.app, 'olena-koval', 'staff');
  // The author's draft: the term from 1 to 3 working days and the fee from 30 to 45.50 UAH.
  const nadiia = await signedInPersona(t.services, 'nadiia-romanenko', 'staff');
  const current = await t.services.catalogueEditor.version(nadiia, SERVICE, { kind: 'published', number: 1 });
  if (!current.ok) {
    throw new Error('the demo catalogue has no residence registration');
  }
  expect(current.value.deadline.days).toBe(1);
  const [fee, ...fees] = current.value.costs;
  const saved = await t.services.catalogueEditor.saveDraft(nadiia, SERVICE, { ...current.value, deadline: { days: 3, unit: 'working' }, costs: [{ ...fee, amount: 45.5 }, ...fees] });
  expect(saved.ok && saved.value).toBe(1);
}, 120_000);
afterAll(async () => {
  await t.close();
  await database.drop();
});

const CONFIRM = `/office/catalogue/${SERVICE}/drafts/1/publish`;

describe('the confirmation before publishing', () => {
  it('shows another editor what changes, in both languages, with a CSRF-protected Publish button, and publishes nothing yet', async () => {
    const draft = await get(publisher, `/en/office/catalogue/${SERVICE}/drafts/1`);
    expect(draft.body).toContain(`href="/en${CONFIRM}"`);
    expect(draft.body).not.toContain(`action="/en${CONFIRM}"`);
    for (const [lang, title, button] of [['en', 'Publish draft 1 of', '>Publish<'], ['uk', 'опублікувати чернетку 1?', '>Опублікувати<']] as const) {
      const page = await get(publisher, `/${lang}${CONFIRM}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(title);
      expect(page.body).toContain(button);
      expect(page.body).toContain(`action="/${lang}${CONFIRM}"`);
      expect(page.body).toMatch(/name="_csrf" value="[^"]+"/);
      const rows = [...page.body.matchAll(/<code>([^<]+)<\/code><\/th><td[^>]*>([^<]*)<\/td><td[^>]*>([^<]*)<\/td>/g)].map((m) => [m[1], m[2], m[3]]);
      expect(rows).toEqual(expect.arrayContaining([['/deadline/days', '1', '3'], ['/costs/0/amount', '30', '45.5']]));
    }
    expect((await t.services.catalogue.service(SERVICE)).value?.version).toBe(1);
  });

  it('is refused to the author (403) and is not found for an editor of another agency (404)', async () => {
    const own = await get(author, `/en${CONFIRM}`);
    expect(own.statusCode).toBe(403);
    expect(own.body).toContain('You wrote this draft');
    expect((await get(author, `/uk${CONFIRM}`)).body).toContain('Ви автор цієї чернетки');
    for (const url of [`/en/office/catalogue/${SERVICE}`, `/en/office/catalogue/${SERVICE}/edit`, `/en/office/catalogue/${SERVICE}/drafts/1`, `/en/office/catalogue/${SERVICE}/drafts/1/preview`, `/en${CONFIRM}`]) {
      expect((await get(outsider, url)).statusCode, url).toBe(404);
    }
    const csrf = await csrfOf(t.app, outsider, '/en/office/catalogue');
    expect((await post(outsider, `/en${CONFIRM}`, { _csrf: csrf })).statusCode).toBe(404);
    expect((await get(outsider, '/en/office/catalogue')).body).not.toContain(SERVICE);
  });

  it('publishes on the button with the session\'s token only, and then shows the success banner', async () => {
    const csrf = await csrfOf(t.app, publisher, '/en/office/catalogue');
    expect((await post(publisher, `/uk${CONFIRM}`, {})).statusCode).toBe(403);
    expect((await post(publisher, `/uk${CONFIRM}`, { _csrf: 'forged' })).statusCode).toBe(403);
    expect((await t.services.catalogue.service(SERVICE)).value?.version).toBe(1);
    const done = await post(publisher, `/uk${CONFIRM}`, { _csrf: csrf });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/uk/office/catalogue/${SERVICE}?published=2`);
    const banner = await get(publisher, String(done.headers.location));
    expect(banner.body).toContain('govuk-notification-banner--success');
    expect(banner.body).toContain('Чернетку 1 опубліковано як версію 2');
    expect((await t.services.catalogue.service(SERVICE)).value?.deadline.days).toBe(3);
    // Published: the confirmation is no longer offered.
    const again = await get(publisher, `/en${CONFIRM}`);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('This draft is published already.');
  });
});
