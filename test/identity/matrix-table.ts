/**
 * The authorization matrix, written out by hand: every route the portal registers, grouped by the
 * requirement it declares, and what each persona gets from it. Nothing here calls the policy:
 * the table is the specification the running portal is checked against.
 *
 * A new route fails the matrix test until it gets a row here; a route whose requirement changes
 * fails until it moves to the right group.
 */
import { STAFF_ROLES, type Requirement } from '../../src/modules/identity/index.ts';
import { stylesheet } from '../../src/web/common/stylesheet.ts';

/** The columns of every grid below, in this order. */
export const PERSONAS = [
  'anonymous', //          no session at all
  'staff-refused', //      a citizen who tried the staff realm: refused (not-staff), so no session either
  'session-ended', //      marta-nowak's cookie from a session she has signed out of
  'citizen', //            olena-koval, citizen realm
  'officer-as-citizen', // mykola-tkachenko (a clerk) signed in to the citizen realm: no staff powers there
  'director', //           taras-melnyk acting for company 40000001
  'rep-active', //         iryna-bondar acting for the company under an active 30-day mandate for two services
  'rep-revoked', //        andrii-shevchenko, was acting for the company; the director revoked the mandate
  'rep-expired', //        nataliia-hrytsenko, was acting for the company; the mandate ended yesterday
  'clerk', //              mykola-tkachenko, staff realm
  'decision-maker', //     oksana-lysenko, staff realm
  'supervisor', //         petro-boiko, staff realm
  'agency-admin', //       halyna-kravets, staff realm, state-migration-service
  'front-desk', //         yuliia-marchenko, staff realm
  'contact-centre', //     serhii-pavlenko, staff realm
  'catalogue-editor', //   larysa-moroz, staff realm
  'national-admin', //     viktor-savchenko, staff realm
] as const;
export type PersonaName = (typeof PERSONAS)[number];

/** Personas whose requests carry a live session. */
export const SIGNED_IN_PERSONAS: readonly PersonaName[] = PERSONAS.filter((p) => !['anonymous', 'staff-refused', 'session-ended'].includes(p));

/**
 * `allowed`: 2xx, 3xx other than to sign-in, or a 400 or 409 page (the handler refused the input or the state); `sign-in`: 303 to /{lang}/sign-in?returnTo=<the URL>;
 * `refused`: 401 or 403; `hidden`: 404 — the gate let the persona through, and the handler does not
 * reveal a record that is not theirs (a draft, a case, a file).
 */
export type Outcome = 'allowed' | 'sign-in' | 'refused' | 'hidden';
export type Grid = Readonly<Record<PersonaName, Outcome>>;

const LETTERS: Record<string, Outcome> = { A: 'allowed', S: 'sign-in', R: 'refused', N: 'hidden' };

/** One grid row: a letter per persona, in the column order of PERSONAS (A allowed, S sign-in, R refused, N hidden). */
export function grid(letters: string): Grid {
  const cells = letters.trim().split(/\s+/);
  if (cells.length !== PERSONAS.length || cells.some((c) => !(c in LETTERS))) {
    throw new Error(`a grid row needs ${PERSONAS.length} letters out of A, S, R, N: "${letters}"`);
  }
  return Object.fromEntries(PERSONAS.map((p, i) => [p, LETTERS[cells[i]!]!])) as Record<PersonaName, Outcome>;
}

export interface RouteGroup {
  readonly title: string;
  readonly requirement: Requirement;
  readonly method: 'GET' | 'POST';
  readonly expect: Grid;
  /** Route patterns as registered; `{lang}` stands for each of uk and en. */
  readonly routes: readonly string[];
}

