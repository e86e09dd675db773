/**
 * Assisted filing in the back office, through the pages: the post room registers a paper application
 * (bad input answered with a 400 and a message per field, in both languages), an officer decides it
 * and the decision is written as a letter for the print queue; the contact centre files for a caller,
 * who then sees the case online with the operator in its history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addDays } from '../../src/modules/deadlines/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { act, ANSWERS, type CasesApp, casesApp, PDF_BYTES } from '../cases/support.ts';

const TODAY = '2026-12-01';
let t: CasesApp;
let clerk: SignedIn & { token: string };
let operator: SignedIn & { token: string };

beforeAll(async () => {
  t = await casesApp(TODAY);
  clerk = await t.person('mykola-tkachenko', 'staff');
  operator = await t.person('serhii-pavlenko', 'staff');
});
afterAll(async () => t.close());

const get = (who: { token: string }, url: string) => t.app.inject({ url, headers: { cookie: `portico_session=${who.token}` } });

function multipart(fields: ReadonlyArray<readonly [string, string]>, files: ReadonlyArray<{ field: string; name: string; bytes: Uint8Array }>) {
  const b = '----portico-assisted-boundary';
  const parts = fields.map(([k, v]) => Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), Buffer.from(f.bytes), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${b}--\r\n`));
  return { headers: { 'content-type': `multipart/form-data; boundary=${b}` }, payload: Buffer.concat(parts) };
}
const post = (who: SignedIn & { token: string }, url: string, fields: ReadonlyArray<readonly [string, string]>, files: ReadonlyArray<{ field: string; name: string; bytes: Uint8Array }> = []) => {
  const body = multipart([['_csrf', who.session.csrfToken], ...fields], files);
  return t.app.inject({ method: 'POST', url, headers: { ...body.headers, cookie: `portico_session=${who.token}` }, payload: body.payload });
};
const dayFields = (name: string, day: string) => {
  const [y, m, d] = day.split('-');
  return [[`${name}-day`, String(Number(d))], [`${name}-month`, String(Number(m))], [`${name}-year`, y ?? '']] as const;
};
const answers = (id: keyof typeof ANSWERS) => Object.entries(ANSWERS[id]) as Array<[string, string]>;

describe('the post room', () => {
  it('lists the services a clerk may register, in both languages', async () => {
    for (const lang of ['uk', 'en'] as const) {
      const page = await get(clerk, `/${lang}/office/assisted`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`/${lang}/office/assisted/file?channel=post&amp;service=tax-clearance-certificate`);
    }
    const form = await get(clerk, '/en/office/assisted/file?channel=post&service=tax-clearance-certificate');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('enctype="multipart/form-data"');
    expect(form.body).toContain('name="receivedOn-day"');
    expect((await get(clerk, '/en/office/assisted/file')).statusCode).toBe(400);
    expect((await get(operator, '/en/office/assisted/file?channel=post&service=tax-clearance-certificate')).statusCode).toBe(404);
  });

  it('answers bad input with a 400 and a message per field: a future date, no sender, a file that is no PDF', async () => {
    const url = (lang: string) => `/${lang}/office/assisted/file?channel=post&service=tax-clearance-certificate`;
    const fields = [['nationalId', '9000000055'], ['address', 'вул. Липова, 3'], ['sender', ''], ...dayFields('receivedOn', addDays(TODAY, 2)), ['basis', 'signed-paper'], ['declaration', 'yes'], ...answers('tax-clearance-certificate')] as const;
    const en = await post(clerk, url('en'), fields, [{ field: 'scans', name: 'scan.pdf', bytes: new TextEncoder().encode('just text') }]);
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('govuk-error-summary');
    for (const text of ['Enter the sender', 'The date received cannot be after today', 'PDF']) {
      expect(en.body).toContain(text);
    }
    const uk = await post(clerk, url('uk'), fields, []);
    expect(uk.statusCode).toBe(400);
    for (const text of ['Введіть відправника', 'Дата надходження не може бути пізніше сьогодні', 'Додайте скановані сторінки паперової заяви']) {
      expect(uk.body).toContain(text);
    }
  });

  it('registers a paper application; decided, its decision is a letter in the print queue', async () => {
    const received = addDays(TODAY, -3);
    const filed = await post(clerk, '/en/office/assisted/file?channel=post&service=tax-clearance-certificate', [
      ['idempotencyKey', 'assisted-pages-post-1'], ['nationalId', '9000000055'], ['address', 'Nataliia Hrytsenko\nvul. Lypova 3\nZorehrad\n01001'], ['sender', 'Nataliia Hrytsenko'],
      ...dayFields('receivedOn', received), ['basis', 'signed-paper'], ['declaration', 'yes'], ...answers('tax-clearance-certificate'),
    ], [{ field: 'scans', name: 'page 1.pdf', bytes: PDF_BYTES }]);
    expect(filed.statusCode).toBe(303);
    const location = String(filed.headers.location);
    expect(location).toMatch(/^\/en\/office\/assisted\/cases\/[0-9a-f-]{36}$/);
    const caseId = location.split('/').at(-1) ?? '';
    const shown = await get(clerk, location);
    expect(shown.statusCode).toBe(200);
    const c = await t.services.cases.byId(t.services.db, caseId);
    expect(c?.termStartedOn).toBe(received);
    expect(shown.body).toContain(c?.number ?? 'no number');
    expect((await get(operator, location)).statusCode).toBe(404);

    const decider = await t.person('oksana-lysenko', 'staff');
    await act(t.services, clerk, caseId, 'register');
    await act(t.services, clerk, caseId, 'start-review');
    await act(t.services, decider, caseId, 'grant');
    const fanned = await t.services.notices.fanOut({ caseId, kind: 'decision', decided: 'granted', feeDue: null, answerBy: null }, `assisted-pages:${caseId}:decision`);
    expect(fanned?.lettersWritten).toBe(1);
    const queue = await get(clerk, '/en/office/letters');
    expect(queue.body).toContain(c?.number ?? 'no number');
  });
});

describe('the contact centre', () => {
  it('files for a caller by phone; the caller sees the case online with the operator in its history', async () => {
    const olena = await t.person('olena-koval');
    const filed = await post(operator, '/uk/office/assisted/file?channel=phone&service=tax-clearance-certificate', [
      ['nationalId', '9000000011'], ['basis', 'phone-consent'], ['declaration', 'yes'], ...answers('tax-clearance-certificate'),
    ]);
    expect(filed.statusCode).toBe(303);
    const caseId = String(filed.headers.location).split('/').at(-1) ?? '';
    const en = await get(olena, `/en/cabinet/cases/${caseId}`);
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('Filed by the contact centre operator Сергій Павленко');
    const uk = await get(olena, `/uk/cabinet/cases/${caseId}`);
    expect(uk.body).toContain('Заяву подано через оператора контакт-центру Сергій Павленко');
  });
});
