import { describe, expect, it } from 'vitest';

import {
  formatUah,
  headerValue,
  type LocalPayment,
  parseCallbackBody,
  type ProviderTransaction,
  reconcile,
  returnUrlFor,
  signatureHeaderValue,
  signBody,
  verifyBody,
} from '../../src/modules/payments/index.ts';

const local = (paymentId: string, status: LocalPayment['status'] = 'paid', amount = 8_500): LocalPayment => ({
  paymentId,
  caseNumber: `case-${paymentId}`,
  status,
  amount,
});
const remote = (paymentId: string, status: ProviderTransaction['status'] = 'paid', amount = 8_500): ProviderTransaction => ({
  providerRef: `ref-${paymentId}`,
  paymentId,
  status,
  amount,
  currency: 'UAH',
  updatedAt: '2025-03-01T10:00:00.000Z',
});

describe('reconcile', () => {
  it('finds nothing when both sides agree, pending with pending included', () => {
    expect(reconcile([local('a'), local('b', 'pending'), local('c', 'declined')], [remote('c', 'declined'), remote('b', 'pending'), remote('a')])).toEqual([]);
    expect(reconcile([], [])).toEqual([]);
  });

  it('a transaction only at the provider is missing locally', () => {
    expect(reconcile([], [remote('a')])).toEqual([{ kind: 'missing-locally', remote: remote('a') }]);
  });

  it('a payment only in the portal is missing at the provider', () => {
    expect(reconcile([local('a', 'pending')], [])).toEqual([{ kind: 'missing-at-provider', local: local('a', 'pending') }]);
  });

  it('a different status differs, a lost callback (pending here, paid there) included', () => {
    expect(reconcile([local('a', 'pending')], [remote('a', 'paid')])).toEqual([{ kind: 'status-differs', local: local('a', 'pending'), remote: remote('a', 'paid') }]);
    expect(reconcile([local('a', 'paid')], [remote('a', 'declined')])).toMatchObject([{ kind: 'status-differs' }]);
  });

  it('a different amount differs; both differences are reported', () => {
    expect(reconcile([local('a', 'paid', 100)], [remote('a', 'paid', 1_000)])).toEqual([{ kind: 'amount-differs', local: local('a', 'paid', 100), remote: remote('a', 'paid', 1_000) }]);
    expect(reconcile([local('a', 'pending', 100)], [remote('a', 'paid', 1_000)]).map((m) => m.kind)).toEqual(['status-differs', 'amount-differs']);
  });

  it('reports local mismatches in local order, then the unmatched remote ones; a duplicate is extra', () => {
    const mismatches = reconcile([local('x'), local('a', 'pending'), local('b')], [remote('z'), remote('b'), remote('a'), remote('b', 'declined')]);
    expect(mismatches.map((m) => `${m.kind}:${'local' in m ? m.local.paymentId : m.remote.paymentId}`)).toEqual([
      'missing-at-provider:x',
      'status-differs:a',
      'missing-locally:z',
      'missing-locally:b',
    ]);
    expect(mismatches[3]).toEqual({ kind: 'missing-locally', remote: remote('b', 'declined') });
  });
});

const callback = {
  eventId: 'evt-1',
  paymentId: '8f0c6a52-3b1e-4c39-9d55-0c1b5c1f2a10',
  providerRef: 'ref-1',
  status: 'paid',
  amount: 8_500,
  currency: 'UAH',
  at: '2025-03-01T10:15:00.000Z',
};

