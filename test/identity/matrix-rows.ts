/**
 * The outcome rows of the authorization matrix (matrix-table.ts), one per kind of gate: what each
 * persona gets from a route behind it. Columns as in matrix-grid.ts's PERSONAS.
 */
import { type Grid, grid, type Outcome } from './matrix-grid.ts';

//                                       anon ref  end  citz o-ct dir  r-ac r-rv r-ex clrk dec  sup  a-ad desk cc   cat  nat
export const PUBLIC_GRID = grid(               'A    A    A    A    A    A    A    A    A    A    A    A    A    A    A    A    A');
export const SIGNED_IN_GET_GRID = grid(        'S    S    R    A    A    A    A    A    A    A    A    A    A    A    A    A    A');
export const SIGNED_IN_POST_GRID = grid(       'R    R    R    A    A    A    A    A    A    A    A    A    A    A    A    A    A');
export const ANY_STAFF_GET_GRID = grid(        'S    S    R    R    R    R    R    R    R    A    A    A    A    A    A    A    A');
export const ADMIN_GET_GRID = grid(            'S    S    R    R    R    R    R    R    R    R    R    R    A    R    R    R    A');
export const ADMIN_POST_GRID = grid(           'R    R    R    R    R    R    R    R    R    R    R    R    A    R    R    R    A');
// Starting an application for the passport (a service for individuals): whoever acts for the company is told why not (403).
export const APPLY_START_GET_GRID = grid(      'S    S    R    A    A    R    R    A    A    A    A    A    A    A    A    A    A');
export const APPLY_START_POST_GRID = grid(     'R    R    R    A    A    R    R    A    A    A    A    A    A    A    A    A    A');
export const OFFICER_GET_GRID = grid(          'S    S    R    R    R    R    R    R    R    A    A    A    R    R    R    R    R');
export const OFFICER_POST_GRID = grid(         'R    R    R    R    R    R    R    R    R    A    A    A    R    R    R    R    R');
// The citizen's own draft or case: every other signed-in persona gets the 404 of a record that is not theirs.
export const OWN_GET_GRID = grid(              'S    S    R    A    N    N    N    N    N    N    N    N    N    N    N    N    N');
export const OWN_POST_GRID = grid(             'R    R    R    A    N    N    N    N    N    N    N    N    N    N    N    N    N');
export const NOBODY_GRID = grid(               'R    R    R    R    R    R    R    R    R    R    R    R    R    R    R    R    R');
export const OFFICERS = ['clerk', 'decision-maker', 'supervisor'] as const;
// A letter of the print queue: the gate lets officers through; one not in their agencies' queue (none is in the matrix) is a 404.
export const OFFICER_HIDDEN_GET_GRID = grid(   'S    S    R    R    R    R    R    R    R    N    N    N    R    R    R    R    R');
export const OFFICER_HIDDEN_POST_GRID = grid(  'R    R    R    R    R    R    R    R    R    N    N    N    R    R    R    R    R');
// Filing for a person (post room clerks, the front desk, the contact centre); a case they did not file is a 404.
export const FILING_GET_GRID = grid(           'S    S    R    R    R    R    R    R    R    A    R    R    R    A    A    R    R');
export const FILING_POST_GRID = grid(          'R    R    R    R    R    R    R    R    R    A    R    R    R    A    A    R    R');
export const FILING_HIDDEN_GET_GRID = grid(    'S    S    R    R    R    R    R    R    R    N    R    R    R    N    N    R    R');
export const FILING_STAFF = ['clerk', 'front-desk', 'contact-centre'] as const;
export const TEMPLATE_READER_GET_GRID = grid(  'S    S    R    R    R    R    R    R    R    R    R    A    A    R    R    R    R');
export const SUPERVISOR_GET_GRID = grid(       'S    S    R    R    R    R    R    R    R    R    R    A    R    R    R    R    R');
// Requeuing a dead letter: the gate lets supervisors through; one that is not dead (none is in the matrix) is a 404.
// The contact centre's console: operators only (a call is its operator's; the matrix's call is the demo operator's).
export const CONTACT_CENTRE_GET_GRID = grid(   'S    S    R    R    R    R    R    R    R    R    R    R    R    R    A    R    R');
export const CONTACT_CENTRE_POST_GRID = grid(  'R    R    R    R    R    R    R    R    R    R    R    R    R    R    A    R    R');
export const SUPERVISOR_REQUEUE_GRID = grid(   'R    R    R    R    R    R    R    R    R    R    R    N    R    R    R    R    R');
// A queue ticket's page: public, and a ticket that is not one of the centre's (none is in the matrix) is a 404 for everyone.
export const PUBLIC_HIDDEN_GRID = grid(        'N    N    N    N    N    N    N    N    N    N    N    N    N    N    N    N    N');
export const FRONT_DESK_GET_GRID = grid(       'S    S    R    R    R    R    R    R    R    R    R    R    R    A    R    R    R');
export const FRONT_DESK_POST_GRID = grid(      'R    R    R    R    R    R    R    R    R    R    R    R    R    A    R    R    R');
// A result awaiting collection: the gate lets the front desk through; one not at their centre (none is in the matrix) is a 404.
export const FRONT_DESK_HIDDEN_GET_GRID = grid('S    S    R    R    R    R    R    R    R    R    R    R    R    N    R    R    R');
export const FRONT_DESK_HIDDEN_POST_GRID = grid('R   R    R    R    R    R    R    R    R    R    R    R    R    N    R    R    R');
// Cancelling "ready for collection": officers of the case's agency or the front desk of its centre; none is in the matrix, so a 404.
export const COLLECTION_CANCEL_GRID = grid(    'R    R    R    R    R    R    R    R    R    N    N    N    R    N    R    R    R');
// The post room: clerks only.
export const POST_ROOM_GET_GRID = grid(        'S    S    R    R    R    R    R    R    R    A    R    R    R    R    R    R    R');
export const POST_ROOM_POST_GRID = grid(       'R    R    R    R    R    R    R    R    R    A    R    R    R    R    R    R    R');

