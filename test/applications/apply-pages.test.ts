/**
 * The pages of an application over HTTP, as a browser without JavaScript walks them: a follow-up
 * question on a page of its own with a step count that never goes back, register data shown and never
 * taken from a form, a file chosen and stored by Save and continue, date boxes with an error for an
 * impossible date, and check your answers as a summary list with Change links and files by name and size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SignedIn } from '../../src/modules/identity/index.ts';
import type { TestApp } from '../support/app.ts';
import { demoRecords } from '../support/demo.ts';
import { appWithEid, csrfOf, signIn } from '../support/identity.ts';

let t: TestApp;
let cookie: string;
let csrf: string;
let olena: SignedIn;

const form = (fields: ReadonlyArray<readonly [string, string]>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields as Array<[string, string]>).toString(),
});

/** A multipart body as the page's one form sends it: text fields, then the files chosen (by question). */
function multipart(fields: ReadonlyArray<readonly [string, string]>, files: ReadonlyArray<{ field: string; name: string; bytes: Uint8Array }>) {
  const b = '----portico-pages-boundary';
  const parts = fields.map(([k, v]) => Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), Buffer.from(f.bytes), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${b}--\r\n`));
  return { headers: { 'content-type': `multipart/form-data; boundary=${b}` }, payload: Buffer.concat(parts) };
}

const get = (url: string) => t.app.inject({ url, headers: { cookie } });
const post = (url: string, body: { headers: Record<string, string>; payload: string | Buffer }) => t.app.inject({ method: 'POST', url, headers: { cookie, ...body.headers }, payload: body.payload });
const captionOf = (html: string) => /<span class="govuk-caption-l">([^<]*)<\/span>/.exec(html)?.[1] ?? '';
const PDF = Buffer.from(`%PDF-1.4 ${'scanned passport '.repeat(200)}`);

async function start(lang: 'uk' | 'en', service: string): Promise<string> {
  const started = await post(`/${lang}/services/${service}/apply`, form([['_csrf', csrf]]));
  expect(started.statusCode).toBe(303);
  return String(started.headers.location).replace(/\/pages\/.*$/, '');
}

async function answers(draftPath: string) {
  const view = await t.services.drafts.get(olena, draftPath.split('/')[3] ?? '');
  if (!view.ok) {
    throw new Error(view.error.code);
  }
  return view.value;
}

beforeAll(async () => {
  t = await appWithEid();
  const imported = await t.services.catalogue.importRecords(await demoRecords(), 'test');
  expect(imported.ok).toBe(true);
  cookie = await signIn(t.app, 'olena-koval');
  csrf = await csrfOf(t.app, cookie, '/uk/services/international-passport/apply');
  const session = await t.services.sessions.resolve(cookie.slice('portico_session='.length), 'uk');
  if (session === null) {
    throw new Error('no session');
  }
  olena = session;
}, 300_000);
afterAll(async () => t.close());

describe('a question whose answer reveals more', () => {
  it('asks the follow-up on a page of its own that says why, and the step count never goes back', async () => {
    const draft = await start('uk', 'international-passport');
    const first = await get(`${draft}/pages/about-you`);
    // Whether the reason reveals a follow-up is not known yet: no total is promised.
    expect(captionOf(first.body)).toMatch(/Крок 1$/);
    expect((await post(`${draft}/pages/about-you`, form([['_csrf', csrf]]))).headers.location).toBe(`${draft}/pages/contact`);
    expect((await post(`${draft}/pages/contact`, form([['_csrf', csrf], ['email', 'olena@example.org'], ['phone', '']]))).statusCode).toBe(303);
    const reason = await get(`${draft}/pages/reason`);
    expect(captionOf(reason.body)).toMatch(/Крок 3$/);
    expect(reason.body).not.toContain('id="filter-lostCircumstances"');
    const lost = await post(`${draft}/pages/reason`, form([['_csrf', csrf], ['purpose', 'lost']]));
    expect(lost.statusCode).toBe(303);
    expect(lost.headers.location).toBe(`${draft}/pages/reason/follow-up/purpose`);
    const followUp = await get(String(lost.headers.location));
    expect(followUp.statusCode).toBe(200);
    expect(followUp.body).toContain('id="filter-lostCircumstances"');
    expect(followUp.body).toContain('id="follow-up-lead"');
    expect(followUp.body).toMatch(/Ви відповіли «[^»]+» на питання «[^»]+»/);
    expect(followUp.body).not.toContain('name="purpose"');
    // Every question that decides the count is answered now: a total, and step 4 follows step 3.
    expect(captionOf(followUp.body)).toMatch(/Крок 4 з 6$/);
    expect(captionOf((await get(`${draft}/pages/reason`)).body)).toMatch(/Крок 3 з 6$/);
    expect(followUp.body).toContain(`href="${draft}/pages/reason"`);
    const unanswered = await post(`${draft}/pages/reason/follow-up/purpose`, form([['_csrf', csrf], ['lostCircumstances', '']]));
    expect(unanswered.statusCode).toBe(400);
    expect(unanswered.body).toContain('href="#filter-lostCircumstances"');
    expect(unanswered.body).toContain('govuk-form-group--error');
    const answered = await post(`${draft}/pages/reason/follow-up/purpose`, form([['_csrf', csrf], ['lostCircumstances', 'Загубила в поїзді']]));
    expect(answered.headers.location).toBe(`${draft}/pages/documents`);
    expect((await answers(draft)).draft.answers).toMatchObject({ purpose: 'lost', lostCircumstances: 'Загубила в поїзді' });
  });

  it('skips a follow-up that the answer does not reveal, and 404s one the form does not have', async () => {
    const draft = await start('en', 'international-passport');
    const first = await post(`${draft.replace('/uk/', '/en/')}/pages/reason`, form([['_csrf', csrf], ['purpose', 'first']]));
    expect(first.headers.location).toMatch(/\/pages\/documents$/);
    const notRevealed = await get(`${draft}/pages/reason/follow-up/purpose`);
    expect(notRevealed.statusCode).toBe(303);
    expect(notRevealed.headers.location).toMatch(/\/pages\/documents$/);
    expect((await get(`${draft}/pages/reason/follow-up/collectionCentre`)).statusCode).toBe(404);
  });
});

describe('data from the registers', () => {
  it('shows name, birth date and tax number read-only with where to correct them, and ignores posted changes', async () => {
    const draft = await start('en', 'international-passport');
    const page = await get(`${draft}/pages/about-you`);
    expect(page.statusCode).toBe(200);
    for (const name of ['givenName', 'familyName', 'birthDate', 'nationalId']) {
      expect(page.body).not.toContain(`name="${name}"`);
    }
    expect(page.body).toContain('class="govuk-summary-list"');
    expect(page.body).toContain('>9000000011<');
    expect(page.body).toContain('State Migration Service');
    const forged = await post(`${draft}/pages/about-you`, form([['_csrf', csrf], ['givenName', 'Mallory'], ['nationalId', '1234567890'], ['birthDate', '2001-01-01']]));
    expect(forged.statusCode).toBe(303);
    expect((await answers(draft)).draft.answers).toMatchObject({ givenName: 'Олена', nationalId: '9000000011' });
    expect((await answers(draft)).locked).toEqual(expect.arrayContaining(['givenName', 'familyName', 'nationalId']));
  });
});

describe('files on the page form', () => {
  it('stores a chosen file when the person presses Save and continue without Upload', async () => {
    const draft = await start('uk', 'international-passport');
    await post(`${draft}/pages/reason`, form([['_csrf', csrf], ['purpose', 'first']]));
    const page = await get(`${draft}/pages/documents`);
    expect(page.body).toContain('enctype="multipart/form-data"');
    // The hint says the file types once, not the form's "PDF, JPEG або PNG" and then the portal's.
    const hint = /<div class="govuk-hint" id="filter-identityDocument-hint">(.*?)<\/div>/.exec(page.body)?.[1] ?? '';
    expect(hint.match(/PDF, JPEG або PNG/g)).toHaveLength(1);
    const saved = await post(`${draft}/pages/documents`, multipart([['_csrf', csrf]], [{ field: 'identityDocument', name: 'паспорт.pdf', bytes: PDF }]));
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${draft}/pages/collection`);
    const view = await answers(draft);
    expect(view.attachments.map((a) => a.filename)).toEqual(['паспорт.pdf']);
    expect(view.draft.answers['identityDocument']).toBe(view.attachments[0]?.id);
  });

  it('uploads with the Upload button and stays, and refuses a file that is not what it says with the answers kept', async () => {
    const draft = await start('en', 'international-passport');
    await post(`${draft}/pages/reason`, form([['_csrf', csrf], ['purpose', 'first']]));
    const uploaded = await post(`${draft}/pages/documents`, multipart([['_csrf', csrf], ['_upload', 'identityDocument']], [{ field: 'identityDocument', name: 'scan.pdf', bytes: PDF }]));
    expect(uploaded.headers.location).toBe(`${draft}/pages/documents?uploaded=identityDocument`);
    const shown = await get(String(uploaded.headers.location));
    expect(shown.body).toContain('govuk-notification-banner--success');
    expect(shown.body).toContain('The file “scan.pdf” has been uploaded.');
    expect(shown.body).toMatch(/scan\.pdf \(\d+ kB\)/);
    const noFile = await post(`${draft}/pages/documents`, multipart([['_csrf', csrf], ['_upload', 'identityDocument']], []));
    expect(noFile.statusCode).toBe(400);
    expect(noFile.body).toContain('Choose a file to upload');
    const fake = await post(`${draft}/pages/documents`, multipart([['_csrf', csrf]], [{ field: 'identityDocument', name: 'virus.pdf', bytes: Buffer.from('MZ not a pdf') }]));
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toContain('href="#filter-identityDocument"');
    expect((await answers(draft)).attachments.map((a) => a.filename)).toEqual(['scan.pdf']);
  });
});

