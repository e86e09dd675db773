/**
 * The birth bundle, an application made on its own for the child, and the proactive birth assistance (ADR 0035):
 * one birth assistance case per child, whichever comes first. The job first: the bundle links the automatic case
 * instead of opening a second and says so; an application for the child is refused, naming the case, and its draft
 * kept. The bundle or the application first: the job writes its item as applied for, naming that case, and opens
 * nothing. Both at once (two transactions racing for the claim's key): still one case, and each side agrees on which.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { BundleView } from '../../src/modules/bundles/index.ts';
import { type CasesApp, casesApp, completeDraft, newKey, resolve } from '../cases/support.ts';

type Who = Awaited<ReturnType<CasesApp['person']>>;

const CHILD = '9000000156';
const IBAN = `UA${'2'.repeat(27)}`;
/** Марко Бондар, born 2026-10-26, is within the feed's first read (30 days back) on this day. */
const DAY = '2026-11-10';

const file = async (t: CasesApp, who: Who): Promise<BundleView> => {
  const submitted = await t.services.bundles.submit(who, 'birth-of-child', { relationship: 'mother', bankIban: IBAN }, { idempotencyKey: newKey(), declared: true, channel: 'web', lang: 'uk' });
  if (!submitted.ok) {
    throw new Error(`bundle refused: ${submitted.error.code}`);
  }
  return submitted.value;
};
const assistanceCases = (t: CasesApp) => t.services.db.query<{ id: string; channel: string }>(
  "SELECT id, channel FROM cases WHERE service_id = 'birth-assistance' AND party_kind = 'person' AND party_id = $1", [CHILD],
);
/** Every birth assistance case, whoever it names as the party. */
const allAssistanceCases = (t: CasesApp) => t.services.db.query<{ id: string; channel: string; party_kind: string }>(
  "SELECT id, channel, party_kind FROM cases WHERE service_id = 'birth-assistance' ORDER BY submitted_at",
);
const birthItem = async (t: CasesApp) => (await t.services.db.query<{ id: string; status: string; case_id: string | null }>(
  "SELECT id, status, case_id FROM proactive_items WHERE service_id = 'birth-assistance' AND subject = $1", [CHILD],
));

/** The parent acting for the child, as a parent applying for a child does. */
const forChild = async (t: CasesApp, who: Who): Promise<Who> => {
  expect((await t.services.sessions.actAs(who, { kind: 'person', id: CHILD })).ok).toBe(true);
  return resolve(t.services, who.token);
};
/** A complete draft of the birth assistance for the child, with its two files. */
const applicationForChild = (t: CasesApp, who: Who): Promise<string> => completeDraft(t.services, who, 'birth-assistance', {
  email: 'iryna@example.test', childFullName: 'Марко Бондар', childBirthDate: '2026-10-26', relationship: 'mother',
  birthRegisteredAbroad: 'no', childLivesWithYou: 'yes', bankIban: IBAN,
}, ['bankAccount', 'identityDocument']);
const submitDraft = (t: CasesApp, who: Who, draftId: string) =>
  t.services.drafts.submit(who, draftId, { idempotencyKey: newKey(), declared: true, channel: 'web', lang: 'uk' });

/** Each order on a database of its own, opened before the block's tests and closed after them. */
function onFreshDatabase(): () => CasesApp {
  let t: CasesApp | undefined;
  beforeAll(async () => {
    t = await casesApp(DAY);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });
  return () => {
    if (t === undefined) {
      throw new Error('the database is not open');
    }
    return t;
  };
}

