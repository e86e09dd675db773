/**
 * The authorization matrix: every route the portal registers × every persona, over HTTP, against
 * the table in matrix-table.ts. A route the table does not list, a listed route that no longer
 * exists, or a route whose declared requirement differs from its group fails here.
 *
 * Routes are enumerated from the running portal itself: the Fastify factory is wrapped so that an
 * `onRoute` collector is the first hook of the instance `buildHttp` creates, and so sees every
 * route (HEAD included) with its `config.auth`. The router's own printout is cross-checked.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type * as FastifyModule from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { buildHttp } from '../../src/app/http.ts';
import type { Requirement } from '../../src/modules/identity/index.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import type { TestApp } from '../support/app.ts';
import { appWithEid } from '../support/identity.ts';
import { type MatrixIds, MatrixPeople, actingOf, day, form, nextAddress } from './matrix-personas.ts';
import { BODIES, DEV_ONLY_GROUPS, ENDS_SESSION, type MatrixRow, PERSONAS, type PersonaName, SIGNED_IN_PERSONAS, matrixRows } from './matrix-table.ts';

interface Collected {
  readonly method: string;
  readonly url: string;
  readonly auth: Requirement | undefined;
}

const registry = vi.hoisted(() => new Map<object, Collected[]>());

vi.mock('fastify', async (importOriginal) => {
  const real = await importOriginal<typeof FastifyModule>();
  const create = real.default as unknown as (...args: unknown[]) => FastifyInstance;
  const collecting = (...args: unknown[]): FastifyInstance => {
    const app = create(...args);
    const routes: Collected[] = [];
    registry.set(app, routes);
    app.addHook('onRoute', (options) => {
      for (const method of ([] as string[]).concat(options.method)) {
        routes.push({ method, url: options.url, auth: options.config?.auth });
      }
    });
    return app;
  };
  return { ...real, default: collecting, fastify: collecting };
});

let t: TestApp;
let people: MatrixPeople;
let ids: MatrixIds;
const ROWS = matrixRows();
/** A sweep sends hundreds of requests (every route × every persona): more than the default minute on a busy machine. */
const SWEEP_MS = 300_000;
/** The refusal page's words (so a 403 from the handler cannot pass for the gate's). */
const CSRF_REFUSAL = { uk: 'без дійсного захисного коду', en: 'without a valid security code' } as const;

beforeAll(async () => {
  t = await appWithEid();
  ({ people, ids } = await MatrixPeople.setUp(t));
}, 300_000);
afterAll(async () => t.close());

const collected = (app = t.app): Collected[] => registry.get(app) ?? [];
const keysOf = (routes: readonly Collected[]) => routes.map((r) => `${r.method} ${r.url}`);

/** The concrete URL of a row: its parameters filled with real ids. */
function concrete(row: MatrixRow): string {
  const url = row.url
    .replace('/services/:id/apply', '/services/international-passport/apply')
    .replace('/applications/:draftId/discard', `/applications/${row.lang === 'uk' ? ids.discardDraftUk : ids.discardDraftEn}/discard`)
    .replace('/applications/:draftId/', `/applications/${ids.draft}/`)
    .replace('/pages/:pageId/follow-up/:about', '/pages/reason/follow-up/purpose')
    .replace('/pages/:pageId', '/pages/about-you')
    .replace('/files/:field', '/files/identityDocument')
    .replace('/cabinet/cases/:id/withdraw', `/cabinet/cases/${row.lang === 'uk' ? ids.withdrawCaseUk : ids.withdrawCaseEn}/withdraw`)
    .replace('/cabinet/cases/:id/documents/:documentId', `/cabinet/cases/${ids.decidedCase}/documents/${ids.document}`)
    .replace('/office/documents/:documentId', `/office/documents/${ids.document}`)
    .replace('/cases/:id/attachments/:attachmentId', `/cases/${ids.case}/attachments/${ids.attachment}`)
    .replace('/cases/:id', `/cases/${ids.case}`)
    .replace('/cabinet/inbox/:id', `/cabinet/inbox/${ids.inboxMessage}`)
    .replace('/office/dead-letters/:id/requeue', '/office/dead-letters/1/requeue')
    .replace(/\/verify\/receipts\/:id$/, `/verify/receipts/${ids.caseNumber}?h=${ids.caseHash}`)
    .replace(/\/verify\/:id$/, `/verify/${ids.document}`)
    .replace(/\/(services|agencies|organisations|centres|events)\/:id$/, (_m, kind: string) => `/${kind}/${{ services: ids.service, agencies: ids.organisation, organisations: ids.organisation, centres: ids.centre, events: ids.event }[kind]}`)
    .replace('/mandates/:id/revoke', `/mandates/${row.lang === 'uk' ? ids.companyMandate : ids.citizenMandate}/revoke`)
    .replace('/admin/staff/:id/revoke', `/admin/staff/${row.lang === 'uk' ? ids.staffRoleUk : ids.staffRoleEn}/revoke`)
    .replace(':idp', 'state');
  if (url.includes(':')) {
    throw new Error(`no value for a parameter of ${row.key}: add one in concrete()`);
  }
  return url;
}

