/**
 * The base registries over the exchange (ADR 0027), end to end against their stand-ins on a real port and the
 * test database: each register's service answers its contract, signed and logged on both sides, with an access
 * record; a tampered request to each is refused; an answer that breaks the contract is no answer; the business
 * register agrees with the portal's demo companies; once-only prefill shows its source on the page in both
 * languages; evidence a registry holds is fetched after submission with the case number as X-Road-Issue, and a
 * registry down leaves the case waiting (shown to the officer and the applicant) until it answers.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { registriesDirectory, startRegistries } from '../../src/dev/index.ts';
import { createRegistries } from '../../src/modules/registries/index.ts';
import {
  bodyDigest, createExchangeClient, DEVELOPMENT_EXCHANGE, DEVELOPMENT_EXCHANGE_SECRET, HEADERS, memberKey, messageLogRepository, SIGNATURE_HEADER, signRequest,
} from '../../src/platform/exchange/index.ts';
import { REGISTRY_CONTRACTS, type RegistryServiceKey } from '../../src/platform/registries/index.ts';
import { act, type CasesApp, casesApp, completeDraft, draftOf, submit } from '../cases/support.ts';

type Who = Awaited<ReturnType<CasesApp['person']>>;

let t: CasesApp;
let olena: Who;
let clerk: Who;
let caseNumber: string;
const OLENA_ID = '9000000011';
const portalKey = memberKey('PORTICO-DEV/GOV/00000001', DEVELOPMENT_EXCHANGE_SECRET);

beforeAll(async () => {
  t = await casesApp('2026-12-04');
  olena = await t.person('olena-koval');
  clerk = await t.person('mykola-tkachenko', 'staff');
  const running = await submit(t.services, olena, await draftOf(t.services, olena, 'criminal-record-certificate'));
  await act(t.services, clerk, running.id, 'register');
  caseNumber = running.number;
});

afterAll(async () => {
  await t.close();
});

const readsOf = async (subject: string) => t.services.db.query<{ actor_person_id: string | null; detail: { what: string; role: string; agency: string | null; purpose: Record<string, string> } }>(
  "SELECT actor_person_id, detail FROM audit_events WHERE action = 'personal-data.read' AND subject = $1 ORDER BY id", [subject]);

describe('each register answers its contract over the exchange', () => {
  const cases: Array<[RegistryServiceKey, string, Record<string, unknown>]> = [
    ['business.company', '40000003', { registryCode: '40000003', legalForm: 'llc', directors: ['9000000033', '9000000022'] }],
    ['vehicles.vehicles-of-owner', '9000000022', { nationalId: '9000000022', vehicles: [expect.objectContaining({ plate: 'AX5678MB' }), expect.objectContaining({ plate: 'AX0042AA' })] }],
    ['property.properties-of-owner', OLENA_ID, { properties: [expect.objectContaining({ kind: 'apartment', share: '1/2' })] }],
    ['tax.income', OLENA_ID, { taxNumber: OLENA_ID, incomes: [expect.objectContaining({ year: 2025, amount: 214800 }), expect.objectContaining({ year: 2026 })] }],
    ['social-insurance.insured-record', '9000000055', { insuredMonths: 262, benefits: [expect.objectContaining({ kind: 'child-birth' })] }],
    ['population.person', OLENA_ID, { address: expect.objectContaining({ full: 'Зорехрадська область, м. Зорехрад, вул. Каштанова, 3, кв. 10, 61001' }) }],
  ];
  for (const [key, subject, expected] of cases) {
    it(`${key}: answered, logged on both sides under the register's own subsystem, and an access record of the subject`, async () => {
      const whose = REGISTRY_CONTRACTS[key].subject === 'business' ? `business:${subject}` : `national-id:${subject}`;
      const before = (await readsOf(whose)).length;
      const answer = await t.services.registries.query(clerk, key, subject, { case: caseNumber });
      expect(answer.ok ? answer.value.record : answer.error).toMatchObject(expected);
      if (!answer.ok) {
        return;
      }
      // Both sides' rows, the client's first (their ids follow commit order, not the order of the hops).
      const rows = (await messageLogRepository.byRequestId(t.services.db, answer.value.requestId)).sort((a, b) => a.side.localeCompare(b.side));
      const subsystem = REGISTRY_CONTRACTS[key].service.split('/').slice(0, 4).join('/');
      expect(rows.map((r) => [r.side, r.member, r.outcome, r.status, r.service, r.issue, r.userId])).toEqual([
        ['client', DEVELOPMENT_EXCHANGE.portal, 'done', 200, REGISTRY_CONTRACTS[key].service, caseNumber, clerk.person.id],
        ['provider', subsystem, 'done', 200, REGISTRY_CONTRACTS[key].service, caseNumber, clerk.person.id],
      ]);
      expect(rows[0]?.responseDigest).toBe(rows[1]?.responseDigest);
      const reads = await readsOf(whose);
      expect(reads.length).toBe(before + 1);
      expect(reads.at(-1)).toMatchObject({ actor_person_id: clerk.person.id, detail: { what: `${REGISTRY_CONTRACTS[key].register}-record`, purpose: { case: caseNumber } } });
    });

    it(`${key}: a request signed by another key, or with its body changed, is refused with no data and logged by the register`, async () => {
      const service = REGISTRY_CONTRACTS[key].service;
      const path = `/r1/${service}`;
      const body = JSON.stringify(REGISTRY_CONTRACTS[key].subject === 'business' ? { registryCode: subject } : { nationalId: subject });
      for (const [key2, signedBody, type] of [
        [memberKey('PORTICO-DEV/GOV/00000001', 'another secret of thirty-two characters or more'), body, 'Client.InvalidSignature'],
        [portalKey, JSON.stringify({ nationalId: '9000000099' }), 'Client.BodyDigestMismatch'],
      ] as const) {
        const id = randomUUID();
        const iat = Math.floor(t.clock.now().getTime() / 1000);
        const headers: Record<string, string> = { 'content-type': 'application/json', [HEADERS.client]: DEVELOPMENT_EXCHANGE.portal, [HEADERS.id]: id, [HEADERS.userId]: clerk.person.id, [HEADERS.issue]: caseNumber };
        headers[SIGNATURE_HEADER] = await signRequest(key2, { method: 'POST', path, client: DEVELOPMENT_EXCHANGE.portal, id, userId: clerk.person.id, issue: caseNumber, digest: bodyDigest(signedBody), iat });
        const response = await fetch(`${t.registry.url}${path}`, { method: 'POST', headers, body });
        expect([response.status, response.headers.get(HEADERS.error)]).toEqual([401, type]);
        const text = await response.text();
        expect(JSON.parse(text)).toMatchObject({ type, detail: id });
        const rows = await messageLogRepository.byRequestId(t.services.db, id);
        expect(rows.map((r) => [r.side, r.member, r.outcome, r.error])).toEqual([['provider', service.split('/').slice(0, 4).join('/'), 'refused', type]]);
      }
    });
  }

  it('"no such subject" is an answer (record null) and recorded; a company code for a person\'s service is refused before anything is sent', async () => {
    const none = await t.services.registries.query(clerk, 'tax.income', '9999999990', { case: caseNumber });
    expect(none.ok && none.value.record).toBe(null);
    expect((await readsOf('national-id:9999999990')).map((r) => r.detail.what)).toEqual(['tax-record']);
    expect(await t.services.registries.query(clerk, 'tax.income', '40000001', { case: caseNumber })).toEqual({ ok: false, error: { code: 'registry.subject-invalid' } });
    expect(await t.services.registries.query(olena, 'tax.income', OLENA_ID, { case: caseNumber })).toEqual({ ok: false, error: { code: 'registry.forbidden' } });
  });

  it('an answer that breaks the service\'s contract is no answer: unavailable, and no access record', async () => {
    // The tax service's name pointed at the population register: a person's record is not an income record.
    const exchange = createExchangeClient({ db: t.services.db, clock: t.clock, baseUrl: t.registry.url, client: DEVELOPMENT_EXCHANGE.portal, key: portalKey, timeoutMs: 5000 });
    const services = { ...t.services.config.exchange.services, 'tax.income': REGISTRY_CONTRACTS['population.person'].service };
    const wrong = createRegistries({ db: t.services.db, clock: t.clock, exchange, services, retrySeconds: 30 });
    const before = (await readsOf('national-id:9000000044')).length;
    const answer = await wrong.query(clerk, 'tax.income', '9000000044', { case: caseNumber });
    expect(answer.ok ? null : answer.error.code).toBe('registry.unavailable');
    expect((await readsOf('national-id:9000000044')).length).toBe(before);
  });

  it('the business register agrees with the portal\'s demo companies and directorships', async () => {
    const companies = await t.services.db.query<{ registry_code: string; name_uk: string; name_en: string; legal_form: string }>('SELECT registry_code, name_uk, name_en, legal_form FROM business_registry ORDER BY registry_code');
    expect(companies.length).toBeGreaterThan(0);
    for (const c of companies) {
      const directors = (await t.services.db.query<{ national_id: string }>('SELECT national_id FROM business_directors WHERE registry_code = $1 ORDER BY national_id', [c.registry_code])).map((d) => d.national_id);
      const answer = await t.services.registries.query(clerk, 'business.company', c.registry_code, { case: caseNumber });
      const record = answer.ok ? answer.value.record : null;
      expect(record).toMatchObject({ registryCode: c.registry_code, name: { uk: c.name_uk, en: c.name_en }, legalForm: c.legal_form, status: 'active' });
      expect([...(record?.directors ?? [])].sort()).toEqual(directors);
    }
  });
});

const HOUSING = {
  email: 'olena@example.test', phone: '+380501234567', tenure: 'owner', floorArea: '54', heating: 'central', period: 'heating', householdSize: '1',
  householdMembers: 'Коваль Олена, 1990 р. н.', unregisteredIncome: 'no', largePurchase: 'no', arrears: 'none',
};
const OLENA_ADDRESS = 'Зорехрадська область, м. Зорехрад, вул. Каштанова, 3, кв. 10, 61001';
const page = async (url: string, who: Who) => (await t.app.inject({ url, headers: { cookie: `portico_session=${who.token}` } })).body;

describe('once-only prefill from a registry, with its source', () => {
  it('answers the question from the population register, shows where from and when in both languages, and keeps it from being changed', async () => {
    const before = (await readsOf(`national-id:${OLENA_ID}`)).length;
    const started = await t.services.drafts.start(olena, 'housing-subsidy');
    expect(started.ok).toBe(true);
    if (!started.ok) {
      return;
    }
    expect(started.value.answers['homeAddress']).toBe(OLENA_ADDRESS);
    const reads = await readsOf(`national-id:${OLENA_ID}`);
    expect(reads.length).toBe(before + 1);
    expect(reads.at(-1)).toMatchObject({ actor_person_id: olena.person.id, detail: { what: 'population-record', role: 'applicant', purpose: { basis: 'application-prefill' } } });
    const view = await t.services.drafts.get(olena, started.value.id);
    expect(view.ok && view.value.sources['homeAddress']).toEqual({ service: 'population.person', at: t.clock.now() });
    expect(view.ok && view.value.locked).toContain('homeAddress');
    for (const [lang, words] of [['en', 'From the population register, 4 December 2026'], ['uk', 'З реєстру населення, 4 грудня 2026']] as const) {
      const html = await page(`/${lang}/applications/${started.value.id}/pages/home`, olena);
      expect(html).toContain(OLENA_ADDRESS);
      expect(html).toContain(words);
      expect(html).not.toContain('name="homeAddress"');
    }
    const saved = await t.services.drafts.savePage(olena, started.value.id, 'home', { ...HOUSING, homeAddress: 'Somewhere else entirely, 1' });
    expect(saved.ok && saved.value.draft.answers['homeAddress']).toBe(OLENA_ADDRESS);
  });

  it('leaves the question to answer when the registry is down', async () => {
    const port = Number(new URL(t.registry.url).port);
    await t.registry.close();
    try {
      const started = await t.services.drafts.start(olena, 'housing-subsidy');
      expect(started.ok && started.value.answers['homeAddress']).toBe(undefined);
      const view = started.ok ? await t.services.drafts.get(olena, started.value.id) : null;
      expect(view?.ok && view.value.locked).not.toContain('homeAddress');
    } finally {
      await restart(port);
    }
  });
});

/** The registries' stand-ins again on the same port (the portal is configured with it). */
async function restart(port: number) {
  const again = await startRegistries({
    host: '127.0.0.1', port, db: t.services.db, clock: t.clock, directory: registriesDirectory(DEVELOPMENT_EXCHANGE_SECRET), maxAgeSeconds: t.services.config.exchange.maxAgeSeconds,
  });
  Object.assign(t, { registry: again });
}

