/**
 * The open API end to end (ADR 0026), over HTTP: a partner bank with client credentials, under a
 * person's mandate to the bank, submits an application with a file and receives the decision by a
 * signed webhook; a public client with PKCE, the person signing in through the real eID, lists the
 * person's cases; and the refusals, each a problem document with a stable code and no side effect.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { withPartnerWebhooks } from '../../src/app/webhook-handlers.ts';
import { CASE_CHANGED_TOPIC } from '../../src/modules/cases/index.ts';
import { type CaseWebhookEvent, verifyWebhook, WEBHOOK_SIGNATURE_HEADER } from '../../src/modules/api-access/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { createOutboxWorker, delivered } from '../../src/platform/outbox/index.ts';
import type { TestApp } from '../support/app.ts';
import { demoRecords } from '../support/demo.ts';
import { EidAgent } from '../support/eid-agent.ts';
import { appWithEid, browserKeyFrom, cookieFrom, signIn } from '../support/identity.ts';
import { ANSWERS, PDF_BYTES } from '../cases/support.ts';

const OLENA = '9000000011';
const ANDRII = '9000000022';
const BANK_CODE = '40009999';
const SERVICE = 'criminal-record-certificate';
const APP_REDIRECT = 'https://app.example/callback';

let t: TestApp;
let offsetMs = 0;
let receiver: Server;
const received: Array<{ event: CaseWebhookEvent; verified: boolean }> = [];
let bank: { secret: string; webhookSecret: string };

const json = (r: LightMyRequestResponse) => r.json<Record<string, unknown>>();
const problemOf = (r: LightMyRequestResponse) => ({ status: r.statusCode, type: String(r.headers['content-type']).split(';')[0], code: json(r)['code'] });
const count = async (table: string) => Number((await t.services.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n);
const sideEffects = async () => ({ drafts: await count('drafts'), cases: await count('cases'), codes: await count('api_authorization_codes WHERE used_at IS NOT NULL') });

async function resolveCookie(cookie: string): Promise<SignedIn> {
  const signedIn = await t.services.sessions.resolve(cookie.replace(/^portico_session=/, ''), 'uk');
  if (signedIn === null) {
    throw new Error('no session');
  }
  return signedIn;
}

async function token(body: Record<string, string>, basic?: [string, string]): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST', url: '/api/v1/oauth/token', payload: new URLSearchParams(body).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(basic ? { authorization: `Basic ${Buffer.from(`${basic[0]}:${basic[1]}`).toString('base64')}` } : {}) },
  });
}

async function bankToken(scope?: string): Promise<string> {
  const res = await token({ grant_type: 'client_credentials', ...(scope === undefined ? {} : { scope }) }, ['bank-a', bank.secret]);
  expect(res.statusCode, res.body).toBe(200);
  return String(json(res)['access_token']);
}

const asBank = (accessToken: string, person = OLENA) => ({ authorization: `Bearer ${accessToken}`, 'x-portico-on-behalf-of': person });

function multipart(field: string, filename: string, bytes: Uint8Array): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----portico${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`),
    Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = req.headers[WEBHOOK_SIGNATURE_HEADER];
      received.push({ event: JSON.parse(body) as CaseWebhookEvent, verified: verifyWebhook(bank.webhookSecret, typeof header === 'string' ? header : undefined, body, new Date()) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
  t = await appWithEid({}, { clock: { now: () => new Date(Date.now() + offsetMs) } });
  expect((await t.services.catalogue.importRecords(await demoRecords(), 'test')).ok).toBe(true);
  await t.services.db.query("INSERT INTO business_registry (registry_code, name_uk, name_en, legal_form) VALUES ($1, 'АТ «Банк А»', 'Bank A JSC', 'jsc')", [BANK_CODE]);
  const registered = await t.services.apiAccess.register({
    id: 'bank-a', name: 'Bank A', kind: 'partner', organisationCode: BANK_CODE, scopes: ['applications', 'cases'], webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
  });
  bank = { secret: registered.secret ?? '', webhookSecret: registered.webhookSecret ?? '' };
  await t.services.apiAccess.register({ id: 'mobile-app', name: 'Portico mobile', kind: 'public', scopes: ['applications', 'cases'], redirectUris: [APP_REDIRECT] });
  // Olena signs in through the eID and grants the bank's legal entity a mandate for the one service.
  const olena = await resolveCookie(await signIn(t.app, 'olena-koval'));
  const granted = await t.services.mandates.grant(olena, { representativeNationalId: BANK_CODE, representativeKind: 'business', scope: { kind: 'services', serviceIds: [SERVICE] }, validFrom: '2026-01-01', validUntil: '2099-12-31' });
  expect(granted.ok).toBe(true);
}, 120_000);

afterAll(async () => {
  await t.close();
  await new Promise((done) => receiver.close(done));
});

describe('a partner bank under a mandate', () => {
  it('submits an application with a file, idempotently, and receives the decision by a signed webhook', async () => {
    const access = await bankToken();
    const started = await t.app.inject({ method: 'POST', url: '/api/v1/drafts', headers: asBank(access), payload: { serviceId: SERVICE } });
    expect(started.statusCode, started.body).toBe(201);
    const draft = json(started) as { id: string; answers: Record<string, unknown> };
    const upload = multipart('identityDocument', 'passport.pdf', PDF_BYTES);
    const uploaded = await t.app.inject({ method: 'POST', url: `/api/v1/drafts/${draft.id}/files`, headers: { ...asBank(access), ...upload.headers }, payload: upload.payload });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(json(uploaded)['files']).toMatchObject([{ field: 'identityDocument', contentType: 'application/pdf' }]);
    const form = (await t.services.catalogue.service(SERVICE)).value?.form;
    const shown = Object.fromEntries(Object.entries(draft.answers).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v)]));
    for (const page of form?.pages ?? []) {
      const saved = await t.app.inject({ method: 'PUT', url: `/api/v1/drafts/${draft.id}/pages/${page.id}`, headers: asBank(access), payload: { answers: { ...shown, ...ANSWERS[SERVICE] } } });
      expect(saved.statusCode, saved.body).toBe(200);
    }

    const submit = (body: object, key = 'submit-0001') => t.app.inject({ method: 'POST', url: `/api/v1/drafts/${draft.id}/submit`, headers: { ...asBank(access), 'idempotency-key': key }, payload: body });
    const first = await submit({ declared: true });
    expect(first.statusCode, first.body).toBe(201);
    const opened = json(first) as { id: string; number: string; channel: string };
    expect(opened.channel).toBe('api');
    const again = await submit({ declared: true });
    expect([again.statusCode, json(again)['id']]).toEqual([201, opened.id]);
    const before = await sideEffects();
    expect(problemOf(await submit({ declared: true, lang: 'en' }))).toEqual({ status: 409, type: 'application/problem+json', code: 'api.idempotency_key_reused' });
    expect(await sideEffects()).toEqual(before);

    // Officers of the national police decide through the cases service.
    const admin = await resolveCookie(await signIn(t.app, 'viktor-savchenko', 'staff'));
    for (const [nationalId, role] of [['9000000066', 'clerk'], ['9000000077', 'decision-maker']] as const) {
      expect((await t.services.staff.grant(admin, { nationalId, role, agencyId: 'national-police', centreId: null })).ok).toBe(true);
    }
    const clerk = await resolveCookie(await signIn(t.app, 'mykola-tkachenko', 'staff'));
    const decider = await resolveCookie(await signIn(t.app, 'oksana-lysenko', 'staff'));
    for (const [officer, event] of [[clerk, 'register'], [clerk, 'start-review'], [decider, 'grant']] as const) {
      const done = await t.services.backOffice.act(officer, opened.id, { event });
      expect(done.ok, event).toBe(true);
    }
    const worker = createOutboxWorker({ db: t.services.db, clock: t.services.clock, workerId: 'api-test', handlers: withPartnerWebhooks(t.services.webhooks, { [CASE_CHANGED_TOPIC]: async () => delivered() }) });
    while ((await worker.runOnce()) > 0) {
      // until the case events and the webhooks they fan out to are delivered
    }
    const decision = received.find((r) => r.event.event === 'grant');
    expect(decision).toMatchObject({ verified: true, event: { type: 'case.changed', caseId: opened.id, caseNumber: opened.number, from: 'in-review', decided: 'granted' } });
    expect(received.every((r) => r.verified)).toBe(true);
    expect(new Set(received.map((r) => r.event.id)).size).toBe(received.length);

    const fresh = await bankToken();
    const detail = await t.app.inject({ url: `/api/v1/cases/${opened.id}`, headers: asBank(fresh) });
    expect(detail.statusCode, detail.body).toBe(200);
    const documents = json(detail)['documents'] as Array<{ href: string }>;
    expect(documents).toHaveLength(1);
    const pdf = await t.app.inject({ url: documents[0]?.href ?? '', headers: asBank(fresh) });
    expect([pdf.statusCode, pdf.headers['content-type'], pdf.rawPayload.subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
    const audited = await t.services.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_events WHERE action = 'api.call' AND subject = 'api-client:bank-a'");
    expect(audited[0]?.n).toBeGreaterThanOrEqual(8);
  });

  it('refuses a wrong secret, a missing scope, a person without a mandate and an expired token, each without a side effect', async () => {
    const before = await sideEffects();
    expect(problemOf(await token({ grant_type: 'client_credentials' }, ['bank-a', 'not-the-secret']))).toEqual({ status: 401, type: 'application/problem+json', code: 'oauth.client_authentication_failed' });
    expect(problemOf(await t.app.inject({ method: 'POST', url: '/api/v1/drafts', headers: asBank(await bankToken('cases')), payload: { serviceId: SERVICE } })))
      .toEqual({ status: 403, type: 'application/problem+json', code: 'api.scope_missing' });
    const access = await bankToken();
    expect(problemOf(await t.app.inject({ method: 'POST', url: '/api/v1/drafts', headers: asBank(access, ANDRII), payload: { serviceId: SERVICE } })))
      .toEqual({ status: 403, type: 'application/problem+json', code: 'api.no_mandate' });
    // The mandate covers one service: another is refused by the same rule as for any representative.
    expect(problemOf(await t.app.inject({ method: 'POST', url: '/api/v1/drafts', headers: asBank(access), payload: { serviceId: 'international-passport' } })))
      .toEqual({ status: 403, type: 'application/problem+json', code: 'applications.not_allowed' });
    expect(problemOf(await t.app.inject({ method: 'POST', url: '/api/v1/drafts', headers: { authorization: `Bearer ${access}` }, payload: { serviceId: SERVICE } })))
      .toEqual({ status: 400, type: 'application/problem+json', code: 'api.on_behalf_required' });
    offsetMs = 10 * 60_000;
    try {
      expect(problemOf(await t.app.inject({ method: 'POST', url: '/api/v1/drafts', headers: asBank(access), payload: { serviceId: SERVICE } })))
        .toEqual({ status: 401, type: 'application/problem+json', code: 'api.token_expired' });
    } finally {
      offsetMs = 0;
    }
    expect(problemOf(await t.app.inject({ url: '/api/v1/cases', headers: { authorization: `Bearer ${access}x` } }))).toEqual({ status: 401, type: 'application/problem+json', code: 'api.token_invalid' });
    expect(await sideEffects()).toEqual(before);
  });
});

describe('a public client with PKCE', () => {
  const verifier = () => randomBytes(48).toString('base64url');
  const challengeOf = (v: string) => createHash('sha256').update(v).digest('base64url');
  const authorizeUrl = (challenge: string, state: string) =>
    `/uk/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: 'mobile-app', redirect_uri: APP_REDIRECT, scope: 'cases', state, code_challenge: challenge, code_challenge_method: 'S256' }).toString()}`;

  /** The person's consent through the portal's pages: sign-in through the eID (when no cookie yet), the consent form, allow. */
  async function consent(challenge: string, state: string, cookie: string | null): Promise<{ code: string; cookie: string }> {
    let session = cookie;
    const url = authorizeUrl(challenge, state);
    if (session === null) {
      const gate = await t.app.inject({ url });
      expect(gate.statusCode).toBe(303);
      const signInPage = new URL(String(gate.headers.location), 'http://portal.test');
      const returnTo = String(signInPage.searchParams.get('returnTo'));
      expect(returnTo).toBe(url);
      const start = await t.app.inject(`/uk/sign-in/state?realm=citizen&returnTo=${encodeURIComponent(returnTo)}`);
      const callback = await new EidAgent().signIn(new URL(String(start.headers.location)), 'olena-koval');
      const back = await t.app.inject({ url: `${callback.pathname}${callback.search}`, headers: { cookie: browserKeyFrom(start.headers['set-cookie']) } });
      expect([back.statusCode, back.headers.location]).toEqual([303, url]);
      session = cookieFrom(back.headers['set-cookie']);
    }
    const page = await t.app.inject({ url, headers: { cookie: session } });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.body).toContain('Portico mobile');
    expect(String(page.headers['content-security-policy'])).toContain("form-action 'self' https://app.example");
    const consentForm = page.body.slice(page.body.indexOf('action="/uk/oauth/authorize"'));
    const fields = [...consentForm.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1] as string, (m[2] as string).replace(/&amp;/g, '&')]);
    const answer = await t.app.inject({
      method: 'POST', url: '/uk/oauth/authorize', headers: { cookie: session, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams([...fields, ['decision', 'allow']]).toString(),
    });
    expect(answer.statusCode, answer.body).toBe(303);
    const redirect = new URL(String(answer.headers.location));
    expect([redirect.origin + redirect.pathname, redirect.searchParams.get('state')]).toEqual([APP_REDIRECT, state]);
    return { code: String(redirect.searchParams.get('code')), cookie: session };
  }

  const exchange = (code: string, codeVerifier: string) => token({ grant_type: 'authorization_code', client_id: 'mobile-app', code, redirect_uri: APP_REDIRECT, code_verifier: codeVerifier });

  it('signs the person in through the eID, asks for consent, and lists their cases with the token', async () => {
    const v = verifier();
    const { code } = await consent(challengeOf(v), 'state-1', null);
    const issued = await exchange(code, v);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(json(issued)).toMatchObject({ token_type: 'Bearer', scope: 'cases' });
    const list = await t.app.inject({ url: '/api/v1/cases', headers: { authorization: `Bearer ${String(json(issued)['access_token'])}` } });
    expect(list.statusCode, list.body).toBe(200);
    const items = json(list)['items'] as Array<{ serviceId: string; channel: string }>;
    expect(items.some((c) => c.serviceId === SERVICE && c.channel === 'api')).toBe(true);
    // The token is the person's: a public client names nobody else, and has only the scopes consented to.
    const asApp = { authorization: `Bearer ${String(json(issued)['access_token'])}` };
    expect(problemOf(await t.app.inject({ url: '/api/v1/cases', headers: { ...asApp, 'x-portico-on-behalf-of': ANDRII } }))).toMatchObject({ status: 400, code: 'api.on_behalf_not_allowed' });
    expect(problemOf(await t.app.inject({ method: 'POST', url: '/api/v1/drafts', headers: asApp, payload: { serviceId: SERVICE } }))).toMatchObject({ status: 403, code: 'api.scope_missing' });
  });

  it('refuses a verifier that does not match, and a code used before', async () => {
    const v = verifier();
    const signedIn = await signIn(t.app, 'olena-koval');
    const { code } = await consent(challengeOf(v), 'state-2', signedIn);
    expect(problemOf(await exchange(code, verifier()))).toEqual({ status: 400, type: 'application/problem+json', code: 'oauth.pkce_mismatch' });
    // The failed attempt spent the code: even the right verifier cannot use it now.
    expect(problemOf(await exchange(code, v))).toEqual({ status: 400, type: 'application/problem+json', code: 'oauth.code_invalid' });
    const w = verifier();
    const second = await consent(challengeOf(w), 'state-3', signedIn);
    expect((await exchange(second.code, w)).statusCode).toBe(200);
    expect(problemOf(await exchange(second.code, w))).toEqual({ status: 400, type: 'application/problem+json', code: 'oauth.code_invalid' });
    // Without PKCE S256 the client is told at its redirect URI.
    const plain = await t.app.inject({ url: authorizeUrl('', 'state-4').replace('code_challenge_method=S256', 'code_challenge_method=plain'), headers: { cookie: signedIn } });
    expect(plain.statusCode).toBe(303);
    expect(new URL(String(plain.headers.location)).searchParams.get('error')).toBe('invalid_request');
  });
});
