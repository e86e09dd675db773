import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { catalogueSearch } from '../../src/modules/catalogue/catalogue-search.repository.ts';
import { createSearchReads } from '../../src/modules/catalogue/catalogue-search.service.ts';
import { neighboursOf, searchTerms, spellingCandidates, spellingsOf, wordsQuery, wordsTsQuery } from '../../src/modules/catalogue/catalogue-search.ts';
import type { SearchQuery } from '../../src/modules/catalogue/index.ts';
import type { CatalogueRecords } from '../../src/modules/catalogue/index.ts';
import { type TestApp, testApp } from '../support/app.ts';
import { demoRecords } from '../support/demo.ts';

let t: TestApp;
let demo: CatalogueRecords;

beforeAll(async () => {
  t = await testApp();
  demo = await demoRecords();
  const imported = await t.services.catalogue.importRecords(demo, 'test');
  expect(imported.ok).toBe(true);
});
afterAll(async () => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
/** The markup of the element that opens with `start`, up to the first `end` after it. */
const part = (html: string, start: string, end: string) => {
  const from = html.indexOf(start);
  expect(from, start).toBeGreaterThanOrEqual(0);
  return html.slice(from, html.indexOf(end, from));
};
const options = (html: string, filter: string) =>
  [...part(html, `id="filter-${filter}"`, '</select>').matchAll(/<option value(?:="([^"]*)")?( selected)?>([^<]*)<\/option>/g)].map((m) => ({ value: m[1] ?? '', selected: m[2] !== undefined, text: m[3] ?? '' }));
const total = (html: string) => Number(/id="results-count"[^>]*>\D*(\d+)/.exec(html)?.[1]);

describe('search filters', () => {
  it('offers only the filter values that find something, each with its count', async () => {
    const html = (await get('/en/search?q=passport')).body;
    const agencies = options(html, 'agency');
    expect(agencies[0]?.value).toBe('');
    expect(agencies.length).toBeGreaterThan(1);
    expect(agencies.length).toBeLessThan(demo.organisations.length);
    for (const o of agencies.slice(1)) {
      expect(o.text).toMatch(/\((\d+)\)$/);
      expect(o.text).not.toMatch(/\(0\)$/);
      const narrowed = (await get(`/en/search?q=passport&agency=${o.value}`)).body;
      expect(total(narrowed), o.value).toBe(Number(/\((\d+)\)$/.exec(o.text)?.[1]));
    }
  });

  it('keeps a chosen filter that finds nothing, so it can be unchosen, with a link that removes it', async () => {
    const html = (await get('/en/search?q=passport&audience=business')).body;
    expect(total(html)).toBe(0);
    expect(options(html, 'audience')).toContainEqual({ value: 'business', selected: true, text: 'Businesses (0)' });
    expect(part(html, 'id="chosen-filters"', '</ul>')).toContain('href="/en/search?q=passport"');
    expect(html).toContain('Remove filter: Businesses');
    expect(html).toContain('href="/en/search?q=passport">Search these words without filters');
  });

  it('puts the filters in a third beside the results, the results in two thirds', async () => {
    const html = (await get('/uk/search?q=')).body;
    const filters = html.indexOf('<div class="govuk-grid-column-one-third"><form');
    const results = html.indexOf('<div class="govuk-grid-column-two-thirds"><section aria-labelledby="results-count"');
    expect(filters).toBeGreaterThan(0);
    expect(results).toBeGreaterThan(filters);
  });

  it('pages the results with numbered links and the next page', async () => {
    const html = (await get('/en/search?q=')).body;
    const nav = part(html, '<nav class="govuk-pagination"', '</nav>');
    expect(nav).toContain('aria-current="page"');
    expect(nav).toContain('href="/en/search?page=2"');
    expect(nav).toContain('rel="next"');
    expect(nav).not.toContain('rel="prev"');
    const second = (await get('/en/search?page=2')).body;
    expect(part(second, '<nav class="govuk-pagination"', '</nav>')).toContain('href="/en/search" rel="prev"');
  });
});

describe('a search that finds nothing', () => {
  it('suggests corrected spellings that do find something', async () => {
    const html = (await get('/en/search?q=pasprot')).body;
    expect(total(html)).toBe(0);
    const suggestions = [...part(html, 'aria-labelledby="did-you-mean"', '</ul>').matchAll(/href="([^"]+)"[^>]*>([^<]+)<\/a> <span[^>]*>\((\d+) services?\)/g)];
    expect(suggestions[0]?.[2]).toBe('passport');
    for (const [, href, , count] of suggestions) {
      const followed = (await get((href ?? '').replace(/&amp;/g, '&'))).body;
      expect(total(followed)).toBe(Number(count));
      expect(Number(count)).toBeGreaterThan(0);
    }
  });

  it('suggests on the Ukrainian page with Ukrainian plurals', async () => {
    const html = (await get('/uk/search?q=pasprot')).body;
    expect(html).toContain('Можливо, ви мали на увазі:');
    expect(part(html, 'aria-labelledby="did-you-mean"', '</ul>')).toMatch(/>passport<\/a> <span[^>]*>\(3 послуги\)/);
  });

  it('offers life events and the other channels: the contact centre, SMS and the service centres', async () => {
    const html = (await get('/uk/search?q=xyzzyplugh')).body;
    expect(html).toContain('Знайдено 0 послуг');
    expect(html).not.toContain('id="did-you-mean"');
    const life = demo.events.filter((e) => e.kind === 'life');
    expect(html).toContain(`href="/uk/events/${life[0]?.id ?? ''}"`);
    const channels = part(html, 'id="other-channels"', '</ul>');
    expect(channels).toContain('1545');
    expect(channels).toContain('href="/uk/search?channel=phone"');
    expect(channels).toContain('href="/uk/search?channel=sms"');
    expect(channels).toContain('href="/uk/centres"');
    expect((await get('/uk/centres')).statusCode).toBe(200);
    expect(total((await get('/uk/search?channel=sms')).body)).toBeGreaterThan(0);
  });

  it('shows no filters when nothing was chosen and nothing can be', async () => {
    const html = (await get('/en/search?q=xyzzyplugh')).body;
    expect(html).not.toContain('id="filter-agency"');
    expect(html).not.toContain('govuk-grid-column-one-third');
  });
});

describe('near words', () => {
  it('are looked up for several words in one statement as for each alone, nearest first, none for a word far from all', async () => {
    const words = ['pasport', 'паспотр', 'licence', 'qqqqzzzz'];
    const together = await catalogueSearch.nearWords(t.services.db, words);
    expect([...together.keys()]).toEqual(words);
    for (const word of words) {
      expect(together.get(word), word).toEqual((await catalogueSearch.nearWords(t.services.db, [word])).get(word));
    }
    expect(together.get('pasport')?.map((n) => n.word)).toContain('passport');
    expect(together.get('qqqqzzzz')).toEqual([]);
    for (const near of together.values()) {
      expect(near.map((n) => n.similarity)).toEqual([...near.map((n) => n.similarity)].sort((a, b) => b - a));
    }
  });
});

describe('a search and its spellings', () => {
  const query = (over: Partial<SearchQuery>): SearchQuery => ({
    text: null, audience: null, organisationId: null, eventId: null, channel: null, online: null, page: 1, pageSize: 20, ...over,
  });

  it('is one statement once its words are known for the revision, none when it finds nothing, and each correction\'s total is what the correction finds', async () => {
    const statements: string[] = [];
    const reads = createSearchReads({ query: (sql, params) => (statements.push(String(sql)), t.services.db.query(sql, params)) });
    const revision = await t.services.catalogue.revision();
    const queries = [
      query({ text: 'pasprot' }), query({ text: 'паспотр' }), query({ text: 'pasprot', audience: 'business' }),
      query({ text: 'pasprot', online: true }), query({ text: 'xyzzyplugh' }), query({ text: 'passport' }), query({}),
    ];
    for (const q of queries) {
      statements.length = 0;
      const first = await reads.searchWithSpellings(revision, q, 3);
      const cold = statements.length;
      statements.length = 0;
      const again = await reads.searchWithSpellings(revision, q, 3);
      expect(again, q.text ?? '').toEqual(first);
      // What the words match is kept for the revision: a search that finds nothing is decided without a statement (ADR 0039).
      expect(statements, `${q.text ?? ''}: once the words are known`).toHaveLength(first.page.total > 0 || q.text === null ? 1 : 0);
      expect(cold).toBeGreaterThanOrEqual(statements.length);
      for (const s of first.spellings) {
        expect((await reads.search(revision, query({ ...q, text: s.text }))).total, s.text).toBe(s.total);
      }
    }
    expect((await reads.searchWithSpellings(revision, query({ text: 'pasprot' }), 3)).spellings.map((s) => s.text)).toContain('passport');
  });

  it('offers what counting every correction on its own offers, though corrections that match alike are counted once', async () => {
    const reads = createSearchReads(t.services.db);
    const revision = await t.services.catalogue.revision();
    let alike = 0;
    for (const text of ['pasprot', 'godos', 'stfaf', 'sttae', 'паспорт xyzzy', 'pasport zzzz']) {
      const terms = searchTerms(text);
      const near = await catalogueSearch.nearWords(t.services.db, terms);
      const corrections = spellingCandidates(terms, spellingsOf(near, 6), 6);
      const all = new Map([...near, ...(await catalogueSearch.nearWords(t.services.db, corrections.flatMap(searchTerms)))]);
      const keys = corrections.map((c) => wordsQuery(searchTerms(c), neighboursOf(all)).key);
      alike += keys.length - new Set(keys).size;
      const each = await Promise.all(corrections.map(async (c) => ({ text: c, total: (await reads.search(revision, query({ text: c }))).total })));
      const offered = await reads.searchWithSpellings(revision, query({ text }), 3);
      expect(offered.page.total, text).toBe(0);
      expect(offered.spellings, text).toEqual(each.filter((c) => c.total > 0).slice(0, 3));
    }
    expect(alike, 'some corrections match alike').toBeGreaterThan(0);
  });

  it('counts the corrections only when the search finds nothing, each with the search\'s filters', async () => {
    const near = await catalogueSearch.nearWords(t.services.db, ['passport', 'pasprot']);
    const expression = (text: string) => wordsTsQuery(searchTerms(text), neighboursOf(near));
    const found = await catalogueSearch.search(t.services.db, query({ text: 'passport' }), expression('passport'), [expression('passport')]);
    expect(found.total).toBeGreaterThan(0);
    expect(found.otherTotals).toEqual([]);
    for (const filters of [{}, { audience: 'business' as const }, { online: true }]) {
      const none = await catalogueSearch.search(t.services.db, query({ text: 'pasprot', ...filters }), expression('pasprot'), [expression('passport'), expression('pasprot')]);
      expect(none.total).toBe(0);
      const passport = await catalogueSearch.search(t.services.db, query({ text: 'passport', ...filters }), expression('passport'));
      expect(none.otherTotals, JSON.stringify(filters)).toEqual([passport.total, 0]);
    }
  });
});
