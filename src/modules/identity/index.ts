/** The identity module's public surface. */
export * from './identity.ts';
export * from './identity.policy.ts';
export { ActingNotAllowed, MANDATE_PROBLEMS, MandateRefused, SIGN_IN_REFUSALS, SignInRefused, type MandateProblem, type SignInRefusal } from './identity.errors.ts';
export type { AuthorizationRequest, IdentityProviderConfig, OidcClient, OidcFailure, VerifiedIdentity } from './oidc.port.ts';
export { createSessionsService, type SessionPolicy, type SessionsService, type SignedIn } from './sessions.service.ts';
export type { GrantedMandate } from './relations.repository.ts';
export { createMandatesService, grantorOf, type GrantMandate, type MandatesService } from './mandates.service.ts';
export { openIdClient } from './adapters/openid-client.adapter.ts';
export { registriesRepository, type RegistryData } from './registries.repository.ts';
export {
  CONTACT_PROBLEMS,
  ContactRefused,
  ContactThrottled,
  createContactsService,
  NOTICE_CHANNELS,
  VERIFICATION_TOPIC,
  type ContactChannel,
  type ContactOutcome,
  type ContactProblem,
  type ContactsService,
  type NoticeChannel,
  type VerificationMessage,
} from './contacts.service.ts';
export type { ContactDetails } from './contacts.repository.ts';
export { type CodeLimit, type ContactCodePolicy, DEFAULT_CODE_POLICY, unknownCountries } from './contact-codes.ts';
export { administeredAgencies, createStaffService, NATIONAL_ROLES, STAFF_PROBLEMS, StaffChangeRefused, type GrantRole, type StaffDirectory, type StaffProblem, type StaffService } from './staff.service.ts';
export type { StaffRow } from './staff.repository.ts';
