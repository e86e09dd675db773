import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { purgeStaleSignIns } from '../../src/app/jobs.ts';
import type { TestApp } from '../support/app.ts';
import { appWithEid, csrfOf, signIn } from '../support/identity.ts';

/** The services' clock, moved forward by the test; it starts at real time, so the eID's tokens verify. */
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };
const MINUTE = 60_000;

let t: TestApp;
beforeAll(async () => {
  t = await appWithEid({}, { clock });
});
afterAll(async () => t.close());

const count = async (table: string) => Number((await t.services.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n);

describe('the background job purges what can no longer be used', () => {
  it('keeps live sessions and sign-ins in progress, and deletes them once ended, expired, idle or stale', async () => {
    const kept = await signIn(t.app, 'olena-koval');
    const ended = await signIn(t.app, 'andrii-shevchenko');
    expect((await t.app.inject({ method: 'POST', url: '/uk/sign-out', headers: { cookie: ended }, payload: { _csrf: await csrfOf(t.app, ended) } })).statusCode).toBe(303);
    await t.app.inject('/uk/sign-in/state'); // a sign-in begun and never completed
    await t.app.inject({ url: `/auth/callback/state?state=${randomBytes(8).toString('hex')}`, remoteAddress: '10.7.0.1' }); // a refusal, counted
    expect(await count('sessions')).toBe(2);
    expect(await count('sign_in_requests')).toBe(3);
    expect(await count('rate_limit_counters')).toBeGreaterThan(0);
    expect(await count('refusal_counts')).toBe(1);

    // Now: only the ended session goes.
    expect(await purgeStaleSignIns(t.services)).toMatchObject({ sessions: 1, signInRequests: 0, rateLimitCounters: 0, refusalCounts: 0 });
    expect((await t.app.inject({ url: '/uk/cabinet', headers: { cookie: kept } })).statusCode).toBe(200);

    // Eleven minutes later: the sign-in requests (ten minutes to complete) and the past rate-limit windows go.
    offsetMs = 11 * MINUTE;
    expect(await purgeStaleSignIns(t.services)).toMatchObject({ sessions: 0, signInRequests: 3, refusalCounts: 0 });
    expect(await count('sign_in_requests')).toBe(0);
    expect(await count('rate_limit_counters')).toBe(0);
    expect(await count('sessions')).toBe(1);

    // Past the idle timeout (30 minutes since last seen): the live session goes too, and its cookie finds nothing.
    offsetMs = 11 * MINUTE + 31 * MINUTE;
    expect(await purgeStaleSignIns(t.services)).toMatchObject({ sessions: 1 });
    expect(await count('sessions')).toBe(0);
    expect((await t.app.inject({ url: '/uk/cabinet', headers: { cookie: kept }, remoteAddress: '10.7.0.2' })).statusCode).toBe(401);

    // Refusal counts are kept 30 days.
    offsetMs = 31 * 24 * 60 * MINUTE;
    expect(await purgeStaleSignIns(t.services)).toMatchObject({ refusalCounts: 2 });
    expect(await count('refusal_counts')).toBe(0);
  });
});
