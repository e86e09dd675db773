/**
 * The reads the scale benchmark times and the scale test explains: the officers' queue with each
 * filter, the applicant's case list and cabinet, the case page and the verification page, each
 * through the repository the portal calls, and a primary-key lookup as the baseline.
 */
import { cabinetRepository } from '../../src/modules/cases/cabinet.repository.ts';
import { casesRepository, type QueueFilter } from '../../src/modules/cases/cases.repository.ts';
import { issuedDocumentsRepository } from '../../src/modules/cases/issued-documents.repository.ts';
import type { PageCursor } from '../../src/modules/cases/page-keys.ts';
import type { Queryable, Row } from '../../src/platform/db/database.ts';

/** What a read is asked about: values picked from the seeded database. */
export interface Samples {
  readonly agency: string;
  readonly service: string;
  readonly officer: string;
  readonly persons: ReadonlyArray<{ id: string; nationalId: string }>;
  readonly business: string;
  readonly caseIds: readonly string[];
  readonly caseNumbers: readonly string[];
  readonly documentIds: readonly string[];
  /** The key of the queue's 20th page (running cases), found by following "next" from the first. */
  readonly deepKey: string | null;
}

/** Picks the samples: the agency with the most cases, its busiest service, its first officer, persons with cases. */
export async function pickSamples(db: Queryable): Promise<Samples> {
  const one = async <T extends Row>(sql: string, params: unknown[] = []): Promise<T> => {
    const [row] = await db.query<T>(sql, params);
    if (row === undefined) {
      throw new Error(`no sample for ${sql}`);
    }
    return row;
  };
  const { agency } = await one<{ agency: string }>('SELECT organisation_id AS agency FROM cases GROUP BY 1 ORDER BY count(*) DESC LIMIT 1');
  const { service } = await one<{ service: string }>('SELECT service_id AS service FROM cases WHERE organisation_id = $1 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1', [agency]);
  const { officer } = await one<{ officer: string }>('SELECT assigned_to AS officer FROM cases WHERE organisation_id = $1 AND assigned_to IS NOT NULL LIMIT 1', [agency]);
  const persons = await db.query<{ id: string; nationalId: string }>(
    "SELECT p.id, p.national_id AS \"nationalId\" FROM cases c JOIN persons p ON p.id = c.applicant_person_id WHERE c.party_kind = 'self' AND p.national_id LIKE '7%' ORDER BY c.id LIMIT 50",
  );
  const { business } = await one<{ business: string }>("SELECT party_id AS business FROM cases WHERE party_kind = 'business' ORDER BY id LIMIT 1");
  const cases = await db.query<{ id: string; number: string }>('SELECT id, number FROM cases ORDER BY id DESC LIMIT 50');
  const documents = await db.query<{ id: string }>('SELECT id FROM documents ORDER BY id DESC LIMIT 50');
  let cursor: PageCursor = null;
  for (let page = 1; page < 20; page += 1) {
    const got = await casesRepository.queue(db, queueFilter(agency, officer, { running: true, cursor }));
    if (got.next === null) {
      break;
    }
    cursor = { after: got.next };
  }
  return {
    agency, service, officer, persons, business, caseIds: cases.map((c) => c.id), caseNumbers: cases.map((c) => c.number),
    documentIds: documents.map((d) => d.id), deepKey: cursor === null ? null : cursor.after,
  };
}

export function queueFilter(agency: string, me: string, f: Partial<QueueFilter>): QueueFilter {
  return { organisationIds: [agency], states: null, serviceId: null, assigned: 'any', me, running: false, dueBy: null, limit: 50, cursor: null, ...f };
}

/** A read: what it is called, and one run of it with the i-th sample. */
export interface Read {
  readonly name: string;
  /** Whether the read is one the queue or a case list serves, whose plan must not read all of `cases`. */
  readonly hot: boolean;
  readonly run: (db: Queryable, i: number) => Promise<unknown>;
}

const at = <T>(list: readonly T[], i: number): T => {
  const v = list[i % list.length];
  if (v === undefined) {
    throw new Error('no samples');
  }
  return v;
};

export function reads(s: Samples): Read[] {
  const queue = (name: string, f: Partial<QueueFilter>): Read => ({ name, hot: true, run: (db) => casesRepository.queue(db, queueFilter(s.agency, s.officer, f)) });
  return [
    { name: 'baseline: case by primary key', hot: false, run: (db, i) => db.query('SELECT * FROM cases WHERE id = $1', [at(s.caseIds, i)]) },
    queue('queue: first page', {}),
    queue('queue: running', { running: true }),
    queue('queue: state in-review', { states: ['in-review'] }),
    queue('queue: service, running', { serviceId: s.service, running: true }),
    queue('queue: assigned to me, running', { assigned: 'me', running: true }),
    queue('queue: nobody, running', { assigned: 'nobody', running: true }),
    queue('queue: 20th page, running', { running: true, cursor: s.deepKey === null ? null : { after: s.deepKey } }),
    {
      name: 'my applications (self)', hot: true,
      run: (db, i) => {
        const p = at(s.persons, i);
        return casesRepository.forParty(db, { personId: p.id, nationalId: p.nationalId, party: { kind: 'self' }, limit: 50 });
      },
    },
    { name: 'my applications (business)', hot: true, run: (db) => casesRepository.forParty(db, { personId: at(s.persons, 0).id, nationalId: null, party: { kind: 'business', id: s.business }, limit: 50 }) },
    {
      name: 'cabinet dashboard (self)', hot: true,
      run: (db, i) => {
        const p = at(s.persons, i);
        return cabinetRepository.casesOf(db, { kind: 'self', personId: p.id, nationalId: p.nationalId }, { recent: 5, documentsSince: new Date(Date.now() - 30 * 86_400_000) });
      },
    },
    {
      name: 'case page', hot: false,
      run: async (db, i) => {
        const id = at(s.caseIds, i);
        const c = await casesRepository.byId(db, id);
        return [c, ...await Promise.all([casesRepository.events(db, id), casesRepository.requests(db, id), casesRepository.notes(db, id), issuedDocumentsRepository.ofCase(db, id)])];
      },
    },
    { name: 'verification: document', hot: false, run: (db, i) => issuedDocumentsRepository.facts(db, at(s.documentIds, i)) },
    { name: 'verification: receipt', hot: false, run: (db, i) => casesRepository.byNumber(db, at(s.caseNumbers, i)) },
  ];
}

/** A Queryable that keeps every statement it passes on, for EXPLAIN. */
export function recording(db: Queryable): { db: Queryable; statements: Array<{ sql: string; params: readonly unknown[] }> } {
  const statements: Array<{ sql: string; params: readonly unknown[] }> = [];
  return {
    statements,
    db: {
      query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
        statements.push({ sql, params });
        return db.query<T>(sql, params);
      },
    },
  };
}

/** The plan of each statement a read makes, as text (EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL, EXPLAIN ANALYZE on PGlite too). */
export async function plansOf(db: Queryable, read: Read): Promise<string[]> {
  const r = recording(db);
  await read.run(r.db, 0);
  const plans: string[] = [];
  for (const { sql, params } of r.statements) {
    const rows = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    plans.push(rows.map((x) => x['QUERY PLAN']).join('\n'));
  }
  return plans;
}
