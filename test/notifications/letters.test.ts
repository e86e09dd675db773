/**
 * Case notices by post: a person who chose post and gave a postal address gets one letter per notice,
 * written with the inbox rows and never twice; the letter's PDF puts the address in a window
 * envelope's window; a day's batch PDF has each letter on its own page; the staff of the case's
 * agency mark a letter dispatched (audited), and a supervisor of another agency does not see it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CaseRecord } from '../../src/modules/cases/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { act, ANSWERS, type CasesApp, casesApp, completeDraft, submit } from '../cases/support.ts';
import { missing, pdfPageCount, pdfPageText, pdfText, pdfTextIn } from '../documents/pdf-tools.ts';

const ADDRESS = 'Olena Koval\nvul. Sadova 5, apt. 12\nZorehrad\n01001 Ukraine';
/** DIN 5008: the address window of a C5/C4 window envelope, in millimetres from the page's top left. */
const WINDOW = { left: 20, top: 45, width: 85, height: 45 };
const AGENCY = 'state-tax-service';

let t: CasesApp;
let olena: SignedIn & { token: string };
let clerk: SignedIn & { token: string };
let decider: SignedIn & { token: string };
let otherSupervisor: SignedIn & { token: string };
let decided: CaseRecord;

const lettersOf = (caseId: string) => t.services.db.query<{ id: string; person_id: string; kind: string; lang: string; subject: string; address: string; organisation_id: string; dispatched_at: Date | null }>(
  'SELECT id, person_id, kind, lang, subject, address, organisation_id, dispatched_at FROM letters WHERE case_id = $1 ORDER BY created_at, kind', [caseId],
);
const get = (who: { token: string }, url: string) => t.app.inject({ url, headers: { cookie: `portico_session=${who.token}` } });
const post = (who: SignedIn & { token: string }, url: string) => t.app.inject({
  method: 'POST', url, headers: { cookie: `portico_session=${who.token}`, 'content-type': 'application/x-www-form-urlencoded' },
  payload: `_csrf=${encodeURIComponent(who.session.csrfToken)}`,
});
const decisionNotice = (caseId: string) => ({ caseId, kind: 'decision' as const, decided: 'granted', feeDue: null, answerBy: null });

beforeAll(async () => {
  t = await casesApp('2026-12-01');
  // The demo clerk and decision maker work in every agency with services online; the contact-centre
  // operator is made a supervisor in the migration service only.
  const admin = await t.person('viktor-savchenko', 'staff');
  expect((await t.services.staff.grant(admin, { nationalId: '9000000123', role: 'supervisor', agencyId: 'state-migration-service', centreId: null })).ok).toBe(true);
  clerk = await t.person('mykola-tkachenko', 'staff');
  decider = await t.person('oksana-lysenko', 'staff');
  otherSupervisor = await t.person('serhii-pavlenko', 'staff');
  expect(otherSupervisor.staff.map((s) => [s.role, s.agencyId])).toContainEqual(['supervisor', 'state-migration-service']);
  olena = await t.person('olena-koval');
  expect((await t.services.contacts.savePreferences(olena, { language: 'en', noticeChannels: ['post'], postalAddress: ADDRESS })).ok).toBe(true);

  const draft = await completeDraft(t.services, olena, 'tax-clearance-certificate', ANSWERS['tax-clearance-certificate']);
  decided = await submit(t.services, olena, draft);
  await act(t.services, clerk, decided.id, 'register');
  await act(t.services, clerk, decided.id, 'start-review');
  expect((await act(t.services, decider, decided.id, 'grant')).state).toBe('result-issued');
});
afterAll(async () => {
  await t.close();
});

