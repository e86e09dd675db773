/**
 * The exchange with the population registry (ADR 0024), end to end against the registry's stand-in on a
 * real port and the test database: a query answered and logged on both sides, with an access record the
 * person sees; messages tampered with, signed by another key, unsigned, replayed, stale or from a client
 * without the right refused with no data and logged; the registry down a failure value; the log sealed
 * and verified, and an edited message found.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CaseRecord } from '../../src/modules/cases/index.ts';
import { createPopulationRegister } from '../../src/modules/population/index.ts';
import {
  bodyDigest, createExchangeClient, DEVELOPMENT_EXCHANGE, DEVELOPMENT_EXCHANGE_SECRET, HEADERS, memberKey, type MemberKey, messageLogRepository, SIGNATURE_HEADER, signRequest,
} from '../../src/platform/exchange/index.ts';
import { act, type CasesApp, casesApp, draftOf, submit } from '../cases/support.ts';

type Who = Awaited<ReturnType<CasesApp['person']>>;

let t: CasesApp;
let olena: Who;
let clerk: Who;
let running: CaseRecord;
const OLENA_ID = '9000000011';
const NATALIIA_ID = '9000000055';
const PATH = `/r1/${DEVELOPMENT_EXCHANGE.personService}`;
const portalKey = memberKey('PORTICO-DEV/GOV/00000001', DEVELOPMENT_EXCHANGE_SECRET);

beforeAll(async () => {
  t = await casesApp('2026-12-01');
  olena = await t.person('olena-koval');
  clerk = await t.person('mykola-tkachenko', 'staff');
  running = await submit(t.services, olena, await draftOf(t.services, olena, 'criminal-record-certificate'));
  await act(t.services, clerk, running.id, 'register');
});

afterAll(async () => {
  await t.close();
});

/** A request as a client's security server would send it, with parts of it changed on the way. */
async function send(options: { id?: string; client?: string; key?: MemberKey | null; signedBody?: string; body?: string; iat?: number; signedIssue?: string }) {
  const id = options.id ?? randomUUID();
  const client = options.client ?? DEVELOPMENT_EXCHANGE.portal;
  const body = options.body ?? JSON.stringify({ nationalId: OLENA_ID });
  const iat = options.iat ?? Math.floor(t.clock.now().getTime() / 1000);
  const headers: Record<string, string> = { 'content-type': 'application/json', [HEADERS.client]: client, [HEADERS.id]: id, [HEADERS.userId]: clerk.person.id, [HEADERS.issue]: running.number };
  const key = options.key === undefined ? portalKey : options.key;
  if (key !== null) {
    headers[SIGNATURE_HEADER] = await signRequest(key, {
      method: 'POST', path: PATH, client, id, userId: clerk.person.id, issue: options.signedIssue ?? running.number, digest: bodyDigest(options.signedBody ?? body), iat,
    });
  }
  const response = await fetch(`${t.registry.url}${PATH}`, { method: 'POST', headers, body });
  return { id, status: response.status, error: response.headers.get(HEADERS.error), text: await response.text() };
}

const providerRows = async (id: string) => (await messageLogRepository.byRequestId(t.services.db, id)).filter((r) => r.side === 'provider');
const readsOf = async (subject: string) => t.services.db.query<{ detail: { what: string; purpose: { case?: string } } }>(
  "SELECT detail FROM audit_events WHERE action = 'personal-data.read' AND subject = $1 ORDER BY id", [subject]);

