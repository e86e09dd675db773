import { createHash } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { canonicalJson } from '../../src/kernel/canonical-json.ts';
import { AnswersIncomplete } from '../../src/modules/applications/index.ts';
import { draftsRepository } from '../../src/modules/applications/drafts.repository.ts';
import { submissionRepository } from '../../src/modules/applications/submission.repository.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { ANSWERS, type CasesApp, casesApp, completeDraft, draftOf, newKey, PDF_BYTES, settleWithin, stored, submit } from './support.ts';

let t: CasesApp;
let olena: SignedIn;
const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

beforeAll(async () => {
  t = await casesApp('2026-09-01'); // a Tuesday
  olena = await t.person('olena-koval');
});
afterAll(async () => t.close());

const count = async (sql: string, params: unknown[] = []) => (await t.services.db.query<{ n: number }>(sql, params))[0]?.n ?? -1;
const casesOfDraft = (draftId: string) => count('SELECT count(*)::int AS n FROM cases c JOIN drafts d ON d.submitted_case_id = c.id WHERE d.id = $1', [draftId]);
const allCases = () => count('SELECT count(*)::int AS n FROM cases');

describe('checks before a case is opened', () => {
  it('refuses an incomplete draft with its issues, page by page, and opens nothing', async () => {
    const started = await t.services.drafts.start(olena, 'international-passport');
    expect(started.ok).toBe(true);
    const draftId = started.ok ? started.value.id : '';
    const before = await allCases();
    const refused = await t.services.drafts.submit(olena, draftId, { idempotencyKey: newKey(), declared: true, channel: 'web', lang: 'uk' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error).toBeInstanceOf(AnswersIncomplete);
      const issues = refused.error instanceof AnswersIncomplete ? refused.error.issues : [];
      // Given and family name, birth date and national id come from the eID; the rest is missing.
      expect(issues.map((i) => [i.pageId, i.field, i.keyword])).toEqual([
        ['contact', 'email', 'required'], ['reason', 'purpose', 'required'], ['documents', 'identityDocument', 'required'], ['collection', 'collectionCentre', 'required'],
      ]);
    }
    expect(await allCases()).toBe(before);
  });

  it('refuses a submission without the declaration', async () => {
    const draftId = await draftOf(t.services, olena, 'tax-clearance-certificate');
    const refused = await t.services.drafts.submit(olena, draftId, { idempotencyKey: newKey(), declared: false, channel: 'web', lang: 'uk' });
    expect(refused.ok ? null : refused.error.code).toBe('applications.declaration_required');
    expect(await casesOfDraft(draftId)).toBe(0);
  });

  it('refuses someone else\'s draft', async () => {
    const draftId = await draftOf(t.services, olena, 'tax-clearance-certificate');
    const andrii = await t.person('andrii-shevchenko');
    const refused = await t.services.drafts.submit(andrii, draftId, { idempotencyKey: newKey(), declared: true, channel: 'web', lang: 'uk' });
    expect(refused.ok ? null : refused.error.code).toBe('applications.draft_not_found');
  });
});

