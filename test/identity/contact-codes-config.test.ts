import { describe, expect, it } from 'vitest';

import { ConfigError, loadConfig } from '../../src/app/config.ts';
import { codeRequestVerdict, DEFAULT_CODE_POLICY, smsDestination } from '../../src/modules/identity/contact-codes.ts';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig({ DATA_DIR: ':memory:', ...env });
    return [];
  } catch (error) {
    return error instanceof ConfigError ? [...error.problems] : [String(error)];
  }
};

describe('configuration of one-time codes', () => {
  it('defaults to Ukrainian numbers only and the documented quotas', () => {
    const policy = loadConfig({ NODE_ENV: 'test', DATA_DIR: ':memory:' }).identity.contactCodes;
    expect(policy).toEqual({ perPersonPerHour: 5, perDestinationPerHour: 3, perClientPerHour: 20, cooldownSeconds: 60, wrongGuessesPerHour: 5, smsCountries: ['UA'] });
  });

  it('reads the countries and quotas, and names a bad value', () => {
    const policy = loadConfig({ NODE_ENV: 'test', DATA_DIR: ':memory:', SMS_ALLOWED_COUNTRIES: 'ua, pl', CODE_COOLDOWN_SECONDS: '30', CODES_PER_PERSON_PER_HOUR: '8' }).identity.contactCodes;
    expect(policy).toMatchObject({ smsCountries: ['UA', 'PL'], cooldownSeconds: 30, perPersonPerHour: 8 });
    expect(problemsOf({ NODE_ENV: 'test', SMS_ALLOWED_COUNTRIES: 'UA,XX' })).toEqual([expect.stringContaining('SMS_ALLOWED_COUNTRIES must list ISO 3166 country codes such as UA,PL (unknown: XX)')]);
    expect(problemsOf({ NODE_ENV: 'test', CODE_WRONG_GUESSES_PER_HOUR: '0' })).toEqual(['CODE_WRONG_GUESSES_PER_HOUR="0" must be a whole number from 1 to 100']);
  });

  it('needs its own CODE_SECRET in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toContain('NODE_ENV=production needs CODE_SECRET: the development code secret is public');
    expect(problemsOf({ NODE_ENV: 'test', CODE_SECRET: 'short' })).toEqual(['CODE_SECRET must be at least 32 characters']);
  });
});

describe('the pure rules', () => {
  const at = (s: number) => new Date(Date.UTC(2026, 11, 3, 10, 0, s));
  it('reports the latest of the limits that bite', () => {
    const now = at(30);
    // The cooldown lets the next code go at 10:01:00; the person's fifth code of the hour holds it until 11:00:00.
    const verdict = codeRequestVerdict({ person: [at(0), at(0), at(0), at(0), at(5)].reverse(), destination: [at(0)], client: [] }, DEFAULT_CODE_POLICY, now);
    expect(verdict).toEqual({ limit: 'person', retryAt: new Date(Date.UTC(2026, 11, 3, 11, 0, 0)) });
    expect(codeRequestVerdict({ person: [at(0)], destination: [at(0)], client: [] }, DEFAULT_CODE_POLICY, at(30))).toEqual({ limit: 'cooldown', retryAt: at(60) });
    expect(codeRequestVerdict({ person: [at(0)], destination: [at(0)], client: [] }, DEFAULT_CODE_POLICY, at(60))).toBeNull();
  });

  it('reads numbers as E.164, a national number as one of the first allowed country', () => {
    expect(smsDestination('(067) 123-45-67', ['UA'])).toEqual({ ok: true, e164: '+380671234567' });
    expect(smsDestination('+48 601 234 567', ['UA'])).toEqual({ ok: false, problem: 'phone-country-not-allowed' });
    expect(smsDestination('+380 67 12', ['UA'])).toEqual({ ok: false, problem: 'phone-invalid' });
  });
});
