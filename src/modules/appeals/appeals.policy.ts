/** Pure: which officers see, route and answer an appeal. */
import type { Actor } from '../identity/index.ts';
import type { AppealRecord } from './appeal.ts';

/** The agencies whose appeals the actor answers: those where they are a clerk, decision-maker or supervisor. */
export function answerableAgencies(actor: Actor): string[] {
  if (actor.kind !== 'person' || actor.realm !== 'staff') {
    return [];
  }
  return [...new Set(actor.staff.filter((s) => ['clerk', 'decision-maker', 'supervisor'].includes(s.role) && s.agencyId !== null).map((s) => s.agencyId as string))];
}

/** Who works the triage list (appeals naming no agency): the contact centre, national administrators and any agency's supervisor. */
export function mayTriage(actor: Actor): boolean {
  return actor.kind === 'person' && actor.realm === 'staff' && actor.staff.some((s) => s.role === 'contact-centre' || s.role === 'national-admin' || s.role === 'supervisor');
}

/** An officer of the appeal's agency answers it (and extends its term). */
export const mayAnswer = (actor: Actor, a: Pick<AppealRecord, 'organisationId'>): boolean => a.organisationId !== null && answerableAgencies(actor).includes(a.organisationId);

/** An appeal in triage is routed by those who triage; one in an agency is sent on (misrouted) by that agency's supervisors. */
export function mayAssign(actor: Actor, a: Pick<AppealRecord, 'organisationId'>): boolean {
  if (a.organisationId === null) {
    return mayTriage(actor);
  }
  return actor.kind === 'person' && actor.realm === 'staff' && actor.staff.some((s) => s.role === 'supervisor' && s.agencyId === a.organisationId);
}