describe('a paid service (international passport online)', () => {
  it('opens a numbered case awaiting 732.00 UAH, with the frozen answers and their SHA-256, the files moved to it', async () => {
    const draftId = await draftOf(t.services, olena, 'international-passport');
    const attachments = await t.services.drafts.get(olena, draftId);
    const c = await submit(t.services, olena, draftId);
    expect(c.number).toMatch(/^2026-\d{6}$/);
    expect(c).toMatchObject({
      serviceId: 'international-passport', organisationId: 'state-migration-service', state: 'awaiting-payment', clockPaused: false, outcome: null, channel: 'web',
      applicantPersonId: olena.person.id, applicantName: 'Олена Коваль', party: { kind: 'self', id: null, name: 'Олена Коваль' },
      feeCostId: 'standard-online', feeAmount: 73200, feeStatus: 'due', documentsComplete: true, term: { days: 20, unit: 'working' },
      silentConsent: false, termStartedOn: null, dueOn: null,
    });
    const attachmentId = attachments.ok ? attachments.value.draft.answers['identityDocument'] : undefined;
    expect(typeof attachmentId).toBe('string');
    expect(c.answers).toEqual({
      givenName: 'Олена', familyName: 'Коваль', birthDate: '1990-04-12', nationalId: '9000000011', email: 'olena@example.test', purpose: 'first',
      identityDocument: attachmentId, collectionCentre: 'zorehrad-cnap-central',
    });
    const service = (await t.services.catalogue.service('international-passport')).value;
    const content = { serviceId: 'international-passport', serviceVersion: service?.version, answers: c.answers, files: [{ field: 'identityDocument', sha256: sha256(PDF_BYTES) }] };
    expect(c.answersSha256).toBe(sha256(canonicalJson(content)));
    expect((await t.services.drafts.attachmentsOfCase(c.id)).map((a) => [a.id, a.field, a.caseId])).toEqual([[attachmentId, 'identityDocument', c.id]]);
    expect((await t.services.drafts.get(olena, draftId)).ok).toBe(false); // submitted: no longer a draft to edit
    const view = await t.services.cases.forApplicant(olena, c.id);
    expect(view?.events.map((e) => [e.event, e.from, e.to, e.actorRole])).toEqual([['submit', 'new', 'submitted', 'system'], ['request-payment', 'submitted', 'awaiting-payment', 'system']]);
    expect(await count("SELECT count(*)::int AS n FROM audit_events WHERE action = 'application.submit' AND subject = $1 AND detail->>'sha256' = $2", [`case:${c.number}`, c.answersSha256])).toBe(1);
    expect(await count("SELECT count(*)::int AS n FROM outbox WHERE topic = 'case.submitted' AND payload->>'caseId' = $1", [c.id])).toBe(1);
  });

  it('takes the fee of the channel: the same answers through the API are due online too', async () => {
    const c = await submit(t.services, olena, await draftOf(t.services, olena, 'international-passport'), { channel: 'api' });
    expect([c.channel, c.feeCostId, c.feeAmount, c.feeStatus, c.state]).toEqual(['api', 'standard-online', 73200, 'due', 'awaiting-payment']);
  });
});

describe('the fee per channel and exemptions (civil-status certificate: 50 online, 70 by post or in person)', () => {
  it.each([
    ['web', 'online-duty', 5000], ['post', 'postal-duty', 7000], ['in-person', 'in-person-duty', 7000],
  ] as const)('through %s: %s, %i kopecks due', async (channel, costId, amount) => {
    const c = await submit(t.services, olena, await draftOf(t.services, olena, 'civil-status-certificate'), { channel });
    expect([c.feeCostId, c.feeAmount, c.feeStatus, c.state, c.termStartedOn]).toEqual([costId, amount, 'due', 'awaiting-payment', null]);
  });

  it('an exemption claimed: nothing due now, the term starts at once', async () => {
    const draftId = await completeDraft(t.services, olena, 'civil-status-certificate', { ...ANSWERS['civil-status-certificate'], dutyExemption: 'yes', exemptionGround: 'orphan' }, ['identityDocument']);
    const c = await submit(t.services, olena, draftId);
    expect([c.feeCostId, c.feeAmount, c.feeStatus, c.state, c.termStartedOn, c.dueOn]).toEqual(['online-duty', 0, 'exempt', 'submitted', '2026-09-01', '2026-09-15']);
  });
});

describe('a free service', () => {
  it('is submitted with the term started today and the due date computed (10 working days from Tue 1 Sep: Tue 15 Sep)', async () => {
    const c = await submit(t.services, olena, await draftOf(t.services, olena, 'criminal-record-certificate'));
    expect(c).toMatchObject({ state: 'submitted', feeCostId: null, feeAmount: 0, feeStatus: 'none', termStartedOn: '2026-09-01', dueOn: '2026-09-15', term: { days: 10, unit: 'working' } });
    expect(await stored(t.services, c.id)).toEqual(c);
  });
});

