/**
 * Every staff route says what it does with personal data (src/web/common/personal-data.ts), and each
 * one that shows a person's or a legal entity's data writes an access record: the routes are taken
 * from the portal as `buildHttp` registers them, every staff route must have a declaration (and no
 * declaration may name a route that is not a staff route), and each route declared `recorded` is
 * called over HTTP as staff with a fixture subject — a new access record for that subject, naming that
 * staff member, must appear. A `recorded` route without a probe here fails too. The same for the
 * services: every method of every service of the container declares what it does with personal data
 * (src/app/personal-data-services.ts), and each one declared `recorded` is called as staff here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildHttp } from '../../src/app/http.ts';
import { SERVICE_PERSONAL_DATA, type ServiceUse, undeclaredServiceMethods } from '../../src/app/personal-data-services.ts';
import type { CaseRecord } from '../../src/modules/cases/index.ts';
import type { Queryable } from '../../src/platform/db/database.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import type { WebRoute } from '../../src/web/common/route-table.ts';
import { PERSONAL_DATA } from '../../src/web/common/personal-data.ts';
import { csrfOf } from '../support/identity.ts';
import { act, ANSWERS, type CasesApp, casesApp, draftOf, newKey, PDF_BYTES, resolve, submit } from '../cases/support.ts';

type Who = Awaited<ReturnType<CasesApp['person']>>;

let t: CasesApp;
let routes: WebRoute[];
let olena: Who;
let clerk: Who;
let decider: Who;
let desk: Who;
let operator: Who;
let running: CaseRecord;
let granted: CaseRecord;
let ids: { attachment: string; document: string; collection: string; call: string; letter: string; filed: string; filedFor: string; appeal: string };
/** Olena's national id (the demo register's). */
const OLENA_ID = '9000000011';

const CENTRE = 'zorehrad-cnap-central';
const cookieOf = (who: Who) => `portico_session=${who.token}`;

beforeAll(async () => {
  t = await casesApp('2026-12-01');
  ({ webRoutes: routes } = await buildHttp(t.services, createLogger('silent')));
  olena = await t.person('olena-koval');
  clerk = await t.person('mykola-tkachenko', 'staff');
  decider = await t.person('oksana-lysenko', 'staff');
  desk = await t.person('yuliia-marchenko', 'staff');
  operator = await t.person('serhii-pavlenko', 'staff');
  running = await submit(t.services, olena, await draftOf(t.services, olena, 'criminal-record-certificate'));
  await act(t.services, clerk, running.id, 'register');
  await act(t.services, clerk, running.id, 'start-review');
  granted = await submit(t.services, olena, await draftOf(t.services, olena, 'criminal-record-certificate'));
  await act(t.services, clerk, granted.id, 'register');
  await act(t.services, clerk, granted.id, 'start-review');
  await act(t.services, decider, granted.id, 'grant');
  const marked = await t.services.collection.markReady(clerk, granted.id, { centreId: CENTRE, collectBy: '2026-12-31' });
  const call = await t.services.contactCentre.start(operator, '050 999 88 77');
  const attachment = (await t.services.drafts.attachmentsOfCase(running.id))[0]?.id;
  const document = (await t.services.cases.forApplicant(olena, granted.id))?.documents[0]?.id;
  if (!marked.ok || !call.ok || attachment === undefined || document === undefined) {
    throw new Error('the fixtures are incomplete');
  }
  const identified = await t.services.contactCentre.identifyByKnowledge(operator, call.value.id, {
    nationalId: '9000000011', birthDate: '1990-04-12', caseNumber: granted.number, judgement: 'Knew the case at once.',
  });
  expect(identified.ok).toBe(true);
  // A letter by post: Olena chose post, and the decision on her granted case is told to her.
  expect((await t.services.contacts.savePreferences(olena, { language: 'en', noticeChannels: ['post'], postalAddress: 'Olena Koval\nvul. Sadova 5\nZorehrad' })).ok).toBe(true);
  await t.services.notices.fanOut({ caseId: granted.id, kind: 'decision', decided: 'granted', feeDue: null, answerBy: null }, 'access-log-test:decision');
  const [letter] = await t.services.db.query<{ id: string }>('SELECT id FROM letters WHERE case_id = $1', [granted.id]);
  // A paper application the post room registered for a person of the register.
  const filed = await t.services.assisted.file(clerk, {
    channel: 'post', serviceId: 'tax-clearance-certificate', nationalId: '9000000055', givenName: '', familyName: '', address: 'вул. Липова, 3\nЗореград\n01001',
    sender: 'Наталія Гриценко', receivedOn: '2026-11-27', basis: 'signed-paper', declared: true, lang: 'uk', idempotencyKey: newKey('post'),
    body: { ...ANSWERS['tax-clearance-certificate'] }, uploads: [{ field: 'scans', filename: 'scan.pdf', bytes: PDF_BYTES }],
  });
  // An appeal the operator took from Olena on her call, about her case.
  const appeal = await t.services.appeals.fileFor(operator, {
    kind: 'complaint', agency: '', text: 'The certificate took too long.', caseNumber: granted.number, officer: '', callId: call.value.id, nationalId: '', name: '', address: '',
    receivedOn: '', pages: '', consent: true, idempotencyKey: newKey('appeal'), channel: 'phone',
  });
  if (letter === undefined || !filed.ok || !appeal.ok) {
    throw new Error('the fixtures are incomplete');
  }
  ids = {
    attachment, document, collection: marked.value.id, call: call.value.id, letter: letter.id, filed: filed.value.id, filedFor: filed.value.applicantPersonId, appeal: appeal.value.id,
  };
});
afterAll(async () => t.close());

