/**
 * The catalogue editor (ADR 0033): an agency's editors edit only its services; every save is a new draft
 * checked by the import's schema and reference rules; another editor publishes (four eyes); every version
 * is kept and comparable field by field; publication changes the public page and the JSON-LD (which still
 * conforms to the CPSV-AP SHACL shapes) in this process and, on PostgreSQL, in a second one on the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seedDemoCatalogue } from '../../src/app/demo.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import type { TestApp } from '../support/app.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { csrfOf } from '../support/identity.ts';
import { appWithPersonas, signedInPersona, signIn } from '../support/personas.ts';
import { validateCpsvAp } from './shacl.ts';

const SERVICE = 'international-passport'; // the State Migration Service's
const OTHER_AGENCY = 'tax-clearance-certificate'; // the State Tax Service's

let database: TestDatabase;
let t: TestApp;
let second: TestApp | null = null;
let editor: string;
let publisher: string;
let clerk: string;
let editorCsrf: string;
let publisherCsrf: string;
let editorPerson: SignedIn;

beforeAll(async () => {
  database = await testDatabase();
  t = await appWithPersonas({}, { database });
  await seedDemoCatalogue(t.services, createLogger('silent'));
  if (database.url !== null) {
    // A second portal process on the same PostgreSQL database (PGlite is one process's database).
    second = await appWithPersonas({}, { database });
  }
  editor = await signIn(t.app, 'nadiia-romanenko', 'staff');
  publisher = await signIn(t.app, 'bohdan-kovalenko', 'staff');
  clerk = await signIn(t.app, 'mykola-tkachenko', 'staff');
  editorCsrf = await csrfOf(t.app, editor, '/en/office/catalogue');
  publisherCsrf = await csrfOf(t.app, publisher, '/en/office/catalogue');
  editorPerson = await signedInPersona(t.services, 'nadiia-romanenko', 'staff');
}, 120_000);
afterAll(async () => {
  await second?.close();
  await t.close();
  await database.drop();
});

const get = (cookie: string, url: string, app = t.app) => app.inject({ url, headers: { cookie } });
const post = (cookie: string, url: string, fields: Record<string, string>) => t.app.inject({
  method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString(),
});

/** The edit form's fields as the page gives them, with some changed. */
async function editForm(cookie: string, csrf: string, changes: Record<string, string>, lang = 'en'): Promise<Record<string, string>> {
  const page = await get(cookie, `/${lang}/office/catalogue/${SERVICE}/edit`);
  expect(page.statusCode).toBe(200);
  const fields: Record<string, string> = {};
  for (const [tag] of page.body.matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(tag)?.[1];
    if (name === undefined || name === 'q' || (/type="(checkbox|radio)"/.test(tag) && !/ checked/.test(tag))) {
      continue;
    }
    fields[name] = decode(/value="([^"]*)"/.exec(tag)?.[1] ?? '');
  }
  for (const m of page.body.matchAll(/<textarea[^>]*?name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) {
    fields[m[1] as string] = decode(m[2] as string);
  }
  return { ...fields, _csrf: csrf, ...changes };
}
const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, '\'').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const drafts = async () => (await t.services.db.query<{ number: number; data: { deadline: { days: number } } }>(
  'SELECT number, data FROM catalogue_drafts WHERE service_id = $1 ORDER BY number', [SERVICE])).map((r) => ({ number: r.number, days: r.data.deadline.days }));

describe('the editor is limited to the agency', () => {
  it('lists the agency\'s services only, and another agency\'s service is not found', async () => {
    const list = await get(editor, '/en/office/catalogue');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`/en/office/catalogue/${SERVICE}"`);
    expect(list.body).not.toContain(`/en/office/catalogue/${OTHER_AGENCY}"`);
    for (const url of [`/en/office/catalogue/${OTHER_AGENCY}`, `/en/office/catalogue/${OTHER_AGENCY}/edit`, `/uk/office/catalogue/${OTHER_AGENCY}/drafts/1`, '/en/office/catalogue/no-such-service']) {
      expect((await get(editor, url)).statusCode, url).toBe(404);
    }
    const refused = await post(editor, `/en/office/catalogue/${OTHER_AGENCY}/edit`, { _csrf: editorCsrf, nameEn: 'Taken over' });
    expect(refused.statusCode).toBe(404);
    expect((await get(clerk, '/en/office/catalogue')).statusCode).toBe(403);
  });
});

