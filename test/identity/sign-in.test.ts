import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { verifyAudit } from '../../src/platform/audit/verify.ts';
import type { TestApp } from '../support/app.ts';
import { appWithEid, browserKeyFrom, cookieFrom, csrfOf, signIn, throughEid } from '../support/identity.ts';

let t: TestApp;

beforeAll(async () => {
  t = await appWithEid();
});
afterAll(async () => t.close());

const lastAudit = async () => (await t.services.db.query<{ action: string; outcome: string; detail: Record<string, unknown> }>('SELECT action, outcome, detail FROM audit_events ORDER BY id DESC LIMIT 1'))[0];

describe('signing in through an OpenID Connect provider', () => {
  it('creates the account on first sign-in, lands in the cabinet, and never duplicates it', async () => {
    const done = await t.app.inject(await throughEid(t.app, 'olena-koval'));
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/uk/cabinet');
    const setCookie = String(([] as string[]).concat(done.headers['set-cookie'] ?? [])[0]);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const cabinet = await t.app.inject({ url: '/uk/cabinet', headers: { cookie: cookieFrom(done.headers['set-cookie']) } });
    expect(cabinet.statusCode).toBe(200);
    expect(cabinet.body).toContain('Олена Коваль');
    expect(cabinet.body).toContain('9000000011');
    await signIn(t.app, 'olena-koval');
    const rows = await t.services.db.query<{ n: number }>("SELECT count(*) AS n FROM persons WHERE national_id = '9000000011'");
    expect(rows[0]?.n).toBe(1);
  });

  it('knows a foreigner without a national identifier by their provider account', async () => {
    const cookie = await signIn(t.app, 'marta-nowak');
    const cabinet = await t.app.inject({ url: '/en/cabinet', headers: { cookie } });
    expect(cabinet.body).toContain('Marta Nowak');
    expect(cabinet.body).toMatch(/National identification number<\/dt><dd[^>]*>none/);
  });

  it('refuses a tampered state with a page and an audit record', async () => {
    const callback = await throughEid(t.app, 'olena-koval');
    const res = await t.app.inject({ ...callback, url: callback.url.replace(/state=[^&]+/, 'state=forged') });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('не відповідає жодному розпочатому входу');
    expect(await lastAudit()).toMatchObject({ action: 'SIGN_IN', outcome: 'refused', detail: { reason: 'state-unknown' } });
  });

  it('refuses a replayed callback, and a code replayed under a new sign-in', async () => {
    const callback = await throughEid(t.app, 'olena-koval');
    expect((await t.app.inject(callback)).statusCode).toBe(303);
    // From another address: a client's refusals of one kind are chained once a minute, then counted (ADR 0012).
    const again = await t.app.inject({ ...callback, remoteAddress: '10.1.0.2' });
    expect(again.statusCode).toBe(400);
    expect(await lastAudit()).toMatchObject({ outcome: 'refused', detail: { reason: 'state-unknown' } });
    // The same code presented with the state of a fresh sign-in: the provider refuses the code.
    const started = await t.app.inject('/uk/sign-in/state');
    const fresh = new URL(String(started.headers.location));
    const replayed = new URL(callback.url, 'http://x');
    replayed.searchParams.set('state', String(fresh.searchParams.get('state')));
    const replay = await t.app.inject({ url: `${replayed.pathname}${replayed.search}`, headers: { cookie: browserKeyFrom(started.headers['set-cookie']) } });
    expect(replay.statusCode).toBe(400);
    expect(await lastAudit()).toMatchObject({ outcome: 'refused', detail: { reason: 'code-rejected' } });
  });

  it('refuses an ID token whose nonce is not the one sent', async () => {
    const callback = await throughEid(t.app, 'olena-koval');
    const state = new URL(callback.url, 'http://x').searchParams.get('state');
    await t.services.db.query("UPDATE sign_in_requests SET nonce = 'not-the-nonce' WHERE state = $1", [state]);
    const res = await t.app.inject(callback);
    expect(res.statusCode).toBe(400);
    expect(await lastAudit()).toMatchObject({ outcome: 'refused', detail: { reason: 'token-invalid' } });
  });

  it('lets officers into the staff realm, and refuses people without a staff role', async () => {
    const officer = await signIn(t.app, 'mykola-tkachenko', 'staff');
    const staff = await t.app.inject({ url: '/en/staff', headers: { cookie: officer } });
    expect(staff.statusCode).toBe(200);
    expect(staff.body).toContain('Clerk');
    const citizen = await t.app.inject(await throughEid(t.app, 'olena-koval', 'staff'));
    expect(citizen.statusCode).toBe(400);
    expect(await lastAudit()).toMatchObject({ outcome: 'refused', detail: { reason: 'not-staff' } });
  });

  it('starts a new session at sign-in, whatever session cookie came with the callback', async () => {
    const first = await signIn(t.app, 'olena-koval');
    const callback = await throughEid(t.app, 'andrii-shevchenko');
    const done = await t.app.inject({ url: callback.url, headers: { cookie: `${first}; ${callback.headers.cookie}` } });
    const second = cookieFrom(done.headers['set-cookie']);
    expect(second).not.toBe(first);
    expect((await t.app.inject({ url: '/uk/cabinet', headers: { cookie: first } })).statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('end after the idle timeout with a clear page and an audit record', async () => {
    const cookie = await signIn(t.app, 'olena-koval');
    await t.services.db.query("UPDATE sessions SET last_seen_at = last_seen_at - interval '31 minutes'");
    const res = await t.app.inject({ url: '/en/cabinet', headers: { cookie }, remoteAddress: '10.1.0.3' });
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('Your session has ended');
    expect(await lastAudit()).toMatchObject({ action: 'SESSION', outcome: 'refused' });
  });

  it('send a person who is not signed in to sign in, and back', async () => {
    const res = await t.app.inject('/uk/cabinet/representation');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/uk/sign-in?returnTo=%2Fuk%2Fcabinet%2Frepresentation');
  });

  it('refuse a form sent without its CSRF token, with a page and an audit record', async () => {
    const cookie = await signIn(t.app, 'olena-koval');
    const res = await t.app.inject({ method: 'POST', url: '/uk/sign-out', headers: { cookie }, payload: {} });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('без дійсного захисного коду');
    expect(await lastAudit()).toMatchObject({ action: 'CSRF', outcome: 'refused' });
    expect((await t.app.inject({ url: '/uk/cabinet', headers: { cookie } })).statusCode).toBe(200);
  });

  it('sign out with the provider (RP-initiated logout) and end the session', async () => {
    const cookie = await signIn(t.app, 'olena-koval');
    const csrf = await csrfOf(t.app, cookie);
    const res = await t.app.inject({ method: 'POST', url: '/uk/sign-out', headers: { cookie }, payload: { _csrf: csrf } });
    expect(res.statusCode).toBe(303);
    const location = new URL(String(res.headers.location));
    expect(location.pathname).toBe('/session/end');
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe('http://portal.test/uk/signed-out');
    expect(location.searchParams.get('id_token_hint')).toBeTruthy();
    expect((await t.app.inject({ url: '/uk/cabinet', headers: { cookie } })).statusCode).toBe(401);
  });

  it('sign out everywhere ends every session of the person', async () => {
    const a = await signIn(t.app, 'andrii-shevchenko');
    const b = await signIn(t.app, 'andrii-shevchenko');
    const res = await t.app.inject({ method: 'POST', url: '/en/sign-out-everywhere', headers: { cookie: a }, payload: { _csrf: await csrfOf(t.app, a) } });
    expect(res.statusCode).toBe(303);
    expect((await t.app.inject({ url: '/en/cabinet', headers: { cookie: b } })).statusCode).toBe(401);
  });

  it('leave an audit chain that verifies', async () => {
    expect(await verifyAudit(t.services.db)).toMatchObject({ ok: true });
  });
});