describe('the proactive job first, then the bundle', () => {
  const app = onFreshDatabase();

  it('links the automatic case to the bundle instead of opening a second, and the bundle page says so', async () => {
    const t = app();
    const iryna = await t.person('iryna-bondar');
    await t.services.proactive.run();
    const [item] = await birthItem(t);
    expect(item?.status).toBe('pending');
    const bundle = await file(t, iryna);
    const cases = await assistanceCases(t);
    expect(cases).toEqual([{ id: item?.case_id, channel: 'proactive' }]);
    expect(bundle.parts.map((p) => p.case.serviceId)).toEqual(['birth-registration', 'residence-registration', 'birth-assistance', 'taxpayer-number']);
    expect(bundle.parts.filter((p) => p.linked).map((p) => p.case.id)).toEqual([item?.case_id]);
    expect(bundle.skipped).toEqual([]);
    const [audit] = await t.services.db.query<{ detail: { overlaps?: unknown[] } }>("SELECT detail FROM audit_events WHERE action = 'bundle.submit' AND subject = $1", [`bundle:${bundle.bundle.id}`]);
    expect(audit?.detail.overlaps).toEqual([{ service: 'birth-assistance', case: item?.case_id, linked: true }]);
    for (const [lang, words] of [['uk', 'портал уже відкрив справу'], ['en', 'the portal had opened case']] as const) {
      const page = await t.app.inject({ url: `/${lang}/cabinet/bundles/${bundle.bundle.id}`, headers: { cookie: `portico_session=${iryna.token}` } });
      expect(page.body).toContain(words);
    }
    // The parent acting as a parent, the child the represented party, as when a parent applies for a child.
    expect(bundle.parts.every((p) => p.case.applicantPersonId === iryna.person.id && p.case.party.kind === 'person' && p.case.party.id === CHILD)).toBe(true);
  });

  it('lets the parent, acting as herself, open a case of the child from the bundle page by switching to act for the child', async () => {
    const t = app();
    const iryna = await t.person('iryna-bondar');
    const [bundle] = await t.services.db.query<{ id: string }>('SELECT id FROM bundles ORDER BY submitted_at LIMIT 1');
    const [part] = await t.services.db.query<{ id: string; number: string }>("SELECT id, number FROM cases WHERE service_id = 'birth-registration' AND party_id = $1", [CHILD]);
    const cookie = `portico_session=${iryna.token}`;
    const asSelf = async () => t.app.inject({ method: 'POST', url: '/en/cabinet/act-as', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: iryna.session.csrfToken, party: 'self' }).toString() });
    expect((await asSelf()).statusCode).toBe(303);
    const page = await t.app.inject({ url: `/en/cabinet/bundles/${bundle?.id}`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    // Acting as herself, the child's case is not a link that would answer 404, but a button that switches first.
    expect(page.body).not.toContain(`href="/en/cabinet/cases/${part?.id}"`);
    expect(page.body).toContain(`<input type="hidden" name="party" value="person:${CHILD}"/><input type="hidden" name="next" value="/en/cabinet/cases/${part?.id}"/>`);
    expect(page.body).toContain('Open as ');
    expect((await t.app.inject({ url: `/en/cabinet/cases/${part?.id}`, headers: { cookie } })).statusCode).toBe(404);
    const switched = await t.app.inject({ method: 'POST', url: '/en/cabinet/act-as', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: iryna.session.csrfToken, party: `person:${CHILD}`, next: `/en/cabinet/cases/${part?.id}` }).toString() });
    expect([switched.statusCode, switched.headers.location]).toEqual([303, `/en/cabinet/cases/${part?.id}`]);
    const opened = await t.app.inject({ url: `/en/cabinet/cases/${part?.id}`, headers: { cookie } });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain(part?.number);
    // Acting for the child, the same page links the case directly.
    expect((await t.app.inject({ url: `/en/cabinet/bundles/${bundle?.id}`, headers: { cookie } })).body).toContain(`href="/en/cabinet/cases/${part?.id}"`);
    // Anywhere but a page of the cabinet in the same language, the switch lands on the cabinet.
    for (const next of ['//evil.example/x', 'https://evil.example/', '/en/office/cases', '/uk/cabinet/cases/x', '/en/cabinet/../office', '/en/cabinet//evil.example']) {
      const res = await t.app.inject({ method: 'POST', url: '/en/cabinet/act-as', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: iryna.session.csrfToken, party: `person:${CHILD}`, next }).toString() });
      expect([res.statusCode, res.headers.location], next).toEqual([303, '/en/cabinet']);
    }
    expect((await asSelf()).statusCode).toBe(303);
  });
});