describe('one transaction', () => {
  it('leaves no case, event, audit record, message or moved file when the last step fails; the draft can then be submitted', async () => {
    const draftId = await draftOf(t.services, olena, 'international-passport');
    const tally = async () => Promise.all(['cases', 'case_events', 'audit_events', 'outbox'].map((table) => count(`SELECT count(*)::int AS n FROM ${table}`)));
    const before = await tally();
    await t.services.db.exec(`
      CREATE FUNCTION refuse_mark() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
      CREATE TRIGGER refuse_mark BEFORE UPDATE OF submitted_case_id ON drafts FOR EACH ROW EXECUTE FUNCTION refuse_mark();`);
    try {
      await expect(t.services.drafts.submit(olena, draftId, { idempotencyKey: newKey(), declared: true, channel: 'web', lang: 'uk' })).rejects.toThrow('refused by the test');
    } finally {
      await t.services.db.exec('DROP TRIGGER refuse_mark ON drafts; DROP FUNCTION refuse_mark();');
    }
    expect(await tally()).toEqual(before);
    expect(await count('SELECT count(*)::int AS n FROM attachments WHERE draft_id = $1 AND case_id IS NULL', [draftId])).toBe(1);
    const c = await submit(t.services, olena, draftId);
    expect(c.state).toBe('awaiting-payment');
    expect(await count('SELECT count(*)::int AS n FROM attachments WHERE draft_id IS NULL AND case_id = $1', [c.id])).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM attachments WHERE draft_id = $1', [draftId])).toBe(0);
  });
});

