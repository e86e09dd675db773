import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CaseRecord } from '../../src/modules/cases/index.ts';
import type { TestApp } from '../support/app.ts';
import { signIn } from '../support/identity.ts';
import { type OfficeWorld, officeWorld } from './support.ts';

let t: TestApp;
let citizen: string;
let clerk: string;
let decider: string;
let supervisor: string;
/** Goes through the workflow. */
let first: CaseRecord;
/** Stays untouched for assignment. */
let second: CaseRecord;

let signedInOf: OfficeWorld['signedInOf'];
let post: OfficeWorld['post'];
let get: OfficeWorld['get'];
let act: OfficeWorld['act'];

beforeAll(async () => {
  const w = await officeWorld();
  ({ t, citizen, clerk, decider, supervisor, signedInOf, post, get, act } = w);
  const submitResidenceRegistration = w.submitResidenceRegistration;
  first = await submitResidenceRegistration('office-1');
  second = await submitResidenceRegistration('office-2');
});
afterAll(async () => t.close());

describe('the gate', () => {
  it('lets only officers with a case role in', async () => {
    expect((await t.app.inject('/en/office/cases')).statusCode).toBe(303);
    expect((await get(await signIn(t.app, 'larysa-moroz', 'staff'), '/en/office/cases')).statusCode).toBe(403);
    expect((await get(citizen, '/en/office/cases')).statusCode).toBe(403);
    expect((await get(citizen, `/en/office/cases/${first.id}`)).statusCode).toBe(403);
  });

  it('answers 404 for unknown cases, attachments and documents', async () => {
    expect((await get(clerk, '/en/office/cases/not-a-case')).statusCode).toBe(404);
    expect((await get(clerk, '/en/office/cases/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await get(clerk, '/en/office/documents/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await get(clerk, `/en/office/cases/${first.id}/attachments/nonsense`)).statusCode).toBe(404);
  });
});

describe('the staff home', () => {
  it('names agencies and roles through the locale, links each agency’s queue and counts its running cases', async () => {
    const en = await get(clerk, '/en/staff');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('Case queue: State Migration Service');
    expect(en.body).toContain('href="/en/office/cases?agency=state-migration-service"');
    expect(en.body).toMatch(/<th scope="row" class="govuk-table__header">Clerk<\/th><td class="govuk-table__cell">State Migration Service<\/td>/);
    expect(en.body).toMatch(/Cases in progress: <\/span>2<\/strong>/);
    expect(en.body).not.toMatch(/>[^<]*state-migration-service[^<]*</); // no raw id shown to people
    const uk = await get(clerk, '/uk/staff');
    expect(uk.body).toContain('Черга справ: Державна міграційна служба');
    expect(uk.body).toContain('Діловод');
  });
});

describe('the queue', () => {
  it('lists the agency’s cases in both languages, each with a labelled checkbox', async () => {
    const en = await get(clerk, '/en/office/cases');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain(first.number);
    expect(en.body).toContain(second.number);
    expect(en.body).toContain('Registering your place of residence (change of address)');
    expect(en.body).toContain(`Select case ${first.number}`);
    expect(en.body).toContain('name="caseIds"');
    expect(en.body).toMatch(/<caption[^>]*>2 cases found<\/caption>/);
    const uk = await get(clerk, '/uk/office/cases?state=submitted&assigned=nobody&running=1');
    expect(uk.statusCode).toBe(200);
    expect(uk.body).toContain('Черга справ');
    expect(uk.body).toContain('Знайдено 2 справи');
    expect(uk.body).toContain('Подано');
    const none = await get(clerk, '/en/office/cases?state=refused');
    expect(none.body).toContain('No cases match these filters.');
  });

  it('lets a supervisor assign cases to a clerk, whose “assigned to me” then shows them', async () => {
    const clerkId = (await signedInOf(clerk)).person.id;
    const mine = () => get(clerk, '/en/office/cases?assigned=me');
    expect((await mine()).body).not.toContain(second.number);
    const nothing = await post(supervisor, '/en/office/cases/assign', [['agencyId', 'state-migration-service'], ['assignee', clerkId], ['filters', 'assigned=nobody']]);
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('Select at least one case.');
    const done = await post(supervisor, '/en/office/cases/assign', [['agencyId', 'state-migration-service'], ['caseIds', second.id], ['assignee', clerkId], ['filters', 'assigned=nobody&running=1&evil=1']]);
    expect(done.statusCode).toBe(303);
    // The demo officers serve every agency with services online, so the queue keeps the agency chosen.
    expect(done.headers.location).toBe('/en/office/cases?agency=state-migration-service&assigned=nobody');
    expect((await mine()).body).toContain(second.number);
  });

  it('refuses a clerk assigning a case to someone else, and says why', async () => {
    const deciderId = (await signedInOf(decider)).person.id;
    const refused = await post(clerk, '/en/office/cases/assign', [['agencyId', 'state-migration-service'], ['caseIds', second.id], ['assignee', deciderId], ['filters', '']]);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('You can assign cases only to yourself.');
    expect(refused.body).toContain('href="#filter-assignee"');
    expect(refused.body).toMatch(new RegExp(`value="${second.id}" checked`));
  });
});

describe('the case view and the workflow', () => {
  it('shows the applicant, the answers by their questions and the files, which download', async () => {
    const page = await get(clerk, `/en/office/cases/${first.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Case ${first.number}`);
    expect(page.body).toContain('Олена Коваль');
    expect(page.body).toContain('Whose address you are registering');
    expect(page.body).toContain('My own');
    expect(page.body).toContain('вул. Садова');
    expect(page.body).toContain('Register the application');
    const link = new RegExp(`/en/office/cases/${first.id}/attachments/([0-9a-f-]{36})`).exec(page.body);
    expect(link).not.toBeNull();
    const file = await get(clerk, link?.[0] ?? '');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="_______ (____).pdf"; filename*=UTF-8''${encodeURIComponent('паспорт')}%20%28${encodeURIComponent('скан')}%29.pdf`);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.body).toBe('%PDF-1.4 test');
    // The same attachment under another case's address is not found.
    expect((await get(clerk, `/en/office/cases/${second.id}/attachments/${link?.[1] ?? ''}`)).statusCode).toBe(404);
  });

  it('registers, reviews and asks the applicant, naming an empty question beside the field', async () => {
    expect((await act(clerk, first, { event: 'register' })).statusCode).toBe(303);
    expect((await act(clerk, first, { event: 'start-review' })).statusCode).toBe(303);
    const empty = await act(clerk, first, { event: 'request-information', reason: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#filter-request-information-reason"');
    expect(empty.body).toContain('id="filter-request-information-reason"');
    expect(empty.body.split('Enter what the applicant needs to provide.').length).toBe(3); // the summary and the field

    const asked = await act(clerk, first, { event: 'request-information', reason: 'Send the <script>alert(1)</script> deed' });
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe(`/en/office/cases/${first.id}`);
    const page = await get(clerk, `/en/office/cases/${first.id}`);
    expect(page.body).toContain('Information requested');
    expect(page.body).toContain('Clock stopped: waiting for the applicant');
    expect(page.body).toMatch(/Waiting for the applicant to answer the request of \d{1,2} [A-Z][a-z]{2} 2026\./);
    expect(page.body).not.toContain('Your roles allow no action');
    expect(page.body).toContain('Send the &lt;script>alert(1)&lt;/script> deed');
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('Микола Ткаченко'); // who did it, in the history
  });

  it('refuses a decision that lacks what it needs, keeping what was typed', async () => {
    const answered = await t.services.cases.answer(await signedInOf(citizen), first.id, 'Attached the deed');
    expect(answered.ok).toBe(true);

    const clerkGrant = await act(clerk, first, { event: 'grant', reason: '' });
    expect(clerkGrant.statusCode).toBe(400);
    expect(clerkGrant.body).toContain('Your role does not allow this action.');

    const noGround = await act(decider, first, { event: 'refuse', reason: 'The owner did not consent' });
    expect(noGround.statusCode).toBe(400);
    expect(noGround.body).toContain('Choose the ground for refusal.');
    expect(noGround.body).toContain('href="#filter-refusalGroundId"');
    expect(noGround.body).toMatch(/<p class="govuk-error-message" id="filter-refusalGroundId-error">/);
    expect(noGround.body).toContain('The owner did not consent</textarea>');

    const noReason = await act(decider, first, { event: 'refuse', refusalGroundId: 'no-owner-consent', reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter the reasons.');
    expect(noReason.body).toMatch(/value="no-owner-consent" checked/);

    const unknown = await act(decider, first, { event: 'pay' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('There is no such action for this case.');
  });

  it('grants, issues a sealed decision the officer can open, and refuses acting twice', async () => {
    const uk = await get(decider, `/uk/office/cases/${first.id}`);
    expect(uk.body).toContain('Надати послугу');
    expect(uk.body).toContain('Адреси немає в реєстрі адрес');

    const confirmation = await act(decider, first, { event: 'grant', reason: 'All in order' });
    expect(confirmation.statusCode).toBe(200);
    const version = /name="version" value="(\d+)"/.exec(confirmation.body)?.[1] ?? '';
    const confirmed = await post(decider, `/en/office/cases/${first.id}/decision/confirm`, [['event', 'grant'], ['reason', 'All in order'], ['version', version]]);
    expect(confirmed.statusCode).toBe(303);
    const page = await get(decider, `/en/office/cases/${first.id}`);
    expect(page.body).toContain('Result issued');
    expect(page.body).toContain('Decision to grant');
    const link = /\/en\/office\/documents\/([0-9a-f-]{36})/.exec(page.body);
    expect(link).not.toBeNull();
    expect(page.body).toContain(`/en/verify/${link?.[1] ?? ''}`);
    const pdf = await get(clerk, link?.[0] ?? '');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(String(pdf.headers['content-disposition'])).toMatch(/^inline; filename="[^"]+\.pdf"; filename\*=UTF-8''/);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await get(citizen, link?.[0] ?? '')).statusCode).toBe(403);

    const again = await act(decider, first, { event: 'grant', reason: '' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('The case has moved on');
    expect(page.body).toContain('Close the case');
    expect(page.body).not.toContain(`/en/office/cases/${first.id}/assign`); // a decided case is no one's work any more
  });

  it('keeps internal notes on the case, escaped, and names an empty one', async () => {
    const empty = await post(clerk, `/en/office/cases/${first.id}/notes`, [['note', ' ']]);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the note (up to 4,000 characters).');
    expect((await post(clerk, `/en/office/cases/${first.id}/notes`, [['note', 'Owner called <b>twice</b>']])).statusCode).toBe(303);
    const page = await get(supervisor, `/en/office/cases/${first.id}`);
    expect(page.body).toContain('Owner called &lt;b>twice&lt;/b>');
  });

  it('assigns one case from its view, within the same rules', async () => {
    const supervisorId = (await signedInOf(supervisor)).person.id;
    const refused = await post(clerk, `/en/office/cases/${second.id}/assign`, [['assignee', supervisorId]]);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('You can assign cases only to yourself.');
    expect((await post(supervisor, `/en/office/cases/${second.id}/assign`, [['assignee', supervisorId]])).statusCode).toBe(303);
    expect((await get(supervisor, `/en/office/cases/${second.id}`)).body).toContain('Currently assigned to: Петро Бойко');
  });
});
