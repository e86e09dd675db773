/**
 * Consent on the exchange (ADR 0028), end to end on the test database: a tax registry's stand-in with the
 * provider's half in front, a partner bank whose right to the income service is marked `requires consent`,
 * and the portal's consent service as the provider's check. A consent in force lets the request through;
 * revoked or expired, the next request is refused with `Server.ServerProxy.ConsentMissing`, logged on both
 * sides, with no data; another person's consent, or one given to another recipient, does not count; a
 * right not marked needs none. Grants and revocations are audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEVELOPMENT_CONSENT_OFFERS } from '../../src/modules/consent/index.ts';
import { type ExchangeClient, messageLogRepository } from '../../src/platform/exchange/index.ts';
import { type CasesApp, casesApp } from '../cases/support.ts';
import { startTaxRegistry, TAX, type TaxRegistry } from './tax-registry.ts';

type Who = Awaited<ReturnType<CasesApp['person']>>;

const OFFER = DEVELOPMENT_CONSENT_OFFERS[0]!;
const BANK = OFFER.recipient.id; // PORTICO-DEV/COM/00000010/lending
const OTHER_BANK = 'PORTICO-DEV/COM/00000020/lending';
const INCOME = OFFER.service; // …/tax/income
const OBLIGATIONS = `${TAX}/obligations`; // a right the law gives: not marked
const OLENA_ID = '9000000011';
const ANDRII_ID = '9000000022';

let t: CasesApp;
let olena: Who;
let andrii: Who;
let tax: TaxRegistry;
let bank: ExchangeClient;
let otherBank: ExchangeClient;
let answered = 0;

beforeAll(async () => {
  t = await casesApp('2026-12-01');
  olena = await t.person('olena-koval');
  andrii = await t.person('andrii-shevchenko');
  const answer = async ({ body }: { body: unknown }) => {
    answered += 1;
    return { status: 200, body: { nationalId: (body as { nationalId: string }).nationalId, income: [{ month: '2026-10', payer: '40000001', amount: '31500.00' }] } };
  };
  tax = await startTaxRegistry(t, {
    members: ['PORTICO-DEV/COM/00000010', 'PORTICO-DEV/COM/00000020'],
    rights: { [INCOME]: [BANK, OTHER_BANK], [OBLIGATIONS]: [BANK] },
    consentRequired: { [INCOME]: [BANK, OTHER_BANK] },
    services: { income: answer, obligations: answer },
  });
  const client = (subsystem: string, member: string) => tax.client(subsystem, member);
  bank = client(BANK, 'PORTICO-DEV/COM/00000010');
  otherBank = client(OTHER_BANK, 'PORTICO-DEV/COM/00000020');
});

afterAll(async () => {
  await tax?.registry.close();
  await t?.close();
});

const ask = (client: ExchangeClient, nationalId: string, service = INCOME) => client.call({ service, body: { nationalId }, userId: 'loan-officer-17', issue: 'loan-application-2026-0042' });

/** The request was refused for want of consent: no data, and both sides logged the refusal with the stable code. */
async function expectRefused(call: Awaited<ReturnType<typeof ask>>) {
  const before = answered;
  expect(call.ok ? null : call.error).toMatchObject({ code: 'exchange.refused', type: 'Server.ServerProxy.ConsentMissing' });
  expect(answered).toBe(before);
  const requestId = call.ok ? '' : call.error.requestId;
  const rows = await messageLogRepository.byRequestId(t.services.db, requestId);
  expect(rows.map((r) => [r.side, r.outcome, r.error, r.status, r.responseDigest === null])).toEqual([
    ['provider', 'refused', 'Server.ServerProxy.ConsentMissing', 403, true],
    ['client', 'refused', 'Server.ServerProxy.ConsentMissing', 403, false],
  ]);
}

const auditOf = (consentId: string) => t.services.db.query<{ action: string; channel: string; actor_person_id: string }>(
  'SELECT action, channel, actor_person_id::text AS actor_person_id FROM audit_events WHERE subject = $1 ORDER BY id', [`consent:${consentId}`]);

