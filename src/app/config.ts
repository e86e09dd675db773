import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';

import { type ApiConfig, apiConfig } from './config-api.ts';
import { type ExchangeConfig, exchangeConfig } from './config-exchange.ts';
import { type MetricsConfig, metricsConfig } from './config-metrics.ts';
import { trustProxyOf } from './config-proxy.ts';
import { DEVELOPMENT_AUDIT_SIGNING_KEY } from '../platform/audit/signing-key.ts';
import { type ContactCentrePolicy, DEFAULT_CONTACT_CENTRE_POLICY } from '../modules/contact-centre/index.ts';
import { type ContactCodePolicy, DEFAULT_CODE_POLICY, type IdentityProviderConfig, unknownCountries } from '../modules/identity/index.ts';

/** Everything the portal reads from the environment, validated once at start. */
export interface Config {
  readonly env: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string;
  readonly databaseUrl: string | null;
  /**
   * READ_DATABASE_URL: a streaming replica of DATABASE_URL for reads that tolerate lag (ADR 0018);
   * null: every read goes to DATABASE_URL. READ_REPLICA_WAIT_MS: how long a read by someone who has
   * just written waits for the replica to replay their write before it reads the primary instead (100).
   */
  readonly readReplica: { readonly url: string; readonly waitMs: number } | null;
  /** TRUST_PROXY: which proxies' X-Forwarded-For to believe for the client's address (Fastify's trustProxy). */
  readonly trustProxy: boolean | number | string[];
  readonly dataDir: string | null;
  readonly dbPoolSize: number;
  /** SEARCH_GAP_INTERVAL_MS: how long the counts of searches that found nothing wait to be written together (ADR 0038). */
  readonly searchGapIntervalMs: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly seedDemo: boolean;
  readonly identity: IdentityConfig;
  readonly channels: ChannelsConfig;
  /** The outbox worker: OUTBOX_BATCH_SIZE rows per claim, OUTBOX_CONCURRENCY batches in flight per process. */
  readonly outbox: { readonly batchSize: number; readonly concurrency: number };
  readonly cases: CasesConfig;
  /** The contact centre's limits and service standard (CALLBACK_WORKING_DAYS: a callback is due within that many working days; 2 unless set). */
  readonly contactCentre: ContactCentrePolicy;
  /** The audit log's signed checkpoints (ADR 0016). */
  readonly audit: AuditConfig;
  /** The exchange with the base registries (ADR 0024). */
  readonly exchange: ExchangeConfig;
  /**
   * SHUTDOWN_GRACE_MS: on SIGTERM or SIGINT, how long to wait for requests, outbox deliveries and jobs
   * in flight before cutting them (src/app/shutdown.ts); 20 s, inside the 30 s orchestrators give.
   */
  readonly shutdownGraceMs: number;
  /** The metrics endpoint, /metrics (docs/operations.md). */
  readonly metrics: MetricsConfig;
  /** The open API's access tokens (ADR 0026). */
  readonly api: ApiConfig;
  /** PG_BIN_DIR: the folder holding pg_dump, pg_restore and psql for `npm run backup` and `restore`; null: found on the PATH. */
  readonly pgBinDir: string | null;
}

export interface AuditConfig {
  /** AUDIT_SIGNING_KEY: the secret the Ed25519 key signing checkpoints is derived from (32 characters or more). */
  readonly signingSecret: string;
  /** AUDIT_SEAL_INTERVAL_MS: how often the sealer seals committed entries and signs a checkpoint of the grown tree; 0 turns it off. */
  readonly sealIntervalMs: number;
}