//                                       anon ref  end  citz o-ct dir  r-ac r-rv r-ex clrk dec  sup  a-ad desk cc   cat  nat
const PUBLIC_GRID = grid(               'A    A    A    A    A    A    A    A    A    A    A    A    A    A    A    A    A');
const SIGNED_IN_GET_GRID = grid(        'S    S    R    A    A    A    A    A    A    A    A    A    A    A    A    A    A');
const SIGNED_IN_POST_GRID = grid(       'R    R    R    A    A    A    A    A    A    A    A    A    A    A    A    A    A');
const ANY_STAFF_GET_GRID = grid(        'S    S    R    R    R    R    R    R    R    A    A    A    A    A    A    A    A');
const ADMIN_GET_GRID = grid(            'S    S    R    R    R    R    R    R    R    R    R    R    A    R    R    R    A');
const ADMIN_POST_GRID = grid(           'R    R    R    R    R    R    R    R    R    R    R    R    A    R    R    R    A');
// Starting an application for the passport (a service for individuals): whoever acts for the company is told why not (403).
const APPLY_START_GET_GRID = grid(      'S    S    R    A    A    R    R    A    A    A    A    A    A    A    A    A    A');
const APPLY_START_POST_GRID = grid(     'R    R    R    A    A    R    R    A    A    A    A    A    A    A    A    A    A');
const OFFICER_GET_GRID = grid(          'S    S    R    R    R    R    R    R    R    A    A    A    R    R    R    R    R');
const OFFICER_POST_GRID = grid(         'R    R    R    R    R    R    R    R    R    A    A    A    R    R    R    R    R');
// The citizen's own draft or case: every other signed-in persona gets the 404 of a record that is not theirs.
const OWN_GET_GRID = grid(              'S    S    R    A    N    N    N    N    N    N    N    N    N    N    N    N    N');
const OWN_POST_GRID = grid(             'R    R    R    A    N    N    N    N    N    N    N    N    N    N    N    N    N');
const NOBODY_GRID = grid(               'R    R    R    R    R    R    R    R    R    R    R    R    R    R    R    R    R');
const OFFICERS = ['clerk', 'decision-maker', 'supervisor'] as const;
// A letter of the print queue: the gate lets officers through; one not in their agencies' queue (none is in the matrix) is a 404.
const OFFICER_HIDDEN_GET_GRID = grid(   'S    S    R    R    R    R    R    R    R    N    N    N    R    R    R    R    R');
const OFFICER_HIDDEN_POST_GRID = grid(  'R    R    R    R    R    R    R    R    R    N    N    N    R    R    R    R    R');
const SUPERVISOR_GET_GRID = grid(       'S    S    R    R    R    R    R    R    R    R    R    A    R    R    R    R    R');
// Requeuing a dead letter: the gate lets supervisors through; one that is not dead (none is in the matrix) is a 404.
const SUPERVISOR_REQUEUE_GRID = grid(   'R    R    R    R    R    R    R    R    R    R    R    N    R    R    R    R    R');

// Citizens' appeals in the back office: the agencies' officers, the contact centre (triage) and national administrators.
const APPEAL_STAFF = ['clerk', 'decision-maker', 'supervisor', 'contact-centre', 'national-admin'] as const;
const APPEAL_STAFF_GET_GRID = grid(     'S    S    R    R    R    R    R    R    R    A    A    A    R    R    A    R    A');
// One appeal: the gate lets appeal staff through; the sample (no such appeal) is a 404 for each of them.
const APPEAL_STAFF_HIDDEN_GET_GRID = grid('S    S    R    R    R    R    R    R    R    N    N    N    R    R    N    R    N');
const APPEAL_STAFF_HIDDEN_POST_GRID = grid('R   R    R    R    R    R    R    R    R    N    N    N    R    R    N    R    N');
// A person's own appeal: the sample (no such appeal) is a 404 for every signed-in persona.
const OWN_APPEAL_GET_GRID = grid(       'S    S    R    N    N    N    N    N    N    N    N    N    N    N    N    N    N');

