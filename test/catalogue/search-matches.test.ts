/**
 * What a search's words match, counted in the portal from each word's matches kept for the revision
 * (ADR 0039), against what PostgreSQL's `catalogue_text_search` counts for the same words and filters:
 * both readings (simple and English), stop words, numbers, words that read as a phrase, every filter.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createMatches } from '../../src/modules/catalogue/catalogue-matches.service.ts';
import { createSearchReads } from '../../src/modules/catalogue/catalogue-search.service.ts';
import { catalogueSearch } from '../../src/modules/catalogue/catalogue-search.repository.ts';
import type { CatalogueRecords, SearchPage, SearchQuery } from '../../src/modules/catalogue/index.ts';
import { type TestApp, testApp } from '../support/app.ts';
import { demoRecords } from '../support/demo.ts';
import { aService } from '../support/factories.ts';

let t: TestApp;
let demo: CatalogueRecords;
let catalogueWords: string[];

const text = (uk: string, en: string) => ({ uk, en });

beforeAll(async () => {
  t = await testApp();
  demo = await demoRecords();
  const organisationId = demo.organisations[0]?.id ?? '';
  const channels = [{ type: 'online' as const, url: 'https://portal.example.gov.ua/permits' }];
  const extra = [
    aService({ id: 'the-register-of-permits', name: text('Реєстр дозволів 2024', 'The register of the permits 2024'), keywords: { uk: ['ab cd'], en: ['ab cd'] }, organisationId, audience: ['business'], identifier: '99/01', channels }),
    aService({ id: 'certificates-of-the-past', name: text('Довідки минулого', 'Certificates of the past'), keywords: { uk: ['cd ab'], en: ['registering'] }, organisationId, identifier: '99/02', channels }),
  ];
  const imported = await t.services.catalogue.importRecords({ ...demo, services: [...demo.services, ...extra] }, 'test');
  expect(imported.ok ? 'ok' : JSON.stringify(imported.error).slice(0, 500)).toBe('ok');
  const rows = await t.services.db.query<{ word: string }>('SELECT word FROM search_words ORDER BY word');
  catalogueWords = rows.map((r) => r.word).filter((_, i) => i % 7 === 0);
});
afterAll(async () => t.close());

/** As `wordsQuery` writes a search's groups. */
const expression = (groups: ReadonlyArray<readonly string[]>) => groups.map((g) => (g.length === 1 ? g[0] : `(${g.join(' | ')})`)).join(' & ');
const PHRASE = 'ab²cd';
const others = ['the', 'of', 'and', 'permits', 'registering', 'certificates', 'паспорта', '2024', 'ab', 'cd', PHRASE, '½', 'xyzzy', 'passport'];

