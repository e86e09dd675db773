/**
 * The open API's rows of the authorization matrix: routes for registered clients, which only an access
 * token opens, never a browser's session (401 for every persona); and the sample URL of each such
 * route with parameters (the API's routes have no web path declaration).
 */
import { NOBODY_GRID } from './matrix-rows.ts';
import type { MatrixIds } from './matrix-personas.ts';
import type { RouteGroup } from './matrix-table.ts';

export const API_GROUPS: readonly RouteGroup[] = [
  { title: 'the open API: drafts', requirement: { kind: 'api', scope: 'applications' }, method: 'GET', expect: NOBODY_GRID, routes: ['/api/v1/drafts/:draftId'] },
  { title: 'the open API: starting, attaching to and submitting drafts', requirement: { kind: 'api', scope: 'applications' }, method: 'POST', expect: NOBODY_GRID, routes: ['/api/v1/drafts', '/api/v1/drafts/:draftId/files', '/api/v1/drafts/:draftId/submit'] },
  { title: 'the open API: answering a page of a draft', requirement: { kind: 'api', scope: 'applications' }, method: 'PUT', expect: NOBODY_GRID, routes: ['/api/v1/drafts/:draftId/pages/:pageId'] },
  { title: 'the open API: cases and their documents', requirement: { kind: 'api', scope: 'cases' }, method: 'GET', expect: NOBODY_GRID, routes: ['/api/v1/cases', '/api/v1/cases/:id', '/api/v1/cases/:id/documents/:documentId'] },
  { title: 'the open API: answering an information request', requirement: { kind: 'api', scope: 'applications' }, method: 'POST', expect: NOBODY_GRID, routes: ['/api/v1/cases/:id/information-request/answer'] },
  { title: 'the open API: a case\'s fee and payments', requirement: { kind: 'api', scope: 'payments' }, method: 'GET', expect: NOBODY_GRID, routes: ['/api/v1/cases/:id/payments'] },
  { title: 'the open API: starting a payment', requirement: { kind: 'api', scope: 'payments' }, method: 'POST', expect: NOBODY_GRID, routes: ['/api/v1/cases/:id/payments'] },
  { title: 'the open API: the inbox', requirement: { kind: 'api', scope: 'inbox' }, method: 'GET', expect: NOBODY_GRID, routes: ['/api/v1/inbox', '/api/v1/inbox/unread-count', '/api/v1/inbox/:id'] },
  {
    title: 'the open API: offers, free slots and the person\'s appointments', requirement: { kind: 'api', scope: 'appointments' }, method: 'GET', expect: NOBODY_GRID,
    routes: ['/api/v1/appointments/offers', '/api/v1/appointments/slots', '/api/v1/appointments', '/api/v1/appointments/:id'],
  },
  { title: 'the open API: booking and cancelling appointments', requirement: { kind: 'api', scope: 'appointments' }, method: 'POST', expect: NOBODY_GRID, routes: ['/api/v1/appointments', '/api/v1/appointments/:id/cancel'] },
];

/** Concrete URLs of the open API's routes with parameters, from the matrix's real ids. */
export const apiSamples = (ids: () => MatrixIds): Readonly<Record<string, () => string>> => ({
  '/api/v1/drafts/:draftId': () => `/api/v1/drafts/${ids().draft}`,
  '/api/v1/drafts/:draftId/files': () => `/api/v1/drafts/${ids().draft}/files`,
  '/api/v1/drafts/:draftId/submit': () => `/api/v1/drafts/${ids().draft}/submit`,
  '/api/v1/drafts/:draftId/pages/:pageId': () => `/api/v1/drafts/${ids().draft}/pages/about-you`,
  '/api/v1/cases/:id': () => `/api/v1/cases/${ids().case}`,
  '/api/v1/cases/:id/documents/:documentId': () => `/api/v1/cases/${ids().decidedCase}/documents/${ids().document}`,
  '/api/v1/cases/:id/information-request/answer': () => `/api/v1/cases/${ids().case}/information-request/answer`,
  '/api/v1/cases/:id/payments': () => `/api/v1/cases/${ids().case}/payments`,
  '/api/v1/inbox/:id': () => '/api/v1/inbox/00000000-0000-4000-8000-0000000000b1',
  '/api/v1/appointments/:id': () => '/api/v1/appointments/00000000-0000-4000-8000-00000000a991',
  '/api/v1/appointments/:id/cancel': () => '/api/v1/appointments/00000000-0000-4000-8000-00000000a991/cancel',
});
