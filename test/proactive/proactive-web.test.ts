/**
 * Proactive services (ADR 0032) through the web routes, signed in as the parent: the demo's newborn's birth
 * registered opens the birth assistance without an application, about the child; the test catalogue also lets the
 * birth trigger two offers and a second automatic grant with a one-day window. Objecting within the window
 * withdraws the case (audited, in the case's state and history, on the page); after it, the objection is refused
 * with a message saying so; dismissing an offer is audited and ends it; starting an offer's application marks it
 * started and leads to the service's form; another person's item is a 404; a form without its CSRF token is refused;
 * the registry read for the job is in the child's "Who saw my data", in plain words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ProactiveItem } from '../../src/modules/proactive/index.ts';
import { type CasesApp, casesApp } from '../cases/support.ts';

type Who = Awaited<ReturnType<CasesApp['person']>>;

const CHILD = '9000000156';
let t: CasesApp;
let iryna: Who;
let items: ProactiveItem[];

const itemOf = (serviceId: string): ProactiveItem => {
  const found = items.find((i) => i.serviceId === serviceId);
  if (found === undefined) {
    throw new Error(`no item for ${serviceId}`);
  }
  return found;
};

const post = (who: Who, path: string, csrf: string | null = who.session.csrfToken) => t.app.inject({
  method: 'POST', url: path, headers: { cookie: `portico_session=${who.token}`, 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(csrf === null ? {} : { _csrf: csrf }).toString(),
});
const get = (who: Who, path: string) => t.app.inject({ url: path, headers: { cookie: `portico_session=${who.token}` } });
const audited = async (action: string, item: string) => (await t.services.db.query<{ actor_person_id: string }>(
  "SELECT actor_person_id FROM audit_events WHERE action = $1 AND detail->>'item' = $2", [action, item],
)).map((r) => r.actor_person_id);

beforeAll(async () => {
  // Марко Бондар, born 2026-10-26, is within the feed's first read (30 days back) on 10 November.
  t = await casesApp('2026-11-10');
  iryna = await t.person('iryna-bondar');
  const records = (await t.services.catalogue.exportRecords()).services;
  const triggered = { 'taxpayer-number': { trigger: 'birth-registered', mode: 'offer' }, 'residence-registration': { trigger: 'birth-registered', mode: 'offer' }, 'old-age-pension': { trigger: 'birth-registered', mode: 'automatic', objectionDays: 1 } } as const;
  const services = records.filter((s) => s.id in triggered).map((s) => ({ ...s, proactive: triggered[s.id as keyof typeof triggered] }));
  const imported = await t.services.catalogue.importRecords({ organisations: [], centres: [], events: [], services }, 'test');
  expect(imported.ok ? null : imported.error.issues).toBe(null);
  const run = await t.services.proactive.run();
  expect(run.items).toBeGreaterThanOrEqual(4);
  items = await t.services.proactive.mine(iryna);
  expect(items.map((i) => i.serviceId).sort()).toEqual(['birth-assistance', 'old-age-pension', 'residence-registration', 'taxpayer-number']);
}, 180_000);

afterAll(async () => {
  await t.close();
});

describe('an automatic grant about a child', () => {
  it('records the parent as the acting party and the child as the represented party of the case', async () => {
    const c = await t.services.cases.byId(t.services.db, itemOf('birth-assistance').caseId ?? '');
    expect(c?.applicantPersonId).toBe(iryna.person.id);
    expect(c?.party).toEqual({ kind: 'person', id: CHILD, name: 'Марко Бондар' });
    expect(c?.channel).toBe('proactive');
  });
});

describe('objecting, in both languages of the page', () => {
  it('within the window withdraws the case: audited, in the case\'s state and history, and the page says so', async () => {
    const item = itemOf('birth-assistance');
    const page = await get(iryna, `/uk/cabinet/proactive/${item.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`action="/uk/cabinet/proactive/${item.id}/object"`);
    const objected = await post(iryna, `/uk/cabinet/proactive/${item.id}/object`);
    expect(objected.statusCode).toBe(303);
    expect(objected.headers.location).toBe(`/uk/cabinet/proactive/${item.id}`);
    const c = await t.services.cases.byId(t.services.db, item.caseId ?? '');
    expect([c?.state, c?.outcome]).toEqual(['withdrawn', 'withdrawn']);
    const events = await t.services.db.query<{ event: string; actor_person_id: string | null }>('SELECT event, actor_person_id FROM case_events WHERE case_id = $1 ORDER BY id', [item.caseId]);
    expect(events.at(-1)).toEqual({ event: 'withdraw', actor_person_id: iryna.person.id });
    expect(await audited('proactive.objected', item.id)).toEqual([iryna.person.id]);
    for (const [lang, words] of [['uk', 'Ви заперечили: справу відкликано'], ['en', 'You objected: the case is withdrawn']] as const) {
      const after = await get(iryna, `/${lang}/cabinet/proactive/${item.id}`);
      expect(after.body).toContain(words);
      expect(after.body).not.toContain(`/cabinet/proactive/${item.id}/object"`);
    }
    const again = await post(iryna, `/en/cabinet/proactive/${item.id}/object`);
    expect(again.statusCode).toBe(409);
    expect(await audited('proactive.objected', item.id)).toHaveLength(1);
  });

  it('after the window is refused with a message naming the last day, and the case stays as it was', async () => {
    const item = itemOf('old-age-pension');
    t.clock.set('2026-11-12');
    const late = await t.person('iryna-bondar');
    for (const [lang, words] of [['uk', 'Строк для заперечення закінчився 11 листопада 2026'], ['en', 'The time to object ended on 11 November 2026']] as const) {
      const refused = await post(late, `/${lang}/cabinet/proactive/${item.id}/object`);
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain(words);
    }
    const c = await t.services.cases.byId(t.services.db, item.caseId ?? '');
    expect(c?.outcome).toBe(null);
    expect(await audited('proactive.objected', item.id)).toEqual([]);
    iryna = late;
  });
});

describe('an offer', () => {
  it('dismissed: audited, closed, and no longer offered on its page', async () => {
    const item = itemOf('residence-registration');
    expect((await get(iryna, `/en/cabinet/proactive/${item.id}`)).body).toContain(`action="/en/cabinet/proactive/${item.id}/dismiss"`);
    const dismissed = await post(iryna, `/en/cabinet/proactive/${item.id}/dismiss`);
    expect(dismissed.statusCode).toBe(303);
    expect(await audited('proactive.dismissed', item.id)).toEqual([iryna.person.id]);
    expect((await t.services.proactive.mine(iryna)).find((i) => i.id === item.id)?.status).toBe('dismissed');
    const page = await get(iryna, `/en/cabinet/proactive/${item.id}`);
    expect(page.body).toContain('You dismissed the offer');
    expect(page.body).not.toContain(`/cabinet/proactive/${item.id}/dismiss"`);
    expect(page.body).not.toContain(`/cabinet/proactive/${item.id}/start"`);
    expect((await post(iryna, `/en/cabinet/proactive/${item.id}/start`)).statusCode).toBe(409);
  });

  it('started: the item is started (audited once) and the person goes on to the service\'s form', async () => {
    const item = itemOf('taxpayer-number');
    const started = await post(iryna, `/uk/cabinet/proactive/${item.id}/start`);
    expect(started.statusCode).toBe(303);
    expect(started.headers.location).toBe('/uk/services/taxpayer-number/apply');
    expect((await t.services.proactive.mine(iryna)).find((i) => i.id === item.id)?.status).toBe('started');
    expect((await post(iryna, `/uk/cabinet/proactive/${item.id}/start`)).statusCode).toBe(303);
    expect(await audited('proactive.started', item.id)).toEqual([iryna.person.id]);
    expect((await get(iryna, `/uk/cabinet/proactive/${item.id}`)).body).toContain('Заяву розпочато');
  });
});

describe('what the routes refuse', () => {
  it('another person\'s item is a 404 for the page and every form, and changes nothing', async () => {
    const olena = await t.person('olena-koval');
    const offer = itemOf('taxpayer-number');
    const grant = itemOf('old-age-pension');
    expect((await get(olena, `/en/cabinet/proactive/${grant.id}`)).statusCode).toBe(404);
    for (const action of ['object', 'dismiss', 'start']) {
      expect((await post(olena, `/en/cabinet/proactive/${action === 'object' ? grant.id : offer.id}/${action}`)).statusCode).toBe(404);
    }
    expect((await t.services.proactive.mine(iryna)).find((i) => i.id === offer.id)?.status).toBe('started');
  });

  it('a form without the CSRF token is refused, and nothing happens', async () => {
    const grant = itemOf('old-age-pension');
    const refused = await post(iryna, `/en/cabinet/proactive/${grant.id}/object`, null);
    expect(refused.statusCode).toBe(403);
    const wrong = await post(iryna, `/en/cabinet/proactive/${grant.id}/object`, 'not-the-token');
    expect(wrong.statusCode).toBe(403);
    expect((await t.services.proactive.mine(iryna)).find((i) => i.id === grant.id)?.status).toBe('pending');
  });
});

describe('"Who saw my data"', () => {
  it('shows the job\'s read of the child\'s record, for the agency, in plain words in both languages', async () => {
    for (const [lang, words] of [['uk', 'Послуга, яку портал запропонував або надав без заяви за подією в реєстрі'], ['en', 'A service the portal offered or granted without an application, on an event in a register']] as const) {
      const page = await get(iryna, `/${lang}/cabinet/data-access?party=person:${CHILD}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(words);
      expect(page.body).toContain(lang === 'uk' ? 'Пенсійний фонд' : 'Pension Fund');
    }
  });
});
