import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { CatalogueEvent, FacetCounts, Organisation } from '../../../src/modules/catalogue/index.ts';
import { chosenFilters, filterGroups, type FilterInput, pageLinks, zeroResultView } from '../../../src/web/catalogue/search.view.ts';
import { translator } from '../../../src/web/locales/messages.ts';
import { spellingCandidates, editDistance } from '../../../src/modules/catalogue/catalogue-search.ts';

const org = (id: string, uk: string, en: string) => ({ id, name: { uk, en } }) as unknown as Organisation;
const event = (id: string, kind: 'life' | 'business', en: string) => ({ id, kind, name: { uk: en, en } }) as unknown as CatalogueEvent;
const noFacets: FacetCounts = { audience: [], organisation: [], event: [], channel: [], online: [] };

const input = (over: Partial<FilterInput> = {}): FilterInput => ({
  lang: 'en',
  values: {},
  facets: { ...noFacets, audience: [{ value: 'individual', count: 3 }], organisation: [{ value: 'tax', count: 2 }], online: [{ value: 'true', count: 1 }, { value: 'false', count: 2 }] },
  organisations: [org('tax', 'Податкова служба', 'Tax Service'), org('migration', 'Міграційна служба', 'Migration Service'), org('archive', 'Архів', 'Archive')],
  events: [event('birth', 'life', 'Birth of a child'), event('start', 'business', 'Starting a business'), event('move', 'life', 'Moving house')],
  ...over,
});
const en = translator('en');
const uk = translator('uk');

describe('filterGroups', () => {
  it('offers only the values that find something, with their counts, and leaves out empty groups', () => {
    const groups = filterGroups(en, input());
    expect(groups.map((g) => g.name)).toEqual(['audience', 'agency', 'online']);
    expect(groups.find((g) => g.name === 'agency')?.options).toEqual([{ value: 'tax', label: 'Tax Service', count: 2, selected: false }]);
    expect(groups.find((g) => g.name === 'online')?.options.map((o) => [o.value, o.count])).toEqual([['yes', 1], ['no', 2]]);
  });

  it('keeps a chosen value that finds nothing, marked as chosen', () => {
    const groups = filterGroups(en, input({ values: { agency: 'archive', channel: 'sms' } }));
    expect(groups.find((g) => g.name === 'agency')?.options).toContainEqual({ value: 'archive', label: 'Archive', count: 0, selected: true });
    expect(groups.find((g) => g.name === 'channel')?.options).toEqual([{ value: 'sms', label: 'By SMS', count: 0, selected: true }]);
  });

  it('offers every value without counts when there is no result (a refused query)', () => {
    const groups = filterGroups(uk, input({ lang: 'uk', facets: null }));
    const agencies = groups.find((g) => g.name === 'agency')?.options ?? [];
    expect(agencies.map((o) => o.label)).toEqual(['Архів', 'Міграційна служба', 'Податкова служба']);
    expect(agencies.every((o) => o.count === null)).toBe(true);
  });
});

describe('chosenFilters', () => {
  it('links each chosen filter to the same search without it, back on the first page', () => {
    const chosen = chosenFilters(en, input({ values: { q: 'tax', audience: 'business', agency: 'tax', page: '3' } }));
    expect(chosen).toEqual([
      { name: 'audience', label: 'Businesses', removeHref: '/en/search?q=tax&agency=tax' },
      { name: 'agency', label: 'Tax Service', removeHref: '/en/search?q=tax&audience=business' },
    ]);
  });
});

describe('zeroResultView', () => {
  it('links spellings with the chosen filters, offers the words unfiltered and life events only', () => {
    const zero = zeroResultView(input({ values: { q: 'pasprot', audience: 'individual' } }), [{ text: 'passport', total: 3 }]);
    expect(zero.suggestions).toEqual([{ text: 'passport', total: 3, href: '/en/search?q=passport&audience=individual' }]);
    expect(zero.withoutFilters).toBe('/en/search?q=pasprot');
    expect(zero.events.map((e) => e.id)).toEqual(['birth', 'move']);
  });

  it('has nothing to unfilter when no filter was chosen', () => {
    expect(zeroResultView(input({ values: { q: 'x' } }), []).withoutFilters).toBeNull();
  });
});

describe('pageLinks', () => {
  it('shows the first, last and neighbouring pages with gaps between', () => {
    const links = pageLinks('en', { q: 'a' }, 5, 10);
    expect(links.items.map((i) => (i === 'gap' ? '…' : i.page))).toEqual([1, '…', 4, 5, 6, '…', 10]);
    expect(links.previous).toBe('/en/search?q=a&page=4');
    expect(links.next).toBe('/en/search?q=a&page=6');
    expect(pageLinks('en', {}, 1, 2)).toMatchObject({ previous: null, next: '/en/search?page=2' });
    expect(pageLinks('en', {}, 2, 2).items).toContainEqual({ page: 1, href: '/en/search', current: false });
  });
});

describe('spelling candidates', () => {
  it('ranks near words by edit distance, then tries the next nearest one word at a time', () => {
    expect(editDistance('pasprot', 'passport')).toBe(2);
    expect(editDistance('pasprot', 'passing')).toBe(4);
    const near = new Map([['pasprot', ['passing', 'passport']], ['compny', ['company']]]);
    expect(spellingCandidates(['pasprot', 'compny'], near, 5)).toEqual(['passport company', 'passing company']);
    expect(spellingCandidates(['tax'], new Map(), 5)).toEqual([]);
  });

  it('counts edits as the whole table of the optimal string alignment does, over code points', () => {
    const letters = fc.constantFrom('a', 'b', 'c', 'п', 'а', 'с', 'ї', '😀');
    const word = fc.array(letters, { maxLength: 9 }).map((l) => l.join(''));
    fc.assert(fc.property(word, word, (a, b) => {
      expect(editDistance(a, b)).toBe(wholeTable(a, b));
      expect(editDistance(b, a)).toBe(editDistance(a, b));
    }), { numRuns: 500 });
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('ca', 'abc')).toBe(3);
    expect(editDistance('паспорт', 'пасопрт')).toBe(1);
    expect(editDistance('😀a', 'a😀')).toBe(1);
  });
});

/** The edit distance from the whole table, kept plain as the reference. */
function wholeTable(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => d[i]?.[j] ?? Infinity;
  for (let i = 1; i <= x.length; i += 1) {
    for (let j = 1; j <= y.length; j += 1) {
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      (d[i] as number[])[j] = best;
    }
  }
  return at(x.length, y.length);
}