const evidenceRows = (caseId: string) => t.services.registries.evidenceOf(caseId);

describe('evidence a registry holds is fetched for the officer, not asked of the person', () => {
  it('is not asked on the form; after submission the job fetches it with the case number as X-Road-Issue, attaches it, and records each query', async () => {
    const form = (await t.services.catalogue.service('housing-subsidy')).value?.form;
    expect(form?.pages.flatMap((p) => p.fields).filter((f) => f.evidenceId === 'registered-income' || f.evidenceId === 'insured-record')).toEqual([]);
    const c = await submit(t.services, olena, await completeDraft(t.services, olena, 'housing-subsidy', HOUSING, ['identityDocument']));
    expect((await evidenceRows(c.id)).map((e) => [e.evidenceId, e.service, e.status])).toEqual([
      ['registered-income', 'tax.income', 'waiting'], ['insured-record', 'social-insurance.insured-record', 'waiting'],
    ]);
    const reads = (await readsOf(`national-id:${OLENA_ID}`)).length;
    expect(await t.services.registries.fetchDue()).toEqual({ fetched: 2, waiting: 0 });
    const fetched = await evidenceRows(c.id);
    expect(fetched.map((e) => [e.evidenceId, e.status, e.fetchedAt])).toEqual([['registered-income', 'fetched', t.clock.now()], ['insured-record', 'fetched', t.clock.now()]]);
    expect(fetched[0]?.record).toMatchObject({ taxNumber: OLENA_ID, incomes: [expect.objectContaining({ amount: 214800 }), expect.objectContaining({ amount: 198450.5 })] });
    for (const e of fetched) {
      const rows = (await messageLogRepository.byRequestId(t.services.db, e.requestId ?? '')).sort((a, b) => a.side.localeCompare(b.side));
      expect(rows.map((r) => [r.side, r.issue, r.outcome])).toEqual([['client', c.number, 'done'], ['provider', c.number, 'done']]);
    }
    const records = (await readsOf(`national-id:${OLENA_ID}`)).slice(reads);
    expect(records.map((r) => [r.actor_person_id, r.detail.what, r.detail.role, r.detail.agency, r.detail.purpose])).toEqual([
      [null, 'tax-record', 'portal', 'pension-fund', { case: c.number, law: 'Cabinet Resolution No. 863 of 21.10.2019' }],
      [null, 'social-insurance-record', 'portal', 'pension-fund', { case: c.number, law: 'Cabinet Resolution No. 863 of 21.10.2019' }],
    ]);
    expect(await t.services.registries.fetchDue()).toEqual({ fetched: 0, waiting: 0 });
  });

});

