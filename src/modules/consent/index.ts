/** A person's consents to share their data beyond what the law requires (ADR 0028). */
export { type Consent, type ConsentChannel, type ConsentOffer, type ConsentState, type ConsentWords, DEVELOPMENT_CONSENT_OFFERS, type Recipient } from './consent.ts';
export { ConsentAlreadyRevoked, ConsentNotAllowed, ConsentNotFound, ConsentOfferUnknown, type GrantConsentFailure, type RevokeConsentFailure } from './consent.errors.ts';
export { type ConsentService, createConsentService } from './consent.service.ts';