/** An `Outcome`, or what else came back (which never matches the table). */
function outcomeOf(res: LightMyRequestResponse, url: string): string {
  const status = res.statusCode;
  const location = String(res.headers.location ?? '');
  const signIn = /^\/(uk|en)\/sign-in\?returnTo=(.*)$/.exec(location);
  if (status >= 300 && status < 400 && signIn) {
    const ok = status === 303 && decodeURIComponent(signIn[2] ?? '') === url && url.startsWith(`/${signIn[1]}/`);
    return ok ? 'sign-in' : `${status} to ${location}`;
  }
  if ((status >= 200 && status < 400) || status === 400 || status === 409) {
    return 'allowed';
  }
  if (status === 404) {
    return 'hidden';
  }
  return status === 401 || status === 403 ? 'refused' : `${status}`;
}

async function send(row: MatrixRow, persona: PersonaName, options: { csrf?: 'own' | 'none' | 'foreign'; app?: FastifyInstance } = {}): Promise<LightMyRequestResponse> {
  const app = options.app ?? t.app;
  const session = people.session(persona);
  const url = concrete(row);
  const cookie = session ? { cookie: session.cookie } : {};
  if (row.method !== 'POST') {
    return app.inject({ method: row.method, url, remoteAddress: nextAddress(), headers: cookie });
  }
  const fields = (BODIES[row.pattern] ?? []).map(([k, v]) => [k, v.replace('{today}', day(0)).replace('{tomorrow}', day(1))] as const);
  const token = options.csrf === 'none' ? [] : options.csrf === 'foreign' ? [['_csrf', people.session('citizen')!.csrf] as const] : session ? [['_csrf', session.csrf] as const] : [];
  const body = form([...token, ...fields]);
  return app.inject({ method: 'POST', url, remoteAddress: nextAddress(), headers: { ...body.headers, ...cookie }, payload: body.payload });
}

/** Runs the rows × every persona; returns one line per cell that differs from the table. */
async function run(rows: readonly MatrixRow[], app = t.app): Promise<string[]> {
  const mismatches: string[] = [];
  for (const row of rows) {
    for (const persona of PERSONAS) {
      const res = await send(row, persona, { app });
      const got = outcomeOf(res, concrete(row));
      if (got !== row.expect[persona]) {
        mismatches.push(`${row.key} × ${persona}: expected ${row.expect[persona]}, got ${got} (${res.statusCode} ${concrete(row)})`);
      }
      if (row.method === 'POST' && ENDS_SESSION.has(row.pattern)) {
        await people.renew(persona);
      }
    }
  }
  return mismatches;
}

describe('the routes the matrix covers', () => {
  it('is every route the portal registers, each declaring a requirement, each in the group of that requirement', () => {
    const routes = collected();
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((r) => !r.auth || !['public', 'signed-in', 'staff'].includes(r.auth.kind)).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const table = new Map(ROWS.map((r) => [r.key, r]));
    const registered = new Map(routes.map((r) => [`${r.method} ${r.url}`, r]));
    expect([...registered.keys()].filter((k) => !table.has(k)).map((k) => `${k}: not in the matrix (add a row to matrix-table.ts)`)).toEqual([]);
    expect([...table.keys()].filter((k) => !registered.has(k)).map((k) => `${k}: in the matrix but not registered`)).toEqual([]);
    const wrongGroup = ROWS.filter((r) => JSON.stringify(registered.get(r.key)?.auth) !== JSON.stringify(r.requirement));
    expect(wrongGroup.map((r) => `${r.key}: declares ${JSON.stringify(registered.get(r.key)?.auth)}, listed under ${JSON.stringify(r.requirement)}`)).toEqual([]);
    expect(routes.length).toBe(registered.size); // no route registered twice
  });

  it('agrees with the routes the router itself prints', () => {
    const printed = new Set<string>();
    const stack: string[] = [];
    for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
      const match = /^([│ ]*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
      if (!match) {
        continue;
      }
      const depth = (match[1] ?? '').length / 4;
      stack.length = depth;
      stack.push(match[2] ?? '');
      for (const method of (match[3] ?? '').split(', ').filter(Boolean)) {
        printed.add(`${method} ${stack.join('')}`);
      }
    }
    expect([...printed].sort()).toEqual(collected().map((r) => `${r.method} ${r.url}`).sort());
  });
});

