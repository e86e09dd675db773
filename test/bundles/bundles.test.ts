/**
 * Life-event bundles (ADR 0031) on the test database: "birth of a child" filed once opens a case at each of four
 * agencies in one transaction, prefilled from the population register; the same idempotency key answers the same
 * bundle; a case decided leaves the others open and the bundle's status follows its cases; each agency's fetch of the
 * population record is an access record the parent sees in "Who saw my data"; the bundle's pages in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { BundleView } from '../../src/modules/bundles/index.ts';
import { act, type CasesApp, casesApp, newKey } from '../cases/support.ts';
import { csrfOf } from '../support/identity.ts';

type Who = Awaited<ReturnType<CasesApp['person']>>;

let t: CasesApp;
let iryna: Who;
let clerk: Who;
let decider: Who;
const IBAN = `UA${'2'.repeat(27)}`;
const MEMBERS = [
  ['birth-registration', 'ministry-of-justice'],
  ['residence-registration', 'state-migration-service'],
  ['birth-assistance', 'pension-fund'],
  ['taxpayer-number', 'state-tax-service'],
];

beforeAll(async () => {
  t = await casesApp('2026-12-07');
  iryna = await t.person('iryna-bondar');
  clerk = await t.person('mykola-tkachenko', 'staff');
  decider = await t.person('oksana-lysenko', 'staff');
});

afterAll(async () => {
  await t.close();
});

const file = async (key: string, body: Record<string, string> = { relationship: 'mother', bankIban: IBAN }): Promise<BundleView> => {
  const submitted = await t.services.bundles.submit(iryna, 'birth-of-child', body, { idempotencyKey: key, declared: true, channel: 'web', lang: 'uk' });
  if (!submitted.ok) {
    throw new Error(`bundle refused: ${submitted.error.code}`);
  }
  return submitted.value;
};

const casesOfIryna = async () => (await t.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE applicant_person_id = $1', [iryna.person.id]))[0]?.n;

describe('a life event\'s bundle in the catalogue', () => {
  it('names four member services at four agencies, each with its own term, and "starting a business" too', async () => {
    const birth = await t.services.bundles.offer('birth-of-child');
    expect(birth?.members.map((m) => [m.service.id, m.service.organisationId])).toEqual(MEMBERS);
    expect(new Set(birth?.members.map((m) => `${m.service.deadline.days} ${m.service.deadline.unit}`)).size).toBeGreaterThan(1);
    expect((await t.services.bundles.offer('starting-business'))?.members.length).toBeGreaterThanOrEqual(2);
    expect(await t.services.bundles.offer('moving-house')).toBe(null);
  });

  it('refuses a catalogue whose bundle names a service that does not exist', async () => {
    const [event] = (await t.services.catalogue.exportRecords()).events.filter((e) => e.id === 'birth-of-child');
    const broken = { ...event!, bundle: { ...event!.bundle!, services: ['birth-registration', 'no-such-service'] } };
    const imported = await t.services.catalogue.importRecords({ organisations: [], centres: [], events: [broken], services: [] }, 'test');
    expect(imported.ok ? null : imported.error.issues.map((i) => i.pointer)).toEqual(['/bundle/services/1']);
  });
});

describe('filing the birth of a child once', () => {
  it('prefills the parent, the address and the child from the population register, locked', async () => {
    const started = await t.services.bundles.start(iryna, 'birth-of-child');
    expect(started.ok && started.value.answers).toMatchObject({
      givenName: 'Ірина', nationalId: '9000000044', childGivenName: 'Марко', childFamilyName: 'Бондар', childBirthDate: '2026-10-26', childNationalId: '9000000156',
    });
    expect(started.ok && started.value.answers['address']).toMatch(/\S/);
    expect(started.ok ? [...started.value.locked].sort() : null).toEqual(
      ['address', 'childBirthDate', 'childFamilyName', 'childGivenName', 'childNationalId', 'familyName', 'givenName', 'nationalId'],
    );
    expect(started.ok && started.value.sources['childNationalId']).toBe('population.person');
  });

  it('refuses missing answers and an unconfirmed declaration, opening nothing', async () => {
    const before = await casesOfIryna();
    const missing = await t.services.bundles.submit(iryna, 'birth-of-child', { relationship: 'mother' }, { idempotencyKey: newKey(), declared: true, channel: 'web', lang: 'uk' });
    expect(missing.ok ? null : [missing.error.code, missing.error.code === 'bundles.incomplete' && missing.error.issues.map((i) => i.field)]).toEqual(['bundles.incomplete', ['bankIban']]);
    const undeclared = await t.services.bundles.submit(iryna, 'birth-of-child', { relationship: 'mother', bankIban: IBAN }, { idempotencyKey: newKey(), declared: false, channel: 'web', lang: 'uk' });
    expect(undeclared.ok ? null : undeclared.error.code).toBe('bundles.declaration_required');
    expect(await casesOfIryna()).toBe(before);
  });

  it('opens one case per member service in one go, each at its agency with its own term, channel, parties, audit and notices', async () => {
    const before = await casesOfIryna();
    const bundle = await file(newKey());
    expect(await casesOfIryna()).toBe((before ?? 0) + 4);
    expect(bundle.parts.map((p) => [p.case.serviceId, p.case.organisationId])).toEqual(MEMBERS);
    expect(bundle.parts.every((p) => p.case.channel === 'web' && p.case.state === 'submitted' && p.case.dueOn !== null)).toBe(true);
    // The parent acts, the newborn is the represented party (as when a parent applies for a child).
    expect(new Set(bundle.parts.map((p) => JSON.stringify([p.case.applicantPersonId, p.case.party])))).toEqual(new Set([JSON.stringify([iryna.person.id, { kind: 'person', id: '9000000156', name: 'Марко Бондар' }])]));
    expect(bundle.parts.map((p) => p.case.term)).toEqual(bundle.parts.map((p) => ({ days: p.service?.deadline.days, unit: p.service?.deadline.unit })));
    expect(new Set(bundle.parts.map((p) => p.case.dueOn)).size).toBeGreaterThan(1);
    expect(bundle.parts.every((p) => p.case.answers['childNationalId'] === '9000000156' && p.case.answers['bankIban'] === IBAN)).toBe(true);
    expect(bundle.bundle.subject).toEqual({ nationalId: '9000000156', name: 'Марко Бондар' });
    expect(bundle.status).toBe('in-progress');
    const numbers = bundle.parts.map((p) => `case:${p.case.number}`);
    const audited = await t.services.db.query<{ subject: string }>("SELECT subject FROM audit_events WHERE action = 'case.submit' AND subject = ANY($1)", [numbers]);
    expect(audited.length).toBe(4);
    expect((await t.services.db.query("SELECT 1 FROM audit_events WHERE action = 'bundle.submit' AND subject = $1", [`bundle:${bundle.bundle.id}`])).length).toBe(1);
    const notices = await t.services.db.query<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE topic = 'case.submitted' AND payload->>'caseId' = ANY($1)", [bundle.parts.map((p) => p.case.id)]);
    expect(notices[0]?.n).toBe(4);
  });

  it('answers the same bundle for the same idempotency key, opening nothing more', async () => {
    const key = newKey();
    const first = await file(key);
    const count = await casesOfIryna();
    const again = await file(key, { relationship: 'father', bankIban: IBAN });
    expect(again.bundle.id).toBe(first.bundle.id);
    expect(again.parts.map((p) => p.case.id)).toEqual(first.parts.map((p) => p.case.id));
    expect(await casesOfIryna()).toBe(count);
    const [twice] = await Promise.all([file(newKey()), file(key)]);
    expect(twice.parts.length).toBe(4);
  });
});

describe('each case decided on its own', () => {
  it('a case granted leaves the others open; the bundle is partly decided, then decided', async () => {
    const bundle = await file(newKey());
    const [first, ...rest] = bundle.parts;
    await act(t.services, clerk, first!.case.id, 'register');
    await act(t.services, clerk, first!.case.id, 'start-review');
    await act(t.services, decider, first!.case.id, 'grant');
    const partly = await t.services.bundles.get(iryna, bundle.bundle.id);
    expect(partly.ok && partly.value.status).toBe('partly-decided');
    expect(partly.ok && partly.value.parts.map((p) => p.case.outcome)).toEqual(['granted', null, null, null]);
    for (const p of rest) {
      await act(t.services, clerk, p.case.id, 'register');
      await act(t.services, clerk, p.case.id, 'start-review');
      await act(t.services, decider, p.case.id, 'grant');
    }
    const decided = await t.services.bundles.get(iryna, bundle.bundle.id);
    expect(decided.ok && decided.value.status).toBe('decided');
  });

  it('is the applicant\'s own: another person does not see it', async () => {
    const bundle = await file(newKey());
    const olena = await t.person('olena-koval');
    expect((await t.services.bundles.get(olena, bundle.bundle.id)).ok).toBe(false);
    expect((await t.services.bundles.mine(olena)).length).toBe(0);
    expect((await t.services.bundles.mine(iryna)).some((b) => b.bundle.id === bundle.bundle.id)).toBe(true);
  });
});

describe('the registries\' queries for the bundle are in "Who saw my data"', () => {
  it('each agency fetches the population record for its case; the parent sees each as an access record', async () => {
    const bundle = await file(newKey());
    // The job takes the oldest requests first, in batches: earlier bundles' requests wait too.
    let fetched = 0;
    for (let round = (await t.services.registries.fetchDue()).fetched; round > 0; round = (await t.services.registries.fetchDue()).fetched) {
      fetched += round;
    }
    expect(fetched).toBeGreaterThanOrEqual(4);
    const seen = await t.services.accessLog.list(iryna, 'self', 1);
    const numbers = bundle.parts.map((p) => p.case.number);
    const ours = (seen?.entries ?? []).filter((e) => e.caseNumber !== null && numbers.includes(e.caseNumber));
    expect(ours.map((e) => [e.agencyId, e.what]).sort()).toEqual(MEMBERS.map(([, agency]) => [agency, 'population-record']).sort());
  });
});

describe('the bundle\'s pages, in both languages', () => {
  const cookie = () => `portico_session=${iryna.token}`;
  const post = async (lang: string, form: Record<string, string>) => t.app.inject({
    method: 'POST', url: `/${lang}/events/birth-of-child/apply`, headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: await csrfOf(t.app, cookie(), `/${lang}/cabinet`), ...form }).toString(),
  });

  for (const [lang, words] of [['uk', { agency: 'Пенсійний фонд', child: 'Марко', status: 'Розглядається', mine: 'Заяви в життєвих ситуаціях' }], ['en', { agency: 'Pension Fund', child: 'Марко', status: 'In progress', mine: 'Applications for life events' }]] as const) {
    it(`${lang}: the one form lists the four agencies and the register's answers; bad input is an error summary; filed, it is one bundle page and one item of My applications`, async () => {
      const form = await t.app.inject({ url: `/${lang}/events/birth-of-child/apply`, headers: { cookie: cookie() } });
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain(words.agency);
      expect(form.body).toContain(words.child);
      expect(form.body).not.toMatch(/name="childGivenName"/);
      const bad = await post(lang, { relationship: 'mother', bankIban: 'UA12', idempotencyKey: newKey(), declaration: 'yes' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('govuk-error-summary');
      expect(bad.body).toContain('href="#filter-bankIban"');
      const good = await post(lang, { relationship: 'mother', bankIban: IBAN, idempotencyKey: newKey(), declaration: 'yes' });
      expect(good.statusCode).toBe(303);
      const location = String(good.headers.location);
      expect(location).toMatch(new RegExp(`^/${lang}/cabinet/bundles/[0-9a-f-]{36}$`));
      const page = await t.app.inject({ url: location, headers: { cookie: cookie() } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(words.status);
      expect(page.body).toContain(words.agency);
      // Acting as herself, each case (in the child's name) is a button that switches to act for the child and opens it.
      expect((page.body.match(/href="\/[a-z]{2}\/cabinet\/cases\/[0-9a-f-]{36}"/g) ?? []).length).toBe(0);
      expect((page.body.match(/name="next" value="\/[a-z]{2}\/cabinet\/cases\/[0-9a-f-]{36}"/g) ?? []).length).toBe(4);
      const mine = await t.app.inject({ url: `/${lang}/cabinet/applications`, headers: { cookie: cookie() } });
      expect(mine.body).toContain(words.mine);
      expect(mine.body).toContain(`href="${location}"`);
      expect(mine.body).not.toMatch(/href="\/[a-z]{2}\/cabinet\/cases\//);
      const other = await t.person('olena-koval');
      expect((await t.app.inject({ url: location, headers: { cookie: `portico_session=${other.token}` } })).statusCode).toBe(404);
    });
  }
});