describe('a registry query over the exchange', () => {
  it('answers the person\'s record, logs it on both sides and writes an access record the person sees', async () => {
    const before = (await readsOf(`national-id:${OLENA_ID}`)).length;
    const answer = await t.services.population.person(clerk, NATALIIA_ID, { case: running.number });
    expect(answer.ok).toBe(true);
    if (!answer.ok) {
      return;
    }
    expect(answer.value.record).toMatchObject({ nationalId: NATALIIA_ID, familyName: 'Гриценко', birthDate: '1984-07-08', address: { locality: 'м. Зорехрад' } });
    expect(answer.value.record?.children.map((c) => c.nationalId)).toEqual(['9000000101']);
    const rows = await messageLogRepository.byRequestId(t.services.db, answer.value.requestId);
    expect(rows.map((r) => [r.side, r.member, r.outcome, r.status])).toEqual([
      ['provider', DEVELOPMENT_EXCHANGE.population, 'done', 200],
      ['client', DEVELOPMENT_EXCHANGE.portal, 'done', 200],
    ]);
    for (const r of rows) {
      expect(r).toMatchObject({ client: DEVELOPMENT_EXCHANGE.portal, service: DEVELOPMENT_EXCHANGE.personService, issue: running.number, userId: clerk.person.id });
    }
    expect(rows[0]?.requestDigest).toBe(rows[1]?.requestDigest);
    expect(rows[0]?.responseDigest).toBe(rows[1]?.responseDigest);
    const reads = await readsOf(`national-id:${NATALIIA_ID}`);
    expect(reads.at(-1)?.detail).toMatchObject({ what: 'population-record', purpose: { case: running.number } });

    // Olena asked about by the clerk for her case: the record is in her "Who saw my data".
    expect((await t.services.population.person(clerk, OLENA_ID, { case: running.number })).ok).toBe(true);
    expect((await readsOf(`national-id:${OLENA_ID}`)).length).toBe(before + 1);
    const page = await t.services.accessLog.list(olena, 'self', 1);
    expect(page?.entries.some((e) => e.what === 'population-record' && 'case' in e.purpose && e.purpose.case === running.number)).toBe(true);
    for (const [lang, words] of [['en', 'Your record in the population register'], ['uk', 'Ваш запис у реєстрі населення']] as const) {
      const html = (await t.app.inject({ url: `/${lang}/cabinet/data-access`, headers: { cookie: `portico_session=${olena.token}` } })).body;
      expect(html).toContain(words);
      expect(html).toContain(running.number);
      expect(html).not.toMatch(/accessLog\.|population-record/);
    }
  });

  it('answers "no such person" as a value, and records that the register was asked', async () => {
    const answer = await t.services.population.person(clerk, '9999999990', { case: running.number });
    expect(answer.ok && answer.value.record).toBe(null);
    expect((await readsOf('national-id:9999999990')).length).toBe(1);
  });

  it('is for staff only: a citizen\'s session is refused before anything is sent', async () => {
    const answer = await t.services.population.person(olena, OLENA_ID, { case: running.number });
    expect(answer).toEqual({ ok: false, error: { code: 'population.forbidden' } });
  });
});

describe('the provider\'s side refuses, with no data, and logs', () => {
  const refusals: Array<[string, () => Promise<Awaited<ReturnType<typeof send>>>, string, number]> = [
    ['a tampered body', () => send({ signedBody: JSON.stringify({ nationalId: '9000000022' }) }), 'Client.BodyDigestMismatch', 401],
    ['a tampered header', () => send({ signedIssue: 'another-case' }), 'Client.SignedValueMismatch', 401],
    ['a signature of another key', () => send({ key: memberKey('PORTICO-DEV/GOV/00000001', 'another secret of thirty-two characters or more') }), 'Client.InvalidSignature', 401],
    ['an unsigned message', () => send({ key: null }), 'Client.MissingSignature', 401],
    ['a stale message', () => send({ iat: Math.floor(t.clock.now().getTime() / 1000) - 3600 }), 'Client.StaleMessage', 401],
    ['a client without the right to the service', () => send({ client: 'PORTICO-DEV/GOV/00000001/other' }), 'Server.ServerProxy.AccessDenied', 403],
    ['no client named', () => send({ client: 'nobody' }), 'Client.InvalidClientIdentifier', 400],
  ];
  for (const [what, call, type, status] of refusals) {
    it(`refuses ${what}`, async () => {
      const answer = await call();
      expect([answer.status, answer.error]).toEqual([status, type]);
      const body = JSON.parse(answer.text) as Record<string, unknown>;
      expect([Object.keys(body).sort(), body['type'], body['detail'], typeof body['message']]).toEqual([['detail', 'message', 'type'], type, answer.id, 'string']);
      expect(answer.text).not.toContain('Коваль');
      const rows = await providerRows(answer.id);
      expect(rows.map((r) => [r.outcome, r.error, r.status, r.responseDigest])).toEqual([['refused', type, status, null]]);
    });
  }

  it('answers a signed message once and refuses it replayed', async () => {
    const id = randomUUID();
    const first = await send({ id });
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text)).toMatchObject({ nationalId: OLENA_ID });
    const replay = await send({ id });
    expect([replay.status, replay.error]).toEqual([409, 'Client.DuplicateId']);
    expect(replay.text).not.toContain('Коваль');
    expect((await providerRows(id)).map((r) => [r.outcome, r.error])).toEqual([['done', null], ['refused', 'Client.DuplicateId']]);
  });

  it('forgets request ids after twice the freshness window, and a message that old is still refused, as stale', async () => {
    const id = randomUUID();
    const signedAt = Math.floor(t.clock.now().getTime() / 1000);
    expect((await send({ id, iat: signedAt })).status).toBe(200);
    const seen = () => t.services.db.query('SELECT 1 FROM exchange_seen_ids WHERE request_id = $1', [id]);
    await t.services.exchangeLog.seal();
    expect(await seen()).toHaveLength(1);
    const now = t.clock.now();
    t.clock.set(new Date(now.getTime() + 121_000));
    try {
      await t.services.exchangeLog.seal();
      expect(await seen()).toEqual([]);
      const replay = await send({ id, iat: signedAt });
      expect([replay.status, replay.error]).toEqual([401, 'Client.StaleMessage']);
    } finally {
      t.clock.set(now);
    }
  });

  it('gives the portal a refusal as a value, logged on its side, and no access record', async () => {
    const other = createExchangeClient({ db: t.services.db, clock: t.clock, baseUrl: t.registry.url, client: 'PORTICO-DEV/GOV/00000001/other', key: portalKey, timeoutMs: 5000 });
    const register = createPopulationRegister({ db: t.services.db, clock: t.clock, exchange: other, service: DEVELOPMENT_EXCHANGE.personService });
    const answer = await register.person(clerk, '9000000022', { case: running.number });
    expect(answer.ok ? null : answer.error).toMatchObject({ code: 'population.refused', type: 'Server.ServerProxy.AccessDenied' });
    const rows = answer.ok ? [] : await messageLogRepository.byRequestId(t.services.db, 'requestId' in answer.error ? answer.error.requestId : '');
    expect(rows.map((r) => [r.side, r.outcome, r.error])).toEqual([
      ['provider', 'refused', 'Server.ServerProxy.AccessDenied'],
      ['client', 'refused', 'Server.ServerProxy.AccessDenied'],
    ]);
    expect(await readsOf('national-id:9000000022')).toEqual([]);
  });
});

