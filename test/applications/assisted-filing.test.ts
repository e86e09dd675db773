import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FilingIncomplete, type FileAssisted } from '../../src/modules/applications/index.ts';
import { addDays, dueDate } from '../../src/modules/deadlines/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { ANSWERS, type CasesApp, casesApp, completeDraft, newKey, PDF_BYTES, submit } from '../cases/support.ts';

let t: CasesApp;
let clerk: SignedIn & { token: string };
let operator: SignedIn & { token: string };
let frontDesk: SignedIn & { token: string };
const TODAY = '2026-09-01'; // a Tuesday
const REGISTER_EXTRACT = { requesterType: 'individual', email: 'hanna@example.test', searchBy: 'code', subjectCode: '40000001', purpose: 'bank' };

beforeAll(async () => {
  t = await casesApp(TODAY);
  clerk = await t.person('mykola-tkachenko', 'staff');
  operator = await t.person('serhii-pavlenko', 'staff');
  frontDesk = await t.person('yuliia-marchenko', 'staff');
});
afterAll(async () => t.close());

const rows = <T>(sql: string, params: unknown[] = []) => t.services.db.query<T & Record<string, unknown>>(sql, params);
const caseCount = async () => Number((await rows<{ n: number }>('SELECT count(*)::int AS n FROM cases'))[0]?.n);

const byPost = (o: Partial<FileAssisted> = {}): FileAssisted => ({
  channel: 'post', serviceId: 'tax-clearance-certificate', nationalId: '9000000055', givenName: '', familyName: '', address: 'вул. Липова, 3\nЗореград\n01001',
  sender: 'Наталія Гриценко', receivedOn: addDays(TODAY, -4), basis: 'signed-paper', declared: true, lang: 'uk', idempotencyKey: newKey('post'),
  body: { ...ANSWERS['tax-clearance-certificate'] }, uploads: [{ field: 'scans', filename: 'scan 1.pdf', bytes: PDF_BYTES }], ...o,
});