/** Applications and cases: the agencies' seal, attachment storage, the payment provider, the deadline jobs. */
export interface CasesConfig {
  /** Each agency's Ed25519 seal is derived from this secret (SEAL_SECRET). */
  readonly sealSecret: string;
  /** ATTACHMENTS_DIR: keep attachment contents as files there; in the database when null. */
  readonly attachmentsDir: string | null;
  /** Per party (the represented party, else the person): open drafts (APPLICATION_MAX_OPEN_DRAFTS) and megabytes of files in progress (APPLICATION_MAX_STORED_MB). */
  readonly quotas: { readonly openDrafts: number; readonly storedMb: number };
  /** The payment provider; null: the local simulator (never in production). */
  readonly payments: { readonly id: string; readonly url: string; readonly apiKey: string; readonly callbackSecret: string } | null;
  /** Where the local payment simulator listens (PAYMENT_SIMULATOR_PORT). */
  readonly paymentSimulatorPort: number;
  /** How often the deadline jobs (silent consent, reminders), the collection reminders and draft clean-up run; 0 turns them off. */
  readonly jobIntervalSeconds: number;
  /** DECISION_BY_POST_AFTER_WORKING_DAYS: a decision nobody opened or downloaded in the inbox within this many working days goes by post. */
  readonly decisionByPostAfterWorkingDays: number;
  /** COLLECTION_REMINDER_AFTER_WORKING_DAYS: a result still awaiting collection after this many working days gets one reminder. */
  readonly collectionReminderAfterWorkingDays: number;
}

/** Development only: a fixed, public secret, so that documents sealed in a demo verify after a restart. */
export const DEVELOPMENT_SEAL_SECRET = 'portico-development-seal-secret-not-for-production';

/** Outside delivery: real providers, or (outside production) local stand-ins when none is configured. */
export interface ChannelsConfig {
  readonly smtp: { readonly url: string; readonly from: string } | null;
  readonly sms: { readonly url: string; readonly token: string; readonly sender: string } | null;
  /** SMTP_MAX_CONNECTIONS: connections the pooled SMTP transport keeps open. */
  readonly smtpConnections: number;
  /** SMS_GATEWAY_BATCH_SIZE: SMS per request of the gateway's batch call; 1 for a gateway without it. */
  readonly smsBatchSize: number;
  /** SMS_WEBHOOK_SECRET: the HMAC key the SMS gateway signs incoming messages and delivery receipts with. */
  readonly smsWebhookSecret: string;
  readonly localSinks: boolean;
}

export type IdentityProviderSetting = IdentityProviderConfig;

export interface IdentityConfig {
  /** Run the test eID providers inside the portal process (never in production). */
  readonly embeddedEid: { readonly statePort: number; readonly bankPort: number } | null;
  readonly providers: readonly IdentityProviderSetting[];
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
  readonly secureCookies: boolean;
  /** Limits on one-time codes for contact details (CODES_PER_…, CODE_COOLDOWN_SECONDS, SMS_ALLOWED_COUNTRIES). */
  readonly contactCodes: ContactCodePolicy;
  /** One-time codes are derived from this secret and never stored (CODE_SECRET). */
  readonly codeSecret: string;
}

/** Development only: a fixed, public secret for the SMS gateway's webhooks (the simulator signs with it). */
export const DEVELOPMENT_SMS_WEBHOOK_SECRET = 'portico-development-sms-webhook-secret-not-for-production';

