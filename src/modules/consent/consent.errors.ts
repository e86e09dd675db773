import { AppError } from '../../kernel/errors.ts';

/** Why a consent could not be given or revoked: one class per code. */

/** No such offer: the portal does not ask for this consent. */
export class ConsentOfferUnknown extends AppError {
  readonly code = 'consent.offer_unknown';

  constructor(readonly offer: string) {
    super(`no consent offer "${offer}"`, { offer });
  }
}
/** Only a person acting for themselves, with a national id registers know them by, gives or revokes their consent. */
export class ConsentNotAllowed extends AppError {
  readonly code = 'consent.not_allowed';

  constructor() {
    super('only the person themselves may give or revoke their consent');
  }
}
/** No consent with this id is the person's. */
export class ConsentNotFound extends AppError {
  readonly code = 'consent.not_found';

  constructor(readonly consentId: string) {
    super('no such consent of this person', { consentId });
  }
}
/** The consent was revoked already. */
export class ConsentAlreadyRevoked extends AppError {
  readonly code = 'consent.already_revoked';

  constructor(readonly consentId: string) {
    super('the consent was revoked already', { consentId });
  }
}

export type GrantConsentFailure = ConsentOfferUnknown | ConsentNotAllowed;
export type RevokeConsentFailure = ConsentNotAllowed | ConsentNotFound | ConsentAlreadyRevoked;
