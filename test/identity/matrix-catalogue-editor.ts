// The catalogue editor's routes in the authorization matrix (test/identity/matrix-table.ts).
import { CATALOGUE_DRAFT_GET_GRID, CATALOGUE_DRAFT_POST_GRID, CATALOGUE_EDITOR_GET_GRID, CATALOGUE_EDITOR_POST_GRID } from './matrix-rows.ts';
import type { RouteGroup } from './matrix-table.ts';

const EDITORS = { kind: 'staff', roles: ['catalogue-editor'] } as const;

export const CATALOGUE_EDITOR_GROUPS: readonly RouteGroup[] = [
  {
    title: 'searches that found nothing, for the catalogue\'s editors', requirement: EDITORS, method: 'GET', expect: CATALOGUE_EDITOR_GET_GRID,
    routes: ['/{lang}/office/content-gaps'],
  },
  {
    title: 'the catalogue editor: the agency\'s services, a service\'s versions, the edit form, a comparison (no versions named: 400)', requirement: EDITORS, method: 'GET', expect: CATALOGUE_EDITOR_GET_GRID,
    routes: ['/{lang}/office/catalogue', '/{lang}/office/catalogue/:id', '/{lang}/office/catalogue/:id/edit', '/{lang}/office/catalogue/:id/compare'],
  },
  {
    title: 'the catalogue editor saves a draft (the empty form is refused: 400)', requirement: EDITORS, method: 'POST', expect: CATALOGUE_EDITOR_POST_GRID,
    routes: ['/{lang}/office/catalogue/:id/edit'],
  },
  {
    title: 'a draft, its preview, the confirmation before publishing it (none saved here: not found)', requirement: EDITORS, method: 'GET', expect: CATALOGUE_DRAFT_GET_GRID,
    routes: ['/{lang}/office/catalogue/:id/drafts/:number', '/{lang}/office/catalogue/:id/drafts/:number/preview', '/{lang}/office/catalogue/:id/drafts/:number/publish'],
  },
  {
    title: 'publishing a draft (none saved here: not found)', requirement: EDITORS, method: 'POST', expect: CATALOGUE_DRAFT_POST_GRID,
    routes: ['/{lang}/office/catalogue/:id/drafts/:number/publish'],
  },
];