describe('the bundle first, then the proactive job', () => {
  const app = onFreshDatabase();

  it('writes the item as applied for, naming the bundle\'s case, and opens no case nor tells of one', async () => {
    const t = app();
    const iryna = await t.person('iryna-bondar');
    const bundle = await file(t, iryna);
    const ours = bundle.parts.find((p) => p.case.serviceId === 'birth-assistance');
    expect(ours?.linked).toBe(false);
    await t.services.proactive.run();
    const [item] = await birthItem(t);
    expect(item).toMatchObject({ status: 'applied', case_id: ours?.case.id });
    expect(await assistanceCases(t)).toEqual([{ id: ours?.case.id, channel: 'web' }]);
    const notices = await t.services.db.query("SELECT 1 FROM outbox WHERE topic = 'proactive.notice' AND payload->>'itemId' = $1", [item?.id]);
    expect(notices).toHaveLength(0);
    expect((await t.services.db.query("SELECT 1 FROM audit_events WHERE action = 'proactive.applied-already' AND detail->>'item' = $1", [item?.id])).length).toBe(1);
    const page = await t.app.inject({ url: `/en/cabinet/proactive/${item?.id}`, headers: { cookie: `portico_session=${iryna.token}` } });
    expect(page.body).toContain('You had applied for this service for the child already');
    expect(page.body).not.toContain('/object"');
  });
});

describe('the bundle and the proactive job at the same moment', () => {
  const app = onFreshDatabase();

  it('opens one birth assistance case for the child, and the bundle and the item name the same one', async () => {
    const t = app();
    const iryna = await t.person('iryna-bondar');
    const [bundle] = await Promise.all([file(t, iryna), t.services.proactive.run()]);
    const cases = await assistanceCases(t);
    expect(cases).toHaveLength(1);
    const [item] = await birthItem(t);
    const part = bundle.parts.find((p) => p.case.serviceId === 'birth-assistance');
    expect(part?.case.id).toBe(cases[0]?.id);
    expect(item?.case_id).toBe(cases[0]?.id);
    // Whoever won: the job's case linked to the bundle, or the bundle's case named by the item as applied for.
    const expected = cases[0]?.channel === 'proactive' ? ['pending', true] : ['applied', false];
    expect([item?.status, part?.linked]).toEqual(expected);
  });
});

