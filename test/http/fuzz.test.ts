/**
 * No input gives a 500: every route the portal registers (enumerated from the running portal, as the
 * authorization matrix does) is sent generated requests as each of a few personas — paths with real
 * ids and junk in every parameter, query strings, urlencoded and multipart bodies (well-formed,
 * truncated, wrong boundaries, fields twice, NUL, oversized), and signed payment callbacks.
 *
 * FUZZ_RUNS cases per route (default 200; a fifth of that, at least ten, for the HEAD twin of a GET
 * route: the same handler), the persona drawn for each case; FUZZ_SEED fixes the run.
 * CI runs it with 50 per route on each database (.ci/run): the same generator reaches every route on
 * both, a deeper run draws more cases per route.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { type PaymentSimulator, startPaymentSimulator } from '../../src/dev/index.ts';
import type { TestApp } from '../support/app.ts';
import { appWithEid } from '../support/identity.ts';
import type { CollectedRoute } from '../support/route-collector.ts';
import { type MatrixIds, MatrixPeople, nextAddress } from '../identity/matrix-personas.ts';
import type { PersonaName } from '../identity/matrix-grid.ts';
import { type BodySpec, type CsrfChoice, bodySpec, callbackRequest, callbackSpec, csrfChoice, encodeBody, queryString, urlText } from './fuzz-requests.ts';

const registry = vi.hoisted(() => new Map<object, CollectedRoute[]>());
vi.mock('fastify', async (importOriginal) => (await import('../support/route-collector.ts')).collectingFastify(importOriginal, registry));

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 200);
const SEED = process.env['FUZZ_SEED'] === undefined ? Date.now() % 2_147_483_647 : Number(process.env['FUZZ_SEED']);
/**
 * Fastify answers HEAD with the handler of the GET route at the same path, only without the body:
 * the GET route's RUNS cases drive that handler, so its HEAD twin draws a fifth of them (at least
 * ten), enough to prove the HEAD path itself never turns an input into a 500.
 */
const headRuns = (runs: number) => Math.min(runs, Math.max(10, Math.ceil(runs / 5)));
const CALLBACK_SECRET = 'fuzz-callback-secret-0123456789abcdef';
/** Who sends: nobody, a citizen, a representative acting for a company, an officer, an administrator. */
const FUZZ_PERSONAS: readonly PersonaName[] = ['anonymous', 'citizen', 'rep-active', 'clerk', 'supervisor', 'national-admin'];

let t: TestApp;
let simulator: PaymentSimulator;
let people: MatrixPeople;
let ids: MatrixIds;

beforeAll(async () => {
  // The provider configured by URL, key and secret (the local simulator): the test signs callbacks as the provider would.
  simulator = await startPaymentSimulator({ host: '127.0.0.1', port: 0, apiKey: 'fuzz-key', callbackSecret: CALLBACK_SECRET, callbackAttempts: 1 });
  t = await appWithEid({ PAYMENT_PROVIDER_URL: simulator.url, PAYMENT_API_KEY: 'fuzz-key', PAYMENT_CALLBACK_SECRET: CALLBACK_SECRET });
  ({ people, ids } = await MatrixPeople.setUp(t));
}, 300_000);
afterAll(async () => {
  await t.close();
  await simulator.close();
});

interface FuzzCase {
  readonly persona: PersonaName;
  readonly params: readonly string[];
  readonly query: string;
  readonly body: BodySpec;
  readonly csrf: CsrfChoice;
  readonly callback: { signed: boolean; body: string };
  readonly lang: string | null;
}

function caseArbitrary(paramCount: number): fc.Arbitrary<FuzzCase> {
  const known = (Object.values(ids) as string[]).concat(['about-you', 'contact', 'reason', 'collection', 'identityDocument', 'state', 'international-passport']);
  const param = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 5, arbitrary: urlText });
  return fc.record({
    persona: fc.constantFrom(...FUZZ_PERSONAS),
    params: fc.array(param, { minLength: paramCount, maxLength: paramCount }),
    query: queryString,
    body: bodySpec,
    csrf: csrfChoice,
    callback: callbackSpec,
    lang: fc.option(fc.constantFrom('en', 'uk', 'de, en;q=0.5', '*', '%00'), { nil: null }),
  });
}