describe('idempotency', () => {
  it('the same idempotency key twice is the same case', async () => {
    const draftId = await draftOf(t.services, olena, 'tax-clearance-certificate');
    const key = newKey('twice');
    const first = await submit(t.services, olena, draftId, { key });
    const before = await allCases();
    const second = await submit(t.services, olena, draftId, { key });
    expect(second.id).toBe(first.id);
    expect(second.number).toBe(first.number);
    expect(await allCases()).toBe(before);
  });

  it('a key used for another draft answers that case, writes nothing and leaves the second draft open', async () => {
    const firstDraft = await draftOf(t.services, olena, 'tax-clearance-certificate');
    const secondDraft = await draftOf(t.services, olena, 'tax-clearance-certificate');
    const key = newKey('reused');
    const first = await submit(t.services, olena, firstDraft, { key });
    const before = await allCases();
    const audited = await count("SELECT count(*)::int AS n FROM audit_events WHERE action = 'application.submit'", []);
    const messages = await count('SELECT count(*)::int AS n FROM outbox', []);
    const second = await submit(t.services, olena, secondDraft, { key });
    expect(second.id).toBe(first.id);
    expect(await allCases()).toBe(before);
    expect(await casesOfDraft(secondDraft)).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM drafts WHERE id = $1 AND submitted_case_id IS NULL', [secondDraft])).toBe(1);
    expect(await count("SELECT count(*)::int AS n FROM audit_events WHERE action = 'application.submit'", [])).toBe(audited);
    expect(await count('SELECT count(*)::int AS n FROM outbox', [])).toBe(messages);
  });

  it('the same draft from a second tab, with another key, is the same case', async () => {
    const draftId = await draftOf(t.services, olena, 'tax-clearance-certificate');
    const first = await submit(t.services, olena, draftId, { key: newKey('tab-1') });
    const second = await submit(t.services, olena, draftId, { key: newKey('tab-2') });
    expect(second.id).toBe(first.id);
    expect(await casesOfDraft(draftId)).toBe(1);
  });

  // On PostgreSQL (pool of 5 connections here) these exercise the draft's row lock. Every submission
  // holds a connection for its transaction; should it need a second one inside (a catalogue read
  // through the pool), five at once starve the pool for ever — hence the deadline.
  it('ten concurrent submissions of one draft with different keys open exactly one case', async () => {
    const draftId = await draftOf(t.services, olena, 'criminal-record-certificate');
    const before = await allCases();
    const keys = Array.from({ length: 10 }, (_, i) => newKey(`race-${i}`));
    const { timedOut, results } = await settleWithin(keys.map((key) => submit(t.services, olena, draftId, { key })), 15_000, t.unstick);
    expect(timedOut, 'the submissions starved the database pool (each holds a connection and waits for another)').toBe(false);
    const ids = results.map((r) => (r.status === 'fulfilled' ? r.value.id : String(r.reason)));
    expect(new Set(ids).size).toBe(1);
    expect(await allCases()).toBe(before + 1);
    expect(await count('SELECT count(*)::int AS n FROM cases WHERE idempotency_key = ANY($1::text[])', [keys])).toBe(1);
    expect(await count("SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND event = 'submit'", [ids[0]])).toBe(1);
  });

  it('five concurrent submissions with one key open exactly one case', async () => {
    const draftId = await draftOf(t.services, olena, 'tax-clearance-certificate');
    const key = newKey('same');
    const { timedOut, results } = await settleWithin(Array.from({ length: 5 }, () => submit(t.services, olena, draftId, { key })), 15_000, t.unstick);
    expect(timedOut, 'the submissions starved the database pool').toBe(false);
    expect(new Set(results.map((r) => (r.status === 'fulfilled' ? r.value.id : String(r.reason)))).size).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM cases WHERE idempotency_key = $1', [key])).toBe(1);
  });

  it('ten concurrent submissions of ten drafts all open their case', async () => {
    const drafts = await Promise.all(Array.from({ length: 10 }, () => draftOf(t.services, olena, 'tax-clearance-certificate')));
    const { timedOut, results } = await settleWithin(drafts.map((d) => submit(t.services, olena, d)), 15_000, t.unstick);
    expect(timedOut, 'the submissions starved the database pool').toBe(false);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
  });

  it('reads drafts asked at once in one statement, each answer its own draft: another person\'s draft among them is refused', async () => {
    const andrii = await t.person('andrii-shevchenko');
    const mine = await Promise.all(Array.from({ length: 4 }, () => draftOf(t.services, olena, 'tax-clearance-certificate')));
    const theirs = await draftOf(t.services, andrii, 'tax-clearance-certificate');
    const read = await draftsRepository.forSubmission(t.services.db, [mine[0] ?? '', 'not-a-draft', theirs.toUpperCase(), '00000000-0000-4000-8000-000000000000', mine[1] ?? '']);
    expect(read.map((r) => r && { id: r.draft.id, person: r.draft.personId, hasFiles: r.hasFiles })).toEqual([
      { id: mine[0], person: olena.person.id, hasFiles: false }, null, { id: theirs, person: andrii.person.id, hasFiles: false }, null, { id: mine[1], person: olena.person.id, hasFiles: false },
    ]);
    const results = await Promise.all([...mine.map((d) => t.services.drafts.submit(olena, d, { idempotencyKey: newKey(), declared: true, channel: 'web', lang: 'uk' })),
      t.services.drafts.submit(olena, theirs, { idempotencyKey: newKey(), declared: true, channel: 'web', lang: 'uk' })]);
    expect(results.map((r) => (r.ok ? r.value.applicantPersonId : r.error.code))).toEqual([...mine.map(() => olena.person.id), 'applications.draft_not_found']);
    expect(await Promise.all(mine.map(casesOfDraft))).toEqual([1, 1, 1, 1]);
    expect(await casesOfDraft(theirs)).toBe(0);
  });
});

