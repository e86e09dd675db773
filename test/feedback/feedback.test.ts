/**
 * "Was this page useful?" without a session, kept without personal data and limited per address; the
 * ratings and answers counted on the service page and listed for the agency's staff only; searches that
 * found nothing counted for the catalogue's editors, unless they look personal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createFeedbackService } from '../../src/modules/feedback/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { type CasesApp, casesApp, draftOf, submit } from '../cases/support.ts';

let t: CasesApp;
let clerk: SignedIn & { token: string };
let otherAgency: SignedIn & { token: string };
let editor: SignedIn & { token: string };

beforeAll(async () => {
  t = await casesApp('2026-09-01');
  clerk = await t.person('mykola-tkachenko', 'staff'); // a clerk of the State Tax Service, among others
  otherAgency = await t.person('halyna-kravets', 'staff'); // the State Migration Service's administrator only
  editor = await t.person('larysa-moroz', 'staff');
});
afterAll(async () => t.close());

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const answer = (lang: string, fields: Record<string, string>, headers: Record<string, string> = { origin: 'http://localhost:80' }, remoteAddress = '198.51.100.1') => t.app.inject({
  method: 'POST', url: `/${lang}/feedback`, remoteAddress, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: form(fields),
});
const staffGet = (who: { token: string }, url: string) => t.app.inject({ url, headers: { cookie: `portico_session=${who.token}` } });
const rows = () => t.services.db.query<Record<string, unknown>>('SELECT * FROM page_feedback ORDER BY id');

describe('was this page useful', () => {
  it('is on every page, a form without a session token, in the page\'s language', async () => {
    for (const url of ['/en/', '/uk/search?q=паспорт', '/en/services/tax-clearance-certificate', '/uk/maturity', '/en/no-such-page']) {
      const page = (await t.app.inject({ url })).body;
      expect(page, url).toContain(`action="/${url.slice(1, 3)}/feedback"`);
      expect(page, url).toContain(`name="page" value="${url.split('?')[0]}"`);
    }
    expect((await t.app.inject({ url: '/uk/' })).body).toContain('Чи була ця сторінка корисною?');
  });

  it('records the answer and the comment, never the address or the person, and thanks', async () => {
    const sent = await answer('en', { page: '/en/services/tax-clearance-certificate', answer: 'no', whatWasWrong: 'Fees unclear. Mail me: olena@example.com, 050 123 45 67' },
      { origin: 'http://localhost:80', cookie: `portico_session=${clerk.token}` });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/en/feedback/thanks?back=%2Fen%2Fservices%2Ftax-clearance-certificate');
    const thanks = await t.app.inject({ url: String(sent.headers.location) });
    expect(thanks.body).toContain('href="/en/services/tax-clearance-certificate"');
    expect(thanks.body).not.toContain('action="/en/feedback"');
    expect((await answer('uk', { page: '/uk/services/tax-clearance-certificate', answer: 'yes', whatWasWrong: '' })).statusCode).toBe(303);
    expect((await answer('uk', { page: '/uk/', answer: 'yes', whatWasWrong: '' })).statusCode).toBe(303);

    const stored = await rows();
    expect(Object.keys(stored[0] ?? {}).sort()).toEqual(['comment', 'day', 'id', 'lang', 'organisation_id', 'path', 'service_id', 'useful']);
    expect(stored.map((r) => [r['path'], r['service_id'], r['organisation_id'], r['useful'], r['comment']])).toEqual([
      ['/en/services/tax-clearance-certificate', 'tax-clearance-certificate', 'state-tax-service', false, 'Fees unclear. Mail me: …, …'],
      ['/uk/services/tax-clearance-certificate', 'tax-clearance-certificate', 'state-tax-service', true, null],
      ['/uk', null, null, true, null],
    ]);
    expect(JSON.stringify(stored)).not.toContain('198.51.100.1');
    expect(JSON.stringify(stored)).not.toContain(clerk.person.id);
  });

  it('refuses a form from another site, an answer that is not yes or no, and a page not of the portal', async () => {
    const before = (await rows()).length;
    expect((await answer('en', { page: '/en/', answer: 'yes' }, { origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await answer('en', { page: '/en/', answer: 'yes' }, { 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await answer('en', { page: '/en/', answer: 'maybe' })).statusCode).toBe(400);
    expect((await answer('en', { page: 'https://evil.example/', answer: 'yes' })).statusCode).toBe(400);
    expect((await rows()).length).toBe(before);
    const thanks = (await t.app.inject({ url: '/en/feedback/thanks?back=https://evil.example/' })).body;
    expect(thanks).toContain('<a class="govuk-link" href="/en/">');
    expect(thanks).not.toContain('href="https://evil.example/"');
  });

  it('takes at most 20 answers from one address in ten minutes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) {
      statuses.push((await answer('en', { page: '/en/centres', answer: 'yes' }, { origin: 'http://localhost:80' }, '203.0.113.7')).statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 303)).toBe(true);
    const refused = await answer('en', { page: '/en/centres', answer: 'yes' }, { origin: 'http://localhost:80' }, '203.0.113.7');
    expect([statuses[20], refused.statusCode, refused.headers['retry-after'] !== undefined]).toEqual([429, 429, true]);
    expect((await answer('en', { page: '/en/centres', answer: 'yes' }, { origin: 'http://localhost:80' }, '203.0.113.8')).statusCode).toBe(303);
  });
});

describe('ratings and answers shown', () => {
  it('the service page counts them; the agency\'s staff see them, another agency\'s do not', async () => {
    const olena = await t.person('olena-koval');
    const c = await submit(t.services, olena, await draftOf(t.services, olena, 'tax-clearance-certificate'));
    expect((await t.services.cases.withdraw(olena, c.id, 'not needed')).ok).toBe(true);
    expect((await t.services.cases.rate(olena, c.id, 4, 'Clear form, slow answer')).ok).toBe(true);

    const page = (await t.app.inject({ url: '/en/services/tax-clearance-certificate' })).body;
    expect(page).toContain('Rated after the service: 4.0 of 5 (1 rating)');
    expect(page).toContain('This page was useful: yes — 1, no — 1.');
    expect((await t.app.inject({ url: '/uk/services/tax-clearance-certificate' })).body).toContain('(1 оцінка)');

    const office = await staffGet(clerk, '/en/office/feedback');
    expect(office.statusCode).toBe(200);
    expect(office.body).toContain('Clear form, slow answer');
    expect(office.body).toContain('Fees unclear. Mail me: …, …');
    expect(office.body).not.toContain(olena.person.id);
    expect(office.body).not.toContain('Olena');
    const elsewhere = await staffGet(otherAgency, '/en/office/feedback');
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.body).not.toContain('Clear form, slow answer');
    expect(elsewhere.body).not.toContain('Fees unclear');
  });
});

describe('searches that found nothing', () => {
  it('are counted normalised, cached pages included; personal-looking ones are not kept; editors see them', async () => {
    for (const q of ['Unicorn   Licence', 'unicorn licence!', 'довідка 3123456789', 'olena@example.com', '+380 50 123 4567', 'паспорт']) {
      expect((await t.app.inject({ url: `/en/search?q=${encodeURIComponent(q)}` })).statusCode).toBeLessThan(500);
    }
    expect((await t.app.inject({ url: `/uk/search?q=${encodeURIComponent('unicorn licence')}` })).statusCode).toBe(200);
    await t.services.feedback.flushGaps();
    const gaps = await t.services.db.query<{ query: string; lang: string; searches: number }>('SELECT query, lang, searches FROM search_gaps ORDER BY lang, query');
    expect(gaps.map((g) => [g.lang, g.query, Number(g.searches)])).toEqual([['en', 'unicorn licence', 2], ['uk', 'unicorn licence', 1]]);

    const page = await staffGet(editor, '/en/office/content-gaps');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('unicorn licence');
    expect(await t.services.feedback.contentGaps(clerk)).toEqual([]);
    expect((await staffGet(clerk, '/en/office/content-gaps')).statusCode).toBe(403);
  });

  it('are each counted when many arrive at once and go to the database together', async () => {
    const texts = [...Array.from({ length: 12 }, () => 'Dragon permit'), ...Array.from({ length: 5 }, () => 'griffin permit')];
    const counted = [...texts.map((q) => t.services.feedback.recordZeroResults(q, 'en')), t.services.feedback.recordZeroResults('dragon permit', 'uk')];
    expect(counted.slice(0, 2)).toEqual(['dragon permit', 'dragon permit']);
    await t.services.feedback.flushGaps();
    const gaps = await t.services.db.query<{ query: string; lang: string; searches: number }>(
      "SELECT query, lang, searches FROM search_gaps WHERE query LIKE '%permit' ORDER BY lang, query",
    );
    expect(gaps.map((g) => [g.lang, g.query, Number(g.searches)])).toEqual([['en', 'dragon permit', 12], ['en', 'griffin permit', 5], ['uk', 'dragon permit', 1]]);
  });

  it('are written within the interval without anyone asking, and two processes\' counts add up', async () => {
    const processes = [0, 1].map(() => createFeedbackService({ db: t.services.db, clock: t.clock, limiter: t.services.rateLimiter, catalogue: t.services.catalogue, gapIntervalMs: 100 }));
    const searches = (query: string) => t.services.db.query<{ searches: number }>("SELECT searches FROM search_gaps WHERE lang = 'uk' AND query = $1", [query]);
    processes[0]?.recordZeroResults('phoenix licence', 'uk');
    processes[1]?.recordZeroResults('Phoenix  licence', 'uk');
    processes[1]?.recordZeroResults('phoenix licence', 'uk');
    expect(await searches('phoenix licence')).toEqual([]);
    const deadline = Date.now() + 5000;
    while (Number((await searches('phoenix licence'))[0]?.searches ?? 0) < 3 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(Number((await searches('phoenix licence'))[0]?.searches)).toBe(3);
  });
});
