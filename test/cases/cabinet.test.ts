/**
 * The applicant's pages say what waits for whom: the cabinet lists things to do (a question to
 * answer by a date, a fee to pay, a draft to finish, a decision to download) before recent cases,
 * for the person and for each party they act for; the case page says whose turn it is in words, with
 * a status tag and a timeline; My applications is a table in its own scrolling region; the receipt
 * names the channel and the term in words. Dates are local, never ISO.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CaseRecord } from '../../src/modules/cases/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { act, ANSWERS, type CasesApp, casesApp, completeDraft, draftOf, grantAgencyRoles, resolve, submit } from './support.ts';

let t: CasesApp;
let olena: SignedIn & { token: string };
let asked: CaseRecord;
let unpaid: CaseRecord;
let granted: CaseRecord;
let companyCase: CaseRecord;
const COMPANY = '40000001';

const page = (who: { token: string }, url: string) => t.app.inject({ url, headers: { cookie: `portico_session=${who.token}` } });
/** The text a person reads: tags and attributes (where ISO datetimes may live) removed. */
const visible = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/;

beforeAll(async () => {
  t = await casesApp('2026-12-01');
  olena = await t.person('olena-koval');
  await grantAgencyRoles(t, 'national-police');
  await grantAgencyRoles(t, 'state-tax-service');
  const clerk = await t.person('mykola-tkachenko', 'staff');
  const decider = await t.person('oksana-lysenko', 'staff');

  granted = await submit(t.services, olena, await draftOf(t.services, olena, 'criminal-record-certificate'));
  await act(t.services, clerk, granted.id, 'register');
  await act(t.services, clerk, granted.id, 'start-review');
  await act(t.services, decider, granted.id, 'grant');

  asked = await submit(t.services, olena, await draftOf(t.services, olena, 'criminal-record-certificate'));
  await act(t.services, clerk, asked.id, 'register');
  await act(t.services, clerk, asked.id, 'start-review');
  await act(t.services, clerk, asked.id, 'request-information', 'Send a certified translation of your birth certificate');

  unpaid = await submit(t.services, olena, await draftOf(t.services, olena, 'international-passport'));
  const started = await t.services.drafts.start(olena, 'residence-registration');
  expect(started.ok).toBe(true);

  // A director applies for his company; the tax service asks the company a question.
  const director = await t.person('taras-melnyk');
  expect((await t.services.sessions.actAs(director, { kind: 'business', id: COMPANY })).ok).toBe(true);
  const forCompany = await resolve(t.services, director.token);
  companyCase = await submit(t.services, forCompany, await completeDraft(t.services, forCompany, 'tax-clearance-certificate', { ...ANSWERS['tax-clearance-certificate'], applicantType: 'business', email: 'office@zoriana.example' }));
  await act(t.services, clerk, companyCase.id, 'register');
  await act(t.services, clerk, companyCase.id, 'start-review');
  await act(t.services, clerk, companyCase.id, 'request-information', 'Send the balance sheet for 2025');
  expect((await t.services.sessions.actAs(forCompany, { kind: 'self' })).ok).toBe(true);
}, 300_000);
afterAll(async () => t.close());

describe('the cabinet as a dashboard', () => {
  it('puts things to do first — the answer with its due date, the fee, the draft, the decision — then recent cases with tags', async () => {
    const res = await page(olena, '/en/cabinet');
    expect(res.statusCode).toBe(200);
    const text = visible(res.body);
    const todo = text.indexOf('Things to do');
    const recent = text.indexOf('Recent applications');
    expect(todo).toBeGreaterThan(-1);
    expect(recent).toBeGreaterThan(todo);
    const things = text.slice(todo, recent);
    // Asked on Tuesday 1 December: ten working days later is Tuesday 15 December.
    expect(things).toContain(`Answer the request on case ${asked.number}`);
    expect(things).toContain('Your answer is asked for by 15 December 2026');
    expect(things).toContain(`Pay the fee of UAH 732.00 on case ${unpaid.number}`);
    expect(things).toMatch(/Finish your application: Registering your place of residence[^·]*The draft will be deleted on \d{1,2} [A-Z][a-z]+ 2026/);
    expect(things).toMatch(new RegExp(`Download document ${granted.number}-D\\d* on case ${granted.number}|Download document [^ ]+ on case ${granted.number}`));
    expect(things.indexOf('Answer the request')).toBeLessThan(things.indexOf('Pay the fee'));
    expect(things.indexOf('Pay the fee')).toBeLessThan(things.indexOf('Finish your application'));
    expect(res.body).toContain(`href="/en/cabinet/cases/${asked.id}#request-title"`);

    const cases = text.slice(recent);
    expect(cases).toContain(`${asked.number} Criminal record certificate`);
    expect(res.body).toContain('<strong class="govuk-tag govuk-tag--orange">Information requested</strong>');
    expect(res.body).toContain('<strong class="govuk-tag govuk-tag--green">Result issued</strong>');
    expect(cases).toContain('Waiting for you to answer by 15 December 2026.');
    expect(text).not.toMatch(ISO_DAY);
  });

  it('says the same in Ukrainian, with local dates and one full stop after a date', async () => {
    const text = visible((await page(olena, '/uk/cabinet')).body);
    expect(text).toContain(`Дайте відповідь на запит у справі ${asked.number}`);
    expect(text).toContain('Відповідь очікують до 15 грудня 2026');
    expect(text).toContain('Чекаємо на вашу відповідь до 15 грудня 2026.');
    expect(text).not.toContain('..');
    expect(text).not.toMatch(ISO_DAY);
  });

  it('shows a director, acting for himself, what waits for the company he directs, grouped under its name', async () => {
    const director = await t.person('taras-melnyk');
    const res = await page(director, '/en/cabinet');
    const text = visible(res.body);
    const things = text.slice(text.indexOf('Things to do'), text.indexOf('Recent applications'));
    expect(things).toContain('Zoriana Bakery LLC');
    expect(things).toContain(`Answer the request on case ${companyCase.number}`);
    // Not yet acting for the company: the way to act for it, and no link the session could not open.
    expect(things).toContain('To do this, act for Zoriana Bakery LLC');
    expect(res.body).toMatch(/<form method="post" action="\/en\/cabinet\/act-as"[^>]*><input type="hidden" name="_csrf" value="[^"]+"\/><input type="hidden" name="party" value="business:40000001"\/>/);
    expect(res.body).not.toContain(`href="/en/cabinet/cases/${companyCase.id}`);
    const recent = text.slice(text.indexOf('Recent applications'));
    expect(recent.indexOf(companyCase.number)).toBeGreaterThan(recent.indexOf('Zoriana Bakery LLC'));

    // Someone who may not act for the company sees nothing of it.
    const accountant = await t.person('iryna-bondar');
    const theirs = visible((await page(accountant, '/en/cabinet')).body);
    expect(theirs).not.toContain(companyCase.number);
    expect(theirs).toContain('Nothing needs you right now.');
  });

  it('links the company’s case once the director acts for it', async () => {
    const director = await t.person('taras-melnyk');
    expect((await t.services.sessions.actAs(director, { kind: 'business', id: COMPANY })).ok).toBe(true);
    const res = await page(director, '/en/cabinet');
    expect(res.body).toContain(`href="/en/cabinet/cases/${companyCase.id}#request-title"`);
    expect(res.body).not.toContain('value="business:40000001"');
  });
});