export const GROUPS: readonly RouteGroup[] = [
  {
    title: 'public pages, API and platform routes', requirement: { kind: 'public' }, method: 'GET', expect: PUBLIC_GRID,
    routes: [
      '/', '/{lang}', '/healthz', '/readyz', '/assets/portico.css', stylesheet().href, '/favicon.ico', '/assets/favicon.svg', '/api/openapi.json',
      '/api/v1/services', '/api/v1/services/:id', '/api/v1/organisations', '/api/v1/organisations/:id',
      '/api/v1/centres', '/api/v1/centres/:id', '/api/v1/events', '/api/v1/events/:id', '/api/v1/catalogue.jsonld',
      '/auth/callback/:idp',
      '/{lang}/', '/{lang}/accessibility', '/{lang}/search', '/{lang}/services/:id', '/{lang}/agencies', '/{lang}/agencies/:id',
      '/{lang}/events', '/{lang}/events/:id', '/{lang}/centres', '/{lang}/centres/:id',
      '/{lang}/sign-in', '/{lang}/sign-in/:idp', '/{lang}/signed-out',
      '/{lang}/verify/:id', '/{lang}/verify/receipts/:id', '/verify/:id', '/verify/receipts/:id',
    ],
  },
  {
    // The payment provider's server-to-server callback: no session, no CSRF; an unsigned body is refused (401).
    title: 'payment provider callback', requirement: { kind: 'public' }, method: 'POST', expect: NOBODY_GRID,
    routes: ['/api/v1/payments/callback'],
  },
  {
    // The SMS gateway's server-to-server webhooks (messages from phones, delivery receipts): signed like the payment callback; unsigned is 401.
    title: 'SMS gateway webhooks', requirement: { kind: 'public' }, method: 'POST', expect: NOBODY_GRID,
    routes: ['/api/v1/sms/inbound', '/api/v1/sms/receipts'],
  },
  {
    title: 'signed-in pages', requirement: { kind: 'signed-in' }, method: 'GET', expect: SIGNED_IN_GET_GRID,
    routes: ['/{lang}/cabinet', '/{lang}/cabinet/act-as', '/{lang}/cabinet/representation', '/{lang}/cabinet/contacts', '/{lang}/cabinet/applications', '/{lang}/cabinet/inbox'],
  },
  {
    title: 'the start of an application', requirement: { kind: 'signed-in' }, method: 'GET', expect: APPLY_START_GET_GRID,
    routes: ['/{lang}/services/:id/apply'],
  },
  {
    title: 'starting an application', requirement: { kind: 'signed-in' }, method: 'POST', expect: APPLY_START_POST_GRID,
    routes: ['/{lang}/services/:id/apply'],
  },
  {
    title: 'the citizen\'s own drafts and cases', requirement: { kind: 'signed-in' }, method: 'GET', expect: OWN_GET_GRID,
    routes: [
      '/{lang}/applications/:draftId/pages/:pageId', '/{lang}/applications/:draftId/pages/:pageId/follow-up/:about', '/{lang}/applications/:draftId/check',
      '/{lang}/cabinet/cases/:id', '/{lang}/cabinet/cases/:id/receipt', '/{lang}/cabinet/cases/:id/receipt.pdf',
      '/{lang}/cabinet/cases/:id/documents/:documentId', '/{lang}/cabinet/cases/:id/attachments/:attachmentId',
      '/{lang}/cabinet/inbox/:id',
    ],
  },
  {
    title: 'forms on the citizen\'s own drafts and cases', requirement: { kind: 'signed-in' }, method: 'POST', expect: OWN_POST_GRID,
    routes: [
      '/{lang}/applications/:draftId/pages/:pageId', '/{lang}/applications/:draftId/pages/:pageId/follow-up/:about', '/{lang}/applications/:draftId/pages/:pageId/files/:field',
      '/{lang}/applications/:draftId/pages/:pageId/files/:field/remove', '/{lang}/applications/:draftId/submit',
      '/{lang}/cabinet/cases/:id/answer', '/{lang}/cabinet/cases/:id/withdraw', '/{lang}/cabinet/cases/:id/rate', '/{lang}/cabinet/cases/:id/pay',
      '/{lang}/applications/:draftId/discard',
    ],
  },
  {
    title: 'signed-in forms', requirement: { kind: 'signed-in' }, method: 'POST', expect: SIGNED_IN_POST_GRID,
    routes: [
      '/{lang}/cabinet/act-as', '/{lang}/cabinet/mandates', '/{lang}/cabinet/mandates/:id/revoke',
      '/{lang}/cabinet/contacts/code', '/{lang}/cabinet/contacts/confirm', '/{lang}/cabinet/contacts',
      '/{lang}/sign-out', '/{lang}/sign-out-everywhere',
    ],
  },
  {
    title: 'staff pages open to every staff role', requirement: { kind: 'staff', roles: STAFF_ROLES }, method: 'GET', expect: ANY_STAFF_GET_GRID,
    routes: ['/{lang}/staff'],
  },
  {
    title: 'the back office: agency queues and cases', requirement: { kind: 'staff', roles: OFFICERS }, method: 'GET', expect: OFFICER_GET_GRID,
    routes: ['/{lang}/office/cases', '/{lang}/office/cases/:id', '/{lang}/office/cases/:id/attachments/:attachmentId', '/{lang}/office/documents/:documentId'],
  },
  {
    title: 'the back office: actions', requirement: { kind: 'staff', roles: OFFICERS }, method: 'POST', expect: OFFICER_POST_GRID,
    routes: ['/{lang}/office/cases/assign', '/{lang}/office/cases/:id/act', '/{lang}/office/cases/:id/decision', '/{lang}/office/cases/:id/decision/confirm', '/{lang}/office/cases/:id/decision/draft.pdf', '/{lang}/office/cases/:id/decision/back', '/{lang}/office/cases/:id/notes', '/{lang}/office/cases/:id/assign', '/{lang}/office/documents/:documentId/revoke'],
  },
  {
    title: 'payment reconciliation', requirement: { kind: 'staff', roles: ['supervisor'] }, method: 'GET', expect: SUPERVISOR_GET_GRID,
    routes: ['/{lang}/office/payments'],
  },
  {
    title: 'undelivered messages about the agency\'s cases', requirement: { kind: 'staff', roles: ['supervisor'] }, method: 'GET', expect: SUPERVISOR_GET_GRID,
    routes: ['/{lang}/office/dead-letters'],
  },
  {
    title: 'sending an undelivered message again', requirement: { kind: 'staff', roles: ['supervisor'] }, method: 'POST', expect: SUPERVISOR_REQUEUE_GRID,
    routes: ['/{lang}/office/dead-letters/:id/requeue'],
  },
  {
    title: 'the print queue of letters and a day\'s batch PDF', requirement: { kind: 'staff', roles: OFFICERS }, method: 'GET', expect: OFFICER_GET_GRID,
    routes: ['/{lang}/office/letters', '/{lang}/office/letters/batch.pdf'],
  },
  {
    title: 'a letter\'s PDF', requirement: { kind: 'staff', roles: OFFICERS }, method: 'GET', expect: OFFICER_HIDDEN_GET_GRID,
    routes: ['/{lang}/office/letters/:id/letter.pdf'],
  },
  {
    title: 'marking a letter dispatched', requirement: { kind: 'staff', roles: OFFICERS }, method: 'POST', expect: OFFICER_HIDDEN_POST_GRID,
    routes: ['/{lang}/office/letters/:id/dispatch'],
  },
  {
    title: 'citizens\' appeals: the person\'s list and the filing form', requirement: { kind: 'signed-in' }, method: 'GET', expect: SIGNED_IN_GET_GRID,
    routes: ['/{lang}/cabinet/appeals', '/{lang}/cabinet/appeals/new'],
  },
  {
    // Sent without a body: every signed-in persona gets the form back with its problems (400).
    title: 'filing an appeal', requirement: { kind: 'signed-in' }, method: 'POST', expect: SIGNED_IN_POST_GRID,
    routes: ['/{lang}/cabinet/appeals/new'],
  },
  {
    title: 'one of the person\'s appeals', requirement: { kind: 'signed-in' }, method: 'GET', expect: OWN_APPEAL_GET_GRID,
    routes: ['/{lang}/cabinet/appeals/:id'],
  },
  {
    // The citizen's own case, not refused: the page says there is nothing to appeal (409); others' get the 404 of a case not theirs.
    title: 'appealing a refusal', requirement: { kind: 'signed-in' }, method: 'GET', expect: OWN_GET_GRID,
    routes: ['/{lang}/cabinet/cases/:id/appeal'],
  },
  {
    title: 'appealing a refusal: the form', requirement: { kind: 'signed-in' }, method: 'POST', expect: OWN_POST_GRID,
    routes: ['/{lang}/cabinet/cases/:id/appeal'],
  },
  {
    title: 'citizens\' appeals in the back office', requirement: { kind: 'staff', roles: APPEAL_STAFF }, method: 'GET', expect: APPEAL_STAFF_GET_GRID,
    routes: ['/{lang}/office/appeals'],
  },
  {
    title: 'one appeal in the back office', requirement: { kind: 'staff', roles: APPEAL_STAFF }, method: 'GET', expect: APPEAL_STAFF_HIDDEN_GET_GRID,
    routes: ['/{lang}/office/appeals/:id'],
  },
  {
    title: 'routing, answering and extending an appeal', requirement: { kind: 'staff', roles: APPEAL_STAFF }, method: 'POST', expect: APPEAL_STAFF_HIDDEN_POST_GRID,
    routes: ['/{lang}/office/appeals/:id/:action'],
  },
  {
    title: 'staff administration', requirement: { kind: 'staff', roles: ['agency-admin', 'national-admin'] }, method: 'GET', expect: ADMIN_GET_GRID,
    routes: ['/{lang}/admin/staff'],
  },
  {
    title: 'staff administration forms', requirement: { kind: 'staff', roles: ['agency-admin', 'national-admin'] }, method: 'POST', expect: ADMIN_POST_GRID,
    routes: ['/{lang}/admin/staff', '/{lang}/admin/staff/:id/revoke'],
  },
];

