import type { GrantStaffFailure, RevokeStaffFailure } from '../../modules/identity/index.ts';
import type { TextKey } from '../locales/messages.ts';

/** What the staff page says about a refused grant or revocation: message, field and status. */
export interface StaffError {
  readonly key: TextKey;
  readonly field: string;
  readonly status: number;
}

export function grantStaffError(e: GrantStaffFailure): StaffError {
  switch (e.code) {
    case 'identity.staff_national_id_invalid':
      return { key: 'staffError.national-id-invalid', field: e.field, status: 400 };
    case 'identity.staff_role_invalid':
      return { key: 'staffError.role-invalid', field: e.field, status: 400 };
    case 'identity.staff_agency_required':
      return { key: 'staffError.agency-required', field: e.field, status: 400 };
    case 'identity.staff_agency_unknown':
      return { key: 'staffError.agency-unknown', field: e.field, status: 400 };
    case 'identity.staff_centre_unknown':
      return { key: 'staffError.centre-unknown', field: e.field, status: 400 };
    case 'identity.staff_not_allowed':
      return { key: 'staffError.not-allowed', field: e.field ?? 'role', status: 403 };
    case 'identity.staff_own_roles':
      return { key: 'staffError.own-roles', field: e.field ?? 'role', status: 403 };
  }
}

export function revokeStaffError(e: RevokeStaffFailure): StaffError {
  switch (e.code) {
    case 'identity.staff_role_not_found':
      return { key: 'staffError.not-found', field: 'role', status: 404 };
    case 'identity.staff_not_allowed':
      return { key: 'staffError.not-allowed', field: 'role', status: 403 };
    case 'identity.staff_own_roles':
      return { key: 'staffError.own-roles', field: 'role', status: 403 };
  }
}
