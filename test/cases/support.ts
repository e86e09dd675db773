/**
 * A portal for the cases tests, built the way `testApp` builds it but with a clock the test moves,
 * with its own payment simulator whose callback secret the test knows, and with personas signed in
 * by the factory of test/support/personas.ts.
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

import { loadConfig } from '../../src/app/config.ts';
import { buildServices, type Services } from '../../src/app/container.ts';
import { seedDemoRegistries } from '../../src/app/demo.ts';
import { buildHttp } from '../../src/app/http.ts';
import type { CaseChannel, CaseRecord } from '../../src/modules/cases/index.ts';
import { type Day, kyivDay } from '../../src/modules/deadlines/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { createHttpPaymentProvider } from '../../src/modules/payments/index.ts';
import { type PaymentSimulator, type Registries, registriesDirectory, startPaymentSimulator, startRegistries } from '../../src/dev/index.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { testDatabase } from '../support/database.ts';
import { demoRecords } from '../support/demo.ts';
import { PUBLIC_URL } from '../support/identity.ts';
import { personaOidc, signedInPersona } from '../support/personas.ts';

export const CALLBACK_SECRET = 'cases-test-callback-secret-0123456789';

/** A clock the test sets: instants, or a Kyiv day at 09:00 local time (06:00 UTC in summer, 07:00 in winter). */
export interface TestClock {
  now(): Date;
  set(at: Date | Day): void;
  today(): Day;
}

export function testClock(start: Date | Day): TestClock {
  let current = new Date(0);
  const clock: TestClock = {
    now: () => current,
    set(at) {
      current = typeof at === 'string' ? kyivMorning(at) : at;
    },
    today: () => kyivDay(current),
  };
  clock.set(start);
  return clock;
}

/** 09:00 in Kyiv on `day` (the offset found by trying both, so it holds in summer and winter). */
export function kyivMorning(day: Day): Date {
  for (const offset of ['+03:00', '+02:00']) {
    const at = new Date(`${day}T09:00:00${offset}`);
    if (kyivDay(at) === day && new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Kyiv', hour: '2-digit', hourCycle: 'h23' }).format(at) === '09') {
      return at;
    }
  }
  throw new Error(`no 09:00 in Kyiv on ${day}`);
}

/**
 * Waits for every promise, at most `ms`; past that, lets a starved database pool open more
 * connections (it never recovers by itself) and waits for the rest. `timedOut` says which happened.
 */
export async function settleWithin<T>(work: ReadonlyArray<Promise<T>>, ms: number, unstick: () => Promise<(() => void) | null>): Promise<{ timedOut: boolean; results: Array<PromiseSettledResult<T>> }> {
  let timer: NodeJS.Timeout | undefined;
  const all = Promise.allSettled(work);
  const first = await Promise.race([all, new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)))]);
  clearTimeout(timer);
  if (first !== 'timeout') {
    return { timedOut: false, results: first };
  }
  const restore = await unstick();
  const results = await all;
  restore?.();
  return { timedOut: true, results };
}

export interface CasesApp {
  readonly app: FastifyInstance;
  readonly services: Services & { payments: NonNullable<Services['payments']> };
  readonly clock: TestClock;
  readonly simulator: PaymentSimulator;
  /** The base registries' stand-ins behind the embedded exchange, logging their sides in the same database. */
  readonly registry: Registries;
  /** Lets a starved PostgreSQL pool open more connections until the returned function is called (see test/support/database.ts). */
  readonly unstick: () => Promise<(() => void) | null>;
  /** Limits the statements the portal may run from now on (null: no limit); see test/support/database.ts. */
  readonly budget: (statements: number | null) => void;
  /** Signs a persona in (test/support/personas.ts) and resolves the session (at the clock's time). */
  person(personaId: string, realm?: 'citizen' | 'staff'): Promise<SignedIn & { token: string }>;
  close(): Promise<void>;
}

export async function casesApp(start: Date | Day): Promise<CasesApp> {
  const clock = testClock(start);
  const database = await testDatabase();
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: ':memory:', PUBLIC_URL });
  // One attempt per callback, and the portal is not listening on portal.test: the tests take each
  // callback's exact body and signature from the simulator and hand them to the service.
  const simulator = await startPaymentSimulator({ host: '127.0.0.1', port: 0, apiKey: 'cases-test-key', callbackSecret: CALLBACK_SECRET, callbackAttempts: 1, clock });
  const provider = createHttpPaymentProvider({ id: 'simulator', baseUrl: simulator.url, apiKey: 'cases-test-key', callbackSecret: CALLBACK_SECRET });
  const registry = await startRegistries({
    host: '127.0.0.1', port: 0, db: database.db, clock, directory: registriesDirectory(config.exchange.signingSecret ?? ''), maxAgeSeconds: config.exchange.maxAgeSeconds,
  });
  const services = await buildServices(config, { db: database.db, clock, paymentProvider: provider, oidc: personaOidc(), exchangeUrl: registry.url });
  await seedDemoRegistries(services);
  expect((await services.catalogue.importRecords(await demoRecords(), 'test')).ok).toBe(true);
  const { app } = await buildHttp(services, createLogger('silent'));
  await app.ready();
  const { payments } = services;
  if (payments === null) {
    throw new Error('the payments service was not built');
  }
  return {
    app, clock, simulator, registry, unstick: () => database.unstick(), budget: database.budget,
    services: { ...services, payments },
    person: (personaId, realm = 'citizen') => signedInPersona(services, personaId, realm),
    async close() {
      await app.close();
      await services.feedback.flushGaps();
      await simulator.close();
      await registry.close();
      await database.drop();
    },
  };
}

