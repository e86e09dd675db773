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
import { API_GROUPS } from './matrix-api.ts';
import { type Grid, type Outcome, type PersonaName, PERSONAS } from './matrix-grid.ts';
import { CATALOGUE_EDITOR_GROUPS } from './matrix-catalogue-editor.ts';
import {
  PUBLIC_GRID, SIGNED_IN_GET_GRID, SIGNED_IN_POST_GRID, ANY_STAFF_GET_GRID, ADMIN_GET_GRID, ADMIN_POST_GRID, APPLY_START_GET_GRID, APPLY_START_POST_GRID, OFFICER_GET_GRID, OFFICER_POST_GRID, OWN_GET_GRID, OWN_POST_GRID, NOBODY_GRID, OFFICERS, OFFICER_HIDDEN_GET_GRID, OFFICER_HIDDEN_POST_GRID, FILING_GET_GRID, FILING_POST_GRID, FILING_HIDDEN_GET_GRID, FILING_STAFF, TEMPLATE_READER_GET_GRID, SUPERVISOR_GET_GRID, CONTACT_CENTRE_GET_GRID, CONTACT_CENTRE_POST_GRID, SUPERVISOR_REQUEUE_GRID, PUBLIC_HIDDEN_GRID, FRONT_DESK_GET_GRID, FRONT_DESK_POST_GRID, FRONT_DESK_HIDDEN_GET_GRID, FRONT_DESK_HIDDEN_POST_GRID, COLLECTION_CANCEL_GRID, EXCEPTIONS, headOutcome, POST_ROOM_GET_GRID, POST_ROOM_POST_GRID, OWN_APPEAL_GET_GRID, AGENCY_FEEDBACK_GET_GRID,
} from './matrix-rows.ts';
import { APPEAL_OFFICE_GROUPS } from './matrix-appeals.ts';
import { PROACTIVE_GROUPS } from './matrix-proactive.ts';

export interface RouteGroup {
  readonly title: string;
  readonly requirement: Requirement;
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly expect: Grid;
  /** Route patterns as registered; `{lang}` stands for each of uk and en. */
  readonly routes: readonly string[];
}