describe('counting what words match in the portal', () => {
  it('counts what the database counts for any words and filters, and leaves a phrase to the database', async () => {
    const revision = await t.services.catalogue.revision();
    const matches = createMatches(t.services.db);
    const counts = async (...args: Parameters<typeof matches>) => (await matches(...args))?.matched.map((m) => m.length) ?? null;
    const words = fc.constantFrom(...others, ...catalogueWords);
    // Mostly no filter, so that many searches find something; each filter now and then.
    const either = <T>(...values: T[]) => fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.constantFrom(...values), weight: 1 });
    const filters = fc.record({
      audience: either('individual' as const, 'business' as const),
      organisationId: either(...demo.organisations.slice(0, 3).map((o) => o.id)),
      eventId: either(...demo.events.slice(0, 3).map((e) => e.id)),
      channel: either('online' as const, 'in-person' as const, 'phone' as const),
      online: either(true, false),
    });
    let found = 0;
    await fc.assert(fc.asyncProperty(fc.array(fc.uniqueArray(words, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 }), filters, async (groups, f) => {
      const query: SearchQuery = { text: 'x', ...f, page: 1, pageSize: 20 };
      const inPortal = await counts(revision, query, [groups]);
      if (groups.flat().includes(PHRASE)) {
        expect(inPortal).toBeNull();
        return;
      }
      const inDatabase = (await catalogueSearch.search(t.services.db, query, expression(groups))).total;
      expect(inPortal, `${expression(groups)} ${JSON.stringify(f)}`).toEqual([inDatabase]);
      found += inDatabase > 0 ? 1 : 0;
    }), { numRuns: 300, seed: 20261206 });
    expect(found, 'some of the searches find something').toBeGreaterThan(40);
  });

  it('gives the page, total and facets the database gives, for any words, filters and page', async () => {
    const revision = await t.services.catalogue.revision();
    const inPortal = createSearchReads(t.services.db);
    const inDatabase = createSearchReads(t.services.db, { rankedByKey: 0 });
    const words = fc.constantFrom(...others.filter((w) => w !== PHRASE), ...catalogueWords);
    const either = <T>(...values: T[]) => fc.oneof({ arbitrary: fc.constant(null), weight: 8 }, { arbitrary: fc.constantFrom(...values), weight: 1 });
    // Mostly one word, so that many pages hold several services to rank.
    const queries = fc.record({
      text: fc.oneof({ arbitrary: words, weight: 3 }, { arbitrary: fc.uniqueArray(words, { minLength: 2, maxLength: 3 }).map((w) => w.join(' ')), weight: 1 }),
      audience: either('individual' as const, 'business' as const),
      organisationId: either(...demo.organisations.slice(0, 3).map((o) => o.id)),
      eventId: either(...demo.events.slice(0, 3).map((e) => e.id)),
      channel: either('online' as const, 'in-person' as const),
      online: either(true, false),
      page: fc.integer({ min: 1, max: 4 }),
      pageSize: fc.constantFrom(1, 3, 20),
    });
    // Facet values in one order: the database gives them in no particular one.
    const sorted = (page: SearchPage) => ({
      total: page.total,
      ids: page.items.map((s) => s.id),
      items: page.items,
      facets: Object.fromEntries(Object.entries(page.facets).map(([k, v]) => [k, [...v].sort((a, b) => a.value.localeCompare(b.value))])),
    });
    let ranked = 0;
    await fc.assert(fc.asyncProperty(queries, async (query) => {
      const [portal, database] = [await inPortal.search(revision, query), await inDatabase.search(revision, query)];
      expect(sorted(portal), JSON.stringify(query)).toEqual(sorted(database));
      const spelt = await inPortal.searchWithSpellings(revision, query, 3);
      expect(sorted(spelt.page), JSON.stringify(query)).toEqual(sorted(database));
      expect(spelt.spellings).toEqual((await inDatabase.searchWithSpellings(revision, query, 3)).spellings);
      ranked += portal.total > 1 && portal.items.length > 0 ? 1 : 0;
    }), { numRuns: 300, seed: 20261207 });
    expect(ranked, 'some pages are ranked among several services').toBeGreaterThan(30);
  });

  it('reads words, matches and pages through functions that plan once for every value (ADR 0037, 0040)', async () => {
    const functions = ['catalogue_near_words', 'catalogue_ranked_page', 'catalogue_text_search', 'catalogue_word_postings'];
    const rows = await t.services.db.query<{ proname: string; proconfig: string[] | null }>('SELECT proname, proconfig FROM pg_proc WHERE proname = ANY ($1::text[]) AND pronamespace = current_schema()::regnamespace ORDER BY proname', [functions]);
    expect(rows.map((r) => [r.proname, r.proconfig])).toEqual(functions.map((f) => [f, ['plan_cache_mode=force_generic_plan']]));
  });

  it('counts nothing from a read of another revision than the one asked for', async () => {
    const revision = await t.services.catalogue.revision();
    const query: SearchQuery = { text: 'passport', audience: null, organisationId: null, eventId: null, channel: null, online: null, page: 1, pageSize: 20 };
    expect(await createMatches(t.services.db)(revision + 1, query, [[['passport']]])).toBeNull();
    const found = await createMatches(t.services.db)(revision, query, [[['passport']], [['xyzzy']]]);
    expect(found?.matched[0]?.length).toBeGreaterThan(0);
    expect(found?.matched[1]).toEqual([]);
  });

  it('does not mix a page read at a later revision with what the words matched before: the database searches again', async () => {
    const statements: string[] = [];
    const reads = createSearchReads({ query: (sql, params) => (statements.push(String(sql)), t.services.db.query(sql, params)) });
    const query: SearchQuery = { text: 'passport', audience: null, organisationId: null, eventId: null, channel: null, online: null, page: 1, pageSize: 20 };
    const revision = await t.services.catalogue.revision();
    const before = await reads.search(revision, query);
    expect(before.total).toBeGreaterThan(0);
    expect(statements.filter((s) => s.includes('catalogue_text_search'))).toEqual([]);
    const renamed = demo.services.find((s) => s.id === before.items[0]?.id);
    expect(renamed).toBeDefined();
    expect((await t.services.catalogue.importRecords({ organisations: [], centres: [], events: [], services: [{ ...renamed!, name: text('Паспорт (оновлено)', 'Passport (renewed)') }] }, 'test')).ok).toBe(true);
    statements.length = 0;
    const after = await reads.search(revision, query);
    expect(statements.filter((s) => s.includes('catalogue_ranked_page'))).toHaveLength(1);
    expect(statements.filter((s) => s.includes('catalogue_text_search'))).toHaveLength(1);
    expect(after.items.find((s) => s.id === renamed?.id)?.name.en).toBe('Passport (renewed)');
  });

  it('finds a service the catalogue gained after a search for its words found nothing', async () => {
    const query: SearchQuery = { text: 'zebracrossing permit', audience: null, organisationId: null, eventId: null, channel: null, online: null, page: 1, pageSize: 20 };
    expect((await t.services.catalogue.searchWithSpellings(query)).value.page.total).toBe(0);
    expect((await t.services.catalogue.search(query)).value.total).toBe(0);
    const added = aService({ id: 'zebra-crossing-permit', identifier: '99/03', name: text('Дозвіл на перехід', 'Zebracrossing permit'), organisationId: demo.organisations[0]?.id ?? '', channels: [{ type: 'online', url: 'https://portal.example.gov.ua/zebra' }] });
    expect((await t.services.catalogue.importRecords({ organisations: [], centres: [], events: [], services: [added] }, 'test')).ok).toBe(true);
    expect((await t.services.catalogue.searchWithSpellings(query)).value.page.items.map((s) => s.id)).toEqual(['zebra-crossing-permit']);
    expect((await t.services.catalogue.search(query)).value.total).toBe(1);
  });
});