/** The session behind a token as it is now (after acting-as or a new staff role). */
export async function resolve(services: Services, token: string): Promise<SignedIn & { token: string }> {
  const signedIn = await services.sessions.resolve(token, 'uk');
  if (signedIn === null) {
    throw new Error('the session did not resolve');
  }
  return { ...signedIn, token };
}

/** Case roles (clerk, decision-maker, supervisor) for the demo officers in another agency, granted by the national administrator. */
export async function grantAgencyRoles(t: CasesApp, agencyId: string): Promise<void> {
  const admin = await t.person('viktor-savchenko', 'staff');
  for (const [nationalId, role] of [['9000000066', 'clerk'], ['9000000077', 'decision-maker'], ['9000000088', 'supervisor']] as const) {
    const granted = await t.services.staff.grant(admin, { nationalId, role, agencyId, centreId: null });
    expect(granted.ok).toBe(true);
  }
}

/** The smallest file the portal takes as a PDF (it sniffs the first bytes). */
export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** Answers (as a browser would post them) that complete each service's form for an individual. */
export const ANSWERS = {
  'international-passport': { email: 'olena@example.test', purpose: 'first', collectionCentre: 'zorehrad-cnap-central' },
  'criminal-record-certificate': { birthPlace: 'Зореград', email: 'olena@example.test', subject: 'self', purpose: 'employment', bilingual: 'no' },
  'urban-planning-conditions': {
    applicantType: 'individual', email: 'olena@example.test', plotAddress: 'вул. Садова, 5', cadastralNumber: '1234567890:12:345:6789', plotArea: '0.1',
    landUse: 'residential-house', plotRight: 'owner', titleInRegister: 'yes', worksType: 'new-build', intendedBuilding: 'A two-storey house of 120 m2',
  },
  'tax-clearance-certificate': { applicantType: 'individual', email: 'person@example.test', purpose: 'other', delivery: 'online' },
  'civil-status-certificate': {
    email: 'olena@example.test', documentKind: 'extract', recordType: 'birth', subject: 'self', extractPurpose: 'For a visa', recordPersonName: 'Олена Коваль',
    eventDate: '1990-04-12', registrationPlace: 'Зореград', dutyExemption: 'no',
  },
} as const satisfies Record<string, Record<string, string>>;

export const FILES: Partial<Record<keyof typeof ANSWERS, readonly string[]>> = {
  'international-passport': ['identityDocument'],
  'criminal-record-certificate': ['identityDocument'],
  'urban-planning-conditions': ['sitePlan'],
  'civil-status-certificate': ['identityDocument'],
};

const asPosted = (value: unknown): string => (typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value));

/**
 * Starts a draft and answers every page of the service's form as a browser would (the prefilled
 * answers posted back as they were shown), then uploads a PDF for each file question named.
 */
export async function completeDraft(services: Services, signedIn: SignedIn, serviceId: string, answers: Record<string, string>, files: readonly string[] = []): Promise<string> {
  const started = await services.drafts.start(signedIn, serviceId);
  if (!started.ok) {
    throw new Error(`draft of ${serviceId} refused: ${started.error.code}`);
  }
  const draft = started.value;
  const shown = Object.fromEntries(Object.entries(draft.answers).map(([k, v]) => [k, asPosted(v)]));
  const view = await services.drafts.get(signedIn, draft.id);
  if (!view.ok) {
    throw new Error(`draft ${draft.id}: ${view.error.code}`);
  }
  for (const page of view.value.form.pages) {
    const saved = await services.drafts.savePage(signedIn, draft.id, page.id, { ...shown, ...answers });
    if (!saved.ok) {
      throw new Error(`page ${page.id} of ${serviceId}: ${saved.error.code}`);
    }
  }
  for (const field of files) {
    const uploaded = await services.drafts.upload(signedIn, draft.id, { field, filename: `${field}.pdf`, bytes: PDF_BYTES });
    if (!uploaded.ok) {
      throw new Error(`upload ${field}: ${uploaded.error.code}`);
    }
  }
  return draft.id;
}

/** A complete draft of a known service, with its files. */
export const draftOf = (services: Services, signedIn: SignedIn, serviceId: keyof typeof ANSWERS) =>
  completeDraft(services, signedIn, serviceId, ANSWERS[serviceId], FILES[serviceId] ?? []);

let keys = 0;
export const newKey = (label = 'k') => `${label}-${process.pid}-${++keys}-${Math.random().toString(36).slice(2, 8)}`;

/** Submits a draft through the web channel and answers the case, failing the test on a refusal. */
export async function submit(services: Services, signedIn: SignedIn, draftId: string, o: { key?: string; channel?: CaseChannel } = {}): Promise<CaseRecord> {
  const done = await services.drafts.submit(signedIn, draftId, { idempotencyKey: o.key ?? newKey(), declared: true, channel: o.channel ?? 'web', lang: 'uk' });
  if (!done.ok) {
    throw new Error(`submission refused: ${done.error.code} ${'issues' in done.error ? JSON.stringify(done.error.issues) : ''}`);
  }
  return done.value;
}

/** The case as stored now. */
export async function stored(services: Services, caseId: string): Promise<CaseRecord> {
  const c = await services.cases.byId(services.db, caseId);
  if (c === null) {
    throw new Error(`case ${caseId} is missing`);
  }
  return c;
}

/** An officer's action, failing the test on a refusal. */
export async function act(services: Services, officer: SignedIn, caseId: string, event: string, reason?: string): Promise<CaseRecord> {
  const done = await services.backOffice.act(officer, caseId, reason === undefined ? { event } : { event, reason });
  if (!done.ok) {
    throw new Error(`${event} refused: ${done.error.code} ${done.error.message}`);
  }
  return done.value;
}
