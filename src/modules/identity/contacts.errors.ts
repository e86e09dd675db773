import { AppError } from '../../kernel/errors.ts';
import type { CodeLimit } from './contact-codes.ts';

/**
 * Why contact details were not changed: one class per code; `field` names the form field it is about.
 * `requestCode`, `confirm` and `savePreferences` answer their own unions.
 */

/** Not an e-mail address. */
export class EmailInvalid extends AppError {
  readonly code = 'identity.contact_email_invalid';
  readonly field = 'email';

  constructor() {
    super('not an e-mail address');
  }
}
/** Not a mobile number. */
export class PhoneInvalid extends AppError {
  readonly code = 'identity.contact_phone_invalid';
  readonly field = 'phone';

  constructor() {
    super('not a mobile number');
  }
}
/** A mobile number of a country codes are not sent to by SMS. */
export class PhoneCountryNotAllowed extends AppError {
  readonly code = 'identity.contact_phone_country_not_allowed';
  readonly field = 'phone';

  constructor() {
    super('codes are not sent to numbers of this country');
  }
}
/** No code was sent for the channel, or the latest was used already. */
export class NothingToVerify extends AppError {
  readonly code = 'identity.contact_nothing_to_verify';
  readonly field = 'code';

  constructor() {
    super('no code waiting to be entered');
  }
}
/** The latest code sent has expired. */
export class CodeExpired extends AppError {
  readonly code = 'identity.contact_code_expired';
  readonly field = 'code';

  constructor() {
    super('the code has expired');
  }
}
/** Not the code sent. */
export class CodeWrong extends AppError {
  readonly code = 'identity.contact_code_wrong';
  readonly field = 'code';

  constructor() {
    super('not the code sent');
  }
}
/** Notices by e-mail or SMS chosen before the address was confirmed. */
export class ChannelUnverified extends AppError {
  readonly code = 'identity.contact_channel_unverified';
  readonly field = 'noticeChannels';

  constructor(readonly channel: 'email' | 'sms') {
    super(`notices by ${channel} need a confirmed address`, { channel });
  }
}

/**
 * A code asked for or guessed too often: `limit` says which limit, `retryAt` when every limit lets
 * it through, `waitSeconds` how long that is from the refusal.
 */
export class ContactThrottled extends AppError {
  readonly code = 'identity.contact_throttled';
  readonly waitSeconds: number;

  constructor(readonly limit: CodeLimit, readonly retryAt: Date, now: Date, readonly field: string) {
    super(`contact throttled: ${limit}`, { limit, retryAt: retryAt.toISOString(), field });
    this.waitSeconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  }
}

/** Why an address could not be used: by its form, or its country for SMS. */
export type AddressRefused = EmailInvalid | PhoneInvalid | PhoneCountryNotAllowed;
/** Why no code was sent. */
export type RequestCodeFailure = AddressRefused | ContactThrottled;
/** Why a code was not accepted. */
export type ConfirmCodeFailure = NothingToVerify | CodeExpired | CodeWrong | ContactThrottled;
/** Why preferences were not saved. */
export type SavePreferencesFailure = ChannelUnverified;
/** A refusal the contacts page shows beside a field (every failure but throttling). */
export type ContactRefusal = AddressRefused | NothingToVerify | CodeExpired | CodeWrong | ChannelUnverified;
