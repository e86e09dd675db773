/**
 * Pure rules of one-time codes: the limits on asking for codes and on guessing them, and which
 * mobile numbers may receive an SMS. No I/O: the service reads the times from the database.
 */
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';

/** The limits on one-time codes (from the configuration; `DEFAULT_CODE_POLICY` otherwise). */
export interface ContactCodePolicy {
  /** Codes one person may ask for in an hour, on any channel. */
  readonly perPersonPerHour: number;
  /** Codes one destination (an e-mail address or a mobile number) may receive in an hour. */
  readonly perDestinationPerHour: number;
  /** Codes asked for from one client address in an hour. */
  readonly perClientPerHour: number;
  /** Wait between two codes to the same destination. */
  readonly cooldownSeconds: number;
  /** Wrong codes one person may enter on one channel in an hour, across codes. */
  readonly wrongGuessesPerHour: number;
  /** ISO 3166 country codes whose mobile numbers may receive an SMS. */
  readonly smsCountries: readonly string[];
}

export const DEFAULT_CODE_POLICY: ContactCodePolicy = {
  perPersonPerHour: 5,
  perDestinationPerHour: 3,
  perClientPerHour: 20,
  cooldownSeconds: 60,
  wrongGuessesPerHour: 5,
  smsCountries: ['UA'],
};

export const CODE_WINDOW_MS = 3_600_000;

/** Which limit stopped a request: the three quotas, the cooldown, or wrong guesses. */
export type CodeLimit = 'cooldown' | 'person' | 'destination' | 'client' | 'guesses';

/** Times of recent events, newest first (at most `max` of them are needed). */
export interface RecentTimes {
  readonly person: readonly Date[];
  readonly destination: readonly Date[];
  readonly client: readonly Date[];
}

/**
 * In a sliding window of `windowMs` holding `max` events, when the next may happen: when the
 * `max`-th newest leaves the window. Null when it may happen now.
 */
export function windowOpensAt(newestFirst: readonly Date[], max: number, windowMs: number, now: Date): Date | null {
  const oldest = newestFirst[max - 1];
  if (newestFirst.length < max || oldest === undefined) {
    return null;
  }
  const at = new Date(oldest.getTime() + windowMs);
  return at > now ? at : null;
}

/**
 * Whether a new code may be sent now; if not, which limit stops it and when every limit lets it
 * through (the latest of the limits that bite).
 */
export function codeRequestVerdict(recent: RecentTimes, policy: ContactCodePolicy, now: Date): { limit: CodeLimit; retryAt: Date } | null {
  const last = recent.destination[0];
  const candidates: Array<{ limit: CodeLimit; retryAt: Date | null }> = [
    { limit: 'cooldown', retryAt: windowOpensAt(last ? [last] : [], 1, policy.cooldownSeconds * 1000, now) },
    { limit: 'destination', retryAt: windowOpensAt(recent.destination, policy.perDestinationPerHour, CODE_WINDOW_MS, now) },
    { limit: 'person', retryAt: windowOpensAt(recent.person, policy.perPersonPerHour, CODE_WINDOW_MS, now) },
    { limit: 'client', retryAt: windowOpensAt(recent.client, policy.perClientPerHour, CODE_WINDOW_MS, now) },
  ];
  let worst: { limit: CodeLimit; retryAt: Date } | null = null;
  for (const c of candidates) {
    if (c.retryAt && (!worst || c.retryAt > worst.retryAt)) {
      worst = { limit: c.limit, retryAt: c.retryAt };
    }
  }
  return worst;
}

/** Whether wrong guesses lock the channel now; if so, until when. */
export const guessesLockedUntil = (failuresNewestFirst: readonly Date[], policy: ContactCodePolicy, now: Date): Date | null =>
  windowOpensAt(failuresNewestFirst, policy.wrongGuessesPerHour, CODE_WINDOW_MS, now);

/** Whether every entry is a country libphonenumber knows. */
export const unknownCountries = (countries: readonly string[]): string[] => countries.filter((c) => !isSupportedCountry(c));

/**
 * A mobile number as typed, in E.164 if it is a valid number of an allowed country. A number without
 * a country code is read as a number of the first allowed country.
 */
export function smsDestination(raw: string, allowed: readonly string[]): { ok: true; e164: string } | { ok: false; problem: 'phone-invalid' | 'phone-country-not-allowed' } {
  const home = allowed[0];
  const parsed = parsePhoneNumberFromString(raw.trim(), home !== undefined && isSupportedCountry(home) ? home : undefined);
  if (!parsed?.isValid()) {
    return { ok: false, problem: 'phone-invalid' };
  }
  if (!parsed.country || !allowed.includes(parsed.country)) {
    return { ok: false, problem: 'phone-country-not-allowed' };
  }
  return { ok: true, e164: parsed.number };
}
