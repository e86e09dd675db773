/**
 * The cabinet's consent pages (ADR 0028) on the test database: a partner's request for consent shown in
 * plain words in Ukrainian and English, answered "Allow" (a consent, audited) or "Do not allow" (nothing
 * recorded); the person's consents listed in force and past; revoking one confirmed, then a form with the
 * session's CSRF token, after which the exchange refuses the very next request with
 * `Server.ServerProxy.ConsentMissing`. Forms without the token are refused; another person's consent is
 * not found; whoever acts for a company is told that consent is given for oneself only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEVELOPMENT_CONSENT_OFFERS } from '../../src/modules/consent/index.ts';
import type { ExchangeClient } from '../../src/platform/exchange/index.ts';
import { type CasesApp, casesApp, resolve } from '../cases/support.ts';
import { startTaxRegistry, type TaxRegistry } from './tax-registry.ts';

type Who = Awaited<ReturnType<CasesApp['person']>>;

const OFFER = DEVELOPMENT_CONSENT_OFFERS[0]!;
const BANK = OFFER.recipient.id;
const OLENA_ID = '9000000011';

let t: CasesApp;
let olena: Who;
let andrii: Who;
let tax: TaxRegistry;
let bank: ExchangeClient;

beforeAll(async () => {
  t = await casesApp('2026-12-01');
  olena = await t.person('olena-koval');
  andrii = await t.person('andrii-shevchenko');
  tax = await startTaxRegistry(t, {
    members: ['PORTICO-DEV/COM/00000010'], rights: { [OFFER.service]: [BANK] }, consentRequired: { [OFFER.service]: [BANK] },
    services: { income: async ({ body }) => ({ status: 200, body: { nationalId: (body as { nationalId: string }).nationalId, income: [] } }) },
  });
  bank = tax.client(BANK, 'PORTICO-DEV/COM/00000010');
}, 300_000);

afterAll(async () => {
  await tax?.registry.close();
  await t?.close();
});

const get = (who: Who, url: string) => t.app.inject({ url, headers: { cookie: `portico_session=${who.token}` } });
const post = (who: Who, url: string, fields: Record<string, string>, csrf: string | null = who.session.csrfToken) =>
  t.app.inject({
    method: 'POST', url, headers: { cookie: `portico_session=${who.token}`, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...(csrf === null ? {} : { _csrf: csrf }), ...fields }).toString(),
  });
const visible = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/&#39;|&#x27;|&rsquo;/g, '\'').replace(/&quot;|&#34;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const ask = () => bank.call({ service: OFFER.service, body: { nationalId: OLENA_ID }, userId: 'loan-officer-17', issue: 'loan-application-2026-0042' });
const consentsOf = (who: Who) => t.services.consent.mine(who);
const auditOf = (consentId: string) => t.services.db.query<{ action: string; channel: string; actor_person_id: string }>(
  'SELECT action, channel, actor_person_id::text AS actor_person_id FROM audit_events WHERE subject = $1 ORDER BY id', [`consent:${consentId}`]);
/** The section of the list page between two headings' ids. */
const section = (html: string, from: string, to: string | null) => html.slice(html.indexOf(`id="${from}"`), to === null ? undefined : html.indexOf(`id="${to}"`));

