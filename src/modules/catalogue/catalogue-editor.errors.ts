import { AppError, type FieldIssue } from '../../kernel/errors.ts';

/** No such service or draft, or one of an agency the editor does not edit (not revealed). */
export class CatalogueDraftNotFound extends AppError {
  readonly code = 'catalogue.draft_not_found';

  constructor() {
    super('no such service or draft for this editor');
  }
}

/** The record fails the catalogue's JSON Schema or its reference checks (the import's rules). Nothing was saved. */
export class CatalogueDraftInvalid extends AppError {
  readonly code = 'catalogue.draft_invalid';

  constructor(readonly issues: readonly FieldIssue[]) {
    super(`the draft has ${issues.length} problem(s)`, { count: issues.length });
  }
}

/** Four eyes: the author of a draft cannot publish it; another editor with the publishing right must. */
export class CatalogueOwnDraft extends AppError {
  readonly code = 'catalogue.four_eyes';

  constructor() {
    super('the author of a draft cannot publish it');
  }
}

/** The draft was published already. */
export class CatalogueDraftPublished extends AppError {
  readonly code = 'catalogue.draft_published';

  constructor() {
    super('the draft is published already');
  }
}

/** Another version was published since the draft was edited from its base: publishing it would undo that one. */
export class CatalogueDraftStale extends AppError {
  readonly code = 'catalogue.draft_stale';

  constructor(readonly baseVersion: number, readonly currentVersion: number) {
    super('the draft was edited from a version that is no longer current', { baseVersion, currentVersion });
  }
}

export type SaveDraftFailure = CatalogueDraftNotFound | CatalogueDraftInvalid;
export type PublishFailure = CatalogueDraftNotFound | CatalogueOwnDraft | CatalogueDraftPublished | CatalogueDraftStale | CatalogueDraftInvalid;
