import {
  type ActingOption,
  type Basis,
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

/**
 * What a registered API client may be granted (ADR 0026): `applications` (drafts, files, submission,
 * answers to information requests), `cases` (cases, decisions, information requests), `payments`
 * (fees due and paying them), `inbox` (the person's messages) and `appointments` (visits to centres).
 */
export const API_SCOPES = ['applications', 'cases', 'payments', 'inbox', 'appointments'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/**
 * Scopes over what is the person's own rather than a case's (their whole inbox, their visits): only
 * the person's own token (a public client) may use them. A mandate is to act on services' cases, so a
 * partner acting under one is refused (`api.person_only`).
 */
export const PERSON_ONLY_SCOPES: readonly ApiScope[] = ['inbox', 'appointments'];

/**
 * A registered API client calling with an access token: a partner (a bank, a notary, a post office;
 * client credentials, acting for people under their mandates to its organisation) or a public client
 * (a mobile app; a person's token from the authorization code grant with PKCE).
 */
export type ApiCaller =
  | { readonly kind: 'partner'; readonly clientId: string; readonly scopes: readonly ApiScope[]; readonly organisationCode: string }
  | { readonly kind: 'public'; readonly clientId: string; readonly scopes: readonly ApiScope[]; readonly personId: string };

/** What a route needs. Every web and API route declares one (the authorization matrix test checks). */
export type Requirement =
  | { readonly kind: 'public' }
  | { readonly kind: 'signed-in' }
  | { readonly kind: 'staff'; readonly roles: readonly StaffRole[] }
  /** An API client's access token with the scope, acting for one person (a partner names the person; the public client's token is the person's). */
  | { readonly kind: 'api'; readonly scope: ApiScope };

export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly reason: 'sign-in-required' | 'forbidden' };

const ALLOW: Decision = { allowed: true };

export function authorize(actor: Actor, need: Requirement): Decision {
  switch (need.kind) {
    case 'public':
      return ALLOW;
    case 'api':
      return { allowed: false, reason: 'sign-in-required' }; // a browser's session never opens an API route: only an access token does (authorizeApi)
    case 'signed-in':
      return actor.kind === 'person' ? ALLOW : { allowed: false, reason: 'sign-in-required' };
    case 'staff':
      if (actor.kind !== 'person') {
        return { allowed: false, reason: 'sign-in-required' };
      }
      return actor.realm === 'staff' && actor.staff.some((s) => need.roles.includes(s.role)) ? ALLOW : { allowed: false, reason: 'forbidden' };
  }
}

export type ApiDecision =
  | { readonly allowed: true; readonly person: { readonly kind: 'id'; readonly personId: string } | { readonly kind: 'national-id'; readonly nationalId: string } }
  | { readonly allowed: false; readonly status: 400 | 403; readonly code: 'api.scope_missing' | 'api.person_only' | 'api.on_behalf_required' | 'api.on_behalf_not_allowed' | 'api.on_behalf_invalid' };

/**
 * An API client's call against a route's requirement: the token must carry the scope; a partner must
 * name the person it acts for (`X-Portico-On-Behalf-Of`, a national id) and a public client must not
 * (its token is the person's), and a partner may not use a person-only scope (PERSON_ONLY_SCOPES).
 * Whether the partner may act for that person is `partnerBasis`.
 */
export function authorizeApi(caller: ApiCaller, need: Extract<Requirement, { kind: 'api' }>, onBehalfOf: string | null): ApiDecision {
  if (!caller.scopes.includes(need.scope)) {
    return { allowed: false, status: 403, code: 'api.scope_missing' };
  }
  if (caller.kind === 'public') {
    return onBehalfOf === null ? { allowed: true, person: { kind: 'id', personId: caller.personId } } : { allowed: false, status: 400, code: 'api.on_behalf_not_allowed' };
  }
  if (PERSON_ONLY_SCOPES.includes(need.scope)) {
    return { allowed: false, status: 403, code: 'api.person_only' };
  }
  if (onBehalfOf === null) {
    return { allowed: false, status: 400, code: 'api.on_behalf_required' };
  }
  return /^[0-9]{10}$/.test(onBehalfOf) ? { allowed: true, person: { kind: 'national-id', nationalId: onBehalfOf } } : { allowed: false, status: 400, code: 'api.on_behalf_invalid' };
}

/**
 * The basis on which a partner acts for a person: the person's mandates to the partner's organisation
 * in force now (their scopes then limit the services, as for any representative). Null: none.
 *
 * Extension point — consent: sharing that the law does not require will rest on the person's consent
 * to the partner (modules/consent, not part of this policy yet); that second basis is to be decided
 * here, beside the mandate, and nowhere else.
 */
export function partnerBasis(organisationCode: string, personNationalId: string, mandates: readonly Mandate[], at: Date): Extract<Basis, { kind: 'mandate' }> | null {
  const inForce = mandates.filter((m) =>
    m.representativeKind === 'business' && m.representativeNationalId === organisationCode && m.grantor.kind === 'person' && m.grantor.id === personNationalId && isMandateActive(m, at));
  return inForce.length === 0 ? null : { kind: 'mandate', mandates: inForce };
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
