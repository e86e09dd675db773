/**
 * The authorization matrix: every route the portal registers × every persona, over HTTP, against
 * the table in matrix-table.ts. A route the table does not list, a listed route that no longer
 * exists, or a route whose declared requirement differs from its group fails here.
 *
 * Routes are enumerated from the running portal itself: the Fastify factory is wrapped so that an
 * `onRoute` collector is the first hook of the instance `buildHttp` creates, and so sees every
 * route (HEAD included) with its `config.auth` and the path declaration it came from (`config.path`),
 * whose URL builder fills the parameters with the sample values below. The router's own printout is
 * cross-checked.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { buildHttp } from '../../src/app/http.ts';
import { kyivDay } from '../../src/kernel/state-time.ts';
import type { Lang } from '../../src/kernel/text.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import type { AnyPath, ParamList, Query, ValuesOf } from '../../src/web/common/path.ts';
import type { PATHS } from '../../src/web/common/paths.ts';
import type { TestApp } from '../support/app.ts';
import type { CollectedRoute } from '../support/route-collector.ts';
import { appWithEid } from '../support/identity.ts';
import { type MatrixIds, MatrixPeople, actingOf, day, form, nextAddress } from './matrix-personas.ts';
import { apiSamples } from './matrix-api.ts';
import { BODIES } from './matrix-bodies.ts';
import { noProactiveItem } from './matrix-proactive.ts';
import { PERSONAS, type PersonaName, SIGNED_IN_PERSONAS } from './matrix-grid.ts';
import { ENDS_SESSION } from './matrix-rows.ts';
import { DEV_ONLY_GROUPS, type MatrixRow, matrixRows } from './matrix-table.ts';

const registry = vi.hoisted(() => new Map<object, CollectedRoute[]>());
vi.mock('fastify', async (importOriginal) => (await import('../support/route-collector.ts')).collectingFastify(importOriginal, registry));

let t: TestApp;
let people: MatrixPeople;
let ids: MatrixIds;
const ROWS = matrixRows();
/** A sweep sends hundreds of requests (every route × every persona): more than the default minute on a busy machine. */
const SWEEP_MS = 600_000;
/** The refusal page's words (so a 403 from the handler cannot pass for the gate's). */
const CSRF_REFUSAL = { uk: 'без дійсного захисного коду', en: 'without a valid security code' } as const;

beforeAll(async () => {
  // /metrics asks for this bearer token, which no persona's request carries.
  t = await appWithEid({ METRICS_TOKEN: 'a-metrics-token-no-persona-sends-0123456789' });
  ({ people, ids } = await MatrixPeople.setUp(t));
  await t.services.auditLog.seal(); // the audit log's latest checkpoint exists to be fetched
  await t.services.performance.refresh(); // today's open-data snapshot exists to be fetched
}, 300_000);
afterAll(async () => t.close());

const collected = (app = t.app): CollectedRoute[] => registry.get(app) ?? [];
const keysOf = (routes: readonly CollectedRoute[]) => routes.map((r) => `${r.method} ${r.url}`);

/** The declarations of PATHS with parameters: each needs sample values below (a new one does not compile until it has them). */
type WithParams = { [K in keyof typeof PATHS]: ParamList<(typeof PATHS)[K]['template']> extends [] ? never : K }[keyof typeof PATHS];
type Sample<K extends WithParams> = (lang: Lang | null) => { readonly values: ValuesOf<(typeof PATHS)[K]>; readonly query?: Query };