describe('a partner asks for consent', () => {
  it('shows the request in plain words, in Ukrainian and English, with "Allow" and "Do not allow"', async () => {
    const uk = await get(olena, `/uk/cabinet/consents/offers/${OFFER.id}`);
    expect(uk.statusCode).toBe(200);
    const ukText = visible(uk.body);
    expect(ukText).toContain('Банк «Зорехрад» (партнер порталу) просить вашої згоди');
    expect(ukText).toContain(OFFER.words.data.uk);
    expect(ukText).toContain(OFFER.words.purpose.uk);
    expect(ukText).toContain('З реєстру платників податків');
    expect(ukText).toMatch(/90 днів, до 1 березня 2027/);
    expect(uk.body).toContain('value="allow"');
    expect(uk.body).toContain('value="deny"');
    const en = visible((await get(olena, `/en/cabinet/consents/offers/${OFFER.id}`)).body);
    expect(en).toContain('Zorekhrad Bank (a partner of the portal) asks for your consent');
    expect(en).toContain(OFFER.words.purpose.en);
    expect(en).toContain('From the taxpayers\' register');
    expect(en).toMatch(/90 days, until 1 March 2027/);
    expect(en).not.toContain('Банк');
  });

  it('records nothing when the person does not allow it, or answers neither', async () => {
    const declined = await post(olena, `/en/cabinet/consents/offers/${OFFER.id}`, { decision: 'deny' });
    expect([declined.statusCode, declined.headers.location]).toEqual([303, '/en/cabinet/consents?outcome=declined']);
    expect(visible((await get(olena, '/en/cabinet/consents?outcome=declined')).body)).toContain('You did not give consent. Your data was not shared.');
    const neither = await post(olena, `/uk/cabinet/consents/offers/${OFFER.id}`, {});
    expect(neither.statusCode).toBe(400);
    expect(neither.body).toContain('govuk-error-summary');
    expect(visible(neither.body)).toContain('Оберіть «Дозволити» або «Не дозволяти»');
    expect(await consentsOf(olena)).toEqual([]);
    expect((await ask()).ok).toBe(false);
  });

  it('refuses a form without the session\'s CSRF token, and an offer the portal does not make', async () => {
    const forged = await post(olena, `/uk/cabinet/consents/offers/${OFFER.id}`, { decision: 'allow' }, null);
    expect(forged.statusCode).toBe(403);
    const foreign = await post(olena, `/uk/cabinet/consents/offers/${OFFER.id}`, { decision: 'allow' }, andrii.session.csrfToken);
    expect(foreign.statusCode).toBe(403);
    expect(await consentsOf(olena)).toEqual([]);
    expect((await get(olena, '/uk/cabinet/consents/offers/no-such-offer')).statusCode).toBe(404);
    expect((await post(olena, '/uk/cabinet/consents/offers/no-such-offer', { decision: 'allow' })).statusCode).toBe(404);
  });

  it('records the consent when allowed (audited), lists it in force, and the exchange answers', async () => {
    const allowed = await post(olena, `/uk/cabinet/consents/offers/${OFFER.id}`, { decision: 'allow' });
    expect([allowed.statusCode, allowed.headers.location]).toEqual([303, '/uk/cabinet/consents?outcome=granted']);
    const [consent] = await consentsOf(olena);
    expect([consent?.state, consent?.grantedChannel, consent?.offer]).toEqual(['in-force', 'web', OFFER.id]);
    expect(await auditOf(consent!.id)).toEqual([{ action: 'GRANT_CONSENT', channel: 'web', actor_person_id: olena.person.id }]);
    expect((await ask()).ok).toBe(true);

    const uk = await get(olena, '/uk/cabinet/consents?outcome=granted');
    expect(uk.statusCode).toBe(200);
    expect(visible(uk.body)).toContain('Згоду надано.');
    const active = visible(section(uk.body, 'active', 'past'));
    expect(active).toContain('Банк «Зорехрад» (партнер порталу)');
    expect(active).toContain(OFFER.words.data.uk);
    expect(active).toContain('З реєстру платників податків');
    expect(active).toContain('Чинна');
    expect(active).toMatch(/1 березня 2027/);
    expect(section(uk.body, 'active', 'past')).toContain(`href="/uk/cabinet/consents/${consent!.id}/revoke"`);
    expect(visible(section(uk.body, 'past', null))).toContain('Минулих згод немає.');
    const en = visible(section((await get(olena, '/en/cabinet/consents')).body, 'active', 'past'));
    expect(en).toContain('Zorekhrad Bank (a partner of the portal)');
    expect(en).toContain('In force');
    expect(en).toContain('Revoke consent for: Zorekhrad Bank');

    // The offer page says it is given already, without the form.
    const again = await get(olena, `/en/cabinet/consents/offers/${OFFER.id}`);
    expect(visible(again.body)).toContain('You have given this consent already');
    expect(again.body).not.toContain('value="allow"');
  });

  it('tells whoever acts for a company that consent is given for oneself only', async () => {
    const taras = await t.person('taras-melnyk');
    expect((await t.services.sessions.actAs(taras, { kind: 'business', id: '40000001' })).ok).toBe(true);
    const director = await resolve(t.services, taras.token);
    const page = await get(director, `/en/cabinet/consents/offers/${OFFER.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('value="allow"');
    expect(visible(page.body)).toContain('acting for themselves');
    expect((await post(director, `/en/cabinet/consents/offers/${OFFER.id}`, { decision: 'allow' })).statusCode).toBe(409);
    expect(await consentsOf(director)).toEqual([]);
  });
});

describe('revoking a consent', () => {
  it('is not offered to another person: their pages and forms answer 404, and the consent stays in force', async () => {
    const [consent] = await consentsOf(olena);
    expect((await get(andrii, `/uk/cabinet/consents/${consent!.id}/revoke`)).statusCode).toBe(404);
    expect((await post(andrii, `/uk/cabinet/consents/${consent!.id}/revoke`, {})).statusCode).toBe(404);
    expect((await post(olena, `/uk/cabinet/consents/${consent!.id}/revoke`, {}, null)).statusCode).toBe(403);
    expect((await post(olena, `/uk/cabinet/consents/${consent!.id}/revoke`, {}, andrii.session.csrfToken)).statusCode).toBe(403);
    expect((await consentsOf(olena)).map((c) => c.state)).toEqual(['in-force']);
    expect(visible((await get(andrii, '/en/cabinet/consents')).body)).toContain('You have no consents in force.');
    expect((await ask()).ok).toBe(true);
  });

  it('is confirmed on a page, then revoked by the form: audited, shown as revoked, and the next request is refused', async () => {
    const [consent] = await consentsOf(olena);
    const confirm = await get(olena, `/en/cabinet/consents/${consent!.id}/revoke`);
    expect(confirm.statusCode).toBe(200);
    expect(visible(confirm.body)).toContain('Revoke this consent?');
    expect(visible(confirm.body)).toContain(OFFER.words.data.en);
    expect(confirm.body).toContain(`action="/en/cabinet/consents/${consent!.id}/revoke"`);
    expect(confirm.body).toContain(`name="_csrf" value="${olena.session.csrfToken}"`);

    const revoked = await post(olena, `/en/cabinet/consents/${consent!.id}/revoke`, {});
    expect([revoked.statusCode, revoked.headers.location]).toEqual([303, '/en/cabinet/consents?outcome=revoked']);
    const call = await ask();
    expect(call.ok ? null : call.error).toMatchObject({ code: 'exchange.refused', type: 'Server.ServerProxy.ConsentMissing' });
    expect((await auditOf(consent!.id)).map((a) => [a.action, a.channel])).toEqual([['GRANT_CONSENT', 'web'], ['REVOKE_CONSENT', 'web']]);

    const list = await get(olena, '/en/cabinet/consents?outcome=revoked');
    expect(visible(list.body)).toContain('The consent is revoked.');
    expect(visible(section(list.body, 'active', 'past'))).toContain('You have no consents in force.');
    const past = section(list.body, 'past', null);
    expect(visible(past)).toMatch(/Revoked on 1 December 2026/);
    expect(past).not.toContain('/revoke"');
    expect(visible(section((await get(olena, '/uk/cabinet/consents')).body, 'past', null))).toMatch(/Відкликана 1 грудня 2026/);

    // Revoked once: the page and the form say so.
    expect((await get(olena, `/uk/cabinet/consents/${consent!.id}/revoke`)).statusCode).toBe(409);
    expect((await post(olena, `/uk/cabinet/consents/${consent!.id}/revoke`, {})).statusCode).toBe(409);
  });
});

describe('the cabinet', () => {
  it('links to the consents page in both languages', async () => {
    expect((await get(olena, '/uk/cabinet')).body).toContain('href="/uk/cabinet/consents">Згоди на передачу даних</a>');
    expect((await get(olena, '/en/cabinet')).body).toContain('href="/en/cabinet/consents">Data sharing consents</a>');
  });
});
