import { type Actor, canActForService } from '../identity/index.ts';
import type { WorkflowRole } from '../workflow/index.ts';
import type { CaseRecord } from './case.ts';

type PersonActor = Extract<Actor, { kind: 'person' }>;

/**
 * Is the case for the party the actor acts for now? Acting for oneself: one's own cases, and cases a
 * representative filed for one. Acting for a business or another person: that party's cases,
 * whoever filed them (a representative sees the cases of everyone they act for).
 */
export function caseIsForActingParty(actor: PersonActor, c: Pick<CaseRecord, 'party' | 'applicantPersonId'>): boolean {
  const party = actor.acting.party;
  switch (party.kind) {
    case 'self':
      return (c.party.kind === 'self' && c.applicantPersonId === actor.personId) || (c.party.kind === 'person' && actor.nationalId !== null && c.party.id === actor.nationalId);
    case 'business':
    case 'person':
      return c.party.kind === party.kind && c.party.id === party.id;
  }
}

/** May the actor see and act on this case on the applicant's side (answer, pay, withdraw, rate)? */
export function canActOnCase(actor: Actor, c: Pick<CaseRecord, 'party' | 'applicantPersonId' | 'serviceId'>, service: { readonly id: string; readonly thematicArea: string }, at: Date): boolean {
  return actor.kind === 'person' && caseIsForActingParty(actor, c) && canActForService(actor, service, at);
}

/**
 * The workflow roles an officer holds for an agency's cases: a clerk registers, reviews and asks; a
 * decision-maker also decides; a supervisor may do all of it and receives escalations. Only in the
 * staff realm, and only for the agency of the role.
 */
export function caseRolesFor(actor: Actor, organisationId: string): WorkflowRole[] {
  if (actor.kind !== 'person' || actor.realm !== 'staff') {
    return [];
  }
  const roles = new Set<WorkflowRole>();
  for (const s of actor.staff) {
    if (s.agencyId !== organisationId) {
      continue;
    }
    if (s.role === 'clerk') {
      roles.add('clerk');
    } else if (s.role === 'decision-maker') {
      roles.add('clerk').add('decision-maker');
    } else if (s.role === 'supervisor') {
      roles.add('clerk').add('decision-maker').add('supervisor');
    }
  }
  return [...roles];
}

/** The agencies whose case queue the actor may open. */
export function queueAgencies(actor: Actor): string[] {
  if (actor.kind !== 'person' || actor.realm !== 'staff') {
    return [];
  }
  return [...new Set(actor.staff.filter((s) => ['clerk', 'decision-maker', 'supervisor'].includes(s.role) && s.agencyId !== null).map((s) => s.agencyId as string))];
}

/** The agencies whose payments and escalations the actor supervises. */
export function supervisedAgencies(actor: Actor): string[] {
  if (actor.kind !== 'person' || actor.realm !== 'staff') {
    return [];
  }
  return [...new Set(actor.staff.filter((s) => s.role === 'supervisor' && s.agencyId !== null).map((s) => s.agencyId as string))];
}