/**
 * Registered only when the portal runs with local stand-ins for e-mail and SMS (never in production):
 * the matrix builds a second portal with them to cover these.
 */
export const DEV_ONLY_GROUPS: readonly RouteGroup[] = [
  // Every one-time code the portal sent, to anyone who asks: public by design, for development.
  { title: 'development message viewer', requirement: { kind: 'public' }, method: 'GET', expect: PUBLIC_GRID, routes: ['/dev/messages'] },
  // A phone in the browser: any number may be typed, and what it sends goes through the signed inbound webhook.
  { title: 'development SMS phone', requirement: { kind: 'public' }, method: 'GET', expect: PUBLIC_GRID, routes: ['/dev/sms/phone'] },
  { title: 'development SMS phone form', requirement: { kind: 'public' }, method: 'POST', expect: PUBLIC_GRID, routes: ['/dev/sms/phone'] },
];

/**
 * Routes whose handler decides further, for the party acted for. Keyed by `METHOD pattern`; a key
 * with a concrete language applies to that language only. Each replaces its group's grid.
 */
//                                                               anon ref  end  citz o-ct dir  r-ac r-rv r-ex clrk dec  sup  a-ad desk cc   cat  nat
export const EXCEPTIONS: Readonly<Record<string, Grid>> = {
  // Revoking a document: only a supervisor of the issuing agency (the form is sent without a reason, so nothing is revoked).
  'POST /{lang}/office/documents/:documentId/revoke': grid(     'R    R    R    R    R    R    R    R    R    R    R    A    R    R    R    R    R'),
  // Revoking a role in another agency (the tax service): only the national administrator; the agency administrator is refused.
  'POST /{lang}/admin/staff/:id/revoke': grid(                  'R    R    R    R    R    R    R    R    R    R    R    R    R    R    R    R    A'),
  // Acting for company 40000001: its director and its current representative only.
  'POST /{lang}/cabinet/act-as': grid(                          'R    R    R    R    R    A    A    R    R    R    R    R    R    R    R    R    R'),
  // Granting (to a third person, for a day): for oneself, or for a company one directs; never under a mandate.
  // A staff-realm session reaches the cabinet like any other, so officers may grant for themselves there.
  'POST /{lang}/cabinet/mandates': grid(                        'R    R    R    A    A    A    R    A    A    A    A    A    A    A    A    A    A'),
  // Revoking a mandate the company granted: only its director (the representative holding a mandate cannot).
  'POST /uk/cabinet/mandates/:id/revoke': grid(                 'R    R    R    R    R    A    R    R    R    R    R    R    R    R    R    R    R'),
  // Revoking a mandate the citizen granted: only the citizen, acting as herself.
  'POST /en/cabinet/mandates/:id/revoke': grid(                 'R    R    R    A    R    R    R    R    R    R    R    R    R    R    R    R    R'),
};