describe('parseCallbackBody', () => {
  it('accepts a complete body, with zero kopecks and an offset time; ignores unknown fields', () => {
    expect(parseCallbackBody(JSON.stringify(callback))).toEqual(callback);
    expect(parseCallbackBody(JSON.stringify({ ...callback, amount: 0, at: '2025-03-01T12:15:00+02:00' }))).toMatchObject({ amount: 0 });
    expect(parseCallbackBody(JSON.stringify({ ...callback, extra: true }))).toEqual(callback);
  });

  it.each([
    ['not JSON', '{"eventId":'],
    ['an array', '[]'],
    ['null', 'null'],
    ['a string', '"paid"'],
  ])('refuses %s', (_, text) => {
    expect(parseCallbackBody(text)).toBeNull();
  });

  it.each<[string, Record<string, unknown>]>([
    ...Object.keys(callback).map((key): [string, Record<string, unknown>] => [`without ${key}`, { [key]: undefined }]),
    ['an empty eventId', { eventId: '' }],
    ['a numeric paymentId', { paymentId: 42 }],
    ['an unknown status', { status: 'pending' }],
    ['a negative amount', { amount: -1 }],
    ['a fractional amount', { amount: 85.5 }],
    ['an amount as a string', { amount: '8500' }],
    ['an unsafe integer', { amount: 2 ** 53 }],
    ['another currency', { currency: 'USD' }],
    ['a date without a time', { at: '2025-03-01' }],
    ['an impossible date', { at: '2025-13-45T10:00:00Z' }],
    ['a time without a zone', { at: '2025-03-01T10:00:00' }],
  ])('refuses a body with %s', (_, change) => {
    expect(parseCallbackBody(JSON.stringify({ ...callback, ...change }))).toBeNull();
  });
});

describe('the callback signature', () => {
  it('is hex HMAC-SHA256 (RFC 4231, test case 2)', () => {
    expect(signBody('Jefe', 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(signatureHeaderValue('Jefe', 'what do ya want for nothing?')).toBe('sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('verifies the bare hex or the header form, and nothing else', () => {
    const body = JSON.stringify(callback);
    const hex = signBody('s3cret', body);
    expect(verifyBody('s3cret', body, hex)).toBe(true);
    expect(verifyBody('s3cret', body, `sha256=${hex}`)).toBe(true);
    expect(verifyBody('s3cret', Buffer.from(body), hex.toUpperCase())).toBe(true);
    expect(verifyBody('other', body, hex)).toBe(false);
    expect(verifyBody('s3cret', `${body} `, hex)).toBe(false);
    expect(verifyBody('s3cret', body, hex.slice(0, 62))).toBe(false);
    expect(verifyBody('s3cret', body, `${hex.slice(0, 62)}zz`)).toBe(false);
    expect(verifyBody('s3cret', body, `sha1=${hex}`)).toBe(false);
    expect(verifyBody('', body, signBody('x', body))).toBe(false);
    expect(() => signBody('', body)).toThrow(/must not be empty/);
  });

  it('finds the header whatever its case, and refuses one sent twice', () => {
    expect(headerValue({ 'x-portico-signature': 'a' }, 'X-Portico-Signature')).toBe('a');
    expect(headerValue({ 'X-Portico-Signature': ['a'] }, 'x-portico-signature')).toBe('a');
    expect(headerValue({ 'x-portico-signature': ['a', 'b'] }, 'X-Portico-Signature')).toBeNull();
    expect(headerValue({ 'x-portico-signature': undefined }, 'X-Portico-Signature')).toBeNull();
  });
});

describe('returnUrlFor and formatUah', () => {
  it('appends payment and status, keeping an existing query byte for byte and the fragment', () => {
    expect(returnUrlFor('https://p.example/r', 'id-1', 'paid')).toBe('https://p.example/r?payment=id-1&status=paid');
    expect(returnUrlFor('https://p.example/r?case=a%20b&x=1', 'id-1', 'declined')).toBe('https://p.example/r?case=a%20b&x=1&payment=id-1&status=declined');
    expect(returnUrlFor('https://p.example/r?', 'id 1', 'abandoned')).toBe('https://p.example/r?payment=id%201&status=abandoned');
    expect(returnUrlFor('https://p.example/r?a=1#top', 'id-1', 'paid')).toBe('https://p.example/r?a=1&payment=id-1&status=paid#top');
  });

  it('writes kopecks as hryvnias in either language', () => {
    expect(formatUah(123_450, 'uk')).toBe('1\u00a0234,50\u00a0грн');
    expect(formatUah(123_450, 'en')).toBe('UAH\u00a01,234.50');
    expect(formatUah(5, 'uk')).toBe('0,05\u00a0грн');
    expect(formatUah(100_000_000, 'en')).toBe('UAH\u00a01,000,000.00');
  });
});