describe('the case page says who waits for whom', () => {
  it('waiting for an answer: a tag, the banner with the due date, the words, the timeline named in the locale', async () => {
    const res = await page(olena, `/en/cabinet/cases/${asked.id}`);
    expect(res.statusCode).toBe(200);
    const text = visible(res.body);
    expect(res.body).toContain('<strong class="govuk-tag govuk-tag--orange">Information requested</strong>');
    expect(res.body).toMatch(/class="govuk-notification-banner"[^>]*>.*Answer the agency’s request by 15 December 2026\./);
    expect(text).toContain('Waiting for you to answer by 15 December 2026.');
    expect(res.body).toContain('class="moj-timeline"');
    const timeline = text.slice(text.indexOf('Progress'));
    expect(timeline.indexOf('More information requested')).toBeLessThan(timeline.indexOf('Review started'));
    expect(timeline.indexOf('Application registered')).toBeLessThan(timeline.indexOf('Application submitted'));
    const uk = visible((await page(olena, `/uk/cabinet/cases/${asked.id}`)).body);
    expect(uk).toContain('Чекаємо на вашу відповідь до 15 грудня 2026.');
    expect(uk).toContain('Запитано додаткову інформацію');
  });

  it('the agency’s turn: considering, with the decision date; decided: the outcome, a green tag and the document', async () => {
    const answered = await t.services.cases.answer(olena, asked.id, 'Attached to the post');
    expect(answered.ok).toBe(true);
    const considering = visible((await page(olena, `/en/cabinet/cases/${asked.id}`)).body);
    const due = answered.ok ? answered.value.dueOn : null;
    expect(due).toMatch(ISO_DAY);
    const [, month, day] = (due ?? '').split('-').map(Number);
    const monthName = new Date(Date.UTC(2026, (month ?? 1) - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    expect(considering).toContain(`The agency is considering your application; decision due by ${day} ${monthName}`);
    expect(considering).not.toContain('What you need to do');

    const res = await page(olena, `/en/cabinet/cases/${granted.id}`);
    const text = visible(res.body);
    expect(res.body).toContain('<strong class="govuk-tag govuk-tag--green">Result issued</strong>');
    expect(text).toContain('Decided: the service was granted.');
    expect(text).toContain('The decision is ready: download the document below.');
    expect(text).toContain('Decision to grant the service');
    // (The application's own answers below are printed by the form's renderer, not by this page.)
    expect(text.slice(0, text.indexOf('Your answers in the application'))).not.toMatch(ISO_DAY);
  });
});

describe('My applications and the receipt', () => {
  it('My applications: a table in a scrolling region, status tags, local dates', async () => {
    const res = await page(olena, '/en/cabinet/applications');
    expect(res.body).toMatch(/<div class="app-table-scroll" role="region" aria-label="[^"]+" tabindex="0"><table class="govuk-table">/);
    expect(res.body).toContain('<strong class="govuk-tag govuk-tag--orange">Awaiting payment</strong>');
    expect(visible(res.body)).toContain('1 December 2026');
    expect(visible(res.body)).not.toMatch(ISO_DAY);
  });

  it('the receipt names the channel and the term in words, in both languages', async () => {
    const en = visible((await page(olena, `/en/cabinet/cases/${unpaid.id}/receipt`)).body);
    expect(en).toContain('Submitted through Web portal');
    expect(en).toContain('Statutory term 20 working days');
    const uk = visible((await page(olena, `/uk/cabinet/cases/${unpaid.id}/receipt`)).body);
    expect(uk).toContain('Канал подання Вебпортал');
    expect(uk).toContain('Строк розгляду 20 робочих днів');
    expect(uk).not.toMatch(/Канал подання web/);
    const residence = visible((await page(olena, `/en/cabinet/cases/${asked.id}/receipt`)).body);
    expect(residence).toContain('Statutory term 10 working days');
    expect(en).not.toMatch(ISO_DAY);
  });
});
