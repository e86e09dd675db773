import { AppError } from '../../kernel/errors.ts';

/** Why a staff role was not granted or revoked: one class per code; `grant` and `revoke` answer their own unions. */

/** A national id that is not ten digits. */
export class StaffNationalIdInvalid extends AppError {
  readonly code = 'identity.staff_national_id_invalid';
  readonly field = 'nationalId';

  constructor() {
    super('a national id is ten digits');
  }
}
/** No such staff role. */
export class StaffRoleInvalid extends AppError {
  readonly code = 'identity.staff_role_invalid';
  readonly field = 'role';

  constructor() {
    super('no such role');
  }
}
/** An agency role without its agency. */
export class StaffAgencyRequired extends AppError {
  readonly code = 'identity.staff_agency_required';
  readonly field = 'agencyId';

  constructor() {
    super('the role needs an agency');
  }
}
/** The administrator may not grant or revoke this role (`field`: the input at fault, if one is). */
export class StaffChangeNotAllowed extends AppError {
  readonly code = 'identity.staff_not_allowed';

  constructor(readonly field: string | null = null) {
    super('not allowed to change this role', { field });
  }
}
/** Nobody changes their own roles. */
export class OwnRoles extends AppError {
  readonly code = 'identity.staff_own_roles';

  constructor(readonly field: string | null = null) {
    super('one\'s own roles', { field });
  }
}
/** The agency is no organisation of the catalogue. */
export class StaffAgencyUnknown extends AppError {
  readonly code = 'identity.staff_agency_unknown';
  readonly field = 'agencyId';

  constructor(readonly agencyId: string) {
    super(`no agency "${agencyId}"`, { agencyId });
  }
}
/** The centre is no centre of the catalogue. */
export class StaffCentreUnknown extends AppError {
  readonly code = 'identity.staff_centre_unknown';
  readonly field = 'centreId';

  constructor(readonly centreId: string) {
    super(`no centre "${centreId}"`, { centreId });
  }
}
/** No such role grant. */
export class StaffRoleNotFound extends AppError {
  readonly code = 'identity.staff_role_not_found';

  constructor(readonly id: string) {
    super(`no staff role "${id}"`, { id });
  }
}

export type GrantStaffFailure = StaffNationalIdInvalid | StaffRoleInvalid | StaffAgencyRequired | StaffChangeNotAllowed | OwnRoles | StaffAgencyUnknown | StaffCentreUnknown;
export type RevokeStaffFailure = StaffRoleNotFound | StaffChangeNotAllowed | OwnRoles;
