import type { FindRepresentativeFailure, GrantMandateFailure, RevokeMandateFailure } from '../../modules/identity/index.ts';
import type { TextKey } from '../locales/messages.ts';

/** What the representation page says about a refused grant or revocation: message, field and status. */
export interface MandateError {
  readonly key: TextKey;
  readonly field: string;
  readonly status: number;
}

export function grantMandateError(e: GrantMandateFailure | FindRepresentativeFailure): MandateError {
  switch (e.code) {
    case 'identity.mandate_representative_unknown':
      return { key: 'mandateError.representative-unknown', field: e.field, status: 400 };
    case 'identity.mandate_not_allowed':
      return { key: 'mandateError.not-allowed', field: 'representative', status: 403 };
    case 'identity.mandate_self':
      return { key: 'mandateError.self-mandate', field: e.field, status: 400 };
    case 'identity.mandate_dates_invalid':
      return { key: 'mandateError.dates-invalid', field: e.field, status: 400 };
    case 'identity.mandate_scope_empty':
      return { key: 'mandateError.scope-empty', field: e.field, status: 400 };
  }
}

export function revokeMandateError(e: RevokeMandateFailure): MandateError {
  switch (e.code) {
    case 'identity.mandate_not_found':
      return { key: 'mandateError.not-found', field: 'representative', status: 404 };
    case 'identity.mandate_not_allowed':
      return { key: 'mandateError.not-allowed', field: 'representative', status: 403 };
    case 'identity.mandate_already_revoked':
      return { key: 'mandateError.already-revoked', field: 'representative', status: 409 };
  }
}