describe('a paper application registered in the post room', () => {
  it('opens a post case for the person of the register, its term from the day received, the clerk and the basis recorded, the scan attached', async () => {
    const input = byPost();
    const filed = await t.services.assisted.file(clerk, input);
    if (!filed.ok) {
      throw new Error(`refused: ${filed.error.code} ${JSON.stringify(filed.error)}`);
    }
    const c = filed.value;
    expect(c.channel).toBe('post');
    expect(c.applicantName).toBe('Наталія Гриценко');
    expect(c.termStartedOn).toBe('2026-08-28');
    const due = dueDate('2026-08-28', c.term, t.services.calendar, []);
    expect(c.dueOn).toBe(due.kind === 'due' ? due.day : 'no due day');
    expect(c.dueOn).not.toBe((() => { const d = dueDate(TODAY, c.term, t.services.calendar, []); return d.kind === 'due' ? d.day : null; })());
    const [event] = await rows<{ event: string; actor_person_id: string; actor_role: string; channel: string }>("SELECT event, actor_person_id, actor_role, channel FROM case_events WHERE case_id = $1 AND event = 'submit'", [c.id]);
    expect(event).toMatchObject({ actor_person_id: clerk.person.id, actor_role: 'clerk', channel: 'post' });
    const [filing] = await rows<{ basis: string; sender: string; received_on: string; staff_role: string }>('SELECT basis, sender, received_on::text AS received_on, staff_role FROM assisted_filings WHERE case_id = $1', [c.id]);
    expect(filing).toMatchObject({ basis: 'signed-paper', sender: 'Наталія Гриценко', received_on: '2026-08-28', staff_role: 'clerk' });
    const files = await rows<{ field: string; filename: string; content_type: string }>('SELECT field, filename, content_type FROM attachments WHERE case_id = $1', [c.id]);
    expect(files).toEqual([{ field: 'scans', filename: 'scan 1.pdf', content_type: 'application/pdf' }]);
    // Never signed in: the notices go by letter to the address on the paper.
    const [contacts] = await rows<{ notice_channels: string[]; postal_address: { text: string } }>('SELECT notice_channels, postal_address FROM person_contacts WHERE person_id = $1', [c.applicantPersonId]);
    expect(contacts?.notice_channels).toContain('post');
    expect(contacts?.postal_address.text).toBe('вул. Липова, 3\nЗореград\n01001');
    const [audit] = await rows<{ action: string; actor_person_id: string }>("SELECT action, actor_person_id FROM audit_events WHERE action = 'application.assisted-file' AND subject = $1", [`case:${c.number}`]);
    expect(audit?.actor_person_id).toBe(clerk.person.id);

    // The same form pressed again is the same case.
    const again = await t.services.assisted.file(clerk, input);
    expect(again.ok ? again.value.id : null).toBe(c.id);

    // The person signs in later: the case is theirs, its history names the post room's clerk.
    const nataliia = await t.person('nataliia-hrytsenko');
    expect(nataliia.person.id).toBe(c.applicantPersonId);
    expect((await t.services.cases.mine(nataliia)).rows.map((x) => x.id)).toContain(c.id);
    const seen = await t.services.cases.forApplicant(nataliia, c.id);
    expect(seen?.events.find((e) => e.event === 'submit')).toMatchObject({ actorName: 'Микола Ткаченко', actorRole: 'clerk', channel: 'post' });
  });

  it('refuses bad input with a problem per field and opens nothing: a future received day, no sender, a file that is no PDF', async () => {
    const before = await caseCount();
    const refused = await t.services.assisted.file(clerk, byPost({
      receivedOn: addDays(TODAY, 1), sender: '  ', uploads: [{ field: 'scans', filename: 'scan.pdf', bytes: new TextEncoder().encode('<html>not a scan</html>') }],
    }));
    expect(refused.ok).toBe(false);
    const e = refused.ok ? null : refused.error;
    expect(e).toBeInstanceOf(FilingIncomplete);
    if (e instanceof FilingIncomplete) {
      expect(e.problems).toEqual([{ field: 'sender', code: 'sender.missing' }, { field: 'receivedOn', code: 'received.future' }]);
      expect(e.files.map((f) => [f.field, f.refusal.code])).toEqual([['scans', 'applications.file_type']]);
    }
    const old = await t.services.assisted.file(clerk, byPost({ receivedOn: addDays(TODAY, -400), uploads: [], nationalId: '12345', basis: 'phone-consent', declared: false }));
    expect(old.ok ? [] : old.error instanceof FilingIncomplete ? old.error.problems.map((p) => p.code) : [old.error.code])
      .toEqual(['national-id.invalid', 'received.too-old', 'scans.missing', 'basis.not-for-channel', 'declaration.missing']);
    const unknown = await t.services.assisted.file(clerk, byPost({ nationalId: '9000000990' }));
    expect(unknown.ok ? [] : unknown.error instanceof FilingIncomplete ? unknown.error.problems.map((p) => p.code) : [unknown.error.code]).toEqual(['national-id.unknown']);
    const incomplete = await t.services.assisted.file(clerk, byPost({ body: {} }));
    expect(incomplete.ok ? [] : incomplete.error instanceof FilingIncomplete ? incomplete.error.issues.map((i) => i.field) : []).toContain('email');
    expect(await caseCount()).toBe(before);
  });

  it('files for someone the register does not name, by name and address', async () => {
    const filed = await t.services.assisted.file(clerk, byPost({ nationalId: '', givenName: 'Ганна', familyName: 'Сирота', serviceId: 'register-extract', body: { ...REGISTER_EXTRACT } }));
    expect(filed.ok ? filed.value.applicantName : JSON.stringify(filed.error)).toBe('Ганна Сирота');
    // A form that needs the national id cannot be filed without one.
    const refused = await t.services.assisted.file(clerk, byPost({ nationalId: '', givenName: 'Ганна', familyName: 'Сирота' }));
    expect(refused.ok ? [] : refused.error instanceof FilingIncomplete ? refused.error.problems.map((p) => p.code) : [refused.error.code]).toEqual(['national-id.required']);
  });

  it('is for a clerk of the service\'s agency only', async () => {
    const refused = await t.services.assisted.file(frontDesk, byPost());
    expect(refused.ok ? null : refused.error.code).toBe('applications.filing_not_allowed');
    const byOperator = await t.services.assisted.file(operator, byPost());
    expect(byOperator.ok ? null : byOperator.error.code).toBe('applications.filing_not_allowed');
  });
});

describe('an application filed by phone and one at the front desk', () => {
  it('phone: the operator and the caller\'s consent are recorded; the caller sees the case online with the operator in its history', async () => {
    const olena = await t.person('olena-koval');
    const filed = await t.services.assisted.file(operator, {
      channel: 'phone', serviceId: 'tax-clearance-certificate', nationalId: '9000000011', givenName: '', familyName: '', address: '', sender: '', receivedOn: '',
      basis: 'phone-consent', declared: true, lang: 'uk', idempotencyKey: newKey('phone'), body: { ...ANSWERS['tax-clearance-certificate'] }, uploads: [],
    });
    if (!filed.ok) {
      throw new Error(filed.error.code);
    }
    expect(filed.value).toMatchObject({ channel: 'phone', applicantPersonId: olena.person.id, termStartedOn: TODAY });
    const seen = await t.services.cases.forApplicant(olena, filed.value.id);
    expect(seen?.events.find((e) => e.event === 'submit')).toMatchObject({ actorName: 'Сергій Павленко', actorRole: 'contact-centre', channel: 'phone' });
    const [contacts] = await rows<{ notice_channels: string[] }>('SELECT notice_channels FROM person_contacts WHERE person_id = $1', [olena.person.id]);
    expect(contacts?.notice_channels ?? ['portal']).not.toContain('post');
  });

  it('front desk: only for services offered at the officer\'s centre, with the centre recorded', async () => {
    const input: FileAssisted = {
      channel: 'in-person', serviceId: 'criminal-record-certificate', nationalId: '9000000022', givenName: '', familyName: '', address: '', sender: '', receivedOn: '',
      basis: 'in-person', declared: true, lang: 'en', idempotencyKey: newKey('desk'), body: { ...ANSWERS['criminal-record-certificate'] },
      uploads: [{ field: 'identityDocument', filename: 'passport.pdf', bytes: PDF_BYTES }],
    };
    const filed = await t.services.assisted.file(frontDesk, input);
    if (!filed.ok) {
      throw new Error(`${filed.error.code} ${JSON.stringify(filed.error)}`);
    }
    const [filing] = await rows<{ centre_id: string; staff_role: string }>('SELECT centre_id, staff_role FROM assisted_filings WHERE case_id = $1', [filed.value.id]);
    expect(filing).toEqual({ centre_id: 'zorehrad-cnap-central', staff_role: 'front-desk' });
    expect(filed.value.answers['identityDocument']).toEqual(expect.any(String));
    const elsewhere = await t.services.assisted.file(frontDesk, { ...input, serviceId: 'survivor-pension', idempotencyKey: newKey('desk') });
    expect(elsewhere.ok ? null : elsewhere.error.code).toBe('applications.filing_not_allowed');
  });
});

