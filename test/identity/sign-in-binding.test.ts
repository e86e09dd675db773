import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { verifyAudit } from '../../src/platform/audit/verify.ts';
import type { TestApp } from '../support/app.ts';
import { appWithEid, browserKeyFrom, cookieFrom, signIn, throughEid } from '../support/identity.ts';

let t: TestApp;

beforeAll(async () => {
  t = await appWithEid();
});
afterAll(async () => t.close());

const personId = async (nationalId: string) =>
  (await t.services.db.query<{ id: string }>('SELECT id FROM persons WHERE national_id = $1', [nationalId]))[0]?.id ?? null;
const signInAudits = async () =>
  t.services.db.query<{ outcome: string; actor_person_id: string | null; detail: Record<string, unknown> }>("SELECT outcome, actor_person_id, detail FROM audit_events WHERE action = 'SIGN_IN' ORDER BY id");

describe('a sign-in is bound to the browser that began it (login CSRF)', () => {
  it('sets a random HttpOnly, SameSite=Lax browser key cookie under /auth when a sign-in starts, and keeps only its hash', async () => {
    const start = await t.app.inject('/uk/sign-in/state');
    expect(start.statusCode).toBe(303);
    const line = ([] as string[]).concat(start.headers['set-cookie'] ?? []).find((c) => c.startsWith('portico_sign_in=')) ?? '';
    expect(line).toMatch(/^portico_sign_in=[A-Za-z0-9_-]{43};/);
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Lax/);
    expect(line).toMatch(/Path=\/auth/);
    expect(line).not.toMatch(/Secure/); // http in tests; Secure on an https portal (below)
    const key = browserKeyFrom(start.headers['set-cookie']).split('=')[1] ?? '';
    const state = new URL(String(start.headers.location)).searchParams.get('state');
    const [row] = await t.services.db.query<{ browser_hash: string }>('SELECT browser_hash FROM sign_in_requests WHERE state = $1', [state]);
    expect(row?.browser_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.browser_hash).not.toContain(key);
  });

  it("refuses the attacker's callback in the victim's browser, audits it, and leaves the victim signed in as themself", async () => {
    const victim = await signIn(t.app, 'andrii-shevchenko');
    const victimId = await personId('9000000022');
    // The attacker begins a sign-in in their own browser, completes the eID step, and sends the victim the callback URL.
    const attacker = await throughEid(t.app, 'olena-koval');
    const before = (await signInAudits()).length;

    const followed = await t.app.inject({ url: attacker.url, headers: { cookie: victim }, remoteAddress: '10.3.0.1' });
    expect(followed.statusCode).toBe(400);
    expect(followed.body).toContain('не той браузер, у якому вхід розпочали');
    expect(cookieFrom(followed.headers['set-cookie'])).toBe('');
    const audits = (await signInAudits()).slice(before);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ outcome: 'refused', actor_person_id: victimId, detail: { reason: 'browser-mismatch', browserKey: 'missing' } });

    const cabinet = await t.app.inject({ url: '/uk/cabinet', headers: { cookie: victim } });
    expect(cabinet.statusCode).toBe(200);
    expect(cabinet.body).toContain('Андрій Шевченко');
    expect(cabinet.body).not.toContain('Олена Коваль');

    // The attacker's own browser, holding the key, still completes its sign-in.
    const own = await t.app.inject(attacker);
    expect(own.statusCode).toBe(303);
    const page = await t.app.inject({ url: '/uk/cabinet', headers: { cookie: cookieFrom(own.headers['set-cookie']) } });
    expect(page.body).toContain('Олена Коваль');
  });

  it("refuses a browser that holds a key of its own sign-in, not the one that began this one", async () => {
    const other = browserKeyFrom((await t.app.inject('/uk/sign-in/state')).headers['set-cookie']);
    const attacker = await throughEid(t.app, 'olena-koval');
    expect(other).not.toBe(attacker.headers.cookie);
    const res = await t.app.inject({ url: attacker.url, headers: { cookie: other }, remoteAddress: '10.3.0.2' });
    expect(res.statusCode).toBe(400);
    expect((await signInAudits()).at(-1)).toMatchObject({ outcome: 'refused', actor_person_id: null, detail: { reason: 'browser-mismatch', browserKey: 'other' } });
  });

  it('reuses the browser key for a second sign-in begun in the same browser, so both tabs can complete', async () => {
    const first = await t.app.inject('/uk/sign-in/state');
    const key = browserKeyFrom(first.headers['set-cookie']);
    const second = await t.app.inject({ url: '/en/sign-in/state', headers: { cookie: key } });
    expect(browserKeyFrom(second.headers['set-cookie'])).toBe(key);
  });

  it('leaves an audit chain that verifies', async () => {
    expect(await verifyAudit(t.services.db)).toMatchObject({ ok: true });
  });
});

describe('the browser key cookie on an https portal', () => {
  it('is Secure', async () => {
    const https = await appWithEid({ PUBLIC_URL: 'https://portal.test' });
    try {
      const start = await https.app.inject('/uk/sign-in/state');
      const line = ([] as string[]).concat(start.headers['set-cookie'] ?? []).find((c) => c.startsWith('portico_sign_in=')) ?? '';
      expect(line).toMatch(/; Secure/);
    } finally {
      await https.close();
    }
  });
});