/** HEAD is registered by Fastify for every GET route, with the same requirement and gate: it gets what GET gets. */
export const headOutcome = (get: Outcome): Outcome => get;

/** The form each POST sends besides its CSRF token (urlencoded, as a browser would). */
export const BODIES: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  '/{lang}/cabinet/act-as': [['party', 'business:40000001']],
  '/{lang}/cabinet/mandates': [['representative', '9000000999'], ['scope', 'all'], ['validFrom', '{today}'], ['validUntil', '{tomorrow}']],
  '/{lang}/cabinet/mandates/:id/revoke': [],
  '/{lang}/cabinet/contacts/code': [['channel', 'email'], ['address', 'matrix@example.org']],
  '/{lang}/cabinet/contacts/confirm': [['channel', 'email'], ['code', '000000']],
  '/{lang}/cabinet/contacts': [['language', 'uk'], ['postalAddress', '']],
  '/{lang}/admin/staff': [['nationalId', '9000000998'], ['role', 'clerk'], ['agencyId', 'state-migration-service'], ['centreId', '']],
  '/{lang}/admin/staff/:id/revoke': [],
  '/{lang}/sign-out': [],
  '/{lang}/sign-out-everywhere': [],
  '/{lang}/services/:id/apply': [],
  '/{lang}/applications/:draftId/pages/:pageId': [['givenName', '']],
  '/{lang}/applications/:draftId/pages/:pageId/follow-up/:about': [['lostCircumstances', '']],
  '/{lang}/applications/:draftId/pages/:pageId/files/:field': [],
  '/{lang}/applications/:draftId/pages/:pageId/files/:field/remove': [],
  '/{lang}/applications/:draftId/submit': [['idempotencyKey', 'matrix-key-0001']],
  '/{lang}/applications/:draftId/discard': [],
  '/{lang}/cabinet/cases/:id/answer': [['answer', 'matrix answer']],
  '/{lang}/cabinet/cases/:id/withdraw': [['reason', 'matrix']],
  '/{lang}/cabinet/cases/:id/rate': [['rating', '5']],
  '/{lang}/cabinet/cases/:id/pay': [],
  '/api/v1/payments/callback': [['eventId', 'forged']],
  '/api/v1/sms/inbound': [['from', '+380501234567'], ['text', 'HELP']],
  '/api/v1/sms/receipts': [['reference', 'forged'], ['status', 'delivered']],
  '/dev/sms/phone': [['number', '+380501239999'], ['text', 'HELP']],
  '/{lang}/office/cases/assign': [['agencyId', 'state-migration-service'], ['assignee', '']],
  '/{lang}/office/cases/:id/act': [['event', 'no-such-event']],
  '/{lang}/office/cases/:id/decision': [['event', 'grant']],
  '/{lang}/office/cases/:id/decision/confirm': [['event', 'grant'], ['version', '0']],
  '/{lang}/office/cases/:id/decision/draft.pdf': [['event', 'grant']],
  '/{lang}/office/cases/:id/decision/back': [['event', 'grant']],
  '/{lang}/office/cases/:id/notes': [['note', 'matrix note']],
  '/{lang}/office/cases/:id/assign': [['assignee', '']],
  '/{lang}/office/documents/:documentId/revoke': [['reason', '']],
  '/{lang}/office/dead-letters/:id/requeue': [],
  '/{lang}/office/letters/:id/dispatch': [],
  '/{lang}/cabinet/appeals/new': [],
  '/{lang}/cabinet/cases/:id/appeal': [['text', 'matrix appeal']],
  '/{lang}/office/appeals/:id/:action': [['answer', 'matrix answer']],
};