const draft = () => ({ values: { draftId: ids.draft } });
const ownCase = () => ({ values: { id: ids.case } });
const receiptCheck = () => ({ values: { id: ids.caseNumber }, query: { h: ids.caseHash } });
/** Real ids for the parameters of every declared path, by declaration; a route of two languages may take one per language. */
const SAMPLES: { readonly [K in WithParams]: Sample<K> } = {
  service: () => ({ values: { id: ids.service } }),
  serviceFormPdf: () => ({ values: { id: 'civil-status-certificate' } }),
  agency: () => ({ values: { id: ids.organisation } }),
  event: () => ({ values: { id: ids.event } }),
  centre: () => ({ values: { id: ids.centre } }),
  performanceAgency: () => ({ values: { id: ids.organisation } }),
  performanceService: () => ({ values: { id: ids.service } }),
  officeCatalogueService: () => ({ values: { id: ids.service } }), officeCatalogueEdit: () => ({ values: { id: ids.service } }), officeCatalogueCompare: () => ({ values: { id: ids.service } }),
  officeCatalogueDraft: () => ({ values: { id: ids.service, number: '1' } }), officeCataloguePreview: () => ({ values: { id: ids.service, number: '1' } }), officeCataloguePublish: () => ({ values: { id: ids.service, number: '1' } }),
  openDataFile: () => ({ values: { name: 'applications.csv' } }),
  openDataSnapshot: () => ({ values: { name: 'applications', file: `${kyivDay(new Date())}.csv` } }),
  signInWith: () => ({ values: { idp: 'state' } }),
  callback: () => ({ values: { idp: 'state' } }),
  revokeMandate: (lang) => ({ values: { id: lang === 'uk' ? ids.companyMandate : ids.citizenMandate } }),
  revokeStaffRole: (lang) => ({ values: { id: lang === 'uk' ? ids.staffRoleUk : ids.staffRoleEn } }),
  apply: () => ({ values: { id: 'international-passport' } }),
  applyPage: () => ({ values: { draftId: ids.draft, pageId: 'about-you' } }),
  applyFollowUp: () => ({ values: { draftId: ids.draft, pageId: 'reason', about: 'purpose' } }),
  applyUpload: () => ({ values: { draftId: ids.draft, pageId: 'about-you', field: 'identityDocument' } }),
  applyRemoveFile: () => ({ values: { draftId: ids.draft, pageId: 'about-you', field: 'identityDocument' } }),
  applyCheck: draft,
  applySubmit: draft,
  applyDiscard: (lang) => ({ values: { draftId: lang === 'uk' ? ids.discardDraftUk : ids.discardDraftEn } }),
  myCase: ownCase,
  myBundle: () => ({ values: { id: ids.bundle } }),
  bundleApply: () => ({ values: { id: 'birth-of-child' } }),
  caseAnswer: ownCase,
  caseWithdraw: (lang) => ({ values: { id: lang === 'uk' ? ids.withdrawCaseUk : ids.withdrawCaseEn } }),
  caseRate: ownCase,
  casePay: ownCase,
  receipt: ownCase,
  receiptPdf: ownCase,
  caseDocument: () => ({ values: { id: ids.decidedCase, documentId: ids.document } }),
  caseAttachment: () => ({ values: { id: ids.case, attachmentId: ids.attachment } }),
  verify: () => ({ values: { id: ids.document } }),
  verifyReceipt: receiptCheck,
  verifyShort: () => ({ values: { id: ids.document } }),
  verifyReceiptShort: receiptCheck,
  officeCase: ownCase,
  officeCaseAct: ownCase,
  officeDecision: ownCase,
  officeDecisionConfirm: ownCase,
  officeDecisionDraft: ownCase,
  officeDecisionBack: ownCase,
  officeCaseNotes: ownCase,
  officeCaseAssign: ownCase,
  officeAttachment: () => ({ values: { id: ids.case, attachmentId: ids.attachment } }),
  officeDocument: () => ({ values: { documentId: ids.document } }), officeRevokeDocument: () => ({ values: { documentId: ids.document } }),
  inboxMessage: () => ({ values: { id: ids.inboxMessage } }),
  proactiveItem: noProactiveItem, proactiveObject: noProactiveItem, proactiveDismiss: noProactiveItem, proactiveStart: noProactiveItem,
  myAppointment: () => ({ values: { id: ids.appointment } }), appointmentCalendar: () => ({ values: { id: ids.appointment } }),
  cancelAppointment: (lang) => ({ values: { id: lang === 'uk' ? ids.cancelAppointmentUk : ids.cancelAppointmentEn } }),
  deadLetterRequeue: () => ({ values: { id: '1' } }),
  letterPdf: () => ({ values: { id: '00000000-0000-4000-8000-00000000ab1e' } }),
  noticeTemplateLetter: () => ({ values: { id: 'decision-granted-en' } }),
  letterDispatch: () => ({ values: { id: '00000000-0000-4000-8000-00000000ab1e' } }),
  assistedFiled: ownCase,
  kiosk: () => ({ values: { id: ids.centre } }),
  kioskIssue: () => ({ values: { id: ids.centre } }),
  kioskTicket: () => ({ values: { id: ids.centre, ticketId: '00000000-0000-4000-8000-00000000ab1e' } }),
  queueDisplay: () => ({ values: { id: ids.centre } }),
  frontDeskFinish: () => ({ values: { id: '00000000-0000-4000-8000-00000000ab1e' } }),
  officeCollectionReady: ownCase,
  collection: () => ({ values: { id: '00000000-0000-4000-8000-00000000ab1e' } }),
  collectionHandOver: () => ({ values: { id: '00000000-0000-4000-8000-00000000ab1e' } }),
  collectionCancel: () => ({ values: { id: '00000000-0000-4000-8000-00000000ab1e' } }),
  frontDeskTransfer: () => ({ values: { id: '00000000-0000-4000-8000-00000000ab1e' } }),
  call: () => ({ values: { id: ids.call } }),
  callCode: () => ({ values: { id: ids.call } }),
  callCodeConfirm: () => ({ values: { id: ids.call } }),
  callKnowledge: () => ({ values: { id: ids.call } }),
  callLog: () => ({ values: { id: ids.call } }),
  callCallback: () => ({ values: { id: ids.call } }),
  callbackRequest: () => ({ values: { id: ids.callbackRequest } }),
  callbackClaim: () => ({ values: { id: ids.callbackRequest } }),
  callbackDone: () => ({ values: { id: ids.callbackRequest } }),
  caseAppeal: ownCase,
  myAppeal: () => ({ values: { id: '00000000-0000-4000-8000-0000000a9ea1' } }),
  officeAppeal: () => ({ values: { id: '00000000-0000-4000-8000-0000000a9ea1' } }),
  officeAppealAct: () => ({ values: { id: '00000000-0000-4000-8000-0000000a9ea1', action: 'answer' } }),
  callAppeal: () => ({ values: { id: ids.call } }),
  appealTaken: () => ({ values: { id: '00000000-0000-4000-8000-0000000a9ea1' } }),
  callVisits: () => ({ values: { id: ids.call } }),
  callVisitCancel: () => ({ values: { id: ids.call, appointmentId: '00000000-0000-4000-8000-00000000a991' } }),
  deskVisitCancel: () => ({ values: { appointmentId: '00000000-0000-4000-8000-00000000a991' } }),
  consentOffer: () => ({ values: { offer: 'bank-loan-income' } }),
  revokeConsent: (lang) => ({ values: { id: lang === 'uk' ? ids.consentUk : ids.consentEn } }),
};
const isSampled = (name: string): name is WithParams => Object.hasOwn(SAMPLES, name);