describe('a registry down: the case waits and is asked again, never losing what it waits for', () => {
  it('shows the officer and the applicant that it waits for the register; once the register is back the job attaches the evidence', async () => {
    const port = Number(new URL(t.registry.url).port);
    await t.registry.close();
    let c;
    try {
      c = await submit(t.services, olena, await completeDraft(t.services, olena, 'housing-subsidy', { ...HOUSING, homeAddress: 'м. Зорехрад, вул. Каштанова, 3, кв. 10' }, ['identityDocument']));
      expect(await t.services.registries.fetchDue()).toEqual({ fetched: 0, waiting: 2 });
      const waiting = await evidenceRows(c.id);
      expect(waiting.map((e) => [e.status, e.attempts, e.lastError, e.nextAttemptAt.getTime() - t.clock.now().getTime()])).toEqual([
        ['waiting', 1, 'registry.unavailable', 30_000], ['waiting', 1, 'registry.unavailable', 30_000],
      ]);
      // Not due yet: nothing is asked.
      expect(await t.services.registries.fetchDue()).toEqual({ fetched: 0, waiting: 0 });
      t.clock.set(new Date(t.clock.now().getTime() + 31_000));
      expect(await t.services.registries.fetchDue()).toEqual({ fetched: 0, waiting: 2 });
      expect((await evidenceRows(c.id)).map((e) => [e.attempts, e.nextAttemptAt.getTime() - t.clock.now().getTime()])).toEqual([[2, 60_000], [2, 60_000]]);
      const officer = await t.person('mykola-tkachenko', 'staff');
      const officerPage = await page(`/en/office/cases/${c.id}`, officer);
      const mine = await page(`/en/cabinet/cases/${c.id}`, olena);
      for (const html of [officerPage, mine]) {
        expect(html).toContain("Waiting for the taxpayers' register");
        expect(html).toContain('Waiting for the social insurance register');
      }
      expect(await page(`/uk/cabinet/cases/${c.id}`, olena)).toContain('Очікуємо відповідь реєстру платників податків');
    } finally {
      await restart(port);
    }
    t.clock.set(new Date(t.clock.now().getTime() + 61_000));
    expect(await t.services.registries.fetchDue()).toEqual({ fetched: 2, waiting: 0 });
    const done = await evidenceRows(c.id);
    expect(done.map((e) => [e.status, e.attempts, e.lastError])).toEqual([['fetched', 3, null], ['fetched', 3, null]]);
    const officer = await t.person('mykola-tkachenko', 'staff');
    const html = await page(`/en/office/cases/${c.id}`, officer);
    expect(html).not.toContain('Waiting for the');
    expect(html).toContain("From the taxpayers' register");
    expect(html).toContain(done[0]?.requestId ?? 'no request id');
    expect(html).toContain('198450.5');
  });
});