interface Probe {
  readonly who: () => Who;
  /** The path's parameters (the English pattern is called). */
  readonly values: () => Readonly<Record<string, string>>;
  readonly query?: () => Readonly<Record<string, string>>;
  readonly form?: () => ReadonlyArray<readonly [string, string]>;
  /** The subject whose access record must appear. */
  readonly subject: () => string;
  /** The answer's status when it is not 200 (a form that redirects). */
  readonly status?: number;
}

const grantForm = (): Array<[string, string]> => [['event', 'grant'], ['reason', 'Усі документи в порядку']];
/** How to call each route declared `recorded`, as whom, and whose record must appear. */
const PROBES: Readonly<Record<string, Probe>> = {
  'GET officeCase': { who: () => clerk, values: () => ({ id: running.id }), subject: () => `person:${olena.person.id}` },
  'POST officeDecision': { who: () => decider, values: () => ({ id: running.id }), form: grantForm, subject: () => `person:${olena.person.id}` },
  'POST officeDecisionDraft': { who: () => decider, values: () => ({ id: running.id }), form: grantForm, subject: () => `person:${olena.person.id}` },
  'GET officeAttachment': { who: () => clerk, values: () => ({ id: running.id, attachmentId: ids.attachment }), subject: () => `person:${olena.person.id}` },
  'GET officeDocument': { who: () => clerk, values: () => ({ documentId: ids.document }), subject: () => `person:${olena.person.id}` },
  'GET collections': { who: () => desk, values: () => ({}), query: () => ({ q: granted.number }), subject: () => `person:${olena.person.id}` },
  'GET collection': { who: () => desk, values: () => ({ id: ids.collection }), subject: () => `person:${olena.person.id}` },
  'GET call': { who: () => operator, values: () => ({ id: ids.call }), subject: () => `person:${olena.person.id}` },
  'GET letterPdf': { who: () => clerk, values: () => ({ id: ids.letter }), subject: () => `person:${olena.person.id}` },
  'GET letterBatch': { who: () => clerk, values: () => ({}), subject: () => `person:${olena.person.id}` },
  'GET assistedFiled': { who: () => clerk, values: () => ({ id: ids.filed }), subject: () => `person:${ids.filedFor}` },
  'GET officeAppeal': { who: () => clerk, values: () => ({ id: ids.appeal }), subject: () => `person:${olena.person.id}` },
  'GET appealTaken': { who: () => operator, values: () => ({ id: ids.appeal }), subject: () => `person:${olena.person.id}` },
  'GET callAppeal': { who: () => operator, values: () => ({ id: ids.call }), subject: () => `person:${olena.person.id}` },
  'POST deskAppeal': {
    who: () => desk, values: () => ({}), status: 303, subject: () => `national-id:${OLENA_ID}`,
    form: () => [['kind', 'proposal'], ['text', 'Longer opening hours, please.'], ['nationalId', OLENA_ID], ['idempotencyKey', newKey('desk')]],
  },
  'GET callVisits': { who: () => operator, values: () => ({ id: ids.call }), subject: () => `person:${olena.person.id}` },
  'GET deskVisits': { who: () => desk, values: () => ({}), query: () => ({ visitor: olena.person.id }), subject: () => `person:${olena.person.id}` },
  'POST deskVisits': { who: () => desk, values: () => ({}), form: () => [['step', 'find'], ['nationalId', OLENA_ID]], status: 303, subject: () => `national-id:${OLENA_ID}` },
};

