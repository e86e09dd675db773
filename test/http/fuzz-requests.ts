/**
 * The requests of the HTTP fuzz test, as fast-check arbitraries: paths with real ids and junk in
 * every parameter, query strings, urlencoded and multipart bodies (well-formed and broken), and a
 * payment callback signed with the provider's secret. Nothing here knows what a route should answer.
 */
import fc from 'fast-check';

import { signatureHeaderValue } from '../../src/modules/payments/index.ts';

/** Percent-encoded or raw strings that have broken handlers before. */
const NASTY = [
  '%00', 'a%00b', '%01', '%1F', '%7F', '%0A', '%0D%0A', '%09', '%', '%zz', '%C0%80', '%E0%A4%A', '%FF', '%F0%9F%98%80',
  '..%2F..%2Fetc', '%2E%2E', '%27%3B--', '%3Cscript%3E', '%20', '+', '__proto__', 'constructor', '-1', '0', '1e309', 'NaN', '%EF%BF%BF', '%ED%A0%80',
];

/** One URL-ready piece of text (already percent-encoded where it needs to be). */
export const urlText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }).map(encodeURIComponent) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }).map(encodeURIComponent) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.integer({ min: 150, max: 600 }).map((n) => 'x'.repeat(n)) },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constant('') },
);

/** Plain text as a form field holds it (not encoded), with control characters now and then. */
export const fieldText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom('a\u0000b', '\u0000', '\u0001\u0002', 'line\r\nbreak', '\t', '\u007f', '\ud800', '9000000011', '2026-01-01', 'yes', 'email', 'sms', 'uk', 'en', 'all', 'services', 'grant', 'refuse', 'request-information', 'state-migration-service', '5', 'paid') },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 20_000 }).map((n) => 'я'.repeat(n)) },
  { weight: 2, arbitrary: fc.uuid() },
);

const QUERY_KEYS = [
  'returnTo', 'status', 'h', 'page', 'q', 'agency', 'state', 'service', 'assigned', 'running', 'uploaded', 'from', 'to', 'realm', 'code', 'iss',
  'error', 'audience', 'organisation', 'event', 'channel', 'online', 'pageSize', 'lang', 'sort', '__proto__', 'constructor',
];

/** A query string: none, or a few pairs (keys repeated, bracketed, junk, without a value). */
export const queryString = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('?', '?&&', '?=', '?%00', '?q=%00', '?state=%00', '?a=1&a=2&a=3', '?q[]=x&q[x]=y', '?returnTo=//evil.example', '?returnTo=%2F%00') },
  {
    weight: 6,
    arbitrary: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.constantFrom(...QUERY_KEYS).map((k) => `${k}[]`), urlText), fc.option(urlText, { nil: undefined })), { minLength: 1, maxLength: 6 })
      .map((pairs) => `?${pairs.map(([k, v]) => (v === undefined ? k : `${k}=${v}`)).join('&')}`),
  },
);

/** The field names the portal's forms use, and a few it does not. */
const FIELD_NAMES = [
  'answer', 'reason', 'comment', 'rating', 'note', 'event', 'refusalGroundId', 'assignee', 'caseIds', 'filters', 'agencyId', 'declaration', 'idempotencyKey',
  '_shown', 'givenName', 'familyName', 'birthDate', 'nationalId', 'email', 'phone', 'purpose', 'collectionCentre', 'services', 'thematic', 'scope', 'validFrom',
  'validUntil', 'representative', 'party', 'channel', 'address', 'code', 'language', 'noticeChannels', 'postalAddress', 'role', 'centreId', 'file', 'returnTo',
  '__proto__', 'constructor', 'hasOwnProperty', 'toString', 'x[]', 'a[b]',
];
const fieldName = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...FIELD_NAMES) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });

/** Fields of a form: names repeated now and then, so some arrive twice. */
const fields = fc.array(fc.tuple(fieldName, fieldText), { maxLength: 8 });

export type CsrfChoice = 'own' | 'none' | 'junk' | 'twice';
/** Most bodies carry the persona's own token, so the handlers behind the gate are reached. */
export const csrfChoice: fc.Arbitrary<CsrfChoice> = fc.constantFrom<CsrfChoice>('own', 'own', 'own', 'own', 'own', 'own', 'none', 'junk', 'twice');

export type MultipartShape = 'ok' | 'truncated' | 'wrong-boundary' | 'no-boundary' | 'no-final' | 'bad-header' | 'empty' | 'garbage';

export type BodySpec =
  | { readonly kind: 'none' }
  | { readonly kind: 'form'; readonly fields: ReadonlyArray<readonly [string, string]>; readonly huge: boolean }
  | { readonly kind: 'multipart'; readonly fields: ReadonlyArray<readonly [string, string]>; readonly file: { name: string; filename: string; bytes: string } | null; readonly shape: MultipartShape }
  | { readonly kind: 'raw'; readonly contentType: string; readonly payload: string };

