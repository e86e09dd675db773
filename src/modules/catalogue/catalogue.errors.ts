import { AppError } from '../../kernel/errors.ts';
import type { RecordIssue } from './catalogue-references.ts';

/** An import whose records are inconsistent with each other or with the catalogue. Nothing was written. */
export class CatalogueImportRejected extends AppError {
  readonly code = 'catalogue.import_rejected';

  constructor(readonly issues: readonly RecordIssue[]) {
    super(`catalogue import rejected: ${issues.length} problem(s)`, { count: issues.length });
  }
}