describe('a right marked "requires consent"', () => {
  it('refuses a request about a person who has not consented, and answers once they have', async () => {
    await expectRefused(await ask(bank, OLENA_ID));
    const granted = await t.services.consent.grant(olena, OFFER.id, 'web');
    expect(granted.ok).toBe(true);
    const before = answered;
    const call = await ask(bank, OLENA_ID);
    expect(call.ok ? call.value.body : call.error).toMatchObject({ nationalId: OLENA_ID, income: [{ month: '2026-10' }] });
    expect(answered).toBe(before + 1);
    const rows = await messageLogRepository.byRequestId(t.services.db, call.ok ? call.value.requestId : '');
    expect(rows.map((r) => [r.side, r.outcome])).toEqual([['provider', 'done'], ['client', 'done']]);
    expect(await auditOf(granted.ok ? granted.value.id : '')).toEqual([{ action: 'GRANT_CONSENT', channel: 'web', actor_person_id: olena.person.id }]);
  });

  it('does not count another person\'s consent, nor a consent given to another recipient', async () => {
    // Olena consented to the bank (above): Andrii has not, and the other bank has no consent of hers.
    await expectRefused(await ask(bank, ANDRII_ID));
    await expectRefused(await ask(otherBank, OLENA_ID));
    expect((await ask(bank, OLENA_ID)).ok).toBe(true);
  });

  it('stops the next request once the consent is revoked, and audits the revocation', async () => {
    const granted = await t.services.consent.grant(andrii, OFFER.id, 'web');
    expect(granted.ok).toBe(true);
    const id = granted.ok ? granted.value.id : '';
    expect((await ask(bank, ANDRII_ID)).ok).toBe(true);
    expect((await t.services.consent.revoke(olena, id, 'web')).ok ? 'revoked by another' : 'refused').toBe('refused');
    expect((await ask(bank, ANDRII_ID)).ok).toBe(true);
    const revoked = await t.services.consent.revoke(andrii, id, 'web');
    expect(revoked.ok).toBe(true);
    await expectRefused(await ask(bank, ANDRII_ID));
    expect((await t.services.consent.revoke(andrii, id, 'web')).ok).toBe(false);
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['GRANT_CONSENT', 'REVOKE_CONSENT']);
    const [mine] = await t.services.consent.mine(andrii);
    expect([mine?.id, mine?.state, mine?.revokedChannel]).toEqual([id, 'revoked', 'web']);
  });

  it('stops requests once the consent has expired', async () => {
    const now = t.clock.now();
    expect((await ask(bank, OLENA_ID)).ok).toBe(true);
    t.clock.set(new Date(now.getTime() + (OFFER.days * 86_400 + 1) * 1000));
    try {
      await expectRefused(await ask(bank, OLENA_ID));
      expect((await t.services.consent.mine(olena)).map((c) => c.state)).toEqual(['expired']);
    } finally {
      t.clock.set(now);
    }
  });

  it('refuses a request that names no person, and a right the law gives needs no consent', async () => {
    await expectRefused(await bank.call({ service: INCOME, body: { name: 'Коваль' }, userId: 'loan-officer-17', issue: 'x' }));
    const before = answered;
    expect((await ask(bank, ANDRII_ID, OBLIGATIONS)).ok).toBe(true);
    expect(answered).toBe(before + 1);
  });

  it('keeps a consent as given: a row is never edited or deleted, only revoked once', async () => {
    await expect(t.services.db.query("UPDATE consents SET valid_until = valid_until + interval '1 year'")).rejects.toThrow(/only ever revoked/);
    await expect(t.services.db.query('DELETE FROM consents')).rejects.toThrow(/only ever revoked/);
  });

  it('is given only by a person for themselves, and only for an offer the portal makes', async () => {
    expect((await t.services.consent.grant(olena, 'no-such-offer', 'web')).ok ? null : 'refused').toBe('refused');
    const marta = await t.person('marta-nowak'); // no national id: no register knows her by one
    const granted = await t.services.consent.grant(marta, OFFER.id, 'web');
    expect(granted.ok ? null : granted.error.code).toBe('consent.not_allowed');
  });
});