const keyOf = (r: WebRoute) => `${r.method} ${r.path.name}`;

async function recordsOf(subject: string, reader: string): Promise<number> {
  const [row] = await t.services.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_events WHERE action = 'personal-data.read' AND subject = $1 AND actor_person_id = $2", [subject, reader],
  );
  return row?.n ?? 0;
}

describe('what staff routes do with personal data', () => {
  it('every staff route declares it, and every declaration names a staff route', () => {
    const staff = routes.filter((r) => r.auth.kind === 'staff').map(keyOf);
    expect(staff.length).toBeGreaterThan(40);
    expect(staff.filter((k) => !(k in PERSONAL_DATA))).toEqual([]);
    expect(Object.keys(PERSONAL_DATA).filter((k) => !staff.includes(k))).toEqual([]);
  });

  it('a staff route without a declaration stops the portal from building', async () => {
    const undeclared = routes.find((r) => r.auth.kind === 'staff');
    expect(undeclared).toBeDefined();
    const key = keyOf(undeclared!) as keyof typeof PERSONAL_DATA;
    const table = PERSONAL_DATA as Record<string, unknown>;
    const kept = table[key];
    delete table[key];
    try {
      await expect(buildHttp(t.services, createLogger('silent'))).rejects.toThrow(/declares what it does with personal data/);
    } finally {
      table[key] = kept;
    }
  });

  it('each route declared `recorded` has a probe here', () => {
    const recorded = Object.entries(PERSONAL_DATA).filter(([, use]) => use?.use === 'recorded').map(([k]) => k);
    expect(recorded.filter((k) => !(k in PROBES))).toEqual([]);
    expect(Object.keys(PROBES).filter((k) => !recorded.includes(k))).toEqual([]);
  });

  it('each route declared `recorded`, called as staff, writes an access record of its subject naming the staff member', async () => {
    const missing: string[] = [];
    for (const route of routes.filter((r) => PERSONAL_DATA[keyOf(r) as keyof typeof PERSONAL_DATA]?.use === 'recorded')) {
      const probe = PROBES[keyOf(route)]!;
      const who = probe.who();
      const cookie = cookieOf(who);
      const path = route.path;
      const url = path.localised ? path.url('en', probe.values(), probe.query?.()) : path.url(probe.values(), probe.query?.());
      const before = await recordsOf(probe.subject(), who.person.id);
      const res = route.method === 'GET'
        ? await t.app.inject({ url, headers: { cookie } })
        : await t.app.inject({
          method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams([['_csrf', await csrfOf(t.app, cookie, '/en/staff')], ...(probe.form?.() ?? []).map(([k, v]) => [k, v])]).toString(),
        });
      const after = await recordsOf(probe.subject(), who.person.id);
      if (res.statusCode !== (probe.status ?? 200) || after <= before) {
        missing.push(`${keyOf(route)} (${url}): ${res.statusCode}, access records ${before} → ${after}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

/** How to call each service method declared `recorded`, as whom, and whose record must appear. */
interface ServiceProbe {
  readonly who: () => Who;
  readonly call: (who: Who) => Promise<unknown>;
  readonly subject: () => string;
}
const olenaSubject = () => `person:${olena.person.id}`;
const grant = { event: 'grant', reason: 'Усі документи в порядку' };
const SERVICE_PROBES: Readonly<Record<string, ServiceProbe>> = {
  'drafts.caseFileForOfficer': { who: () => clerk, call: (w) => t.services.drafts.caseFileForOfficer(w, running.id, ids.attachment), subject: olenaSubject },
  'backOffice.documentPdf': { who: () => clerk, call: (w) => t.services.backOffice.documentPdf(w, ids.document), subject: olenaSubject },
  'backOffice.view': { who: () => clerk, call: (w) => t.services.backOffice.view(w, running.id), subject: olenaSubject },
  'backOffice.previewDecision': { who: () => decider, call: (w) => t.services.backOffice.previewDecision(w, running.id, grant), subject: olenaSubject },
  'backOffice.previewDecisionPdf': { who: () => decider, call: (w) => t.services.backOffice.previewDecisionPdf(w, running.id, grant), subject: olenaSubject },
  'letters.pdf': { who: () => clerk, call: (w) => t.services.letters.pdf(w, ids.letter), subject: olenaSubject },
  'letters.batch': { who: () => clerk, call: (w) => t.services.letters.batch(w, '2026-12-01'), subject: olenaSubject },
  'assisted.filed': { who: () => clerk, call: (w) => t.services.assisted.filed(w, ids.filed), subject: () => `person:${ids.filedFor}` },
  'appointments.forPerson': { who: () => desk, call: (w) => t.services.appointments.forPerson(w, olena.person.id, { channel: 'in-person' }), subject: olenaSubject },
  'collection.awaiting': { who: () => desk, call: (w) => t.services.collection.awaiting(w, granted.number), subject: olenaSubject },
  'collection.atDesk': { who: () => desk, call: (w) => t.services.collection.atDesk(w, ids.collection), subject: olenaSubject },
  'contactCentre.view': { who: () => operator, call: (w) => t.services.contactCentre.view(w, ids.call), subject: olenaSubject },
  'contactCentre.callerOnForm': { who: () => operator, call: (w) => t.services.contactCentre.callerOnForm(w, ids.call), subject: olenaSubject },
  'appeals.forOfficer': { who: () => clerk, call: (w) => t.services.appeals.forOfficer(w, ids.appeal), subject: olenaSubject },
  'appeals.taken': { who: () => operator, call: (w) => t.services.appeals.taken(w, ids.appeal), subject: olenaSubject },
  'appeals.fileFor': {
    who: () => desk, subject: () => `national-id:${OLENA_ID}`,
    call: (w) => t.services.appeals.fileFor(w, {
      kind: 'proposal', agency: '', text: 'More desks, please.', caseNumber: '', officer: '', callId: '', nationalId: OLENA_ID, name: '', address: '', receivedOn: '', pages: '',
      consent: false, idempotencyKey: newKey('desk'), channel: 'in-person',
    }),
  },
  'visitors.find': { who: () => desk, call: (w) => t.services.visitors.find(w, OLENA_ID), subject: () => `national-id:${OLENA_ID}` },
  'population.person': { who: () => clerk, call: (w) => t.services.population.person(w, OLENA_ID, { case: running.number }), subject: () => `national-id:${OLENA_ID}` },
  'registries.query': { who: () => clerk, call: (w) => t.services.registries.query(w, 'tax.income', OLENA_ID, { case: running.number }), subject: () => `national-id:${OLENA_ID}` },
};

const declaredUses = (): Array<[string, ServiceUse]> => Object.entries(SERVICE_PERSONAL_DATA).flatMap(([name, d]) =>
  ('whole' in d ? [] : Object.entries(d as Record<string, ServiceUse>).map(([m, use]): [string, ServiceUse] => [`${name}.${m}`, use])));

describe('what service methods do with personal data', () => {
  it('every method of every service of the container declares it, and every declaration names a method', () => {
    const services = t.services as unknown as Record<string, unknown>;
    expect(Object.keys(services).length).toBeGreaterThan(25);
    expect(undeclaredServiceMethods(services)).toEqual([]);
    const stale = declaredUses().map(([k]) => k).filter((k) => {
      const [name, method] = k.split('.') as [string, string];
      return typeof (services[name] as Record<string, unknown> | null)?.[method] !== 'function';
    });
    expect(stale).toEqual([]);
  });

  it('a service method without a declaration stops the portal from building', async () => {
    const table = SERVICE_PERSONAL_DATA.letters as Record<string, ServiceUse | undefined>;
    const kept = table['pdf'];
    delete table['pdf'];
    try {
      await expect(buildHttp(t.services, createLogger('silent'))).rejects.toThrow(/letters\.pdf: every service method declares/);
    } finally {
      table['pdf'] = kept;
    }
  });

  it('a method read as part of another names one declared `recorded`', () => {
    const uses = new Map(declaredUses());
    const parts = [...uses].flatMap(([k, u]) => (u.use === 'part-of' ? [[k, u.read] as const] : []));
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.filter(([, read]) => uses.get(read)?.use !== 'recorded')).toEqual([]);
  });

  it('each method declared `recorded` has a probe here', () => {
    const recordedMethods = declaredUses().filter(([, u]) => u.use === 'recorded').map(([k]) => k);
    expect(recordedMethods.filter((k) => !(k in SERVICE_PROBES))).toEqual([]);
    expect(Object.keys(SERVICE_PROBES).filter((k) => !recordedMethods.includes(k))).toEqual([]);
  });

  it('each method declared `recorded`, called as staff, writes an access record of its subject naming the staff member', async () => {
    const missing: string[] = [];
    for (const [key, probe] of Object.entries(SERVICE_PROBES)) {
      const who = await resolve(t.services, probe.who().token);
      const before = await recordsOf(probe.subject(), who.person.id);
      const answer = await probe.call(who);
      const after = await recordsOf(probe.subject(), who.person.id);
      if (answer === null || after <= before) {
        missing.push(`${key}: ${answer === null ? 'null' : 'an answer'}, access records ${before} → ${after}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('a list\'s access records', () => {
  it('are one INSERT of the audit log for the whole list (a day\'s batch of letters)', async () => {
    // A second letter to Olena, about her other case, so that the day's batch holds two.
    await t.services.notices.fanOut({ caseId: running.id, kind: 'decision', decided: 'granted', feeDue: null, answerBy: null }, 'access-log-test:second-letter');
    const db = t.services.db as { transaction: typeof t.services.db.transaction };
    const original = db.transaction;
    const bound = original.bind(t.services.db);
    const inserts: (readonly unknown[])[] = [];
    db.transaction = <T,>(work: (tx: Queryable) => Promise<T>): Promise<T> => bound((tx: Queryable) => {
      const counted: Queryable = Object.create(tx) as Queryable;
      counted.query = ((sql: string, params?: readonly unknown[]) => {
        if (sql.startsWith('INSERT INTO audit_events')) {
          inserts.push(params ?? []);
        }
        return tx.query(sql, params);
      });
      return work(counted);
    });
    const clerkNow = await resolve(t.services, clerk.token);
    const before = await recordsOf(`person:${olena.person.id}`, clerk.person.id);
    try {
      expect((await t.services.letters.batch(clerkNow, '2026-12-01'))?.count).toBeGreaterThanOrEqual(2);
    } finally {
      db.transaction = original;
    }
    const written = (await recordsOf(`person:${olena.person.id}`, clerk.person.id)) - before;
    expect(written).toBeGreaterThanOrEqual(2);
    // Every record in the one statement: its 8 parameters are the columns, each an array of one value a row.
    expect(inserts).toHaveLength(1);
    expect(inserts[0]?.map((column) => (Array.isArray(column) ? column.length : -1))).toEqual(Array.from({ length: 8 }, () => written));
  });
});
