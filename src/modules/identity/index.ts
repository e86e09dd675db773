/** The identity module's public surface. */
import type { Queryable } from '../../platform/db/database.ts';
import { relationsRepository } from './relations.repository.ts';
export * from './identity.ts';
export * from './identity.policy.ts';
export {
  ActingNotAllowed, type FindRepresentativeFailure, type GrantMandateFailure, MandateAlreadyRevoked, RepresentativeUnknown, MandateDatesInvalid, MandateNotAllowed, MandateNotFound, MandateScopeEmpty, type RevokeMandateFailure,
  SelfMandate, type BeginSignInFailure, type CompleteSignInFailure, SignInAssuranceTooLow, SignInBrowserMismatch, SignInCodeRejected, SignInExpired, SignInNotStaff, SignInProviderError,
  SignInProviderUnknown, SignInProviderUnreachable, SignInRateLimited, SignInStateMismatch, SignInStateUnknown, SignInTokenInvalid, StaffSignInNotOffered,
} from './identity.errors.ts';
export type { AuthorizationRequest, IdentityProviderConfig, OidcClient, OidcFailure, VerifiedIdentity } from './oidc.port.ts';
export { createSessionsService, type SessionPolicy, type SessionsService, type SignedIn } from './sessions.service.ts';
export type { GrantedMandate } from './relations.repository.ts';
/** A parent's children in the population register (tax number, name, date of birth), read inside the caller's transaction. */
export const registeredChildren = (q: Queryable, parentNationalId: string) => relationsRepository.childrenOf(q, parentNationalId);
export { createMandatesService, grantorOf, type GrantMandate, type MandatesService } from './mandates.service.ts';
export { type Caller, type Callers, createCallers } from './callers.service.ts';
export { createPhoneHolders, type PhoneHolder, type PhoneHolders } from './phone-holders.service.ts';
export { openIdClient } from './adapters/openid-client.adapter.ts';
export { registriesRepository, type RegistryData } from './registries.repository.ts';
export {
  type AddressRefused, ChannelUnverified, CodeExpired, CodeWrong, type ConfirmCodeFailure, type ContactRefusal, ContactThrottled, EmailInvalid, NothingToVerify, PhoneCountryNotAllowed, PhoneInvalid,
  type RequestCodeFailure, type SavePreferencesFailure,
} from './contacts.errors.ts';
export {
  createContactsService,
  NOTICE_CHANNELS,
  VERIFICATION_TOPIC,
  type ContactChannel,
  type ContactOutcome,
  type ContactsService,
  type NoticeChannel,
  parseVerificationMessage,
  type VerificationMessage,
} from './contacts.service.ts';
export type { ContactDetails } from './contacts.repository.ts';
export { type CodeLimit, type ContactCodePolicy, DEFAULT_CODE_POLICY, smsDestination, unknownCountries } from './contact-codes.ts';
export { administeredAgencies, createStaffService, NATIONAL_ROLES, type GrantRole, type StaffDirectory, type StaffService } from './staff.service.ts';
export * from './staff.errors.ts';
export type { StaffRow } from './staff.repository.ts';
export { assistedApplicants, type RegisteredPerson } from './assisted-applicants.repository.ts';
export { createVisitors, type Visitors } from './visitors.service.ts';
export { type ApiPrincipals, createApiPrincipals } from './api-principals.service.ts';
