/**
 * "Who saw my data" in the cabinet: an officer opens a person's case and the person sees who, which
 * agency and role, when, what and why, in Ukrainian and English; a director sees the reads of the
 * company's data; another person sees neither, not even by naming the company; "Ask why" fills an
 * appeal in from the record, for its own person only; the list pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CaseRecord } from '../../src/modules/cases/index.ts';
import { ACCESS_PAGE_SIZE } from '../../src/modules/access-log/index.ts';
import { act, ANSWERS, type CasesApp, casesApp, completeDraft, draftOf, resolve, submit } from '../cases/support.ts';

type Who = Awaited<ReturnType<CasesApp['person']>>;
let t: CasesApp;
let olena: Who;
let taras: Who;
let andrii: Who;
let clerk: Who;
let olenasCase: CaseRecord;
let companyCase: CaseRecord;
const COMPANY = '40000001';

const get = (who: Who, url: string) => t.app.inject({ url, headers: { cookie: `portico_session=${who.token}` } });
const visible = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/&[a-z]+;|&#\d+;/g, (e) => (e === '&amp;' ? '&' : e === '&quot;' || e === '&#34;' ? '"' : ' ')).replace(/\s+/g, ' ');
const rowsOf = (html: string) => [...html.matchAll(/<tr class="govuk-table__row" id="access-(\d+)">([\s\S]*?)<\/tr>/g)].map((m) => ({ id: Number(m[1]), text: visible(m[2] ?? '') }));

beforeAll(async () => {
  t = await casesApp('2026-12-01');
  olena = await t.person('olena-koval');
  andrii = await t.person('andrii-shevchenko');
  clerk = await t.person('mykola-tkachenko', 'staff');
  olenasCase = await submit(t.services, olena, await draftOf(t.services, olena, 'criminal-record-certificate'));
  await act(t.services, clerk, olenasCase.id, 'register');

  taras = await t.person('taras-melnyk');
  expect((await t.services.sessions.actAs(taras, { kind: 'business', id: COMPANY })).ok).toBe(true);
  const forCompany = await resolve(t.services, taras.token);
  companyCase = await submit(t.services, forCompany, await completeDraft(t.services, forCompany, 'tax-clearance-certificate', { ...ANSWERS['tax-clearance-certificate'], applicantType: 'business', email: 'office@zoriana.example' }));
  expect((await t.services.sessions.actAs(forCompany, { kind: 'self' })).ok).toBe(true);
}, 300_000);
afterAll(async () => t.close());

describe('an officer opens a person\'s case', () => {
  it('the person sees who, agency, role, when, what and why, in both languages; nobody else does', async () => {
    expect((await get(clerk, `/en/office/cases/${olenasCase.id}`)).statusCode).toBe(200);

    const en = await get(olena, '/en/cabinet/data-access');
    expect(en.statusCode).toBe(200);
    const [row] = rowsOf(en.body);
    expect(row?.text).toContain('Микола Ткаченко');
    expect(row?.text).toContain('National Police');
    expect(row?.text).toContain('Clerk');
    expect(row?.text).toContain('The case page');
    expect(row?.text).toContain(`Dealing with case no. ${olenasCase.number}`);
    expect(row?.text).toMatch(/\d{1,2}:\d{2}/); // when, in local time
    expect(row?.text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);

    const uk = rowsOf((await get(olena, '/uk/cabinet/data-access')).body);
    expect(uk[0]?.text).toContain('Національна поліція');
    expect(uk[0]?.text).toContain('Діловод');
    expect(uk[0]?.text).toContain('Сторінку справи');
    expect(uk[0]?.text).toContain(`Розгляд справи № ${olenasCase.number}`);

    // The record is sealed in the audit log like any other entry.
    await t.services.auditLog.seal();
    const [sealed] = await t.services.db.query<{ leaf_index: string | null; channel: string; detail: Record<string, unknown> }>('SELECT leaf_index, channel, detail FROM audit_events WHERE id = $1', [row!.id]);
    expect(sealed?.leaf_index).not.toBeNull();
    expect(sealed).toMatchObject({ channel: 'web', detail: { agency: 'national-police', role: 'clerk', what: 'case', purpose: { case: olenasCase.number } } });

    const others = await get(andrii, '/en/cabinet/data-access');
    expect(others.statusCode).toBe(200);
    expect(rowsOf(others.body)).toEqual([]);
    expect(others.body).toContain('No staff member has looked at this data yet.');
  });

  it('"Ask why" fills a request in from the record, for its person only', async () => {
    const [row] = rowsOf((await get(olena, '/en/cabinet/data-access')).body);
    const form = await get(olena, `/en/cabinet/appeals/new?access=${row!.id}`);
    expect(form.statusCode).toBe(200);
    expect(visible(form.body)).toContain(`Access record no. ${row!.id}`);
    expect(form.body).toMatch(new RegExp(`name="caseNumber"[^>]*value="${olenasCase.number}"|value="${olenasCase.number}"[^>]*name="caseNumber"`));
    expect(form.body).toMatch(/<option value="national-police" selected/);

    const foreign = await get(andrii, `/en/cabinet/appeals/new?access=${row!.id}`);
    expect(foreign.statusCode).toBe(200);
    expect(foreign.body).not.toContain(`Access record no. ${row!.id}`);
    expect(foreign.body).not.toContain(olenasCase.number);
  });

  it('the officer\'s own reads of their own data are not listed', async () => {
    const own = await submit(t.services, clerk, await draftOf(t.services, clerk, 'criminal-record-certificate'));
    expect((await get(clerk, `/en/office/cases/${own.id}`)).statusCode).toBe(200);
    const asCitizen = await t.person('mykola-tkachenko');
    expect(rowsOf((await get(asCitizen, '/en/cabinet/data-access')).body).map((r) => r.text).join(' ')).not.toContain(own.number);
  });
});

describe('a company\'s data', () => {
  it('its director sees the reads of the company\'s data; another person cannot, even by naming it', async () => {
    expect((await get(clerk, `/en/office/cases/${companyCase.id}`)).statusCode).toBe(200);
    const page = await get(taras, `/en/cabinet/data-access?party=business:${COMPANY}`);
    expect(page.statusCode).toBe(200);
    expect(visible(page.body)).toContain('Data of Zoriana Bakery LLC');
    const [row] = rowsOf(page.body);
    expect(row?.text).toContain(`Dealing with case no. ${companyCase.number}`);
    expect(row?.text).toContain('State Tax and Customs Service');
    // The page offers each party the director acts for.
    expect(page.body).toContain(`href="/en/cabinet/data-access?party=business%3A${COMPANY}"`);

    expect((await get(andrii, `/en/cabinet/data-access?party=business:${COMPANY}`)).statusCode).toBe(404);
    expect((await get(olena, `/en/cabinet/data-access?party=business:${COMPANY}`)).statusCode).toBe(404);
    const [record] = await t.services.db.query<{ id: number }>("SELECT id FROM audit_events WHERE action = 'personal-data.read' AND subject = $1 ORDER BY id DESC LIMIT 1", [`business:${COMPANY}`]);
    expect((await get(andrii, `/en/cabinet/appeals/new?access=${record!.id}`)).body).not.toContain(companyCase.number);
  });
});

describe('reads beyond the case page', () => {
  it('a front desk\'s look-up, a visit list and an appeal read are shown in plain words, in both languages', async () => {
    const desk = await t.person('yuliia-marchenko', 'staff');
    expect(await t.services.visitors.find(desk, '9000000011')).not.toBeNull();
    await t.services.appointments.forPerson(desk, olena.person.id, { channel: 'in-person' });
    const appeal = await t.services.appeals.file(olena, { kind: 'complaint', agency: 'national-police', text: 'Nobody answered the phone.', caseNumber: '', officer: '' });
    if (!appeal.ok) {
      throw new Error('the appeal was not filed');
    }
    expect(await t.services.appeals.forOfficer(clerk, appeal.value.id)).not.toBeNull();

    const en = rowsOf((await get(olena, '/en/cabinet/data-access')).body).map((r) => r.text);
    expect(en[0]).toContain('Your appeal');
    expect(en[0]).toContain(`Dealing with appeal no. ${appeal.value.number}`);
    expect(en[1]).toContain('Your appointments');
    expect(en[1]).toContain('Your visit to a service centre');
    expect(en[1]).toContain('Service centre front desk');
    expect(en[2]).toContain('A look-up of your tax number in the register at a service centre\'s front desk');

    const uk = rowsOf((await get(olena, '/uk/cabinet/data-access')).body).map((r) => r.text);
    expect(uk[0]).toContain('Ваше звернення');
    expect(uk[0]).toContain(`Розгляд звернення № ${appeal.value.number}`);
    expect(uk[1]).toContain('Ваші записи на прийом');
    expect(uk[1]).toContain('Ваш візит до центру надання послуг');
    expect(uk[2]).toContain('Пошук вас за податковим номером у реєстрі на рецепції центру');
    for (const text of [...en.slice(0, 3), ...uk.slice(0, 3)]) {
      expect(text).not.toMatch(/accessLog\.|visitor-search|appeal-consideration|front-desk-visit/);
    }
  });
});

describe('a letter about a company\'s case', () => {
  it('printing it is a read of the addressee\'s data and of the company\'s', async () => {
    expect((await t.services.contacts.savePreferences(taras, { language: 'en', noticeChannels: ['post'], postalAddress: 'Taras Melnyk\nvul. Sadova 7\nZorehrad' })).ok).toBe(true);
    await t.services.notices.fanOut({ caseId: companyCase.id, kind: 'decision', decided: 'granted', feeDue: null, answerBy: null }, 'who-saw-test:company-decision');
    const [letter] = await t.services.db.query<{ id: string }>('SELECT id FROM letters WHERE case_id = $1', [companyCase.id]);
    const printed = await t.services.letters.pdf(clerk, letter!.id);
    expect(printed.ok).toBe(true);
    for (const [party, lang, what, why] of [
      ['self', 'en', 'A letter by post (the PDF to print)', `Dealing with case no. ${companyCase.number}`],
      [`business:${COMPANY}`, 'en', 'A letter by post (the PDF to print)', `Dealing with case no. ${companyCase.number}`],
      [`business:${COMPANY}`, 'uk', 'Лист поштою (PDF для друку)', `Розгляд справи № ${companyCase.number}`],
    ] as const) {
      const page = await get(taras, `/${lang}/cabinet/data-access${party === 'self' ? '' : `?party=${party}`}`);
      const [row] = rowsOf(page.body);
      expect(row?.text).toContain(what);
      expect(row?.text).toContain(why);
    }
  });
});

describe('paging', () => {
  it('shows the newest first, a page at a time, with links between pages', async () => {
    const clerkNow = await resolve(t.services, clerk.token);
    for (let i = 0; i < ACCESS_PAGE_SIZE; i += 1) {
      expect(await t.services.backOffice.view(clerkNow, olenasCase.id)).not.toBeNull();
    }
    const first = await get(olena, '/en/cabinet/data-access');
    const second = await get(olena, '/en/cabinet/data-access?page=2');
    const ids = [...rowsOf(first.body), ...rowsOf(second.body)].map((r) => r.id);
    expect(rowsOf(first.body)).toHaveLength(ACCESS_PAGE_SIZE);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
    expect(first.body).toContain('href="/en/cabinet/data-access?page=2"');
    expect((await get(olena, '/en/cabinet/data-access?page=abc')).statusCode).toBe(200);
  });
});
