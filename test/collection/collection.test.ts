/**
 * Results ready for collection at a centre and their handover: an officer of the case's agency marks a
 * granted case's result ready (a case event, an audit record, the notice in the inbox with what, where,
 * when open, what to bring and until when); the front desk of that centre finds it and hands it over
 * once — of two handovers at once exactly one is recorded; only the last four characters of the
 * identity document's number are kept. Who else may not: an officer of another agency, the front desk
 * of another centre, a citizen. STATUS by SMS tells where the result stands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSmsSimulator } from '../../src/dev/index.ts';
import { notificationLinks } from '../../src/app/links.ts';
import type { EmailSender } from '../../src/modules/channels/email/index.ts';
import type { CaseRecord } from '../../src/modules/cases/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { notificationHandlers } from '../../src/modules/notifications/index.ts';
import { createOutboxWorker, delivered, type OutboxWorker } from '../../src/platform/outbox/index.ts';
import { act, type CasesApp, casesApp, draftOf, resolve, submit } from '../cases/support.ts';

const CENTRE = 'zorehrad-cnap-central';
const OTHER_CENTRE = 'lymansk-cnap';
const HANDOVER = { recipient: 'applicant', representativeName: '', representativeBasis: '', idDocumentType: 'id-card', idDocumentNumber: '001 234 567' };

type Person = SignedIn & { token: string };
let t: CasesApp;
let worker: OutboxWorker;
let olena: Person;
let clerk: Person;
let decider: Person;
let desk: Person;
let otherDesk: Person;
let otherAgencyClerk: Person;

async function drain(): Promise<void> {
  while ((await worker.runOnce()) > 0) {
    // next batch
  }
}

async function granted(): Promise<CaseRecord> {
  const c = await submit(t.services, olena, await draftOf(t.services, olena, 'criminal-record-certificate'));
  await act(t.services, clerk, c.id, 'register');
  await act(t.services, clerk, c.id, 'start-review');
  await act(t.services, decider, c.id, 'grant');
  return c;
}

const events = (caseId: string) => t.services.db.query<{ event: string; channel: string; actor_role: string; actor_person_id: string; reason: string | null; from_state: string; to_state: string }>(
  "SELECT event, channel, actor_role, actor_person_id, reason, from_state, to_state FROM case_events WHERE case_id = $1 AND event IN ('ready-for-collection', 'handed-over', 'collection-cancelled') ORDER BY id", [caseId],
);
const audits = (action: string, subject: string) => t.services.db.query<{ detail: Record<string, unknown>; channel: string }>('SELECT detail, channel FROM audit_events WHERE action = $1 AND subject = $2', [action, subject]);

beforeAll(async () => {
  t = await casesApp('2026-12-01');
  const email: EmailSender = { send: async () => delivered() };
  worker = createOutboxWorker({
    db: t.services.db, clock: t.services.clock, workerId: 'collection-test',
    handlers: notificationHandlers({ email, sms: createSmsSimulator(), contactsOf: (id) => t.services.contacts.details(id), verificationCode: (id) => t.services.contacts.codeFor(id), links: notificationLinks('http://portal.test'), notices: t.services.notices }),
  });
  olena = await t.person('olena-koval');
  clerk = await t.person('mykola-tkachenko', 'staff');
  decider = await t.person('oksana-lysenko', 'staff');
  desk = await t.person('yuliia-marchenko', 'staff');
  const admin = await t.person('viktor-savchenko', 'staff');
  expect((await t.services.staff.grant(admin, { nationalId: '9000000134', role: 'front-desk', agencyId: null, centreId: OTHER_CENTRE })).ok).toBe(true);
  expect((await t.services.staff.grant(admin, { nationalId: '9000000099', role: 'clerk', agencyId: 'state-migration-service', centreId: null })).ok).toBe(true);
  otherDesk = await t.person('larysa-moroz', 'staff');
  otherAgencyClerk = await t.person('halyna-kravets', 'staff');
});

afterAll(async () => {
  await t.close();
});

describe('ready for collection', () => {
  it('is marked by an officer of the agency: an event, an audit record and a notice saying what, where and what to bring', async () => {
    const c = await granted();
    const options = await t.services.collection.readyOptions(clerk, c.id);
    expect(options?.granted).toBe(true);
    expect(options?.centres.map((x) => x.id)).toContain(CENTRE);
    const marked = await t.services.collection.markReady(clerk, c.id, { centreId: CENTRE, collectBy: '2026-12-31' });
    expect(marked.ok && marked.value.status).toBe('ready');
    expect(await events(c.id)).toEqual([expect.objectContaining({ event: 'ready-for-collection', channel: 'web', actor_role: 'clerk', actor_person_id: clerk.person.id })]);
    expect(await audits('collection.ready', `case:${c.number}`)).toHaveLength(1);
    await drain();
    const [notice] = await t.services.db.query<{ subject: string; body: string; person_id: string }>("SELECT subject, body, person_id FROM inbox_messages WHERE case_id = $1 AND kind = 'ready-for-collection'", [c.id]);
    expect(notice?.person_id).toBe(olena.person.id);
    expect(notice?.subject).toContain('готовий до отримання');
    for (const words of ['Довідка про відсутність (наявність) судимості', 'Центр надання адміністративних послуг «Зореград», вул. Соборна, 32, Зореград, 10044', 'Години роботи: Пн–Пт 08:00–20:00; Сб 09:00–16:00', 'документ, що посвідчує особу', '31 грудня 2026']) {
      expect(notice?.body).toContain(words);
    }
    expect(notice?.body).not.toContain('довіреність');
    const again = await t.services.collection.markReady(decider, c.id, { centreId: CENTRE, collectBy: '' });
    expect(!again.ok && again.error.code).toBe('collection.already_ready');
    const standing = await t.services.collection.standing(c.id);
    expect(standing?.kind).toBe('ready');
  });

  it('refuses a case not granted, a centre not offered, a day in the past, and anyone but the agency or the centre', async () => {
    const running = await submit(t.services, olena, await draftOf(t.services, olena, 'criminal-record-certificate'));
    const notGranted = await t.services.collection.markReady(clerk, running.id, { centreId: CENTRE, collectBy: '' });
    expect(!notGranted.ok && notGranted.error.code).toBe('collection.not_granted');
    const c = await granted();
    const wrongCentre = await t.services.collection.markReady(clerk, c.id, { centreId: 'verbopil-tax-office', collectBy: '' });
    expect(!wrongCentre.ok && wrongCentre.error.code).toBe('collection.centre_not_allowed');
    const past = await t.services.collection.markReady(clerk, c.id, { centreId: CENTRE, collectBy: '2026-11-30' });
    expect(!past.ok && past.error.code).toBe('collection.collect_by_invalid');
    const garbled = await t.services.collection.markReady(clerk, c.id, { centreId: CENTRE, collectBy: '2026-02-31' });
    expect(!garbled.ok && garbled.error.code).toBe('collection.collect_by_invalid');
    for (const who of [otherAgencyClerk, olena]) {
      const refused = await t.services.collection.markReady(who, c.id, { centreId: CENTRE, collectBy: '' });
      expect(!refused.ok && refused.error.code).toBe('collection.not_found');
      expect(await t.services.collection.readyOptions(who, c.id)).toBeNull();
    }
    // The front desk of another centre may mark it ready only at its own centre.
    const elsewhere = await t.services.collection.markReady(otherDesk, c.id, { centreId: CENTRE, collectBy: '' });
    expect(!elsewhere.ok && elsewhere.error.code).toBe('collection.centre_not_allowed');
    expect(await events(c.id)).toEqual([]);
  });

  it('may be marked by the front desk of the centre, and cancelled, then marked again elsewhere', async () => {
    const c = await granted();
    const marked = await t.services.collection.markReady(otherDesk, c.id, { centreId: OTHER_CENTRE, collectBy: '' });
    expect(marked.ok).toBe(true);
    const id = marked.ok ? marked.value.id : '';
    const atOtherCentre = await t.services.collection.awaiting(desk, c.number);
    expect(atOtherCentre.ok && atOtherCentre.value.items).toEqual([]);
    const cancelByOtherCentre = await t.services.collection.cancel(desk, id, 'wrong centre');
    expect(!cancelByOtherCentre.ok && cancelByOtherCentre.error.code).toBe('collection.not_found');
    const cancelled = await t.services.collection.cancel(clerk, id, 'Wrong centre');
    expect(cancelled.ok && cancelled.value.status).toBe('cancelled');
    const twice = await t.services.collection.cancel(clerk, id, '');
    expect(!twice.ok && twice.error.code).toBe('collection.not_awaiting');
    expect((await t.services.collection.markReady(clerk, c.id, { centreId: CENTRE, collectBy: '' })).ok).toBe(true);
    expect((await events(c.id)).map((e) => [e.event, e.channel, e.actor_role])).toEqual([
      ['ready-for-collection', 'in-person', 'front-desk'], ['collection-cancelled', 'web', 'clerk'], ['ready-for-collection', 'web', 'clerk'],
    ]);
  });
});

describe('handover at the front desk', () => {
  it('lists what awaits at the centre, searchable by case number and name, and audits the read', async () => {
    const c = await granted();
    expect((await t.services.collection.markReady(clerk, c.id, { centreId: CENTRE, collectBy: '' })).ok).toBe(true);
    const byNumber = await t.services.collection.awaiting(desk, c.number);
    expect(byNumber.ok && byNumber.value.items.map((i) => i.caseId)).toEqual([c.id]);
    const byName = await t.services.collection.awaiting(desk, 'Коваль');
    expect(byName.ok && byName.value.items.map((i) => i.caseId)).toContain(c.id);
    const none = await t.services.collection.awaiting(desk, 'nobody-by-this-name');
    expect(none.ok && none.value.items).toEqual([]);
    const elsewhere = await t.services.collection.awaiting(otherDesk, c.number);
    expect(elsewhere.ok && elsewhere.value.items).toEqual([]);
    const refused = await t.services.collection.awaiting(clerk, '');
    expect(!refused.ok && refused.error.code).toBe('collection.no_centre');
    const [read] = await t.services.db.query<{ detail: Record<string, unknown> }>("SELECT detail FROM audit_events WHERE action = 'collection.list' AND actor_person_id = $1 ORDER BY id DESC LIMIT 1", [desk.person.id]);
    expect(read?.detail['purpose']).toBe('handover of results at the centre');
  });

  it('checks the form, keeps only the last four characters of the number, and records the clerk, the time and the event', async () => {
    const c = await granted();
    const marked = await t.services.collection.markReady(clerk, c.id, { centreId: CENTRE, collectBy: '' });
    const id = marked.ok ? marked.value.id : '';
    const bad = await t.services.collection.handOver(desk, id, { recipient: 'representative', representativeName: ' ', representativeBasis: '', idDocumentType: 'library-card', idDocumentNumber: '12' });
    expect(!bad.ok && bad.error.code === 'collection.handover_invalid' && bad.error.problems.map((p) => p.code)).toEqual([
      'representativeName.missing', 'representativeBasis.missing', 'idDocumentType.missing', 'idDocumentNumber.invalid',
    ]);
    for (const who of [otherDesk, clerk, olena]) {
      const refused = await t.services.collection.handOver(who, id, HANDOVER);
      expect(!refused.ok && refused.error.code).toBe('collection.not_found');
    }
    const done = await t.services.collection.handOver(desk, id, { ...HANDOVER, recipient: 'representative', representativeName: 'Ірина Бондар', representativeBasis: 'Довіреність ННА 123456' });
    expect(done.ok && done.value).toEqual(expect.objectContaining({ status: 'collected', handedBy: desk.person.id, idDocumentLast4: '4567', recipient: 'representative', representativeName: 'Ірина Бондар' }));
    const [row] = await t.services.db.query<Record<string, unknown>>('SELECT * FROM collections WHERE id = $1', [id]);
    expect(JSON.stringify(row)).not.toContain('001234567');
    expect((await events(c.id)).map((e) => [e.event, e.channel, e.actor_role])).toEqual([['ready-for-collection', 'web', 'clerk'], ['handed-over', 'in-person', 'front-desk']]);
    expect(await audits('collection.handed-over', `case:${c.number}`)).toEqual([expect.objectContaining({ channel: 'in-person' })]);
    expect((await t.services.collection.standing(c.id))?.kind).toBe('collected');
    const again = await t.services.collection.handOver(desk, id, HANDOVER);
    expect(!again.ok && again.error.code).toBe('collection.not_awaiting');
    const cancel = await t.services.collection.cancel(clerk, id, '');
    expect(!cancel.ok && cancel.error.code).toBe('collection.not_awaiting');
  });

  it('hands a result over once when two desks press at the same moment', async () => {
    const c = await granted();
    const marked = await t.services.collection.markReady(clerk, c.id, { centreId: CENTRE, collectBy: '' });
    const id = marked.ok ? marked.value.id : '';
    const deskTwo = await resolve(t.services, (await t.person('yuliia-marchenko', 'staff')).token);
    const results = await Promise.all([t.services.collection.handOver(desk, id, HANDOVER), t.services.collection.handOver(deskTwo, id, { ...HANDOVER, idDocumentNumber: 'АВ765432' })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'collection.not_awaiting')).toHaveLength(1);
    expect((await events(c.id)).filter((e) => e.event === 'handed-over')).toHaveLength(1);
    expect(await audits('collection.handed-over', `case:${c.number}`)).toHaveLength(1);
  });
});

describe('the pages', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const post = (who: Person, url: string, fields: Record<string, string>) => t.app.inject({
    method: 'POST', url, headers: { cookie: `portico_session=${who.token}`, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: who.session.csrfToken, ...fields }),
  });
  const get = (who: Person, url: string) => t.app.inject({ url, headers: { cookie: `portico_session=${who.token}` } });

  it('marks ready from the office case page, lists at the desk, refuses a bad handover with field messages, then hands over; both languages', async () => {
    const c = await granted();
    const bad = await post(clerk, `/en/office/cases/${c.id}/collection`, { centre: CENTRE, 'collectBy-day': '31', 'collectBy-month': '2', 'collectBy-year': '2027' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter a real date');
    const marked = await post(clerk, `/uk/office/cases/${c.id}/collection`, { centre: CENTRE, 'collectBy-day': '', 'collectBy-month': '', 'collectBy-year': '' });
    expect(marked.statusCode).toBe(303);
    expect((await get(clerk, `/en/office/cases/${c.id}`)).body).toContain('Ready for collection at Zorehrad Centre for Administrative Services');
    const list = await get(desk, `/uk/office/collections?q=${c.number}`);
    expect(list.statusCode).toBe(200);
    const id = /office\/collections\/([0-9a-f-]{36})"/.exec(list.body)?.[1] ?? '';
    expect((await get(desk, `/en/office/collections/${id}`)).body).toContain('Only the last 4 characters of the number are kept.');
    const refused = await post(desk, `/en/office/collections/${id}/handover`, { recipient: 'representative', representativeName: '', representativeBasis: '', idDocumentType: '', idDocumentNumber: '' });
    expect(refused.statusCode).toBe(400);
    for (const message of ['Enter the representative\'s full name', 'Enter the number of the power of attorney or mandate', 'Choose the document you checked', 'Enter the document number']) {
      expect(refused.body).toContain(message);
    }
    const done = await post(desk, `/uk/office/collections/${id}/handover`, { recipient: 'applicant', idDocumentType: 'passport', idDocumentNumber: 'АВ 123456' });
    expect(done.statusCode).toBe(303);
    expect((await get(desk, String(done.headers.location))).body).toContain(`Результат справи ${c.number} видано.`);
    const cabinet = await get(olena, `/en/cabinet/cases/${c.id}`);
    expect(cabinet.body).toContain('Collected on');
    expect(cabinet.body).toContain('Result handed over at a centre');
    const noCsrf = await t.app.inject({ method: 'POST', url: `/en/office/collections/${id}/handover`, headers: { cookie: `portico_session=${desk.token}`, 'content-type': 'application/x-www-form-urlencoded' }, payload: form(HANDOVER) });
    expect(noCsrf.statusCode).toBe(403);
  });
});