// A draft without files goes in one statement, no transaction around it (ADR 0025): the draft's lock
// and mark, the case, its history, the audit entries and the messages. Rows written by one statement
// share the transaction (`xmin`) and the command (`cmin`); the long way's statements each have a command of their own.
describe('one statement (a draft without files)', () => {
  const written = async (draftId: string, caseId: string) => t.services.db.query<{ tbl: string; xmin: string; cmin: string }>(
    `SELECT 'drafts' AS tbl, xmin::text, cmin::text FROM drafts WHERE id = $1
     UNION ALL SELECT 'cases', xmin::text, cmin::text FROM cases WHERE id = $2
     UNION ALL SELECT 'case_events', xmin::text, cmin::text FROM case_events WHERE case_id = $2
     UNION ALL SELECT 'audit_events', xmin::text, cmin::text FROM audit_events WHERE detail->>'draftId' = $1::text OR subject = (SELECT 'case:' || number FROM cases WHERE id = $2)
     UNION ALL SELECT 'outbox', xmin::text, cmin::text FROM outbox WHERE payload->>'caseId' = $2::text`,
    [draftId, caseId],
  );

  it('writes the draft\'s mark, the case, its event, its audit entries and its messages in one command, each with the case\'s number', async () => {
    const draftId = await draftOf(t.services, olena, 'tax-clearance-certificate');
    const c = await submit(t.services, olena, draftId, { channel: 'api' });
    expect(c).toMatchObject({ state: 'submitted', channel: 'api', applicantPersonId: olena.person.id, party: { kind: 'self', id: null } });
    expect(await stored(t.services, c.id)).toEqual(c);
    const rows = await written(draftId, c.id);
    expect(rows.map((r) => r.tbl).sort()).toEqual(['audit_events', 'audit_events', 'case_events', 'cases', 'drafts', 'outbox', 'outbox']);
    expect(new Set(rows.map((r) => `${r.xmin}/${r.cmin}`)).size).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM drafts WHERE id = $1 AND submitted_case_id = $2', [draftId, c.id])).toBe(1);
    const audit = await t.services.db.query<{ action: string; subject: string; actor_person_id: string; channel: string }>(
      "SELECT action, subject, actor_person_id, channel FROM audit_events WHERE subject = $1 ORDER BY id", [`case:${c.number}`]);
    expect(audit.map((a) => [a.action, a.actor_person_id])).toEqual([['case.submit', olena.person.id], ['application.submit', olena.person.id]]);
    const messages = await t.services.db.query<{ topic: string; number: string }>(
      "SELECT topic, payload->>'caseNumber' AS number FROM outbox WHERE payload->>'caseId' = $1 ORDER BY id", [c.id]);
    expect(messages).toEqual([{ topic: 'case.changed', number: c.number }, { topic: 'case.submitted', number: c.number }]);
  });

  it('writes nothing when a step fails (a constraint on the messages), and the draft can then be submitted', async () => {
    const draftId = await draftOf(t.services, olena, 'tax-clearance-certificate');
    const tally = async () => Promise.all(['cases', 'case_events', 'audit_events', 'outbox'].map((table) => count(`SELECT count(*)::int AS n FROM ${table}`)));
    const before = await tally();
    await t.services.db.exec("ALTER TABLE outbox ADD CONSTRAINT refused_by_the_test CHECK (topic <> 'case.submitted') NOT VALID");
    try {
      await expect(t.services.drafts.submit(olena, draftId, { idempotencyKey: newKey(), declared: true, channel: 'web', lang: 'uk' })).rejects.toThrow('refused_by_the_test');
    } finally {
      await t.services.db.exec('ALTER TABLE outbox DROP CONSTRAINT refused_by_the_test');
    }
    expect(await tally()).toEqual(before);
    expect(await count('SELECT count(*)::int AS n FROM drafts WHERE id = $1 AND submitted_case_id IS NULL', [draftId])).toBe(1);
    const c = await submit(t.services, olena, draftId);
    expect(await casesOfDraft(draftId)).toBe(1);
    expect(await count("SELECT count(*)::int AS n FROM outbox WHERE topic = 'case.submitted' AND payload->>'caseId' = $1", [c.id])).toBe(1);
  });

  it('writes nothing for a draft changed since it was read (another version), then writes it at its version', async () => {
    const draftId = await draftOf(t.services, olena, 'tax-clearance-certificate');
    const service = (await t.services.catalogue.service('tax-clearance-certificate')).value;
    const [draft] = await t.services.db.query<{ version: number; answers: Record<string, unknown> }>('SELECT version, answers FROM drafts WHERE id = $1', [draftId]);
    if (service === null || draft === undefined) {
      throw new Error('no service or draft');
    }
    const attempt = (version: number) => {
      const opening = t.services.cases.planOpening({
        service, answers: draft.answers, answersSha256: sha256('x'), documentsComplete: true, channel: 'web', lang: 'uk',
        applicant: { personId: olena.person.id, name: 'Олена Коваль' }, party: { kind: 'self', id: null, name: 'Олена Коваль' }, actingFor: null, idempotencyKey: newKey('direct'),
      });
      return submissionRepository.submit(t.services.db, { draftId, version, at: new Date(), opening, audit: opening.audit, messages: opening.messages });
    };
    const tally = async () => Promise.all(['cases', 'case_events', 'audit_events', 'outbox'].map((table) => count(`SELECT count(*)::int AS n FROM ${table}`)));
    const before = await tally();
    expect(await attempt(draft.version - 1)).toBeNull();
    expect(await tally()).toEqual(before);
    expect(await count('SELECT count(*)::int AS n FROM drafts WHERE id = $1 AND submitted_case_id IS NULL AND version = $2', [draftId, draft.version])).toBe(1);
    const c = await attempt(draft.version);
    expect(c?.state).toBe('submitted');
    expect(await casesOfDraft(draftId)).toBe(1);
    expect(await attempt(draft.version + 1)).toBeNull(); // submitted: nothing more
    expect(await casesOfDraft(draftId)).toBe(1);
  });

  it('ten concurrent submissions of one draft with different keys open exactly one case', async () => {
    const draftId = await draftOf(t.services, olena, 'tax-clearance-certificate');
    const before = await allCases();
    const keys = Array.from({ length: 10 }, (_, i) => newKey(`one-${i}`));
    const { timedOut, results } = await settleWithin(keys.map((key) => submit(t.services, olena, draftId, { key })), 15_000, t.unstick);
    expect(timedOut).toBe(false);
    const ids = results.map((r) => (r.status === 'fulfilled' ? r.value.id : String(r.reason)));
    expect(new Set(ids).size).toBe(1);
    expect(await allCases()).toBe(before + 1);
    expect(await count("SELECT count(*)::int AS n FROM audit_events WHERE action = 'application.submit' AND detail->>'draftId' = $1", [draftId])).toBe(1);
    expect(await count("SELECT count(*)::int AS n FROM outbox WHERE topic = 'case.submitted' AND payload->>'caseId' = $1", [ids[0]])).toBe(1);
  });

  it('one key on five drafts at once opens one case; the other drafts stay open with nothing written for them', async () => {
    const drafts = await Promise.all(Array.from({ length: 5 }, () => draftOf(t.services, olena, 'tax-clearance-certificate')));
    const key = newKey('shared');
    const audited = await count("SELECT count(*)::int AS n FROM audit_events WHERE action = 'application.submit'");
    const { timedOut, results } = await settleWithin(drafts.map((d) => submit(t.services, olena, d, { key })), 15_000, t.unstick);
    expect(timedOut).toBe(false);
    expect(new Set(results.map((r) => (r.status === 'fulfilled' ? r.value.id : String(r.reason)))).size).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM cases WHERE idempotency_key = $1', [key])).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM drafts WHERE id = ANY($1::uuid[]) AND submitted_case_id IS NULL', [drafts])).toBe(4);
    expect(await count("SELECT count(*)::int AS n FROM audit_events WHERE action = 'application.submit'")).toBe(audited + 1);
  });
});