describe('case notices by post', () => {
  it('a decision notice writes exactly one letter for the person who chose post, even when the fan-out runs twice', async () => {
    const first = await t.services.notices.fanOut(decisionNotice(decided.id), 'letters-test:decision');
    const again = await t.services.notices.fanOut(decisionNotice(decided.id), 'letters-test:decision');
    expect([first?.lettersWritten, again?.lettersWritten, again?.inboxWritten]).toEqual([1, 0, 0]);
    const letters = (await lettersOf(decided.id)).filter((l) => l.kind === 'decision');
    expect(letters.map((l) => [l.person_id, l.lang, l.subject, l.address, l.organisation_id, l.dispatched_at])).toEqual([
      [olena.person.id, 'en', `Case ${decided.number}: granted`, ADDRESS, AGENCY, null],
    ]);
  });

  it.skipIf(missing('pdftotext', 'pdfinfo') !== null)('the letter\'s PDF: the address in the window, the subject and the case number; a day\'s batch has a page per letter', async () => {
    const [letter] = (await lettersOf(decided.id)).filter((l) => l.kind === 'decision');
    const pdf = await get(clerk, `/en/office/letters/${letter?.id}/letter.pdf`);
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    const bytes = pdf.rawPayload;
    const windowLines = pdfTextIn(bytes, WINDOW).split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const [agency] = await t.services.db.query<{ name_en: string }>('SELECT name_en FROM organisations WHERE id = $1', [AGENCY]);
    expect(windowLines).toEqual([agency?.name_en, ...ADDRESS.split('\n')]);
    const text = pdfText(bytes);
    expect(text).toContain(`Case ${decided.number}: granted`);
    expect(text).toContain(`Case number: ${decided.number}`);
    expect(pdfTextIn(bytes, { left: 20, top: 95, width: 170, height: 150 })).not.toContain(ADDRESS.split('\n')[0]);
    // The decision is enclosed: its pages follow the letter's.
    const [decision] = await t.services.db.query<{ pdf: Uint8Array }>('SELECT pdf FROM documents WHERE case_id = $1', [decided.id]);
    const decisionPages = pdfPageCount(Buffer.from(decision?.pdf ?? new Uint8Array()));
    expect(pdfPageCount(bytes)).toBe(1 + decisionPages);
    expect(text.replace(/\s+/g, ' ')).toContain('The sealed decision is enclosed with this letter');

    // A second notice the same day (the receipt notice, in the same way): the day's batch has both, each from a new page.
    await t.services.notices.fanOut({ caseId: decided.id, kind: 'submitted', decided: null, feeDue: null, answerBy: null }, 'letters-test:submitted');
    const ours = await lettersOf(decided.id);
    expect(ours).toHaveLength(2);
    const batch = await get(clerk, '/en/office/letters/batch.pdf?day-day=1&day-month=12&day-year=2026');
    expect([batch.statusCode, batch.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(pdfPageCount(batch.rawPayload)).toBe(2 + decisionPages);
    const pages = Array.from({ length: 2 + decisionPages }, (_, i) => pdfPageText(batch.rawPayload, i + 1));
    expect(ours.map((l) => pages.filter((p) => p.includes(l.subject)).length)).toEqual([1, 1]);
    expect(pdfPageCount((await get(clerk, '/en/office/letters/batch.pdf?day-day=2&day-month=12&day-year=2026')).rawPayload)).toBe(1); // no letters: one blank page
    const bad = await get(clerk, '/en/office/letters/batch.pdf?day-day=40&day-month=13&day-year=2026');
    expect(bad.statusCode).toBe(400); // the queue again, the problem in the error summary and on the field
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Day to print: Enter a real date');
    expect(bad.body).toMatch(/<p class="govuk-error-message" id="[a-z-]*day-error">/);
  });

  it('the queue of the agency\'s staff; marking dispatched takes the letter off it (audited); another agency\'s supervisor gets 404', async () => {
    const [letter] = (await lettersOf(decided.id)).filter((l) => l.kind === 'decision');
    const queue = await get(clerk, '/en/office/letters');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(`href="/en/office/letters/${letter?.id}/letter.pdf"`);

    expect((await get(otherSupervisor, `/en/office/letters/${letter?.id}/letter.pdf`)).statusCode).toBe(404);
    expect((await post(otherSupervisor, `/en/office/letters/${letter?.id}/dispatch`)).statusCode).toBe(404);
    expect((await t.services.letters.queue(otherSupervisor)).filter((l) => l.caseId === decided.id)).toEqual([]);
    expect((await get(otherSupervisor, '/en/office/letters')).body).not.toContain(letter?.id ?? 'none');

    const dispatched = await post(clerk, `/en/office/letters/${letter?.id}/dispatch`);
    expect([dispatched.statusCode, dispatched.headers.location]).toEqual([303, `/en/office/letters?dispatched=${decided.number}`]);
    const after = await get(clerk, dispatched.headers.location ?? '');
    expect(after.body).toContain(`The letter about case ${decided.number} is marked dispatched.`);
    expect(after.body).not.toContain(`/en/office/letters/${letter?.id}/letter.pdf`);
    expect((await t.services.letters.queue(clerk)).map((l) => l.id)).not.toContain(letter?.id);
    expect((await post(clerk, `/en/office/letters/${letter?.id}/dispatch`)).statusCode).toBe(404);
    const [row] = (await lettersOf(decided.id)).filter((l) => l.kind === 'decision');
    expect(row?.dispatched_at).toEqual(t.clock.now());
    const audit = await t.services.db.query<{ actor_person_id: string; detail: { letterId: string } }>(
      "SELECT actor_person_id, detail FROM audit_events WHERE action = 'letter.dispatched' AND subject = $1", [`case:${decided.number}`],
    );
    expect(audit).toEqual([{ actor_person_id: clerk.person.id, detail: { letterId: letter?.id, kind: 'decision' } }]);
  });
});