/** Routes that end the session they are sent with: each persona signs in again after them. */
export const ENDS_SESSION: ReadonlySet<string> = new Set(['/{lang}/sign-out', '/{lang}/sign-out-everywhere']);

export const LANGS = ['uk', 'en'] as const;

export interface MatrixRow {
  /** `METHOD url` as registered, e.g. `GET /uk/services/:id`. */
  readonly key: string;
  readonly method: 'GET' | 'HEAD' | 'POST';
  readonly url: string;
  readonly pattern: string;
  readonly lang: 'uk' | 'en' | null;
  readonly requirement: Requirement;
  readonly expect: Grid;
  /** The group's grid before any exception: what the route's requirement alone gives each persona. */
  readonly requirementGrid: Grid;
}

/** Every row of the matrix: each group's routes in each language, with HEAD beside each GET. */
export function matrixRows(groups: readonly RouteGroup[] = GROUPS): MatrixRow[] {
  const rows: MatrixRow[] = [];
  for (const group of groups) {
    for (const pattern of group.routes) {
      const langs = pattern.includes('{lang}') ? LANGS : [null];
      for (const lang of langs) {
        const url = lang ? pattern.replace('{lang}', lang) : pattern;
        const expect = EXCEPTIONS[`${group.method} ${url}`] ?? EXCEPTIONS[`${group.method} ${pattern}`] ?? group.expect;
        rows.push({ key: `${group.method} ${url}`, method: group.method, url, pattern, lang, requirement: group.requirement, expect, requirementGrid: group.expect });
        if (group.method === 'GET') {
          const head = Object.fromEntries(PERSONAS.map((p) => [p, headOutcome(expect[p])])) as Record<PersonaName, Outcome>;
          rows.push({ key: `HEAD ${url}`, method: 'HEAD', url, pattern, lang, requirement: group.requirement, expect: head, requirementGrid: head });
        }
      }
    }
  }
  return rows;
}
