/** The contact centre's public surface: calls, identifying callers, the call log, callback requests (see README.md). */
export {
  CALL_OUTCOMES, CALL_TOPICS, CALLBACK_OUTCOMES, callSeconds, type ContactCentrePolicy, DEFAULT_CONTACT_CENTRE_POLICY,
} from './contact-centre.ts';
export * from './contact-centre.errors.ts';
export type { CallbackRecord, CallRecord } from './contact-centre.repository.ts';
export { CALL_CODE_TOPIC } from './call-identification.service.ts';
export { type CallView, type ContactCentreService, createContactCentre, type IdentifiedCaller } from './contact-centre.service.ts';
