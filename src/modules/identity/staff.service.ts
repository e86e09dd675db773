import type { Clock } from '../../kernel/clock.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/database.ts';
import { newId } from '../../platform/security/tokens.ts';
import { STAFF_ROLES, type StaffRole } from './identity.ts';
import {
  type GrantStaffFailure, OwnRoles, type RevokeStaffFailure, StaffAgencyRequired, StaffAgencyUnknown, StaffCentreUnknown, StaffChangeNotAllowed, StaffNationalIdInvalid,
  StaffRoleInvalid, StaffRoleNotFound,
} from './staff.errors.ts';
import { canAdministerStaff, canChangeStaffRolesOf } from './identity.policy.ts';
import { type StaffRow, staffRepository } from './staff.repository.ts';
import type { SignedIn } from './sessions.service.ts';

/** Roles that belong to the whole portal, not to one agency: only a national administrator grants them. */
export const NATIONAL_ROLES: readonly StaffRole[] = ['national-admin', 'catalogue-editor', 'contact-centre'];
/** National roles that may also be held for one agency: a catalogue editor of an agency edits that agency's services only (ADR 0033). */
const AGENCY_OR_NATIONAL: readonly StaffRole[] = ['catalogue-editor'];

export interface GrantRole {
  readonly nationalId: string;
  readonly role: string;
  readonly agencyId: string | null;
  readonly centreId: string | null;
}

/** The agencies a signed-in administrator manages: all (null) for a national administrator. */
export function administeredAgencies(signedIn: SignedIn): readonly string[] | null {
  if (signedIn.actor.realm !== 'staff') {
    return [];
  }
  if (signedIn.staff.some((s) => s.role === 'national-admin')) {
    return null;
  }
  return signedIn.staff.filter((s) => s.role === 'agency-admin' && s.agencyId).map((s) => s.agencyId as string);
}

/** What the catalogue knows: an agency or centre named in a role must be one of its records. */
export interface StaffDirectory {
  organisationExists(id: string): Promise<boolean>;
  centreExists(id: string): Promise<boolean>;
}

export function createStaffService(deps: { db: Database; clock: Clock; directory: StaffDirectory }) {
  const { db, clock, directory } = deps;
  const audit = (signedIn: SignedIn, action: string, subject: string, detail: Record<string, unknown>) => ({
    at: clock.now(), action, outcome: 'done' as const, channel: 'web' as const, actorPersonId: signedIn.person.id, actingFor: null, subject, detail,
  });
  return {
    /** The roles an administrator may see: their agencies', or everyone's for a national administrator. */
    list: (signedIn: SignedIn): Promise<StaffRow[]> => staffRepository.list(db, administeredAgencies(signedIn)),

    /**
     * Grants a role. An agency administrator grants only agency roles within their agency; nobody
     * grants a role to themselves; the agency and centre must be records of the catalogue.
     * @returns err(GrantStaffFailure).
     */
    async grant(signedIn: SignedIn, input: GrantRole): Promise<Result<StaffRow, GrantStaffFailure>> {
      if (!/^\d{10}$/.test(input.nationalId)) {
        return err(new StaffNationalIdInvalid());
      }
      if (!(STAFF_ROLES as readonly string[]).includes(input.role)) {
        return err(new StaffRoleInvalid());
      }
      const role = input.role as StaffRole;
      const national = NATIONAL_ROLES.includes(role) && !(AGENCY_OR_NATIONAL.includes(role) && input.agencyId);
      if (!national && role !== 'front-desk' && !input.agencyId) {
        return err(new StaffAgencyRequired());
      }
      const agencyId = national ? null : input.agencyId;
      const allowed = national ? canAdministerStaff(signedIn.actor, null) : canAdministerStaff(signedIn.actor, agencyId);
      if (!allowed) {
        return err(new StaffChangeNotAllowed('role'));
      }
      if (!canChangeStaffRolesOf(signedIn.actor, input.nationalId)) {
        return err(new OwnRoles('nationalId'));
      }
      if (agencyId !== null && !(await directory.organisationExists(agencyId))) {
        return err(new StaffAgencyUnknown(agencyId));
      }
      const centreId = role === 'front-desk' ? input.centreId : null;
      if (centreId !== null && !(await directory.centreExists(centreId))) {
        return err(new StaffCentreUnknown(centreId));
      }
      const row: StaffRow = { id: newId(), nationalId: input.nationalId, role, agencyId, centreId, grantedAt: clock.now() };
      await db.transaction(async (tx) => {
        await staffRepository.insert(tx, row, signedIn.person.id);
        await appendAudit(tx, audit(signedIn, 'GRANT_STAFF_ROLE', `staff-role:${row.id}`, { nationalId: row.nationalId, role, agencyId, centreId: row.centreId }));
      });
      return ok(row);
    },

    /** Revokes a role at once; the holder's next request no longer carries it. Nobody revokes their own. */
    async revoke(signedIn: SignedIn, id: string): Promise<Result<StaffRow, RevokeStaffFailure>> {
      const row = await staffRepository.byId(db, id);
      if (!row) {
        return err(new StaffRoleNotFound(id));
      }
      if (!canAdministerStaff(signedIn.actor, NATIONAL_ROLES.includes(row.role) && row.agencyId === null ? null : row.agencyId)) {
        return err(new StaffChangeNotAllowed());
      }
      if (!canChangeStaffRolesOf(signedIn.actor, row.nationalId)) {
        return err(new OwnRoles());
      }
      await db.transaction(async (tx) => {
        await staffRepository.revoke(tx, id, signedIn.person.id, clock.now());
        await appendAudit(tx, audit(signedIn, 'REVOKE_STAFF_ROLE', `staff-role:${id}`, { nationalId: row.nationalId, role: row.role }));
      });
      return ok(row);
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