describe('the back office\'s case page', () => {
  const page = async (who: { token: string }, caseId: string, lang: 'uk' | 'en') =>
    t.app.inject({ url: `/${lang}/office/cases/${caseId}`, headers: { cookie: `portico_session=${who.token}` } });

  it('shows how staff filed the case: post (sender, address, day received, the scans), phone (operator, consent), front desk (the clerk\'s centre); nothing for the person\'s own', async () => {
    const officer = await t.person('oksana-lysenko', 'staff');
    const post = await t.services.assisted.file(clerk, byPost({ sender: 'Петро Гриценко', idempotencyKey: newKey('page-post') }));
    const phone = await t.services.assisted.file(operator, {
      channel: 'phone', serviceId: 'tax-clearance-certificate', nationalId: '9000000022', givenName: '', familyName: '', address: '', sender: '', receivedOn: '',
      basis: 'phone-consent', declared: true, lang: 'en', idempotencyKey: newKey('page-phone'), body: { ...ANSWERS['tax-clearance-certificate'] }, uploads: [],
    });
    const desk = await t.services.assisted.file(frontDesk, {
      channel: 'in-person', serviceId: 'criminal-record-certificate', nationalId: '9000000033', givenName: '', familyName: '', address: '', sender: '', receivedOn: '',
      basis: 'in-person', declared: true, lang: 'en', idempotencyKey: newKey('page-desk'), body: { ...ANSWERS['criminal-record-certificate'] },
      uploads: [{ field: 'identityDocument', filename: 'passport.pdf', bytes: PDF_BYTES }],
    });
    if (!post.ok || !phone.ok || !desk.ok) {
      throw new Error('a filing was refused');
    }
    const [scan] = await rows<{ id: string }>("SELECT id FROM attachments WHERE case_id = $1 AND field = 'scans'", [post.value.id]);

    const postPage = await page(officer, post.value.id, 'uk');
    expect(postPage.statusCode).toBe(200);
    const postSection = /<section aria-labelledby="filing-title">([\s\S]*?)<\/section>/.exec(postPage.body)?.[1] ?? '';
    expect(postSection).toContain('Як подано заяву');
    expect(postSection).toContain('Петро Гриценко');
    expect(postSection).toContain('вул. Липова, 3\nЗореград\n01001');
    expect(postSection).toContain('<time datetime="2026-08-28">');
    expect(postSection).toContain('Микола Ткаченко (реєстратор установи)');
    expect(postSection).toContain('Заяву підписано на папері');
    expect(postSection).toContain(`/uk/office/cases/${post.value.id}/attachments/${scan?.id ?? 'the scan'}`);

    const phoneSection = /<section aria-labelledby="filing-title">([\s\S]*?)<\/section>/.exec((await page(officer, phone.value.id, 'en')).body)?.[1] ?? '';
    expect(phoneSection).toContain('Operator');
    expect(phoneSection).toContain('Сергій Павленко (contact-centre operator)');
    expect(phoneSection).toContain('The person gave consent on the phone');
    expect(phoneSection).not.toContain('Scanned pages');

    const deskSection = /<section aria-labelledby="filing-title">([\s\S]*?)<\/section>/.exec((await page(officer, desk.value.id, 'en')).body)?.[1] ?? '';
    expect(deskSection).toContain('Юлія Марченко (front-desk clerk)');
    expect(deskSection).toContain('Zorehrad');

    // A case the person filed on the web has no such section.
    const andrii = await t.person('andrii-shevchenko');
    const own = await submit(t.services, andrii, await completeDraft(t.services, andrii, 'tax-clearance-certificate', ANSWERS['tax-clearance-certificate']));
    const ownPage = await page(officer, own.id, 'en');
    expect(ownPage.statusCode).toBe(200);
    expect(ownPage.body).not.toContain('filing-title');
  });
});
