import type { StaffRole } from '../../modules/identity/index.ts';

/**
 * The staff home: each role a staff member holds with where they hold it (by name, from the
 * catalogue), and a queue per agency where they work on cases. Pure.
 */

export interface StaffRoleIn {
  readonly id: string;
  readonly role: StaffRole;
  readonly agencyId: string | null;
  readonly centreId: string | null;
}

export interface Named {
  readonly id: string;
  readonly name: string;
}

export interface StaffRoleRow {
  readonly id: string;
  readonly role: StaffRole;
  /** The agency's or centre's name; null for a nationwide role. An id the catalogue no longer has is shown as it is. */
  readonly where: string | null;
}

export interface StaffHomeView {
  readonly roles: readonly StaffRoleRow[];
  /** The agencies whose cases this person works on, by name, each with its queue. */
  readonly queues: ReadonlyArray<Named & { readonly running: string | null }>;
}

const CASE_ROLES = ['clerk', 'decision-maker', 'supervisor'];

export function staffHomeView(staff: readonly StaffRoleIn[], agencies: readonly Named[], centres: readonly Named[], queueAgencies: readonly string[], running: ReadonlyMap<string, string>): StaffHomeView {
  const nameOf = (list: readonly Named[], id: string) => list.find((x) => x.id === id)?.name ?? id;
  const roles = staff.map((s) => ({
    id: s.id, role: s.role,
    where: s.agencyId !== null ? nameOf(agencies, s.agencyId) : s.centreId !== null ? nameOf(centres, s.centreId) : null,
  }));
  const caseAgencies = staff.some((s) => CASE_ROLES.includes(s.role)) ? queueAgencies : [];
  const queues = caseAgencies
    .map((id) => ({ id, name: nameOf(agencies, id), running: running.get(id) ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { roles, queues };
}