describe('saving a draft', () => {
  it('refuses what the import\'s schema refuses, with a summary and field messages in the page\'s language, and saves nothing', async () => {
    const en = await post(editor, `/en/office/catalogue/${SERVICE}/edit`, await editForm(editor, editorCsrf, { deadlineDays: 'soon', nameEn: '', 'cost-0-amount': '-5' }));
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('govuk-error-summary');
    expect(en.body).toContain('href="#filter-deadlineDays"');
    expect(en.body).toContain('Number of days: a value of the wrong kind');
    expect(en.body).toContain('Name in English: fill this in');
    expect(en.body).toContain('Fee 1, Amount, UAH: a value of the wrong kind');
    expect(en.body).toContain('id="filter-nameEn-error"');
    const uk = await post(editor, `/uk/office/catalogue/${SERVICE}/edit`, await editForm(editor, editorCsrf, { channels: '[{"type": "pigeon"}]', evidence: '{not json' }, 'uk'));
    expect(uk.statusCode).toBe(400);
    expect(uk.body).toContain('Документи (JSON): це не JSON');
    const references = await post(editor, `/en/office/catalogue/${SERVICE}/edit`, await editForm(editor, editorCsrf, { channels: '[{"type": "in-person", "centreIds": ["no-such-centre"]}]' }));
    expect(references.statusCode).toBe(400);
    expect(references.body).toContain('Ways to apply (JSON): refers to a record that does not exist (/0/centreIds/0)');
    const schema = await post(editor, `/en/office/catalogue/${SERVICE}/edit`, await editForm(editor, editorCsrf, { channels: '[{"type": "pigeon"}]' }));
    expect(schema.body).toContain('Ways to apply (JSON): not one of the allowed values (/0/type)');
    expect(await drafts()).toEqual([]);
  });

  it('keeps every save as a draft of its own, never over an earlier one', async () => {
    const first = await post(editor, `/en/office/catalogue/${SERVICE}/edit`, await editForm(editor, editorCsrf, { deadlineDays: '25' }));
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`/en/office/catalogue/${SERVICE}/drafts/1?saved=1`);
    // The form now starts from draft 1; the second save changes the term and the first fee, in both languages.
    const form = await editForm(editor, editorCsrf, { deadlineDays: '12', 'cost-0-amount': '999.50', 'cost-0-uk': 'Нова плата', 'cost-0-en': 'New fee', nameEn: 'Passport for travel abroad' });
    expect(form['base']).toBe('d1');
    expect((await post(editor, `/en/office/catalogue/${SERVICE}/edit`, form)).statusCode).toBe(303);
    expect(await drafts()).toEqual([{ number: 1, days: 25 }, { number: 2, days: 12 }]);
    await expect(t.services.db.query(`UPDATE catalogue_drafts SET data = '{}' WHERE service_id = $1`, [SERVICE])).rejects.toThrow(/never rewritten/);
    const page = await get(editor, `/en/office/catalogue/${SERVICE}/drafts/2`);
    expect(page.body).toContain('The draft passes the catalogue');
    expect(page.body).toContain('You wrote this draft: another editor of your agency publishes it.');
  });

  it('previews the public page from the draft, before anything is published', async () => {
    const preview = await get(editor, `/en/office/catalogue/${SERVICE}/drafts/2/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Preview of draft 2');
    expect(preview.body).toContain('Passport for travel abroad');
    expect(preview.body).toContain('12 working days');
    const publicPage = await t.app.inject({ url: `/en/services/${SERVICE}` });
    expect(publicPage.body).not.toContain('12 working days');
  });
});

describe('publishing', () => {
  it('is refused to the draft\'s author with a stable code, and the public page stays', async () => {
    const refused = await post(editor, `/en/office/catalogue/${SERVICE}/drafts/2/publish`, { _csrf: editorCsrf });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('id="publish-refused"');
    const result = await t.services.catalogueEditor.publish(editorPerson, SERVICE, 2);
    expect(!result.ok && result.error.code).toBe('catalogue.four_eyes');
    expect((await t.services.catalogue.service(SERVICE)).value?.version).toBe(1);
  });

  it('by another editor makes the draft current: the public page, the JSON-LD (still SHACL-valid), the audit log, and a second process', async () => {
    // Both processes have the old page in their caches.
    for (const app of [t.app, ...(second ? [second.app] : [])]) {
      const before = await app.inject({ url: `/en/services/${SERVICE}` });
      expect(before.body).toContain('20 working days');
    }
    const published = await post(publisher, `/en/office/catalogue/${SERVICE}/drafts/2/publish`, { _csrf: publisherCsrf });
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toBe(`/en/office/catalogue/${SERVICE}?published=2`);
    expect((await get(publisher, String(published.headers.location))).body).toContain('Draft 2 published as version 2');

    for (const app of [t.app, ...(second ? [second.app] : [])]) {
      const en = await app.inject({ url: `/en/services/${SERVICE}` });
      expect(en.body).toContain('12 working days');
      expect(en.body).toContain('Passport for travel abroad');
      expect(en.body).toMatch(/UAH\s?999\.50/u);
      const uk = await app.inject({ url: `/uk/services/${SERVICE}` });
      expect(uk.body).toContain('12 робочих днів');
      expect(uk.body).toContain('Нова плата');
      const jsonld = JSON.parse((await app.inject({ url: '/api/v1/catalogue.jsonld' })).body) as object;
      expect(JSON.stringify(jsonld)).toContain('New fee');
    }
    const doc = JSON.parse((await t.app.inject({ url: '/api/v1/catalogue.jsonld' })).body) as object;
    const shacl = await validateCpsvAp(doc);
    expect(shacl.violations).toEqual([]);

    const audit = await t.services.db.query<{ action: string; detail: { draft: number; version?: number } }>(
      `SELECT action, detail FROM audit_events WHERE subject = $1 ORDER BY id`, [`catalogue-service:${SERVICE}`]);
    expect(audit.map((a) => a.action)).toEqual(['CATALOGUE_DRAFT_SAVED', 'CATALOGUE_DRAFT_SAVED', 'CATALOGUE_SERVICE_PUBLISHED']);
    expect(audit[2]?.detail).toMatchObject({ draft: 2, version: 2 });
  });

  it('refuses a draft made from a version no longer current, and one published already', async () => {
    const stale = await post(publisher, `/en/office/catalogue/${SERVICE}/drafts/1/publish`, { _csrf: publisherCsrf });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Another version was published after this draft');
    const again = await post(publisher, `/uk/office/catalogue/${SERVICE}/drafts/2/publish`, { _csrf: publisherCsrf });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Цю чернетку вже опубліковано.');
  });
});

describe('versions', () => {
  it('are all kept and compared field by field in both languages', async () => {
    const versions = await get(editor, `/en/office/catalogue/${SERVICE}`);
    expect(versions.body).toContain('Published as version 2 (Богдан Коваленко)');
    expect(versions.body).toContain('Out of date');
    const history = await t.services.catalogue.history('service', SERVICE);
    expect(history.map((h) => h.version)).toEqual([1, 2]);
    const diff = await get(editor, `/en/office/catalogue/${SERVICE}/compare?from=v1&to=v2`);
    expect(diff.statusCode).toBe(200);
    const rows = [...diff.body.matchAll(/<code>([^<]+)<\/code><\/th><td[^>]*>([^<]*)<\/td><td[^>]*>([^<]*)<\/td>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(rows).toEqual(expect.arrayContaining([
      ['/deadline/days', '20', '12'],
      ['/costs/0/amount', '782', '999.5'],
      ['/costs/0/description/uk', expect.any(String), 'Нова плата'],
      ['/costs/0/description/en', expect.any(String), 'New fee'],
      ['/name/en', expect.any(String), 'Passport for travel abroad'],
    ]));
    expect(rows.some((r) => r[0] === '/name/uk')).toBe(false);
    const drafts = await get(editor, `/uk/office/catalogue/${SERVICE}/compare?from=d1&to=d2`);
    expect(drafts.body).toContain('/deadline/days');
    expect((await get(editor, `/en/office/catalogue/${SERVICE}/compare?from=v9&to=v1`)).statusCode).toBe(400);
    expect((await get(editor, `/en/office/catalogue/${SERVICE}/compare?from=x&to=v1`)).statusCode).toBe(400);
  });
});
