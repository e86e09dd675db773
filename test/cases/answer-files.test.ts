/**
 * Files with the applicant's answer to an information request, and what the officer sees of files:
 * the answer form is multipart (no JavaScript needed) and takes several files, each checked like an
 * upload (by content, the service's size limit, the party's quota, a safe name with the type's
 * extension); the officer sees them with the answer and downloads them; a disguised HTML file is
 * refused and nothing is recorded; a PDF with JavaScript or an open action is flagged to the officer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CaseRecord } from '../../src/modules/cases/index.ts';
import type { TestApp } from '../support/app.ts';
import { demoRecords } from '../support/demo.ts';
import { appWithEid, csrfOf, signIn } from '../support/identity.ts';

const BOUNDARY = '----portico-answer-boundary';
const PLAIN_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const ACTIVE_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj\n2 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\n%%EOF\n');
const DISGUISED_HTML = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');

let t: TestApp;
let citizen: string;
let clerk: string;
let c: CaseRecord;

type Part = readonly [name: string, value: string] | { readonly name: string; readonly filename: string; readonly bytes: Buffer };

function multipart(parts: readonly Part[]) {
  const chunks = parts.flatMap((p) =>
    Array.isArray(p)
      ? [Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${p[0]}"\r\n\r\n${p[1]}\r\n`)]
      : [Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${(p as { name: string }).name}"; filename="${(p as { filename: string }).filename}"\r\nContent-Type: application/pdf\r\n\r\n`), (p as { bytes: Buffer }).bytes, Buffer.from('\r\n')],
  );
  return { headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, payload: Buffer.concat([...chunks, Buffer.from(`--${BOUNDARY}--\r\n`)]) };
}

const get = (cookie: string, url: string) => t.app.inject({ url, headers: { cookie } });
async function officerAct(fields: Record<string, string>) {
  const body = new URLSearchParams({ _csrf: await csrfOf(t.app, clerk, '/en/staff'), ...fields });
  const response = await t.app.inject({ method: 'POST', url: `/en/office/cases/${c.id}/act`, headers: { cookie: clerk, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
  expect(response.statusCode).toBe(303);
}
async function answer(lang: string, parts: readonly Part[]) {
  const csrf = await csrfOf(t.app, citizen, `/${lang}/cabinet/cases/${c.id}`);
  const body = multipart([['_csrf', csrf], ...parts]);
  return t.app.inject({ method: 'POST', url: `/${lang}/cabinet/cases/${c.id}/answer`, headers: { cookie: citizen, ...body.headers }, payload: body.payload });
}
const answerFiles = async () => (await t.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments WHERE information_request_id IS NOT NULL'))[0]?.n;

beforeAll(async () => {
  t = await appWithEid();
  expect((await t.services.catalogue.importRecords(await demoRecords(), 'test')).ok).toBe(true);
  citizen = await signIn(t.app, 'olena-koval');
  clerk = await signIn(t.app, 'mykola-tkachenko', 'staff');
  const signedIn = await t.services.sessions.resolve(citizen.slice(citizen.indexOf('=') + 1), 'uk');
  if (signedIn === null) {
    throw new Error('no session');
  }
  const started = await t.services.drafts.start(signedIn, 'residence-registration');
  if (!started.ok) {
    throw new Error(started.error.code);
  }
  const pages: Array<[string, Record<string, string>]> = [
    ['about-you', { givenName: signedIn.person.givenName, familyName: signedIn.person.familyName, birthDate: signedIn.person.birthDate ?? '', nationalId: signedIn.person.nationalId ?? '', registrationFor: 'self' }],
    ['contact', { email: 'olena@example.com' }],
    ['new-address', { settlement: 'Зореград', street: 'вул. Садова', building: '12', apartment: '3', postcode: '01001', moveDate: '2026-01-10' }],
    ['right-to-live', { housingBasis: 'owner' }],
  ];
  for (const [pageId, body] of pages) {
    expect((await t.services.drafts.savePage(signedIn, started.value.id, pageId, body)).ok).toBe(true);
  }
  // Point 10: a PDF named as a web page, with bidi and zero-width characters in its name, and an open action.
  const uploaded = await t.services.drafts.upload(signedIn, started.value.id, { field: 'identityDocument', filename: 'pass\u200Bport\u202Efdp.html', bytes: ACTIVE_PDF });
  expect(uploaded.ok && uploaded.value.filename).toBe('passportfdp.pdf');
  const submitted = await t.services.drafts.submit(signedIn, started.value.id, { idempotencyKey: 'answer-files-1', declared: true, channel: 'web', lang: 'uk' });
  if (!submitted.ok) {
    throw new Error(submitted.error.code);
  }
  c = submitted.value;
  await officerAct({ event: 'register' });
  await officerAct({ event: 'start-review' });
  await officerAct({ event: 'request-information', reason: 'Send a scan of the ownership deed' });
});
afterAll(async () => t.close());

describe('an uploaded PDF with active content, named as something else (point 10)', () => {
  it('is served with the detected type’s extension and flagged to the officer in both languages', async () => {
    const en = await get(clerk, `/en/office/cases/${c.id}`);
    expect(en.body).toContain('passportfdp.pdf');
    expect(en.body).not.toContain('.html');
    expect(en.body).toContain('this PDF contains JavaScript or actions that run when it is opened');
    expect((await get(clerk, `/uk/office/cases/${c.id}`)).body).toContain('цей PDF містить JavaScript');
    const link = new RegExp(`/en/office/cases/${c.id}/attachments/([0-9a-f-]{36})`).exec(en.body);
    const file = await get(clerk, link?.[0] ?? '');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="passportfdp.pdf"; filename*=UTF-8''passportfdp.pdf`);
  });

  it('serves a name stored before names were made safe as a safe one too', async () => {
    await t.services.db.query("UPDATE attachments SET filename = $2 WHERE case_id = $1 AND information_request_id IS NULL", [c.id, 'old\u202Escan.html']);
    const page = await get(clerk, `/en/office/cases/${c.id}`);
    expect(page.body).toContain('oldscan.pdf');
    const link = new RegExp(`/en/office/cases/${c.id}/attachments/([0-9a-f-]{36})`).exec(page.body);
    expect((await get(clerk, link?.[0] ?? '')).headers['content-disposition']).toBe(`attachment; filename="oldscan.pdf"; filename*=UTF-8''oldscan.pdf`);
  });
});

describe('files with the answer to an information request (point 12c)', () => {
  it('offers a multipart form with a file input that works without JavaScript', async () => {
    const page = await get(citizen, `/en/cabinet/cases/${c.id}`);
    expect(page.body).toMatch(/<form method="post" action="\/en\/cabinet\/cases\/[0-9a-f-]+\/answer" enctype="multipart\/form-data"/);
    expect(page.body).toMatch(/<input class="govuk-file-upload" id="filter-files" name="files" type="file" multiple/);
  });

  it('refuses an HTML file disguised as a PDF, keeps the text typed and records nothing', async () => {
    const refused = await answer('en', [['answer', 'Here is the deed'], { name: 'files', filename: 'deed.pdf', bytes: DISGUISED_HTML }]);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('class="govuk-error-summary"');
    expect(refused.body).toContain('The file must be a PDF, JPEG or PNG');
    expect(refused.body).toContain('Here is the deed</textarea>');
    expect(await answerFiles()).toBe(0);
    const requests = await t.services.db.query<{ answer: string | null }>('SELECT answer FROM information_requests WHERE case_id = $1', [c.id]);
    expect(requests.map((r) => r.answer)).toEqual([null]);
  });

  it('refuses more files than one answer may carry', async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ name: 'files', filename: `p${i}.pdf`, bytes: PLAIN_PDF }));
    const refused = await answer('uk', [['answer', 'Багато'], ...six]);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('не більше 5 файлів');
    expect(await answerFiles()).toBe(0);
  });

  it('takes the answer with two files; the officer sees them with the answer, flagged when active, and downloads them', async () => {
    const sent = await answer('en', [['answer', 'The deed and the plan'], { name: 'files', filename: 'deed.html', bytes: PLAIN_PDF }, { name: 'files', filename: 'plan.pdf', bytes: ACTIVE_PDF }]);
    expect(sent.statusCode).toBe(303);
    expect(await answerFiles()).toBe(2);
    const page = await get(clerk, `/en/office/cases/${c.id}`);
    expect(page.body).toContain('The deed and the plan');
    expect(page.body).toContain('Files with the answer');
    const requests = page.body.slice(page.body.indexOf('id="requests-title"'), page.body.indexOf('id="history-title"'));
    expect(requests).toContain('deed.pdf');
    expect(requests).toContain('plan.pdf');
    expect(requests).toContain('this PDF contains JavaScript');
    const link = new RegExp(`/en/office/cases/${c.id}/attachments/([0-9a-f-]{36})`, 'g');
    const links = [...requests.matchAll(link)].map((m) => m[0]);
    expect(links).toHaveLength(2);
    const downloads = await Promise.all(links.map((l) => get(clerk, l)));
    expect(downloads.map((d) => d.statusCode)).toEqual([200, 200]);
    expect(downloads.map((d) => d.body).sort()).toEqual([PLAIN_PDF.toString(), ACTIVE_PDF.toString()].sort());
    // The applicant sees their files with their answer too, and the clock runs again.
    const mine = await get(citizen, `/en/cabinet/cases/${c.id}`);
    expect(mine.body).toContain('deed.pdf');
    expect((await t.services.db.query<{ state: string }>('SELECT state FROM cases WHERE id = $1', [c.id]))[0]?.state).not.toBe('information-requested');
  });

  it('takes a text-only answer: the form with no file chosen (an empty file part), and a plain form', async () => {
    await officerAct({ event: 'request-information', reason: 'And the date you moved in?' });
    const none = await answer('uk', [['answer', '10 січня'], { name: 'files', filename: '', bytes: Buffer.alloc(0) }]);
    expect(none.statusCode).toBe(303);
    expect(await answerFiles()).toBe(2);
    await officerAct({ event: 'request-information', reason: 'And the floor?' });
    const csrf = await csrfOf(t.app, citizen, `/en/cabinet/cases/${c.id}`);
    const plain = await t.app.inject({ method: 'POST', url: `/en/cabinet/cases/${c.id}/answer`, headers: { cookie: citizen, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf, answer: 'The third' }).toString() });
    expect(plain.statusCode).toBe(303);
    const answers = await t.services.db.query<{ answer: string }>('SELECT answer FROM information_requests WHERE case_id = $1 ORDER BY asked_at', [c.id]);
    expect(answers.map((r) => r.answer)).toEqual(['The deed and the plan', '10 січня', 'The third']);
  });

  it('refuses a file past the case’s service limit (5 MB) with a clear message, recording nothing', async () => {
    await officerAct({ event: 'request-information', reason: 'A bigger scan, please' });
    const big = Buffer.alloc(6 * 1024 * 1024, 0x20);
    big.write('%PDF-1.4\n', 0, 'latin1');
    const refused = await answer('en', [['answer', 'Here'], { name: 'files', filename: 'big.pdf', bytes: big }]);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('The file is too large: 5 MB at most');
    expect(await answerFiles()).toBe(2);
  });
});