/** Routes with parameters registered without a web path declaration: the JSON API's. */
const API_SAMPLES: Readonly<Record<string, () => string>> = {
  '/api/v1/services/:id': () => `/api/v1/services/${ids.service}`,
  '/api/v1/organisations/:id': () => `/api/v1/organisations/${ids.organisation}`,
  '/api/v1/centres/:id': () => `/api/v1/centres/${ids.centre}`,
  '/api/v1/events/:id': () => `/api/v1/events/${ids.event}`,
  ...apiSamples(() => ids),
};

/** The path declaration a registered route came from, in whichever portal registered it. */
const declared = new Map<string, AnyPath | undefined>();
function declarationOf(row: MatrixRow): AnyPath | undefined {
  if (!declared.has(row.key)) {
    const found = [...registry.values()].flat().find((r) => `${r.method} ${r.url}` === row.key);
    if (found === undefined) {
      return undefined;
    }
    declared.set(row.key, found.path);
  }
  return declared.get(row.key);
}

/** The concrete URL of a row: its declaration's URL builder given the sample values (real ids). */
function concrete(row: MatrixRow): string {
  const path = declarationOf(row);
  if (path === undefined) {
    const api = API_SAMPLES[row.url];
    if (api === undefined && row.url.includes('/:')) {
      throw new Error(`no value for a parameter of ${row.key}: declare its path, or add it to API_SAMPLES`);
    }
    return api?.() ?? row.url;
  }
  const sample: { readonly values: Readonly<Record<string, string>>; readonly query?: Query } = isSampled(path.name) ? SAMPLES[path.name](row.lang) : { values: {} };
  if (!path.localised) {
    return path.url(sample.values, sample.query);
  }
  if (row.lang === null) {
    throw new Error(`${row.key}: the declaration ${path.name} has a language, the row none`);
  }
  return path.url(row.lang, sample.values, sample.query);
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
    expect(routes.filter((r) => !r.auth || !['public', 'signed-in', 'staff', 'api'].includes(r.auth.kind)).map((r) => `${r.method} ${r.url}`)).toEqual([]);
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

  it('PUT: the open API\'s × every persona (a session never opens them)', async () => {
    expect(await run(ROWS.filter((r) => r.method === 'PUT'))).toEqual([]);
  });

  it('POST without a CSRF token, or with another session’s, is refused (403) for every signed-in persona', async () => {
    const mismatches: string[] = [];
    // The payment provider's callback and the SMS gateway's webhooks are the public POSTs: they carry the provider's signature, not a session's token.
    // The centre's kiosk takes tickets without a session: its form is checked by Origin (test/queue/queue-web.test.ts refuses another site's).
    expect(ROWS.filter((r) => r.method === 'POST' && r.requirement.kind === 'public').map((r) => r.key)).toEqual([
      'POST /api/v1/oauth/token', 'POST /api/v1/payments/callback', 'POST /api/v1/sms/inbound', 'POST /api/v1/sms/receipts', 'POST /uk/feedback', 'POST /en/feedback', 'POST /uk/centres/:id/kiosk/tickets', 'POST /en/centres/:id/kiosk/tickets',
    ]);
    // The open API's routes take an access token, never a session (the matrix's GET and POST sweeps show every persona refused).
    for (const row of ROWS.filter((r) => r.method === 'POST' && r.requirement.kind !== 'public' && r.requirement.kind !== 'api')) {
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
