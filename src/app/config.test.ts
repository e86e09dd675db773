import { describe, expect, it } from 'vitest';

import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('runs on the embedded database at port 3000 with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: null, publicUrl: 'http://localhost:3000', seedDemo: true });
    expect(config.dataDir).toMatch(/data\/pglite$/);
  });

  it('names every bad value with what would be right', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', PUBLIC_URL: 'not a url', DB_POOL_SIZE: '0' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'PORT="eighty" must be a whole number from 0 to 65535',
        'DATABASE_URL must start with postgres:// or postgresql://',
        'PUBLIC_URL is not a valid URL',
        'DB_POOL_SIZE="0" must be a whole number from 1 to 200',
        'LOG_LEVEL="loud" must be one of: fatal, error, warn, info, debug, trace, silent',
      ]);
    }
  });

  it('waits 20 s for work in flight on SIGTERM unless SHUTDOWN_GRACE_MS says otherwise, up to 10 minutes', () => {
    expect(loadConfig({}).shutdownGraceMs).toBe(20_000);
    expect(loadConfig({ SHUTDOWN_GRACE_MS: '1500' }).shutdownGraceMs).toBe(1500);
    expect(loadConfig({ SHUTDOWN_GRACE_MS: '0' }).shutdownGraceMs).toBe(0);
    expect(() => loadConfig({ SHUTDOWN_GRACE_MS: '600001' })).toThrow('SHUTDOWN_GRACE_MS="600001" must be a whole number from 0 to 600000');
    expect(() => loadConfig({ SHUTDOWN_GRACE_MS: '2s' })).toThrow('SHUTDOWN_GRACE_MS="2s" must be a whole number from 0 to 600000');
  });

  it('takes a PostgreSQL URL and trims the public URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', PUBLIC_URL: 'https://portal.example/' });
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/test');
    expect(config.publicUrl).toBe('https://portal.example');
  });
});