/** Development only: a fixed, public secret for one-time codes. */
export const DEVELOPMENT_CODE_SECRET = 'portico-development-code-secret-not-for-production';

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads and checks the configuration; every bad value is named with what would be right. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const v = env[name];
    if (v === undefined || v === '') {
      return fallback;
    }
    if ((allowed as readonly string[]).includes(v)) {
      return v as T;
    }
    problems.push(`${name}="${v}" must be one of: ${allowed.join(', ')}`);
    return fallback;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const v = env[name];
    if (v === undefined || v === '') {
      return fallback;
    }
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < min || n > max) {
      problems.push(`${name}="${v}" must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return n;
  };
  const url = (name: string, protocols: readonly string[]): string | null => {
    const v = env[name];
    if (v === undefined || v === '') {
      return null;
    }
    try {
      const parsed = new URL(v);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
      }
      return v;
    } catch {
      problems.push(`${name} is not a valid URL`);
      return null;
    }
  };

  const nodeEnv = oneOf('NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const port = int('PORT', 3000, 0, 65535);
  const host = env['HOST'] || '127.0.0.1';
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const publicUrl = (url('PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const dataDirRaw = env['DATA_DIR'] || './data/pglite';
  const config: Config = {
    env: nodeEnv, host, port,
    publicUrl,
    databaseUrl,
    readReplica: readReplicaOf(url('READ_DATABASE_URL', ['postgres:', 'postgresql:']), databaseUrl, problems, int),
    trustProxy: trustProxyOf(env['TRUST_PROXY'], problems),
    dataDir: dataDirRaw === ':memory:' ? null : resolve(dataDirRaw),
    dbPoolSize: int('DB_POOL_SIZE', 10, 1, 200),
    searchGapIntervalMs: int('SEARCH_GAP_INTERVAL_MS', 1000, 10, 3_600_000),
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    seedDemo: oneOf('SEED_DEMO', ['true', 'false'] as const, nodeEnv === 'production' ? 'false' : 'true') === 'true',
    identity: identityConfig(env, nodeEnv, publicUrl, problems, int),
    channels: channelsConfig(env, nodeEnv, problems, url, int),
    outbox: { batchSize: int('OUTBOX_BATCH_SIZE', 10, 1, 1000), concurrency: int('OUTBOX_CONCURRENCY', 1, 1, 64) },
    cases: casesConfig(env, nodeEnv, problems, url, int),
    contactCentre: { ...DEFAULT_CONTACT_CENTRE_POLICY, callbackWorkingDays: int('CALLBACK_WORKING_DAYS', DEFAULT_CONTACT_CENTRE_POLICY.callbackWorkingDays, 1, 30) },
    audit: auditConfig(env, nodeEnv, problems, int),
    exchange: exchangeConfig(env, nodeEnv, problems, url, int),
    shutdownGraceMs: int('SHUTDOWN_GRACE_MS', 20_000, 0, 600_000),
    metrics: metricsConfig(env, { nodeEnv, host }, problems),
    api: apiConfig(env, nodeEnv, problems, int),
    pgBinDir: env['PG_BIN_DIR'] ? resolve(env['PG_BIN_DIR']) : null,
  };
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return config;
}

function readReplicaOf(readUrl: string | null, databaseUrl: string | null, problems: string[], int: (name: string, fallback: number, min: number, max: number) => number): Config['readReplica'] {
  const waitMs = int('READ_REPLICA_WAIT_MS', 100, 0, 10_000);
  if (readUrl === null) {
    return null;
  }
  if (databaseUrl === null) {
    problems.push('READ_DATABASE_URL needs DATABASE_URL: a replica follows a PostgreSQL primary (embedded PGlite has none)');
    return null;
  }
  return { url: readUrl, waitMs };
}

function auditConfig(env: Env, nodeEnv: Config['env'], problems: string[], int: (name: string, fallback: number, min: number, max: number) => number): AuditConfig {
  const secret = env['AUDIT_SIGNING_KEY'] ?? '';
  if (secret !== '' && secret.length < 32) {
    problems.push('AUDIT_SIGNING_KEY must be at least 32 characters');
  }
  if (nodeEnv === 'production' && secret === '') {
    problems.push('NODE_ENV=production needs AUDIT_SIGNING_KEY: the development audit signing key is public');
  }
  return { signingSecret: secret || DEVELOPMENT_AUDIT_SIGNING_KEY, sealIntervalMs: int('AUDIT_SEAL_INTERVAL_MS', 1000, 0, 3_600_000) };
}

function channelsConfig(env: Env, nodeEnv: Config['env'], problems: string[], url: (name: string, protocols: readonly string[]) => string | null, int: (name: string, fallback: number, min: number, max: number) => number): ChannelsConfig {
  const smtpUrl = url('SMTP_URL', ['smtp:', 'smtps:']);
  const smsUrl = url('SMS_GATEWAY_URL', ['http:', 'https:']);
  if (smsUrl && !env['SMS_GATEWAY_TOKEN']) {
    problems.push('SMS_GATEWAY_URL needs SMS_GATEWAY_TOKEN');
  }
  if (nodeEnv === 'production' && (!smtpUrl || !smsUrl)) {
    problems.push('NODE_ENV=production needs SMTP_URL and SMS_GATEWAY_URL: local stand-ins are for development only');
  }
  const smsWebhookSecret = env['SMS_WEBHOOK_SECRET'] ?? '';
  if (smsWebhookSecret !== '' && smsWebhookSecret.length < 32) {
    problems.push('SMS_WEBHOOK_SECRET must be at least 32 characters');
  }
  if (nodeEnv === 'production' && smsWebhookSecret === '') {
    problems.push('NODE_ENV=production needs SMS_WEBHOOK_SECRET: the development webhook secret is public');
  }
  return {
    smtp: smtpUrl ? { url: smtpUrl, from: env['MAIL_FROM'] || 'Portico <no-reply@portal.example.gov.ua>' } : null,
    sms: smsUrl ? { url: smsUrl, token: env['SMS_GATEWAY_TOKEN'] ?? '', sender: env['SMS_SENDER'] || 'Portico' } : null,
    smtpConnections: int('SMTP_MAX_CONNECTIONS', 5, 1, 100),
    smsBatchSize: int('SMS_GATEWAY_BATCH_SIZE', 100, 1, 1000),
    smsWebhookSecret: smsWebhookSecret || DEVELOPMENT_SMS_WEBHOOK_SECRET,
    localSinks: nodeEnv !== 'production',
  };
}

function casesConfig(
  env: Env,
  nodeEnv: Config['env'],
  problems: string[],
  url: (name: string, protocols: readonly string[]) => string | null,
  int: (name: string, fallback: number, min: number, max: number) => number,
): CasesConfig {
  const sealSecret = env['SEAL_SECRET'] ?? '';
  if (sealSecret !== '' && sealSecret.length < 32) {
    problems.push('SEAL_SECRET must be at least 32 characters');
  }
  if (nodeEnv === 'production' && sealSecret === '') {
    problems.push('NODE_ENV=production needs SEAL_SECRET: the development seal secret is public');
  }
  const paymentUrl = url('PAYMENT_PROVIDER_URL', ['http:', 'https:']);
  if (paymentUrl && (!env['PAYMENT_API_KEY'] || !env['PAYMENT_CALLBACK_SECRET'])) {
    problems.push('PAYMENT_PROVIDER_URL needs PAYMENT_API_KEY and PAYMENT_CALLBACK_SECRET');
  }
  if (nodeEnv === 'production' && !paymentUrl) {
    problems.push('NODE_ENV=production needs PAYMENT_PROVIDER_URL: the payment simulator is for development only');
  }
  return {
    sealSecret: sealSecret || DEVELOPMENT_SEAL_SECRET,
    attachmentsDir: env['ATTACHMENTS_DIR'] ? resolve(env['ATTACHMENTS_DIR']) : null,
    quotas: { openDrafts: int('APPLICATION_MAX_OPEN_DRAFTS', 20, 1, 10_000), storedMb: int('APPLICATION_MAX_STORED_MB', 50, 1, 100_000) },
    payments: paymentUrl
      ? { id: env['PAYMENT_PROVIDER_ID'] || 'provider', url: paymentUrl, apiKey: env['PAYMENT_API_KEY'] ?? '', callbackSecret: env['PAYMENT_CALLBACK_SECRET'] ?? '' }
      : null,
    paymentSimulatorPort: int('PAYMENT_SIMULATOR_PORT', 3003, 0, 65535),
    jobIntervalSeconds: int('JOB_INTERVAL_SECONDS', 60, 0, 86_400),
    decisionByPostAfterWorkingDays: int('DECISION_BY_POST_AFTER_WORKING_DAYS', 5, 1, 60),
    collectionReminderAfterWorkingDays: int('COLLECTION_REMINDER_AFTER_WORKING_DAYS', 10, 1, 60),
  };
}

const DEFAULT_LABELS: Record<string, { uk: string; en: string }> = {
  state: { uk: 'Державна eID (тестова)', en: 'State eID (test)' },
  bank: { uk: 'Банк А (тестовий BankID)', en: 'Bank A (test BankID)' },
};

function identityConfig(env: Env, nodeEnv: Config['env'], publicUrl: string, problems: string[], int: (name: string, fallback: number, min: number, max: number) => number): IdentityConfig {
  const embeddedRaw = env['EID_EMBEDDED'] || (nodeEnv === 'production' ? 'false' : 'true');
  if (!['true', 'false'].includes(embeddedRaw)) {
    problems.push(`EID_EMBEDDED="${embeddedRaw}" must be true or false`);
  }
  if (embeddedRaw === 'true' && nodeEnv === 'production') {
    problems.push('EID_EMBEDDED=true is refused with NODE_ENV=production: the embedded eID is a test provider');
  }
  const embeddedEid = embeddedRaw === 'true' ? { statePort: int('EID_STATE_PORT', 3001, 0, 65535), bankPort: int('EID_BANK_PORT', 3002, 0, 65535) } : null;
  const ids = (env['OIDC_PROVIDERS'] || (embeddedEid ? 'state,bank' : '')).split(',').map((s) => s.trim()).filter(Boolean);
  const embeddedSecret = env['EID_CLIENT_SECRET'] || randomUUID();
  const providers: IdentityProviderSetting[] = [];
  for (const id of ids) {
    if (!/^[a-z][a-z0-9]{0,19}$/.test(id)) {
      problems.push(`OIDC_PROVIDERS: "${id}" must be lowercase letters and digits`);
      continue;
    }
    const key = (name: string) => env[`OIDC_${id.toUpperCase()}_${name}`];
    const port = id === 'state' ? embeddedEid?.statePort : id === 'bank' ? embeddedEid?.bankPort : undefined;
    const issuer = key('ISSUER') || (port ? `http://localhost:${port}` : '');
    const clientId = key('CLIENT_ID') || (port ? 'portico' : '');
    const clientSecret = key('CLIENT_SECRET') || (port ? embeddedSecret : '');
    if (!issuer || !clientId || !clientSecret) {
      problems.push(`identity provider "${id}" needs OIDC_${id.toUpperCase()}_ISSUER, _CLIENT_ID and _CLIENT_SECRET`);
      continue;
    }
    const label = { uk: key('LABEL_UK') || DEFAULT_LABELS[id]?.uk || id, en: key('LABEL_EN') || DEFAULT_LABELS[id]?.en || id };
    providers.push({ id, label, issuer, clientId, clientSecret, staff: (key('STAFF') ?? (id === 'state' ? 'true' : 'false')) === 'true' });
  }
  return {
    embeddedEid,
    providers,
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: int('SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 7),
    secureCookies: publicUrl.startsWith('https:'),
    contactCodes: contactCodesConfig(env, problems, int),
    codeSecret: codeSecret(env, nodeEnv, problems),
  };
}

function contactCodesConfig(env: Env, problems: string[], int: (name: string, fallback: number, min: number, max: number) => number): ContactCodePolicy {
  const d = DEFAULT_CODE_POLICY;
  const countries = (env['SMS_ALLOWED_COUNTRIES'] || d.smsCountries.join(',')).split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
  const unknown = unknownCountries(countries);
  if (unknown.length > 0 || countries.length === 0) {
    problems.push(`SMS_ALLOWED_COUNTRIES must list ISO 3166 country codes such as UA,PL (unknown: ${unknown.join(', ') || 'none given'})`);
  }
  return {
    perPersonPerHour: int('CODES_PER_PERSON_PER_HOUR', d.perPersonPerHour, 1, 1000),
    perDestinationPerHour: int('CODES_PER_DESTINATION_PER_HOUR', d.perDestinationPerHour, 1, 1000),
    perClientPerHour: int('CODES_PER_CLIENT_PER_HOUR', d.perClientPerHour, 1, 100_000),
    cooldownSeconds: int('CODE_COOLDOWN_SECONDS', d.cooldownSeconds, 0, 3600),
    wrongGuessesPerHour: int('CODE_WRONG_GUESSES_PER_HOUR', d.wrongGuessesPerHour, 1, 100),
    smsCountries: unknown.length > 0 || countries.length === 0 ? d.smsCountries : countries,
  };
}

function codeSecret(env: Env, nodeEnv: Config['env'], problems: string[]): string {
  const secret = env['CODE_SECRET'] ?? '';
  if (secret !== '' && secret.length < 32) {
    problems.push('CODE_SECRET must be at least 32 characters');
  }
  if (nodeEnv === 'production' && secret === '') {
    problems.push('NODE_ENV=production needs CODE_SECRET: the development code secret is public');
  }
  return secret || DEVELOPMENT_CODE_SECRET;
}
