/** What is kept of a search that found nothing and of a page's feedback: nothing that looks personal. */
import { describe, expect, it } from 'vitest';

import { looksPersonal, normaliseQuery, readPageFeedback, redactPersonal } from '../../src/modules/feedback/index.ts';

describe('search queries as content gaps', () => {
  it('are normalised: lower case, letters and digits, single spaces, apostrophes inside words', () => {
    expect(normaliseQuery('  Пасп\u2019орт   для  ДИТИНИ!! ')).toBe('пасп\'орт для дитини');
    expect(normaliseQuery('Dog-licence, "renewal"?')).toBe('dog licence renewal');
    expect(normaliseQuery('ﬁshing permit 2026')).toBe('fishing permit 2026');
    expect(normaliseQuery(' ?!* ')).toBeNull();
  });

  it.each([
    ['a tax number', 'довідка 3123456789'],
    ['a passport number', 'паспорт АА 123456'],
    ['an ID card number', '004512345'],
    ['a phone number', 'call 050 123 45 67'],
    ['an international phone number', '+380501234567'],
    ['a short international number', 'виклик +38 050'],
    ['an e-mail address', 'olena.koval@example.com passport'],
    ['a bank card', '4111 1111 1111 1111'],
  ])('are dropped when they look personal: %s', (_, query) => {
    expect(looksPersonal(query)).toBe(true);
    expect(normaliseQuery(query)).toBeNull();
  });

  it('keep short numbers (a form\'s number, a year)', () => {
    expect(looksPersonal('form 1-DF 2026')).toBe(false);
    expect(normaliseQuery('Form 1-DF 2026')).toBe('form 1 df 2026');
  });
});

describe('page feedback', () => {
  it('reads a page of the portal, yes or no, and the service of a service page', () => {
    expect(readPageFeedback({ path: '/en/services/foreign-passport', answer: 'no', comment: '  Too  long ' })).toEqual({
      ok: true, value: { path: '/en/services/foreign-passport', lang: 'en', useful: false, comment: 'Too long', serviceId: 'foreign-passport' },
    });
    expect(readPageFeedback({ path: '/uk/services/foreign-passport/apply', answer: 'yes', comment: '' })).toMatchObject({ ok: true, value: { serviceId: 'foreign-passport', comment: null, useful: true } });
    expect(readPageFeedback({ path: '/uk/', answer: 'yes', comment: '' })).toMatchObject({ ok: true, value: { path: '/uk', serviceId: null } });
  });

  it('refuses what is not a page of the portal, an answer other than yes or no, and a comment too long', () => {
    for (const path of ['https://evil.example/', '//evil.example', '/de/x', '/en/a?b=c', '', `/en/${'a'.repeat(200)}`]) {
      expect(readPageFeedback({ path, answer: 'yes', comment: '' }), path).toEqual({ ok: false, problem: 'path' });
    }
    expect(readPageFeedback({ path: '/en', answer: 'maybe', comment: '' })).toEqual({ ok: false, problem: 'answer' });
    expect(readPageFeedback({ path: '/en', answer: 'no', comment: 'x'.repeat(1001) })).toEqual({ ok: false, problem: 'comment' });
  });

  it('replaces what looks personal in the comment', () => {
    expect(redactPersonal('Write to me at olena@example.com or 050 123 45 67, my number 3123456789')).toBe('Write to me at … or … , my number …');
    expect(readPageFeedback({ path: '/en', answer: 'no', comment: 'olena@example.com' })).toMatchObject({ ok: true, value: { comment: null } });
  });
});
