import {
  type ActingOption,
  type Mandate,
  type MandateScope,
  type Realm,
  type StaffAssignment,
  type StaffRole,
  isMandateActive,
} from './identity.ts';

/** Who is asking. */
export type Actor =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'person';
      readonly personId: string;
      readonly nationalId: string | null;
      readonly realm: Realm;
      readonly acting: ActingOption;
      readonly staff: readonly StaffAssignment[];
    };

/** What a route needs. Every web and API route declares one (the authorization matrix test checks). */
export type Requirement =
  | { readonly kind: 'public' }
  | { readonly kind: 'signed-in' }
  | { readonly kind: 'staff'; readonly roles: readonly StaffRole[] };

export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly reason: 'sign-in-required' | 'forbidden' };

const ALLOW: Decision = { allowed: true };

export function authorize(actor: Actor, need: Requirement): Decision {
  switch (need.kind) {
    case 'public':
      return ALLOW;
    case 'signed-in':
      return actor.kind === 'person' ? ALLOW : { allowed: false, reason: 'sign-in-required' };
    case 'staff':
      if (actor.kind !== 'person') {
        return { allowed: false, reason: 'sign-in-required' };
      }
      return actor.realm === 'staff' && actor.staff.some((s) => need.roles.includes(s.role)) ? ALLOW : { allowed: false, reason: 'forbidden' };
  }
}

/** Does a mandate's scope cover a service (by id and thematic area)? */
export function scopeCovers(scope: MandateScope, service: { readonly id: string; readonly thematicArea: string }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'services':
      return scope.serviceIds.includes(service.id);
    case 'thematic':
      return scope.thematicArea === service.thematicArea;
  }
}

/**
 * May the actor act on the represented party's behalf for this service, now? Acting for oneself,
 * a business one directs or a minor child covers every service; a mandate only its scope and dates.
 */
export function canActForService(actor: Actor, service: { readonly id: string; readonly thematicArea: string }, at: Date): boolean {
  if (actor.kind !== 'person') {
    return false;
  }
  const basis = actor.acting.basis;
  switch (basis.kind) {
    case 'self':
    case 'director':
    case 'parent':
      return true;
    case 'mandate':
      return basis.mandates.some((m) => isMandateActive(m, at) && scopeCovers(m.scope, service));
  }
}

/** A mandate may be revoked by whoever may grant it for that grantor: the person, or a director of the business. */
export function canManageMandatesOf(actor: Actor, grantor: Mandate['grantor']): boolean {
  if (actor.kind !== 'person') {
    return false;
  }
  const basis = actor.acting.basis;
  if (grantor.kind === 'person') {
    return actor.acting.party.kind === 'self' && actor.nationalId === grantor.id;
  }
  return basis.kind === 'director' && actor.acting.party.kind === 'business' && actor.acting.party.id === grantor.id;
}

/** Staff administration: a national administrator for any agency; an agency administrator for their own. */
export function canAdministerStaff(actor: Actor, agencyId: string | null): boolean {
  if (actor.kind !== 'person' || actor.realm !== 'staff') {
    return false;
  }
  return actor.staff.some((s) => s.role === 'national-admin' || (s.role === 'agency-admin' && agencyId !== null && s.agencyId === agencyId));
}

/**
 * May the actor change the staff roles held by `holderNationalId`? Never their own: nobody grants,
 * widens, changes or revokes a role of their own, whatever roles they hold.
 */
export function canChangeStaffRolesOf(actor: Actor, holderNationalId: string): boolean {
  return actor.kind === 'person' && actor.nationalId !== null && actor.nationalId !== holderNationalId;
}

/** The channels on which staff file an application for a person (assisted filing). */
export const ASSISTED_CHANNELS = ['post', 'in-person', 'phone'] as const;
export type AssistedChannel = (typeof ASSISTED_CHANNELS)[number];

/** The staff role that files on each assisted channel: the post room's clerks, a centre's front desk, the contact centre's operators. */
export const ASSISTED_ROLE = { post: 'clerk', 'in-person': 'front-desk', phone: 'contact-centre' } as const satisfies Record<AssistedChannel, StaffRole>;

/**
 * The staff assignment under which the actor may file an application on `channel` for the service:
 * a clerk of the service's agency (post), a front-desk officer of a centre that offers the service
 * (in person), any contact-centre operator (phone). Null: not allowed. Only in the staff realm.
 */
export function assistedFilingAssignment(actor: Actor, channel: AssistedChannel, service: { readonly organisationId: string; readonly centreIds: readonly string[] }): StaffAssignment | null {
  if (actor.kind !== 'person' || actor.realm !== 'staff') {
    return null;
  }
  const role = ASSISTED_ROLE[channel];
  return actor.staff.find((s) => s.role === role && (
    channel === 'post' ? s.agencyId === service.organisationId
      : channel === 'in-person' ? s.centreId !== null && service.centreIds.includes(s.centreId)
        : true)) ?? null;
}

/** The assisted channels the actor's roles open at all (which services each covers is `assistedFilingAssignment`). */
export function assistedChannelsOf(actor: Actor): AssistedChannel[] {
  if (actor.kind !== 'person' || actor.realm !== 'staff') {
    return [];
  }
  return ASSISTED_CHANNELS.filter((c) => actor.staff.some((s) => s.role === ASSISTED_ROLE[c]));
}

/** A contact-centre operator signed in to the staff realm. */
export function isContactCentreOperator(actor: Actor): actor is Extract<Actor, { kind: 'person' }> {
  return actor.kind === 'person' && actor.realm === 'staff' && actor.staff.some((s) => s.role === 'contact-centre');
}

/**
 * May the actor work on this call (identify the caller, see their cases, log it, ask for a callback)?
 * Only the operator who took it: a call carries a caller's personal data for that conversation only.
 */
export function canHandleCall(actor: Actor, call: { readonly operatorPersonId: string }): boolean {
  return isContactCentreOperator(actor) && actor.personId === call.operatorPersonId;
}

/** May the actor record the outcome of a callback? Only the operator who took it from the queue, while it is open. */
export function canCompleteCallback(actor: Actor, callback: { readonly claimedBy: string | null; readonly doneAt: Date | null }): boolean {
  return isContactCentreOperator(actor) && callback.claimedBy === actor.personId && callback.doneAt === null;
}