describe('loadConfig in production', () => {
  it('refuses the embedded test eID and the local message stand-ins', () => {
    try {
      loadConfig({ NODE_ENV: 'production', EID_EMBEDDED: 'true' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'EID_EMBEDDED=true is refused with NODE_ENV=production: the embedded eID is a test provider',
        'NODE_ENV=production needs CODE_SECRET: the development code secret is public',
        'NODE_ENV=production needs SMTP_URL and SMS_GATEWAY_URL: local stand-ins are for development only',
        'NODE_ENV=production needs SMS_WEBHOOK_SECRET: the development webhook secret is public',
        'NODE_ENV=production needs SEAL_SECRET: the development seal secret is public',
        'NODE_ENV=production needs PAYMENT_PROVIDER_URL: the payment simulator is for development only',
        'NODE_ENV=production needs AUDIT_SIGNING_KEY: the development audit signing key is public',
        'NODE_ENV=production needs API_TOKEN_SECRET: the development API token secret is public',
      ]);
    }
  });

  it('runs with real providers, no demo data and no embedded eID by default', () => {
    const config = loadConfig({
      NODE_ENV: 'production', PUBLIC_URL: 'https://portal.example.gov.ua', SMTP_URL: 'smtp://mail.example:587', SMS_GATEWAY_URL: 'https://sms.example/messages', SMS_GATEWAY_TOKEN: 't',
      OIDC_PROVIDERS: 'state', OIDC_STATE_ISSUER: 'https://eid.example', OIDC_STATE_CLIENT_ID: 'portal', OIDC_STATE_CLIENT_SECRET: 's',
      SEAL_SECRET: 'a-production-seal-secret-of-32-characters-or-more', PAYMENT_PROVIDER_URL: 'https://pay.example/v1', PAYMENT_API_KEY: 'k', PAYMENT_CALLBACK_SECRET: 'c',
      CODE_SECRET: 'a-production-code-secret-of-32-characters-or-more', SMS_WEBHOOK_SECRET: 'a-production-sms-webhook-secret-of-32-characters',
      AUDIT_SIGNING_KEY: 'a-production-audit-signing-key-of-32-characters', API_TOKEN_SECRET: 'a-production-api-token-secret-of-32-characters',
    });
    expect(config.seedDemo).toBe(false);
    expect(config.cases.payments).toEqual({ id: 'provider', url: 'https://pay.example/v1', apiKey: 'k', callbackSecret: 'c' });
    expect(config.cases.sealSecret).toBe('a-production-seal-secret-of-32-characters-or-more');
    expect(config.audit.signingSecret).toBe('a-production-audit-signing-key-of-32-characters');
    expect(config.identity.embeddedEid).toBeNull();
    // No exchange signing key in production: the security server signs; no EXCHANGE_URL: no registry to ask.
    expect([config.exchange.signingSecret, config.exchange.url]).toEqual([null, null]);
    expect(config.identity.secureCookies).toBe(true);
    expect(config.identity.providers).toMatchObject([{ id: 'state', issuer: 'https://eid.example', staff: true }]);
    // No METRICS_TOKEN: /metrics is a 404 in production.
    expect(config.metrics).toEqual({ token: null, openWithoutToken: false });
  });

  it('refuses a short seal secret and a payment provider without its key and callback secret', () => {
    expect(() => loadConfig({ SEAL_SECRET: 'short' })).toThrow('SEAL_SECRET must be at least 32 characters');
    expect(() => loadConfig({ SMS_WEBHOOK_SECRET: 'short' })).toThrow('SMS_WEBHOOK_SECRET must be at least 32 characters');
    expect(() => loadConfig({ AUDIT_SIGNING_KEY: 'short' })).toThrow('AUDIT_SIGNING_KEY must be at least 32 characters');
    expect(() => loadConfig({ EXCHANGE_SIGNING_KEY: 'short' })).toThrow('EXCHANGE_SIGNING_KEY must be at least 32 characters');
    expect(() => loadConfig({ EXCHANGE_CLIENT: 'UA/GOV/portal' })).toThrow('EXCHANGE_CLIENT must be INSTANCE/CLASS/MEMBER/SUBSYSTEM');
    expect(() => loadConfig({ EXCHANGE_POPULATION_SERVICE: 'UA/GOV/1/population' })).toThrow('EXCHANGE_POPULATION_SERVICE must be INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE');
    expect(() => loadConfig({ EXCHANGE_URL: 'ftp://x' })).toThrow('EXCHANGE_URL must start with http:// or https://');
    expect(() => loadConfig({ PAYMENT_PROVIDER_URL: 'https://pay.example' })).toThrow('PAYMENT_PROVIDER_URL needs PAYMENT_API_KEY and PAYMENT_CALLBACK_SECRET');
  });

  it('names a provider that lacks its settings', () => {
    expect(() => loadConfig({ EID_EMBEDDED: 'false', OIDC_PROVIDERS: 'bank' })).toThrow('identity provider "bank" needs OIDC_BANK_ISSUER, _CLIENT_ID and _CLIENT_SECRET');
  });
});

describe('the metrics endpoint and the backup tools', () => {
  const token = 'a-metrics-token-of-32-characters-or-more';

  it('takes a bearer token of 32 characters or more, and refuses a short one or one with spaces', () => {
    expect(loadConfig({ METRICS_TOKEN: token }).metrics).toEqual({ token, openWithoutToken: true });
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow('METRICS_TOKEN must be at least 32 characters of letters, digits and -._~+/');
    expect(() => loadConfig({ METRICS_TOKEN: `${token} with spaces` })).toThrow('METRICS_TOKEN must be at least 32 characters');
  });

  it('without a token, is open only in development on a loopback address', () => {
    expect(loadConfig({}).metrics).toEqual({ token: null, openWithoutToken: true });
    expect(loadConfig({ HOST: '::1' }).metrics.openWithoutToken).toBe(true);
    expect(loadConfig({ HOST: '0.0.0.0' }).metrics.openWithoutToken).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).metrics.openWithoutToken).toBe(false);
  });

  it('finds pg_dump, pg_restore and psql on the PATH unless PG_BIN_DIR names their folder', () => {
    expect(loadConfig({}).pgBinDir).toBeNull();
    expect(loadConfig({ PG_BIN_DIR: '/usr/lib/postgresql/15/bin/' }).pgBinDir).toBe('/usr/lib/postgresql/15/bin');
  });
});
