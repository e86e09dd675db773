/**
 * Every staff route says what it does with personal data (src/web/common/personal-data.ts), and each
 * one that shows a person's or a legal entity's data writes an access record: the routes are taken
 * from the portal as `buildHttp` registers them, every staff route must have a declaration (and no
 * declaration may name a route that is not a staff route), and each route declared `recorded` is
 * called over HTTP as staff with a fixture subject — a new access record for that subject, naming that
 * staff member, must appear. A `recorded` route without a probe here fails too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildHttp } from '../../src/app/http.ts';
import type { CaseRecord } from '../../src/modules/cases/index.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import type { WebRoute } from '../../src/web/common/route-table.ts';
import { PERSONAL_DATA } from '../../src/web/common/personal-data.ts';
import { csrfOf } from '../support/identity.ts';
import { act, type CasesApp, casesApp, draftOf, submit } from '../cases/support.ts';

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
let ids: { attachment: string; document: string; collection: string; call: string };

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
  ids = { attachment, document, collection: marked.value.id, call: call.value.id };
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
      if (res.statusCode !== 200 || after <= before) {
        missing.push(`${keyOf(route)} (${url}): ${res.statusCode}, access records ${before} → ${after}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
