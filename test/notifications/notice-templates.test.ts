/**
 * Previews of every message for staff: each purpose in both languages on each channel it goes by,
 * from a sample case; SMS with their parts and encoding; each letter's PDF. Supervisors and agency
 * administrators read them; a clerk does not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SignedIn } from '../../src/modules/identity/index.ts';
import { type CasesApp, casesApp } from '../cases/support.ts';
import { missing, pdfText } from '../documents/pdf-tools.ts';

let t: CasesApp;
let supervisor: SignedIn & { token: string };
let agencyAdmin: SignedIn & { token: string };
let clerk: SignedIn & { token: string };
const get = (who: { token: string }, url: string) => t.app.inject({ url, headers: { cookie: `portico_session=${who.token}` } });

beforeAll(async () => {
  t = await casesApp('2026-12-01');
  supervisor = await t.person('petro-boiko', 'staff');
  agencyAdmin = await t.person('halyna-kravets', 'staff');
  clerk = await t.person('mykola-tkachenko', 'staff');
});
afterAll(async () => {
  await t.close();
});

describe('message templates for staff', () => {
const of0 = (previews: ReturnType<CasesApp['services']['noticePreviews']['list']>, id: string) => previews.find((p) => p.id === id);

  it('every purpose in both languages, on the channels each goes by; SMS counted in parts and encoding', async () => {
    const previews = t.services.noticePreviews.list();
    expect(previews).toHaveLength(24);
    // Ready for collection: where, when open, what to bring; a representative also their authority.
    expect(of0(previews, 'ready-for-collection-en')?.inbox?.text).toContain('Where: Central ASC, vul. Soborna 12, Zorehrad, 01001. Opening hours: Mon–Fri 08:00–18:00; Sat 09:00–14:00.');
    expect(of0(previews, 'ready-for-collection-uk')?.letter?.text).toContain('Візьміть із собою документ, що посвідчує особу.');
    expect(of0(previews, 'ready-for-collection-uk')?.letter?.text).not.toContain('довіреність');
    expect(of0(previews, 'ready-for-collection-representative-uk')?.inbox?.text).toContain('довіреність');
    expect(of0(previews, 'ready-for-collection-representative-en')?.email?.text).toContain('until 29 January 2027 inclusive');
    const of = (id: string) => previews.find((p) => p.id === id);
    expect(of('decision-granted-uk')).toMatchObject({ inbox: { subject: 'Справа DMS-2026-000123: рішення позитивне' }, sms: { encoding: 'ucs2' } });
    expect(of('decision-granted-en')?.sms).toMatchObject({ encoding: 'gsm7', segments: 1 });
    expect([of('decision-by-post-en')?.inbox, of('decision-by-post-en')?.email, of('decision-by-post-en')?.sms]).toEqual([null, null, null]);
    expect(of('decision-by-post-en')?.letter?.text).toContain('within 5 working days');
    // A decision notice by letter encloses the decision; the e-mail points to the case page.
    expect(of('decision-granted-en')?.letter?.text).toContain('The sealed decision is enclosed with this letter');
    expect(of('decision-refused-uk')?.letter?.text).toContain('додано до цього листа');
    expect(of('decision-granted-en')?.email?.text).not.toContain('enclosed');
    expect(of('officer-reminder-en')?.email?.subject).toBe('The term of case DMS-2026-000123 ends on 21 December 2026');
    expect(of('officer-reminder-uk')?.email?.subject).toBe('Строк розгляду справи DMS-2026-000123 спливає 21 грудня 2026');
    expect(of('verification-code-uk')?.letter).toBeNull();

    const page = await get(supervisor, '/en/office/notice-templates');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="govuk-heading-l">Message templates</h1>');
    expect(page.body).toContain('Decision by post (not opened in the inbox)');
    expect(page.body).toContain('Case DMS-2026-000123: granted');
    expect(page.body).toContain('Справа DMS-2026-000123: рішення позитивне');
    expect(page.body).toMatch(/1 part, GSM-7 encoding \(\d+ characters\)/);
    expect(page.body).toMatch(/\d parts?, UCS-2 encoding/);
    expect(page.body).toContain('href="/en/office/notice-templates/decision-by-post-uk/letter.pdf"');
    const uk = await get(supervisor, '/uk/office/notice-templates');
    expect(uk.statusCode).toBe(200);
    expect(uk.body).toContain('Шаблони повідомлень');
    expect((await get(agencyAdmin, '/uk/office/notice-templates')).statusCode).toBe(200);
  });

  it.skipIf(missing('pdftotext') !== null)('a letter\'s PDF from its preview; no letter for a purpose that goes by no letter', async () => {
    const pdf = await get(supervisor, '/en/office/notice-templates/decision-by-post-en/letter.pdf');
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(pdfText(pdf.rawPayload)).toContain('Case DMS-2026-000123: the decision sent by post');
    expect((await get(supervisor, '/en/office/notice-templates/verification-code-en/letter.pdf')).statusCode).toBe(404);
    expect((await get(supervisor, '/en/office/notice-templates/nothing-en/letter.pdf')).statusCode).toBe(404);
  });

  it('a clerk may not read them, nor does the clerk\'s menu link them; the supervisor\'s does', async () => {
    const denied = await get(clerk, '/en/office/notice-templates');
    expect(denied.statusCode).toBe(403);
    expect((await get(clerk, '/en/office/letters')).body).not.toContain('href="/en/office/notice-templates"');
    expect((await get(supervisor, '/en/office/letters')).body).toContain('href="/en/office/notice-templates"');
  });
});