// Citizens' appeals in the back office: the agencies' officers, the contact centre (triage) and national administrators.
export const APPEAL_STAFF = ['clerk', 'decision-maker', 'supervisor', 'contact-centre', 'national-admin'] as const;
export const APPEAL_STAFF_GET_GRID = grid(     'S    S    R    R    R    R    R    R    R    A    A    A    R    R    A    R    A');
// One appeal: the gate lets appeal staff through; the sample (no such appeal) is a 404 for each of them.
export const APPEAL_STAFF_HIDDEN_GET_GRID = grid('S    S    R    R    R    R    R    R    R    N    N    N    R    R    N    R    N');
export const APPEAL_STAFF_HIDDEN_POST_GRID = grid('R   R    R    R    R    R    R    R    R    N    N    N    R    R    N    R    N');
// A person's own appeal: the sample (no such appeal) is a 404 for every signed-in persona.
export const OWN_APPEAL_GET_GRID = grid(       'S    S    R    N    N    N    N    N    N    N    N    N    N    N    N    N    N');
// A service offered or granted without an application (ADR 0032): the sample (no such item) is a 404 for every signed-in persona.
export const OWN_PROACTIVE_POST_GRID = grid(   'R    R    R    N    N    N    N    N    N    N    N    N    N    N    N    N    N');

// Feedback on the agency's services: its officers and administrators. The content gaps: the catalogue's editors.
export const AGENCY_FEEDBACK_GET_GRID = grid(  'S    S    R    R    R    R    R    R    R    A    A    A    A    R    R    R    R');
export const CATALOGUE_EDITOR_GET_GRID = grid( 'S    S    R    R    R    R    R    R    R    R    R    R    R    R    R    A    R');
export const CATALOGUE_EDITOR_POST_GRID = grid('R    R    R    R    R    R    R    R    R    R    R    R    R    R    R    A    R');
// A draft that does not exist (the matrix saves none): not found for the editor.
export const CATALOGUE_DRAFT_GET_GRID = grid(  'S    S    R    R    R    R    R    R    R    R    R    R    R    R    R    N    R');
export const CATALOGUE_DRAFT_POST_GRID = grid( 'R    R    R    R    R    R    R    R    R    R    R    R    R    R    R    N    R');

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


/** Routes that end the session they are sent with: each persona signs in again after them. */
export const ENDS_SESSION: ReadonlySet<string> = new Set(['/{lang}/sign-out', '/{lang}/sign-out-everywhere']);
