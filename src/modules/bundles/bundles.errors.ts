import { AppError } from '../../kernel/errors.ts';
import type { AnswerIssue } from '../forms/index.ts';

/** No life event with this id offers a bundle (or one of its member services is gone from the catalogue). */
export class BundleNotOffered extends AppError {
  readonly code = 'bundles.not_offered';

  constructor(readonly eventId: string) {
    super(`life event "${eventId}" has no bundle`, { eventId });
  }
}

/** The bundle is not for the kind of party the person acts for. */
export class BundleAudienceMismatch extends AppError {
  readonly code = 'bundles.audience';

  constructor(readonly eventId: string) {
    super(`the bundle of "${eventId}" is not for this kind of party`, { eventId });
  }
}

/** No such bundle of the person's. */
export class BundleNotFound extends AppError {
  readonly code = 'bundles.not_found';

  constructor(readonly bundleId: string) {
    super(`no bundle "${bundleId}"`, { bundleId });
  }
}

/** The applicant did not confirm the declaration. */
export class BundleDeclarationRequired extends AppError {
  readonly code = 'bundles.declaration_required';

  constructor() {
    super('the declaration was not confirmed');
  }
}

/** Answers missing or wrong. */
export class BundleAnswersIncomplete extends AppError {
  readonly code = 'bundles.incomplete';

  constructor(readonly issues: readonly AnswerIssue[]) {
    super(`${issues.length} answer(s) missing or wrong`, { issues: issues.length });
  }
}

export type BundleSubmitFailure = BundleNotOffered | BundleAudienceMismatch | BundleDeclarationRequired | BundleAnswersIncomplete;