describe('the authorization matrix', () => {
  it('starts from the scenario the table assumes', async () => {
    const acting = Object.fromEntries(await Promise.all(PERSONAS.map(async (p) => [p, await actingOf(t, people, p)] as const)));
    const staffOf = (role: string) => `self/self/staff:${role}`;
    expect(acting).toEqual({
      anonymous: null, 'staff-refused': null, 'session-ended': null, citizen: 'self/self', 'officer-as-citizen': 'self/self',
      director: 'business:40000001/director', 'rep-active': 'business:40000001/mandate', 'rep-revoked': 'self/self', 'rep-expired': 'self/self',
      clerk: staffOf('clerk'), 'decision-maker': staffOf('decision-maker'), supervisor: staffOf('supervisor'), 'agency-admin': staffOf('agency-admin'),
      'front-desk': staffOf('front-desk'), 'contact-centre': staffOf('contact-centre'), 'catalogue-editor': staffOf('catalogue-editor'), 'national-admin': staffOf('national-admin'),
    });
  });

  it('GET: every page, API and platform route × every persona', async () => {
    expect(await run(ROWS.filter((r) => r.method === 'GET'))).toEqual([]);
  }, SWEEP_MS);

  it('HEAD: the same gate in front of every GET route', async () => {
    expect(await run(ROWS.filter((r) => r.method === 'HEAD'))).toEqual([]);
  }, SWEEP_MS);

  it('POST: every form × every persona, with the persona’s own CSRF token', async () => {
    expect(await run(ROWS.filter((r) => r.method === 'POST'))).toEqual([]);
  }, SWEEP_MS);

  it('POST without a CSRF token, or with another session’s, is refused (403) for every signed-in persona', async () => {
    const mismatches: string[] = [];
    // The payment provider's callback and the SMS gateway's webhooks are the public POSTs: they carry the provider's signature, not a session's token.
    expect(ROWS.filter((r) => r.method === 'POST' && r.requirement.kind === 'public').map((r) => r.key)).toEqual(['POST /api/v1/payments/callback', 'POST /api/v1/sms/inbound', 'POST /api/v1/sms/receipts']);
    for (const row of ROWS.filter((r) => r.method === 'POST' && r.requirement.kind !== 'public')) {
      for (const persona of SIGNED_IN_PERSONAS) {
        for (const csrf of persona === 'citizen' ? (['none'] as const) : (['none', 'foreign'] as const)) {
          const res = await send(row, persona, { csrf });
          // Whom the route's requirement refuses is turned away before the token is looked at: also a 403.
          const refusedFirst = row.requirementGrid[persona] === 'refused' && res.statusCode === 403;
          if (!refusedFirst && (res.statusCode !== 403 || !res.body.includes(CSRF_REFUSAL[row.lang ?? 'uk']))) {
            mismatches.push(`${row.key} × ${persona}, CSRF token ${csrf}: expected the 403 CSRF refusal, got ${res.statusCode}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, SWEEP_MS);
});

describe('routes registered only with the local message stand-ins (development)', () => {
  it('are the dev-only rows of the matrix, and each persona gets what the table says', async () => {
    const { app } = await buildHttp(t.services, createLogger('silent'), { devMessages: { mails: () => [], sms: () => [] } });
    try {
      await app.ready();
      const base = new Set(keysOf(collected()));
      const extra = collected(app).filter((r) => !base.has(`${r.method} ${r.url}`));
      const rows = matrixRows(DEV_ONLY_GROUPS);
      expect(keysOf(extra).sort()).toEqual(rows.map((r) => r.key).sort());
      expect(rows.filter((r) => JSON.stringify(extra.find((e) => `${e.method} ${e.url}` === r.key)?.auth) !== JSON.stringify(r.requirement)).map((r) => r.key)).toEqual([]);
      expect(await run(rows, app)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