describe('a registry down', () => {
  it('is a failure value to try again later, logged on the portal\'s side, with no access record', async () => {
    const down = createExchangeClient({ db: t.services.db, clock: t.clock, baseUrl: 'http://127.0.0.1:1', client: DEVELOPMENT_EXCHANGE.portal, key: portalKey, timeoutMs: 2000 });
    const register = createPopulationRegister({ db: t.services.db, clock: t.clock, exchange: down, service: DEVELOPMENT_EXCHANGE.personService });
    const answer = await register.person(clerk, '9000000033', { case: running.number });
    expect(answer.ok ? null : answer.error.code).toBe('population.unavailable');
    const rows = answer.ok ? [] : await messageLogRepository.byRequestId(t.services.db, 'requestId' in answer.error ? answer.error.requestId : '');
    expect(rows.map((r) => [r.side, r.outcome, r.error])).toEqual([['client', 'failed', 'exchange.unavailable']]);
    expect(await readsOf('national-id:9000000033')).toEqual([]);
  });
});

describe('the message log', () => {
  it('is sealed in batches chained per member, verifies, and names a batch whose message was edited', async () => {
    expect(await t.services.exchangeLog.seal()).toBeGreaterThan(0);
    expect(await t.services.exchangeLog.seal()).toBe(0);
    const before = await t.services.exchangeLog.verify();
    const total = await t.services.db.query('SELECT 1 FROM exchange_messages');
    expect(before).toEqual({ ok: true, batches: expect.any(Number) as number, messages: total.length });
    await t.services.population.person(clerk, OLENA_ID, { case: running.number });
    expect(await t.services.exchangeLog.seal()).toBe(2); // one batch more on each side
    expect(await t.services.exchangeLog.verify()).toEqual({ ok: true, batches: (before.ok ? before.batches : 0) + 2, messages: total.length + 2 });
    await expect(t.services.db.query("UPDATE exchange_messages SET issue = 'edited' WHERE side = 'client'")).rejects.toThrow(/append-only/);
    await t.services.db.query('ALTER TABLE exchange_messages DISABLE TRIGGER exchange_messages_no_rewrite');
    try {
      const [first] = await t.services.db.query<{ id: string }>("SELECT id::text AS id FROM exchange_messages WHERE member = $1 ORDER BY id LIMIT 1", [DEVELOPMENT_EXCHANGE.portal]);
      await t.services.db.query("UPDATE exchange_messages SET issue = 'edited' WHERE id = $1", [first?.id]);
    } finally {
      await t.services.db.query('ALTER TABLE exchange_messages ENABLE TRIGGER exchange_messages_no_rewrite');
    }
    expect(await t.services.exchangeLog.verify()).toMatchObject({ ok: false, member: DEVELOPMENT_EXCHANGE.portal, batch: 1 });
  });
});