export const GROUPS: readonly RouteGroup[] = [
  {
    title: 'public pages, API and platform routes', requirement: { kind: 'public' }, method: 'GET', expect: PUBLIC_GRID,
    routes: [
      '/', '/{lang}', '/healthz', '/readyz', '/assets/portico.css', stylesheet().href, '/favicon.ico', '/assets/favicon.svg', '/api/openapi.json',
      '/api/v1/services', '/api/v1/services/:id', '/api/v1/organisations', '/api/v1/organisations/:id',
      '/api/v1/centres', '/api/v1/centres/:id', '/api/v1/events', '/api/v1/events/:id', '/api/v1/catalogue.jsonld',
      '/api/v1/transparency/audit/public-key', '/api/v1/transparency/audit/checkpoints', '/api/v1/transparency/audit/checkpoints/latest',
      '/api/v1/transparency/audit/proofs/inclusion', '/api/v1/transparency/audit/proofs/consistency',
      '/auth/callback/:idp',
      '/api/v1/maturity', '/{lang}/maturity', '/{lang}/privacy', '/{lang}/services/:id/form.pdf', '/{lang}/feedback/thanks',
      '/{lang}/', '/{lang}/accessibility', '/{lang}/search', '/{lang}/services/:id', '/{lang}/agencies', '/{lang}/agencies/:id',
      '/{lang}/events', '/{lang}/events/:id', '/{lang}/centres', '/{lang}/centres/:id',
      '/{lang}/performance', '/{lang}/performance/agencies/:id', '/{lang}/performance/services/:id', '/open-data/:name', '/open-data/:name/:file',
      '/{lang}/sign-in', '/{lang}/sign-in/:idp', '/{lang}/signed-out',
      '/{lang}/verify/:id', '/{lang}/verify/receipts/:id', '/verify/:id', '/verify/receipts/:id',
    ],
  },
  {
    // The open API's token endpoint: a form without a grant (or with a session's CSRF field, not a parameter of it) is a 400 problem.
    title: 'the open API\'s token endpoint', requirement: { kind: 'public' }, method: 'POST', expect: PUBLIC_GRID,
    routes: ['/api/v1/oauth/token'],
  },
  {
    // The consent page of the open API's authorization code grant: without a known client in the query, a 400 page.
    title: 'the open API\'s consent page', requirement: { kind: 'signed-in' }, method: 'GET', expect: SIGNED_IN_GET_GRID,
    routes: ['/{lang}/oauth/authorize'],
  },
  { title: 'consenting to an API client (without a known client: a 400 page)', requirement: { kind: 'signed-in' }, method: 'POST', expect: SIGNED_IN_POST_GRID, routes: ['/{lang}/oauth/authorize'] },
  ...API_GROUPS,
  {
    // The payment provider's server-to-server callback: no session, no CSRF; an unsigned body is refused (401).
    title: 'payment provider callback', requirement: { kind: 'public' }, method: 'POST', expect: NOBODY_GRID,
    routes: ['/api/v1/payments/callback'],
  },
  {
    // The metrics scrape (Prometheus): no session opens it; the handler asks for METRICS_TOKEN as a bearer token (401 without it).
    title: 'metrics scrape', requirement: { kind: 'public' }, method: 'GET', expect: NOBODY_GRID,
    routes: ['/metrics'],
  },
  {
    // The SMS gateway's server-to-server webhooks (messages from phones, delivery receipts): signed like the payment callback; unsigned is 401.
    title: 'SMS gateway webhooks', requirement: { kind: 'public' }, method: 'POST', expect: NOBODY_GRID,
    routes: ['/api/v1/sms/inbound', '/api/v1/sms/receipts'],
  },
  {
    title: 'signed-in pages', requirement: { kind: 'signed-in' }, method: 'GET', expect: SIGNED_IN_GET_GRID,
    routes: ['/{lang}/cabinet', '/{lang}/cabinet/act-as', '/{lang}/cabinet/representation', '/{lang}/cabinet/contacts', '/{lang}/cabinet/applications', '/{lang}/cabinet/inbox',
      '/{lang}/cabinet/appointments', '/{lang}/cabinet/appointments/book', '/{lang}/cabinet/data-access', '/{lang}/cabinet/consents', '/{lang}/cabinet/consents/offers/:offer'],
  },
  {
    title: 'the start of an application', requirement: { kind: 'signed-in' }, method: 'GET', expect: APPLY_START_GET_GRID,
    routes: ['/{lang}/services/:id/apply', '/{lang}/events/:id/apply'],
  },
  {
    title: 'starting an application', requirement: { kind: 'signed-in' }, method: 'POST', expect: APPLY_START_POST_GRID,
    routes: ['/{lang}/services/:id/apply', '/{lang}/events/:id/apply'],
  },
  {
    title: 'the citizen\'s own drafts and cases', requirement: { kind: 'signed-in' }, method: 'GET', expect: OWN_GET_GRID,
    routes: [
      '/{lang}/applications/:draftId/pages/:pageId', '/{lang}/applications/:draftId/pages/:pageId/follow-up/:about', '/{lang}/applications/:draftId/check',
      '/{lang}/cabinet/cases/:id', '/{lang}/cabinet/bundles/:id', '/{lang}/cabinet/cases/:id/receipt', '/{lang}/cabinet/cases/:id/receipt.pdf',
      '/{lang}/cabinet/cases/:id/documents/:documentId', '/{lang}/cabinet/cases/:id/attachments/:attachmentId',
      '/{lang}/cabinet/inbox/:id',
      '/{lang}/cabinet/appointments/:id', '/{lang}/cabinet/appointments/:id/calendar.ics', '/{lang}/cabinet/consents/:id/revoke',
    ],
  },
  {
    title: 'forms on the citizen\'s own drafts and cases', requirement: { kind: 'signed-in' }, method: 'POST', expect: OWN_POST_GRID,
    routes: [
      '/{lang}/applications/:draftId/pages/:pageId', '/{lang}/applications/:draftId/pages/:pageId/follow-up/:about', '/{lang}/applications/:draftId/pages/:pageId/files/:field',
      '/{lang}/applications/:draftId/pages/:pageId/files/:field/remove', '/{lang}/applications/:draftId/submit',
      '/{lang}/cabinet/cases/:id/answer', '/{lang}/cabinet/cases/:id/withdraw', '/{lang}/cabinet/cases/:id/rate', '/{lang}/cabinet/cases/:id/pay',
      '/{lang}/applications/:draftId/discard', '/{lang}/cabinet/appointments/:id/cancel', '/{lang}/cabinet/consents/:id/revoke',
    ],
  },
  {
    title: 'signed-in forms', requirement: { kind: 'signed-in' }, method: 'POST', expect: SIGNED_IN_POST_GRID,
    routes: [
      '/{lang}/cabinet/act-as', '/{lang}/cabinet/mandates', '/{lang}/cabinet/mandates/:id/revoke',
      '/{lang}/cabinet/contacts/code', '/{lang}/cabinet/contacts/confirm', '/{lang}/cabinet/contacts',
      // A partner's request for consent, answered neither "Allow" nor "Do not allow": the page again with its problem (400).
      '/{lang}/sign-out', '/{lang}/sign-out-everywhere', '/{lang}/cabinet/appointments/book', '/{lang}/cabinet/consents/offers/:offer',
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
    routes: ['/{lang}/office/cases/assign', '/{lang}/office/cases/:id/act', '/{lang}/office/cases/:id/decision', '/{lang}/office/cases/:id/decision/confirm', '/{lang}/office/cases/:id/decision/draft.pdf', '/{lang}/office/cases/:id/decision/back', '/{lang}/office/cases/:id/notes', '/{lang}/office/cases/:id/assign', '/{lang}/office/documents/:documentId/revoke',
      // Marking the result ready for collection: the matrix's case is not granted, so a 409 page.
      '/{lang}/office/cases/:id/collection'],
  },
  {
    // "Was this page useful?": no session (every page carries it, cached pages too); a form from another site is refused by its Origin.
    // The matrix's body has no answer: a 400 before the rate limit counts it.
    title: 'page feedback', requirement: { kind: 'public' }, method: 'POST', expect: PUBLIC_GRID,
    routes: ['/{lang}/feedback'],
  },
  {
    title: 'feedback on the agency\'s services', requirement: { kind: 'staff', roles: ['clerk', 'decision-maker', 'supervisor', 'agency-admin'] }, method: 'GET', expect: AGENCY_FEEDBACK_GET_GRID,
    routes: ['/{lang}/office/feedback'],
  },
  ...CATALOGUE_EDITOR_GROUPS,
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
    title: 'filing an application for a person: the services, the filing form', requirement: { kind: 'staff', roles: FILING_STAFF }, method: 'GET', expect: FILING_GET_GRID,
    routes: ['/{lang}/office/assisted', '/{lang}/office/assisted/file'],
  },
  {
    title: 'filing an application for a person (without a channel and service in the query: a 400 page)', requirement: { kind: 'staff', roles: FILING_STAFF }, method: 'POST', expect: FILING_POST_GRID,
    routes: ['/{lang}/office/assisted/file'],
  },
  {
    title: 'what a staff member filed', requirement: { kind: 'staff', roles: FILING_STAFF }, method: 'GET', expect: FILING_HIDDEN_GET_GRID,
    routes: ['/{lang}/office/assisted/cases/:id'],
  },
  {
    title: 'a centre\'s queue kiosk and display', requirement: { kind: 'public' }, method: 'GET', expect: PUBLIC_GRID,
    routes: ['/{lang}/centres/:id/kiosk', '/{lang}/centres/:id/display'],
  },
  {
    // The kiosk's form carries no session (a kiosk has none); a form from another site is refused by its Origin. A service the centre lacks is a 400.
    title: 'taking a queue ticket at the kiosk', requirement: { kind: 'public' }, method: 'POST', expect: PUBLIC_GRID,
    routes: ['/{lang}/centres/:id/kiosk/tickets'],
  },
  {
    title: 'a queue ticket\'s page', requirement: { kind: 'public' }, method: 'GET', expect: PUBLIC_HIDDEN_GRID,
    routes: ['/{lang}/centres/:id/kiosk/tickets/:ticketId'],
  },
  {
    title: 'the front desk\'s queue console', requirement: { kind: 'staff', roles: ['front-desk'] }, method: 'GET', expect: FRONT_DESK_GET_GRID,
    routes: ['/{lang}/office/front-desk'],
  },
  {
    // Calling the next (nobody waits), and a ticket that is not at the desk (answered with a redirect saying so).
    title: 'the front desk\'s queue actions', requirement: { kind: 'staff', roles: ['front-desk'] }, method: 'POST', expect: FRONT_DESK_POST_GRID,
    routes: ['/{lang}/office/front-desk/call', '/{lang}/office/front-desk/tickets/:id/finish', '/{lang}/office/front-desk/tickets/:id/transfer'],
  },
  {
    title: 'results awaiting collection at the front desk\'s centre', requirement: { kind: 'staff', roles: ['front-desk'] }, method: 'GET', expect: FRONT_DESK_GET_GRID,
    routes: ['/{lang}/office/collections'],
  },
  {
    // Marking a result ready at the desk's centre by its case number (the matrix sends no valid number: a 400 page).
    title: 'marking a result ready at the front desk', requirement: { kind: 'staff', roles: ['front-desk'] }, method: 'POST', expect: FRONT_DESK_POST_GRID,
    routes: ['/{lang}/office/collections/ready'],
  },
  {
    title: 'a result\'s handover form', requirement: { kind: 'staff', roles: ['front-desk'] }, method: 'GET', expect: FRONT_DESK_HIDDEN_GET_GRID,
    routes: ['/{lang}/office/collections/:id'],
  },
  {
    title: 'handing a result over', requirement: { kind: 'staff', roles: ['front-desk'] }, method: 'POST', expect: FRONT_DESK_HIDDEN_POST_GRID,
    routes: ['/{lang}/office/collections/:id/handover'],
  },
  {
    title: 'cancelling "ready for collection"', requirement: { kind: 'staff', roles: ['clerk', 'decision-maker', 'supervisor', 'front-desk'] }, method: 'POST', expect: COLLECTION_CANCEL_GRID,
    routes: ['/{lang}/office/collections/:id/cancel'],
  },
  {
    title: 'previews of the message templates and their letters\' PDFs', requirement: { kind: 'staff', roles: ['supervisor', 'agency-admin'] }, method: 'GET', expect: TEMPLATE_READER_GET_GRID,
    routes: ['/{lang}/office/notice-templates', '/{lang}/office/notice-templates/:id/letter.pdf'],
  },
  {
    title: 'the contact centre: calls, the callback queue, a callback', requirement: { kind: 'staff', roles: ['contact-centre'] }, method: 'GET', expect: CONTACT_CENTRE_GET_GRID,
    routes: ['/{lang}/office/calls', '/{lang}/office/calls/:id', '/{lang}/office/callbacks', '/{lang}/office/callbacks/:id'],
  },
  {
    title: 'the contact centre: starting a call, identifying the caller, logging, callbacks', requirement: { kind: 'staff', roles: ['contact-centre'] }, method: 'POST', expect: CONTACT_CENTRE_POST_GRID,
    routes: [
      '/{lang}/office/calls', '/{lang}/office/calls/:id/code', '/{lang}/office/calls/:id/code/confirm', '/{lang}/office/calls/:id/knowledge', '/{lang}/office/calls/:id/callbacks',
      '/{lang}/office/calls/:id/log', '/{lang}/office/callbacks/:id/claim', '/{lang}/office/callbacks/:id/done',
    ],
  },
  // The matrix's call has no identified caller: the console's forms answer 409 with the way back to the call.
  { title: 'the console: an appeal and visits for the caller', requirement: { kind: 'staff', roles: ['contact-centre'] }, method: 'GET', expect: CONTACT_CENTRE_GET_GRID, routes: ['/{lang}/office/calls/:id/appeal', '/{lang}/office/calls/:id/appointments'] },
  {
    title: 'the console: filing an appeal, booking and cancelling a visit for the caller', requirement: { kind: 'staff', roles: ['contact-centre'] }, method: 'POST', expect: CONTACT_CENTRE_POST_GRID,
    routes: ['/{lang}/office/calls/:id/appeal', '/{lang}/office/calls/:id/appointments', '/{lang}/office/calls/:id/appointments/:appointmentId/cancel'],
  },
  { title: 'the front desk: an appeal and visits for a visitor', requirement: { kind: 'staff', roles: ['front-desk'] }, method: 'GET', expect: FRONT_DESK_GET_GRID, routes: ['/{lang}/office/front-desk/appeal', '/{lang}/office/front-desk/appointments'] },
  {
    // Sent without a visitor or the appeal's fields: the form again with its problems (400).
    title: 'the front desk: filing an appeal, finding a visitor, booking and cancelling a visit', requirement: { kind: 'staff', roles: ['front-desk'] }, method: 'POST', expect: FRONT_DESK_POST_GRID,
    routes: ['/{lang}/office/front-desk/appeal', '/{lang}/office/front-desk/appointments', '/{lang}/office/front-desk/appointments/:appointmentId/cancel'],
  },
  { title: 'the post room: an appeal received by post', requirement: { kind: 'staff', roles: ['clerk'] }, method: 'GET', expect: POST_ROOM_GET_GRID, routes: ['/{lang}/office/post-room/appeal'] },
  { title: 'the post room: registering an appeal (no fields: 400)', requirement: { kind: 'staff', roles: ['clerk'] }, method: 'POST', expect: POST_ROOM_POST_GRID, routes: ['/{lang}/office/post-room/appeal'] },
  { title: 'an appeal a staff member took (the sample: 404)', requirement: { kind: 'staff', roles: FILING_STAFF }, method: 'GET', expect: FILING_HIDDEN_GET_GRID, routes: ['/{lang}/office/appeal-intakes/:id'] },
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
  ...PROACTIVE_GROUPS,
  {
    // The citizen's own case, not refused: the page says there is nothing to appeal (409); others' get the 404 of a case not theirs.
    title: 'appealing a refusal', requirement: { kind: 'signed-in' }, method: 'GET', expect: OWN_GET_GRID,
    routes: ['/{lang}/cabinet/cases/:id/appeal'],
  },
  {
    title: 'appealing a refusal: the form', requirement: { kind: 'signed-in' }, method: 'POST', expect: OWN_POST_GRID,
    routes: ['/{lang}/cabinet/cases/:id/appeal'],
  },
  ...APPEAL_OFFICE_GROUPS,
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

export const LANGS = ['uk', 'en'] as const;

export interface MatrixRow {
  /** `METHOD url` as registered, e.g. `GET /uk/services/:id`. */
  readonly key: string;
  readonly method: 'GET' | 'HEAD' | 'POST' | 'PUT';
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