function pathOf(route: CollectedRoute, c: FuzzCase): string {
  let i = 0;
  return route.url.replace(/:\w+/g, () => c.params[i++] ?? '') + c.query;
}

async function send(route: CollectedRoute, c: FuzzCase) {
  const session = people.session(c.persona);
  const url = pathOf(route, c);
  const headers: Record<string, string> = { ...(session ? { cookie: session.cookie } : {}), ...(c.lang === null ? {} : { 'accept-language': c.lang }) };
  const method = route.method as 'GET' | 'HEAD' | 'POST';
  if (method !== 'POST') {
    return t.app.inject({ method, url, remoteAddress: nextAddress(), headers });
  }
  if (route.url === '/api/v1/payments/callback') {
    const signed = callbackRequest(c.callback, CALLBACK_SECRET);
    return t.app.inject({ method, url, remoteAddress: nextAddress(), headers: { ...headers, ...signed.headers }, payload: signed.payload });
  }
  const token = session?.csrf ?? 'no-session';
  const csrf: Array<readonly [string, string]> = c.csrf === 'own' ? [['_csrf', token]] : c.csrf === 'junk' ? [['_csrf', 'junk']] : c.csrf === 'twice' ? [['_csrf', token], ['_csrf', token]] : [];
  const body = encodeBody(c.body, csrf);
  const res = await t.app.inject({
    method, url, remoteAddress: nextAddress(), headers: { ...headers, ...(body.contentType ? { 'content-type': body.contentType } : {}) }, ...(body.payload === undefined ? {} : { payload: body.payload }),
  });
  if (/\/sign-out/.test(route.url) && res.statusCode === 303) {
    await people.renew(c.persona);
  }
  return res;
}

const describeCase = (route: CollectedRoute, c: FuzzCase) => {
  const body = c.body.kind === 'form' || c.body.kind === 'multipart' ? { ...c.body, fields: c.body.fields.map(([k, v]) => [k, v.length > 80 ? `${v.slice(0, 20)}…(${v.length})` : v]) } : c.body;
  return `${route.method} ${pathOf(route, c).slice(0, 300)} as ${c.persona}, csrf ${c.csrf}, body ${JSON.stringify(route.url.includes('payments/callback') ? c.callback : body).slice(0, 400)}`;
};

describe('no input gives a 500', () => {
  it(`every registered route × personas, ${RUNS} generated requests each`, async () => {
    const routes = registry.get(t.app) ?? [];
    expect(routes.length).toBeGreaterThan(100);
    const started = Date.now();
    const cpu = process.cpuUsage();
    const failures: string[] = [];
    let cases = 0;
    let serverErrors = 0;
    const gets = new Set(routes.filter((r) => r.method === 'GET').map((r) => r.url));
    for (const [index, route] of routes.entries()) {
      const runs = route.method === 'HEAD' && gets.has(route.url) ? headRuns(RUNS) : RUNS;
      const paramCount = (route.url.match(/:\w+/g) ?? []).length;
      const routeStarted = Date.now();
      try {
        await fc.assert(
          fc.asyncProperty(caseArbitrary(paramCount), async (c) => {
            cases += 1;
            const res = await send(route, c);
            if (res.statusCode >= 500) {
              serverErrors += 1;
              failures.push(`${res.statusCode} ← ${describeCase(route, c)}`);
              return false;
            }
            return true;
          }),
          { numRuns: runs, seed: SEED + index, endOnFailure: true },
        );
      } catch {
        // Recorded above; the other routes are still run so that one report lists every route that fails.
      }
      if (process.env['FUZZ_TIMES']) {
        console.info(`fuzz time ${Date.now() - routeStarted} ms ${route.method} ${route.url}`);
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const used = process.cpuUsage(cpu);
    const cpuSeconds = ((used.user + used.system) / 1e6).toFixed(1);
    console.info(`fuzz: ${routes.length} routes, ${cases} cases, ${serverErrors} responses of 500 or more, ${seconds} s (${cpuSeconds} s of CPU; seed ${SEED}, ${RUNS} per route, ${headRuns(RUNS)} per HEAD twin of a GET route)`);
    expect(failures).toEqual([]);
  }, 1_800_000);
});