describe('dates and check your answers', () => {
  it('reads a date from day, month and year, refuses an impossible one with the boxes kept', async () => {
    const draft = await start('uk', 'civil-status-certificate');
    const page = await get(`${draft}/pages/record`);
    expect(page.body).toContain('class="govuk-date-input"');
    expect(page.body).toContain('name="eventDate-day"');
    expect(page.body).not.toContain('type="date"');
    const impossible = await post(`${draft}/pages/record`, form([['_csrf', csrf], ['eventDate-day', '31'], ['eventDate-month', '2'], ['eventDate-year', '2026']]));
    expect(impossible.statusCode).toBe(400);
    expect(impossible.body).toContain('href="#filter-eventDate"');
    expect(impossible.body).toContain('введіть справжню дату');
    expect(impossible.body).toContain('name="eventDate-day" type="text" inputmode="numeric" value="31"');
    await post(`${draft}/pages/record`, form([['_csrf', csrf], ['eventDate-day', '28'], ['eventDate-month', '2'], ['eventDate-year', '2026']]));
    expect((await answers(draft)).draft.answers['eventDate']).toBe('2026-02-28');
    const check = await get(`${draft}/check`);
    expect(check.body).toContain('28 лютого 2026');
  });

  it('lists every answer in a summary list with Change links naming the question, files by name and size', async () => {
    const draft = await start('uk', 'international-passport');
    await post(`${draft}/pages/reason`, form([['_csrf', csrf], ['purpose', 'lost']]));
    await post(`${draft}/pages/reason/follow-up/purpose`, form([['_csrf', csrf], ['lostCircumstances', 'Загубила']]));
    await post(`${draft}/pages/documents`, multipart([['_csrf', csrf]], [{ field: 'identityDocument', name: 'паспорт.pdf', bytes: PDF }]));
    const check = await get(`${draft}/check`);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('<dl class="govuk-summary-list');
    expect(check.body).toMatch(/<dd class="govuk-summary-list__actions"><a class="govuk-link" href="[^"]+\/pages\/reason\/follow-up\/purpose#filter-lostCircumstances">Змінити<span class="govuk-visually-hidden"> [^<]+<\/span><\/a><\/dd>/);
    expect(check.body).toMatch(/паспорт\.pdf \(\d+ кБ\)/);
    // Register data has no Change link.
    expect(check.body).not.toContain('#filter-nationalId');
    expect(check.body).toContain('govuk-summary-list__row--no-actions');
    // The term in words, by the plural rules.
    expect(check.body).toMatch(/Строк розгляду: \d+ (робочий день|робочі дні|робочих днів|календарний день|календарні дні|календарних днів)/);
  });
});
