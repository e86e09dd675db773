/**
 * Appeals taken by staff through the appeals service, on the test database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL): the contact centre files for the caller it identified (consent recorded, the call
 * named), the front desk for a visitor known only by name and address, the post room for a letter (the
 * term from the day received, the pages counted); bad input, a role that does not take appeals on a
 * channel, a repeated form; and the answer to an appeal by post going to the print queue as a letter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { APPEAL_NOTICE_TOPIC, APPEAL_TERM, type IntakeInput, parseAppealNotice, termEnd } from '../../src/modules/appeals/index.ts';
import type { CaseRecord } from '../../src/modules/cases/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { ANSWERS, type CasesApp, casesApp, completeDraft, submit } from '../cases/support.ts';

let t: CasesApp;
let operator: SignedIn;
let desk: SignedIn;
let clerk: SignedIn;
let olena: SignedIn;
let olenasCase: CaseRecord;

const BLANK: Omit<IntakeInput, 'channel'> = {
  kind: 'complaint', agency: '', text: 'The queue took three hours.', caseNumber: '', officer: '', callId: '', nationalId: '', name: '', address: '', receivedOn: '',
  pages: '', consent: false, idempotencyKey: '',
};
let keys = 0;
const key = () => `intake-key-${++keys}`;

async function identifiedCall(): Promise<string> {
  const started = await t.services.contactCentre.start(operator, '050 999 88 77');
  if (!started.ok) {
    throw new Error(started.error.code);
  }
  const known = await t.services.contactCentre.identifyByKnowledge(operator, started.value.id, {
    nationalId: '9000000011', birthDate: '1990-04-12', caseNumber: olenasCase.number, judgement: 'answered calmly and at once',
  });
  expect(known.ok).toBe(true);
  return started.value.id;
}

beforeAll(async () => {
  t = await casesApp('2026-12-01');
  operator = await t.person('serhii-pavlenko', 'staff');
  desk = await t.person('yuliia-marchenko', 'staff');
  clerk = await t.person('mykola-tkachenko', 'staff');
  olena = await t.person('olena-koval');
  olenasCase = await submit(t.services, olena, await completeDraft(t.services, olena, 'tax-clearance-certificate', ANSWERS['tax-clearance-certificate']));
});
afterAll(async () => t.close());

describe('by phone, from the contact centre\'s console', () => {
  it('files for the identified caller with their consent: the event names the operator, the role and the channel; the audit whom they acted for', async () => {
    const callId = await identifiedCall();
    const input: IntakeInput = { ...BLANK, channel: 'phone', callId, consent: true, caseNumber: olenasCase.number, idempotencyKey: key() };
    const filed = await t.services.appeals.fileFor(operator, input);
    expect(filed.ok).toBe(true);
    const a = filed.ok ? filed.value : null;
    expect(a).toMatchObject({ channel: 'phone', personId: olena.person.id, personName: 'Олена Коваль', namedCaseId: olenasCase.id, organisationId: olenasCase.organisationId, filedOn: '2026-12-01' });
    const events = await t.services.db.query<{ actor_person_id: string; actor_role: string; channel: string; detail: string }>('SELECT actor_person_id, actor_role, channel, detail FROM appeal_events WHERE appeal_id = $1', [a!.id]);
    expect(events).toEqual([{ actor_person_id: operator.person.id, actor_role: 'contact-centre', channel: 'phone', detail: `call ${callId}; consent given` }]);
    const [audit] = await t.services.db.query<{ actor_person_id: string; acting_for: string; channel: string }>('SELECT actor_person_id, acting_for, channel FROM audit_events WHERE action = $1 AND subject = $2', ['appeal.file', `appeal:${a!.number}`]);
    expect(audit).toEqual({ actor_person_id: operator.person.id, acting_for: olena.person.id, channel: 'phone' });
    const [intake] = await t.services.db.query<{ call_id: string; basis: string; staff_role: string }>('SELECT call_id, basis, staff_role FROM appeal_intakes WHERE appeal_id = $1', [a!.id]);
    expect(intake).toEqual({ call_id: callId, basis: 'phone-consent', staff_role: 'contact-centre' });
    // The caller sees it in their cabinet; the same form pressed again is the same appeal.
    expect((await t.services.appeals.mine(olena)).map((x) => x.id)).toContain(a!.id);
    const again = await t.services.appeals.fileFor(operator, input);
    expect(again.ok && again.value.id).toBe(a!.id);
    expect((await t.services.appeals.taken(operator, a!.id))?.intake.callId).toBe(callId);
    expect(await t.services.appeals.taken(desk, a!.id)).toBeNull();
  });

  it('refuses without the caller\'s consent, for a call whose caller is not identified, and for staff who are not operators', async () => {
    const callId = await identifiedCall();
    const noConsent = await t.services.appeals.fileFor(operator, { ...BLANK, channel: 'phone', callId, text: ' ', idempotencyKey: key() });
    expect(!noConsent.ok && Array.isArray(noConsent.error) && noConsent.error.map((e) => [e.code, e.field])).toEqual([['appeals.text_required', 'text'], ['appeals.intake_invalid', 'consent']]);
    const fresh = await t.services.contactCentre.start(operator, '050 999 88 77');
    const unknown = await t.services.appeals.fileFor(operator, { ...BLANK, channel: 'phone', callId: fresh.ok ? fresh.value.id : '', consent: true, idempotencyKey: key() });
    expect(!unknown.ok && !Array.isArray(unknown.error) && unknown.error.code).toBe('appeals.caller_unknown');
    const clerkOnPhone = await t.services.appeals.fileFor(clerk, { ...BLANK, channel: 'phone', callId, consent: true, idempotencyKey: key() });
    expect(!clerkOnPhone.ok && !Array.isArray(clerkOnPhone.error) && clerkOnPhone.error.code).toBe('appeals.intake_not_allowed');
    const citizen = await t.services.appeals.fileFor(olena, { ...BLANK, channel: 'in-person', name: 'X', address: 'Y', idempotencyKey: key() });
    expect(!citizen.ok && !Array.isArray(citizen.error) && citizen.error.code).toBe('appeals.intake_not_allowed');
  });
});

describe('in person, at the front desk', () => {
  it('files for a visitor known only by name and address, to triage, recording the centre', async () => {
    const filed = await t.services.appeals.fileFor(desk, { ...BLANK, channel: 'in-person', kind: 'proposal', name: 'Іван Петренко', address: 'вул. Садова, 5\nЗорехрад 01001', idempotencyKey: key() });
    expect(filed.ok).toBe(true);
    const a = filed.ok ? filed.value : null;
    expect(a).toMatchObject({ channel: 'in-person', personId: null, personName: 'Іван Петренко', postalAddress: 'вул. Садова, 5\nЗорехрад 01001', organisationId: null });
    const [intake] = await t.services.db.query<{ centre_id: string; basis: string; staff_person_id: string }>('SELECT centre_id, basis, staff_person_id FROM appeal_intakes WHERE appeal_id = $1', [a!.id]);
    expect(intake).toEqual({ centre_id: 'zorehrad-cnap-central', basis: 'in-person', staff_person_id: desk.person.id });
  });

  it('names every problem of what was typed, and a national id the register does not know', async () => {
    const bad = await t.services.appeals.fileFor(desk, { ...BLANK, channel: 'in-person', kind: 'rant', nationalId: '12ab', idempotencyKey: key() });
    expect(!bad.ok && Array.isArray(bad.error) && bad.error.map((e) => (e.code === 'appeals.intake_invalid' && 'problem' in e ? e.problem : e.code))).toEqual([
      'appeals.kind_invalid', 'national-id.invalid',
    ]);
    const noName = await t.services.appeals.fileFor(desk, { ...BLANK, channel: 'in-person', idempotencyKey: key() });
    expect(!noName.ok && Array.isArray(noName.error) && noName.error.map((e) => e.field)).toEqual(['name', 'address']);
    const unknown = await t.services.appeals.fileFor(desk, { ...BLANK, channel: 'in-person', nationalId: '1234567890', idempotencyKey: key() });
    expect(!unknown.ok && Array.isArray(unknown.error) && unknown.error.map((e) => e.code)).toEqual(['appeals.person_unknown']);
    const known = await t.services.appeals.fileFor(desk, { ...BLANK, channel: 'in-person', nationalId: '9000000011', idempotencyKey: key() });
    expect(known.ok && [known.value.personId, known.value.postalAddress]).toEqual([olena.person.id, null]);
  });
});

describe('by post, in the post room', () => {
  it('counts the term from the day received, routes to the post room\'s agency, and answers by a letter in the print queue', async () => {
    t.clock.set(new Date('2026-12-10T09:00:00Z'));
    const filed = await t.services.appeals.fileFor(clerk, {
      ...BLANK, channel: 'post', kind: 'request', text: 'When is the office open on holidays?', name: 'Марія Іваненко', address: 'вул. Лісова, 12\nЛиманськ 02002', receivedOn: '2026-12-04', pages: '2', idempotencyKey: key(),
    });
    expect(filed.ok).toBe(true);
    const a = filed.ok ? filed.value : null;
    expect(a).toMatchObject({ channel: 'post', personId: null, filedOn: '2026-12-04', dueOn: termEnd('2026-12-04', APPEAL_TERM, t.services.calendar), organisationId: 'state-migration-service' });
    expect(a!.dueOn < termEnd('2026-12-10', APPEAL_TERM, t.services.calendar)).toBe(true);
    const [intake] = await t.services.db.query<{ sender: string; received_on: string; pages: number }>('SELECT sender, received_on::text AS received_on, pages FROM appeal_intakes WHERE appeal_id = $1', [a!.id]);
    expect(intake).toEqual({ sender: 'Марія Іваненко', received_on: '2026-12-04', pages: 2 });

    const answered = await t.services.appeals.answer(clerk, a!.id, 'Closed on public holidays.');
    expect(answered.ok).toBe(true);
    const [row] = await t.services.db.query<{ payload: unknown; idempotency_key: string }>('SELECT payload, idempotency_key FROM outbox WHERE topic = $1 AND payload->>\'appealId\' = $2', [APPEAL_NOTICE_TOPIC, a!.id]);
    const m = parseAppealNotice(row!.payload);
    expect(m).not.toBeNull();
    expect((await t.services.notices.appealNotice(m!, row!.idempotency_key)).lettersWritten).toBe(1);
    expect((await t.services.notices.appealNotice(m!, row!.idempotency_key)).lettersWritten).toBe(0); // a retried message prints nothing twice
    const queue = (await t.services.letters.queue(clerk)).filter((l) => l.appealId === a!.id);
    expect(queue.map((l) => [l.caseNumber, l.kind, l.address, l.personId, l.caseId])).toEqual([[a!.number, 'appeal-answered', 'Марія Іваненко\nвул. Лісова, 12\nЛиманськ 02002', null, null]]);
    const pdf = await t.services.letters.pdf(clerk, queue[0]!.id);
    expect(pdf.ok && Buffer.from(pdf.value.pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect((await t.services.letters.dispatch(clerk, queue[0]!.id)).ok).toBe(true);
  });

  it('refuses a received day in the future or too old, and pages that are not a count', async () => {
    const input = { ...BLANK, channel: 'post' as const, name: 'Марія Іваненко', address: 'вул. Лісова, 12', idempotencyKey: key() };
    const codes = async (receivedOn: string, pages: string) => {
      const r = await t.services.appeals.fileFor(clerk, { ...input, receivedOn, pages, idempotencyKey: key() });
      return !r.ok && Array.isArray(r.error) ? r.error.map((e) => ('problem' in e ? e.problem : e.code)) : [];
    };
    expect(await codes('2026-12-11', '1')).toEqual(['received.future']);
    expect(await codes('2026-08-01', '0')).toEqual(['received.too-old', 'pages.invalid']);
    expect(await codes('', 'two')).toEqual(['received.missing', 'pages.invalid']);
    expect(await codes('not-a-day', '3')).toEqual(['received.invalid']);
  });
});