describe('the proactive job first, then an application for the child made on its own', () => {
  const app = onFreshDatabase();

  it('refuses the application, names the job\'s case to its parent, keeps the draft, and the check page says so', async () => {
    const t = app();
    await t.services.proactive.run();
    const [item] = await birthItem(t);
    expect(item?.status).toBe('pending');
    const iryna = await forChild(t, await t.person('iryna-bondar'));
    const draftId = await applicationForChild(t, iryna);
    const refused = await submitDraft(t, iryna, draftId);
    const [job] = await t.services.db.query<{ number: string }>('SELECT number FROM cases WHERE id = $1', [item?.case_id]);
    expect(refused.ok ? null : { code: refused.error.code, own: 'own' in refused.error ? refused.error.own : undefined })
      .toEqual({ code: 'applications.applied_already', own: { caseId: item?.case_id, caseNumber: job?.number } });
    expect(await assistanceCases(t)).toEqual([{ id: item?.case_id, channel: 'proactive' }]);
    const kept = await t.services.drafts.get(iryna, draftId);
    expect(kept.ok && kept.value.draft.submittedCaseId).toBeNull();
    for (const [lang, words] of [['uk', `Портал уже відкрив для вас справу ${job?.number ?? ''}`], ['en', `The portal opened case ${job?.number ?? ''} of this service for you already`]] as const) {
      const page = await t.app.inject({
        method: 'POST', url: `/${lang}/applications/${draftId}/submit`,
        headers: { cookie: `portico_session=${iryna.token}`, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: iryna.session.csrfToken, declaration: 'yes', idempotencyKey: newKey() }).toString(),
      });
      expect(page.statusCode).toBe(409);
      expect(page.body).toContain('govuk-error-summary');
      expect(page.body).toContain(words);
    }
    expect(await assistanceCases(t)).toHaveLength(1);
  });

  it('refuses an application the parent makes as herself naming the child, found in the population register by name and birth date', async () => {
    const t = app();
    const [item] = await birthItem(t);
    const iryna = await t.person('iryna-bondar'); // acting for herself
    const draftId = await applicationForChild(t, iryna);
    const refused = await submitDraft(t, iryna, draftId);
    const [job] = await t.services.db.query<{ number: string }>('SELECT number FROM cases WHERE id = $1', [item?.case_id]);
    expect(refused.ok ? null : { code: refused.error.code, own: 'own' in refused.error ? refused.error.own : undefined })
      .toEqual({ code: 'applications.applied_already', own: { caseId: item?.case_id, caseNumber: job?.number } });
    expect(await allAssistanceCases(t)).toEqual([{ id: item?.case_id, channel: 'proactive', party_kind: 'person' }]);
    // A child the register does not list under that name and date: nothing to claim, the application goes ahead.
    const other = await completeDraft(t.services, iryna, 'birth-assistance', {
      email: 'iryna@example.test', childFullName: 'Марко Бондар', childBirthDate: '2026-10-25', relationship: 'mother',
      birthRegisteredAbroad: 'no', childLivesWithYou: 'yes', bankIban: IBAN,
    }, ['bankAccount', 'identityDocument']);
    const submitted = await submitDraft(t, iryna, other);
    expect(submitted.ok ? 'ok' : submitted.error.code).toBe('ok');
    expect((await allAssistanceCases(t)).map((c) => [c.channel, c.party_kind])).toEqual([['proactive', 'person'], ['web', 'self']]);
  });

  it('lets the application go ahead once the parent objected to the job\'s case', async () => {
    const t = app();
    const [item] = await birthItem(t);
    const iryna = await forChild(t, await t.person('iryna-bondar'));
    expect((await t.services.proactive.object(iryna, item?.id ?? '')).ok).toBe(true);
    const [draft] = await t.services.db.query<{ id: string }>("SELECT id FROM drafts WHERE service_id = 'birth-assistance' AND submitted_case_id IS NULL AND party_kind = 'person'");
    const submitted = await submitDraft(t, iryna, draft?.id ?? '');
    expect(submitted.ok).toBe(true);
    expect((await assistanceCases(t)).map((c) => c.channel).sort()).toEqual(['proactive', 'web']); // about the child: the job's and this one
  });
});

/** The application first, made acting for the child or as herself naming the child, then the job. */
function applicationFirst(how: string, asParty: (t: CasesApp, who: Who) => Promise<Who>, partyKind: 'person' | 'self'): void {
  describe(`an application ${how} first, then the proactive job`, () => {
    const app = onFreshDatabase();

    it('claims the case about the child, so the job writes the item as applied for, naming the application\'s case, and opens no case', async () => {
      const t = app();
      const iryna = await asParty(t, await t.person('iryna-bondar'));
      const submitted = await submitDraft(t, iryna, await applicationForChild(t, iryna));
      if (!submitted.ok) {
        throw new Error(`the application was refused: ${submitted.error.code}`);
      }
      const [claim] = await t.services.db.query<{ case_id: string; source: string }>("SELECT case_id, source FROM case_claims WHERE service_id = 'birth-assistance' AND subject_national_id = $1", [CHILD]);
      expect(claim).toEqual({ case_id: submitted.value.id, source: 'application' });
      await t.services.proactive.run();
      const [item] = await birthItem(t);
      expect(item).toMatchObject({ status: 'applied', case_id: submitted.value.id });
      expect(await allAssistanceCases(t)).toEqual([{ id: submitted.value.id, channel: 'web', party_kind: partyKind }]);
    });
  });
}

applicationFirst('for the child made on its own', forChild, 'person');
applicationFirst('the parent makes as herself, naming the child,', (_t, who) => Promise.resolve(who), 'self');