const fileArb = fc.record({
  name: fc.constantFrom('file', 'file', 'identityDocument', 'other'),
  filename: fc.oneof(fc.constantFrom('id.pdf', 'photo.jpg', '', '../../etc/passwd', 'a\u0000b.pdf', 'я.png'), fc.string({ maxLength: 20 })),
  bytes: fc.oneof(fc.constantFrom('%PDF-1.4 fuzz', '\u0089PNG\r\n\u001a\n', 'GIF89a', ''), fc.string({ maxLength: 200 })),
});

export const bodySpec: fc.Arbitrary<BodySpec> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('form' as const), fields, huge: fc.integer({ min: 0, max: 24 }).map((n) => n === 0) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('multipart' as const), fields, file: fc.option(fileArb, { nil: null }),
      shape: fc.constantFrom<MultipartShape>('ok', 'ok', 'ok', 'truncated', 'wrong-boundary', 'no-boundary', 'no-final', 'bad-header', 'empty', 'garbage'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded; charset=latin1', 'multipart/form-data', 'application/xml', 'application/json; charset=utf-16'),
      payload: fc.oneof(fc.json(), fc.string({ maxLength: 60 }), fc.constantFrom('{"_csrf":["a","b"]}', '{"__proto__":{"x":1}}', '[]', 'null', '%00')),
    }),
  },
);

const BOUNDARY = '----fuzzboundary7MA4YWxkTrZu0gW';

function multipartPayload(spec: Extract<BodySpec, { kind: 'multipart' }>, csrfFields: ReadonlyArray<readonly [string, string]>): { contentType: string; payload: Buffer } {
  const parts = [...csrfFields, ...spec.fields].map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  if (spec.file) {
    parts.push(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${spec.file.name}"; filename="${spec.file.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n${spec.file.bytes}\r\n`);
  }
  let text = `${parts.join('')}--${BOUNDARY}--\r\n`;
  let contentType = `multipart/form-data; boundary=${BOUNDARY}`;
  switch (spec.shape) {
    case 'truncated': text = text.slice(0, Math.max(1, Math.floor(text.length / 2))); break;
    case 'wrong-boundary': contentType = 'multipart/form-data; boundary=somethingelse'; break;
    case 'no-boundary': contentType = 'multipart/form-data'; break;
    case 'no-final': text = parts.join(''); break;
    case 'bad-header': text = `--${BOUNDARY}\r\nContent-Disposition form-data name\r\n\r\nx\r\n--${BOUNDARY}--\r\n`; break;
    case 'empty': text = ''; break;
    case 'garbage': text = `--${BOUNDARY}\r\n\u0000\u0001garbage`; break;
    case 'ok': break;
  }
  return { contentType, payload: Buffer.from(text, 'utf8') };
}

/** The content type and bytes of a body, with the CSRF fields first. */
export function encodeBody(spec: BodySpec, csrfFields: ReadonlyArray<readonly [string, string]>): { contentType?: string; payload?: string | Buffer } {
  switch (spec.kind) {
    case 'none':
      return {};
    case 'form': {
      const pairs = [...csrfFields, ...spec.fields, ...(spec.huge ? [['answer', 'a'.repeat(70 * 1024)] as const] : [])];
      return { contentType: 'application/x-www-form-urlencoded', payload: new URLSearchParams(pairs.map(([k, v]) => [k, v])).toString() };
    }
    case 'multipart':
      return multipartPayload(spec, csrfFields);
    case 'raw':
      return { contentType: spec.contentType, payload: spec.payload };
  }
}

/** A payment provider callback: fields of every shape, signed with the secret or not. */
export const callbackSpec = fc.record({
  signed: fc.boolean(),
  body: fc.oneof(
    { weight: 4, arbitrary: fc.record({
      eventId: fc.oneof(fc.uuid(), fieldText),
      paymentId: fc.oneof(fc.uuid(), fieldText, fc.constantFrom('not-a-uuid', '', '00000000-0000-0000-0000-000000000000', '%00')),
      providerRef: fc.oneof(fc.constant('sim_ref'), fieldText),
      status: fc.constantFrom('paid', 'declined', 'abandoned', 'pending', 'x'),
      amount: fc.oneof(fc.integer({ min: -5, max: 1_000_000 }), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER)),
      currency: fc.constantFrom('UAH', 'USD', ''),
      at: fc.oneof(fc.constant(new Date().toISOString()), fc.constantFrom('2026-13-45T99:99Z', '')),
    }).map((o) => JSON.stringify(o)) },
    { weight: 1, arbitrary: fc.oneof(fc.json(), fc.string({ maxLength: 50 })) },
  ),
});

export function callbackRequest(spec: { signed: boolean; body: string }, secret: string) {
  return {
    headers: { 'content-type': 'application/json', 'x-portico-signature': spec.signed ? signatureHeaderValue(secret, spec.body) : `sha256=${'0'.repeat(64)}` },
    payload: spec.body,
  };
}
