/**
 * What the submission benchmark runs against: the portal's services on a fresh PostgreSQL schema
 * with the demo catalogue, signed-in citizens (through a stand-in OpenID client, so no eID runs; many
 * of them, so the submissions' foreign keys do not all share-lock one `persons` row), and complete
 * drafts of a free service made through the services as a browser would make them.
 */
import { loadConfig } from '../../src/app/config.ts';
import { buildServices, type Services } from '../../src/app/container.ts';
import { seedDemoCatalogue } from '../../src/app/demo.ts';
import { ok } from '../../src/kernel/result.ts';
import type { OidcClient, SignedIn } from '../../src/modules/identity/index.ts';
import type { Database, Queryable, Row } from '../../src/platform/db/database.ts';
import { openDatabase } from '../../src/platform/db/open.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';

/** A free service without file questions: 10 calendar days, three pages. */
export const SERVICE = 'tax-clearance-certificate';
const ANSWERS = { applicantType: 'individual', email: 'bench@example.test', purpose: 'other', delivery: 'online' };

/** The database with a statement counter (to report statements per submission). */
export interface CountingDatabase extends Database {
  statements(): number;
}

function counting(inner: Database): CountingDatabase {
  let n = 0;
  const wrap = (q: Queryable): Queryable => ({
    query: <T extends Row>(sql: string, params?: readonly unknown[]) => {
      n++;
      return q.query<T>(sql, params);
    },
  });
  return {
    kind: inner.kind,
    query: (sql, params) => wrap(inner).query(sql, params),
    transaction: (work) => inner.transaction((tx) => work(wrap(tx))),
    exec: (sql) => inner.exec(sql),
    withLock: (key, work) => inner.withLock(key, work),
    close: () => inner.close(),
    statements: () => n,
  };
}

/** A fresh schema on the server, reached through search_path in the URL; `drop` removes it. */
export async function freshSchema(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `bench_submission_${process.pid}`;
  const admin = await openDatabase({ url: serverUrl, dataDir: null, poolSize: 1 });
  await admin.exec(`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public; DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  const u = new URL(serverUrl);
  u.searchParams.set('options', `-c search_path=${schema},public`);
  return {
    url: u.toString(),
    drop: async () => {
      await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.close();
    },
  };
}

/** Who the stand-in OpenID client signs in next (sign-ins run one after another). */
let nextCitizen = 0;

/** An OpenID client that asks nobody: the n-th sign-in is the citizen `bench-n` (national id 91000000nn…). */
const standInOidc: OidcClient = {
  authorizationRequest: async () => {
    const state = `bench-${process.pid}-${Date.now()}-${nextCitizen}`;
    return { url: `http://eid.bench.invalid/authorize?state=${state}`, state, nonce: 'n', codeVerifier: 'v' };
  },
  exchange: async (idp) => ok({
    issuer: idp.issuer, subject: `bench-${nextCitizen}`, nationalId: String(9_100_000_000 + nextCitizen), givenName: 'Олена', familyName: `Коваль-${nextCitizen}`,
    birthDate: '1990-04-12', acr: 'substantial', idToken: 'bench',
  }),
  endSessionUrl: async () => null,
};

export interface Bench {
  readonly services: Services;
  readonly db: CountingDatabase;
  /** The signed-in citizens; draft i is made and submitted by citizen i mod their number. */
  readonly citizens: readonly SignedIn[];
  close(): Promise<void>;
}

async function signIn(services: Services, n: number): Promise<SignedIn> {
  nextCitizen = n;
  const begun = await services.sessions.beginSignIn('state', 'citizen', '/uk/cabinet');
  if (!begun.ok) {
    throw new Error(`sign-in refused: ${begun.error.message}`);
  }
  const state = new URL(begun.value.url).searchParams.get('state') ?? '';
  const done = await services.sessions.completeSignIn({
    idp: 'state', url: new URL(`http://portal.bench/auth/callback/state?code=bench&state=${state}`), browserKey: begun.value.browserKey, previousToken: null, client: '127.0.0.1', signedInPersonId: null,
  });
  if (!done.ok) {
    throw new Error(`sign-in refused: ${done.error.message}`);
  }
  const signedIn = await services.sessions.resolve(done.value.token, 'uk');
  if (signedIn === null) {
    throw new Error('the benchmark session did not resolve');
  }
  return signedIn;
}

export async function benchServices(databaseUrl: string, poolSize: number, persons: number): Promise<Bench> {
  const config = loadConfig({
    NODE_ENV: 'test', DATABASE_URL: databaseUrl, DB_POOL_SIZE: String(poolSize), PUBLIC_URL: 'http://portal.bench', LOG_LEVEL: 'silent',
    EID_EMBEDDED: 'false', OIDC_PROVIDERS: 'state', OIDC_STATE_ISSUER: 'http://eid.bench.invalid', OIDC_STATE_CLIENT_ID: 'bench', OIDC_STATE_CLIENT_SECRET: 'bench-secret',
    // A person prepares all their drafts of the run before submitting them: no quota on open drafts here.
    APPLICATION_MAX_OPEN_DRAFTS: '10000',
  });
  const db = counting(await openDatabase({ url: databaseUrl, dataDir: null, poolSize }));
  const services = await buildServices(config, { db, oidc: standInOidc });
  await seedDemoCatalogue(services, createLogger('silent'));
  const citizens: SignedIn[] = [];
  for (let n = 0; n < persons; n++) {
    citizens.push(await signIn(services, n));
  }
  return { services, db, citizens, close: () => db.close() };
}

/** Draft i's citizen. */
export const citizenOf = (b: Bench, i: number): SignedIn => {
  const c = b.citizens[i % b.citizens.length];
  if (c === undefined) {
    throw new Error('no citizen signed in');
  }
  return c;
};

/** One complete draft of citizen `signedIn`: started (prefilled from the person) and every page saved with the answers. */
export async function completeDraft(b: Bench, signedIn: SignedIn): Promise<string> {
  const started = await b.services.drafts.start(signedIn, SERVICE);
  if (!started.ok) {
    throw new Error(`draft refused: ${started.error.code}`);
  }
  const draft = started.value;
  const body = { ...Object.fromEntries(Object.entries(draft.answers).map(([k, v]) => [k, String(v)])), ...ANSWERS };
  for (const page of ['applicant', 'purpose']) {
    const saved = await b.services.drafts.savePage(signedIn, draft.id, page, body);
    if (!saved.ok) {
      throw new Error(`page ${page}: ${saved.error.code}`);
    }
  }
  return draft.id;
}

/** Runs `work` over `items` with `concurrency` workers; answers each item's latency in milliseconds. */
export async function pool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<unknown>): Promise<number[]> {
  const latencies = new Array<number>(items.length);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      const item = items[i];
      if (i >= items.length || item === undefined) {
        return;
      }
      const started = performance.now();
      await work(item, i);
      latencies[i] = performance.now() - started;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return latencies;
}

export function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}
