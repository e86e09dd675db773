import { describe, expect, it } from 'vitest';

import { distinctCounts, indexWords, neighboursOf, spellingsOf, wordsQuery, wordsTsQuery, searchTerms } from './catalogue-search.ts';

describe('searchTerms', () => {
  it.each([
    ['Passport', ['passport']],
    ['  закордонний   ПАСПОРТ ', ['закордонний', 'паспорт']],
    ["register company; DROP TABLE services --", ['register', 'company', 'drop', 'table', 'services']],
    ["пам'ять & сім’я | !x:*", ['пам', 'ять', 'сім', 'я', 'x']],
    ['passport passport', ['passport']],
    ['', []],
    ['!!! ---', []],
  ])('turns %j into %j', (text, terms) => {
    expect(searchTerms(text)).toEqual(terms);
  });

  it('keeps at most eight terms', () => {
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
  });
});

describe('wordsTsQuery', () => {
  it('requires every term', () => {
    expect(wordsTsQuery(['register', 'company'])).toBe('register & company');
  });

  it('lets a term match through its spelling neighbours', () => {
    const near = new Map([['pasport', ['passport', 'pasport', 'passports']]]);
    expect(wordsTsQuery(['pasport', 'abroad'], near)).toBe('(pasport | passport | passports) & abroad');
  });

  it('drops a neighbour that is not a plain word', () => {
    expect(wordsTsQuery(['x'], new Map([['x', ["x'y", 'xy']]]))).toBe('(x | xy)');
  });
});

describe('distinctCounts', () => {
  const near = new Map([
    ['certificate', ['certificates', 'certify']], ['certificates', ['certificate', 'certify']], ['certify', ['certificate', 'certificates']],
    ['notification', ['identification']], ['identification', ['notification']],
  ]);
  const q = (text: string) => wordsQuery(text.split(' '), near);

  it('gives words that find the same services one key, whatever the order of alternatives and words', () => {
    expect(q('certify 5003').key).toBe(q('certificate 5003').key);
    expect(q('5003 certify').key).toBe(q('certificate 5003').key);
    expect(q('certify 5003').expression).toBe('(certify | certificate | certificates) & 5003');
    expect(q('certify 5003').key).not.toBe(q('certify').key);
    expect(q('notification 5003').key).not.toBe(q('certify 5003').key);
  });

  it('counts each distinct expression once and none that matches as the search does', () => {
    const corrections = ['certificates 5003', 'notification 5003', 'identification 5003', 'duplicate 5003', 'certify 5003'].map(q);
    const { counted, at } = distinctCounts(q('certificate 5003'), corrections);
    expect({ counted: counted.map((c) => c.expression), at }).toEqual({
      counted: ['(notification | identification) & 5003', 'duplicate & 5003'],
      at: [-1, 0, 0, 1, -1],
    });
  });

  it('counts every distinct expression without a search expression', () => {
    const { counted, at } = distinctCounts(null, ['a b', 'b a', 'c'].map(q));
    expect({ counted: counted.map((c) => c.expression), at }).toEqual({ counted: ['a & b', 'c'], at: [0, 0, 1] });
  });
});

describe('indexWords', () => {
  it('keeps the letter words of names and keywords, three letters or more, once each', () => {
    const words = indexWords({ name: { uk: 'Закордонний паспорт (№ 12)', en: 'Passport for travel' }, keywords: { uk: ['паспорт'], en: ['ID'] } });
    expect(words).toEqual(['закордонний', 'паспорт', 'passport', 'for', 'travel']);
  });
});

describe('near words', () => {
  const near = new Map([
    ['pasport', [
      { word: 'passports', similarity: 0.4 },
      { word: 'pasport', similarity: 1 },
      { word: 'passport', similarity: 0.5 },
      { word: 'support', similarity: 0.25 },
      { word: 'airport', similarity: 0.3 },
      { word: 'paper', similarity: 0.2 },
      { word: 'apart', similarity: 0.2 },
    ]],
  ]);

  it('lets the four nearest words of similarity 0.3 or more stand in for a query word, the word itself included', () => {
    expect(neighboursOf(near).get('pasport')).toEqual(['pasport', 'passport', 'passports', 'airport']);
  });

  it('offers other words as spellings, nearest first and equally near ones alphabetically', () => {
    expect(spellingsOf(near, 6).get('pasport')).toEqual(['passport', 'passports', 'airport', 'support', 'apart', 'paper']);
    expect(spellingsOf(near, 2).get('pasport')).toEqual(['passport', 'passports']);
  });

  it('gives a query word without near words none', () => {
    const none = new Map([['xyzzy', []]]);
    expect(neighboursOf(none).get('xyzzy')).toEqual([]);
    expect(wordsTsQuery(['xyzzy'], neighboursOf(none))).toBe('xyzzy');
  });
});
