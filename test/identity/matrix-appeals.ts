/** The authorization matrix's rows for citizens' appeals in the back office: the list, one appeal, and acting on it. */
import { APPEAL_STAFF, APPEAL_STAFF_GET_GRID, APPEAL_STAFF_HIDDEN_GET_GRID, APPEAL_STAFF_HIDDEN_POST_GRID } from './matrix-rows.ts';
import type { RouteGroup } from './matrix-table.ts';

export const APPEAL_OFFICE_GROUPS: readonly RouteGroup[] = [
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
];
