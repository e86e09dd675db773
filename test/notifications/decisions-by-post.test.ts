/**
 * Decisions delivered with proof: a decision put in the inbox that nobody opened or downloaded within
 * the configured working days (5 by default, the working calendar's days) goes to the applicant by
 * post — once, with the sealed decision enclosed, recorded on the case's history and in the audit log;
 * an opened or downloaded decision does not; an applicant with no postal address is recorded once;
 * two processes running the job at once post it once. The clock is the test's own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CaseRecord } from '../../src/modules/cases/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { act, ANSWERS, type CasesApp, casesApp, completeDraft, submit } from '../cases/support.ts';
import { missing, pdfPageCount, pdfText } from '../documents/pdf-tools.ts';

const ADDRESS = 'Olena Koval\nvul. Sadova 5, apt. 12\nZorehrad\n01001 Ukraine';
const TOLD_ON = '2026-12-01';

let t: CasesApp;
let olena: SignedIn & { token: string };
let andrii: SignedIn & { token: string };
let iryna: SignedIn & { token: string };
let clerk: SignedIn & { token: string };
let decider: SignedIn & { token: string };
/** Unread by Olena; opened by Olena; downloaded by Olena; unread by Andrii, who gave no address; Iryna's, who chose post. */
const cases: Record<'unread' | 'opened' | 'downloaded' | 'noAddress' | 'chosePost', CaseRecord | null> = { unread: null, opened: null, downloaded: null, noAddress: null, chosePost: null };
const IRYNA_ADDRESS = 'Iryna Bondar\nvul. Lypova 9\nZorehrad\n01002 Ukraine';

const must = <T>(v: T | null | undefined): T => {
  if (v === null || v === undefined) {
    throw new Error('missing');
  }
  return v;
};

async function decide(who: SignedIn, label: string): Promise<CaseRecord> {
  const draft = await completeDraft(t.services, who, 'tax-clearance-certificate', ANSWERS['tax-clearance-certificate']);
  const c = await submit(t.services, who, draft);
  await act(t.services, clerk, c.id, 'register');
  await act(t.services, clerk, c.id, 'start-review');
  expect((await act(t.services, decider, c.id, 'grant')).state).toBe('result-issued');
  const fanned = await t.services.notices.fanOut({ caseId: c.id, kind: 'decision', decided: 'granted', feeDue: null, answerBy: null }, `by-post-test:${label}`);
  expect(fanned?.inboxWritten).toBe(1);
  return c;
}

const messageOf = async (caseId: string) => {
  const [m] = await t.services.db.query<{ id: string; document_id: string }>("SELECT id, document_id FROM inbox_messages WHERE case_id = $1 AND kind = 'decision'", [caseId]);
  return must(m);
};
const fallbacks = () => t.services.db.query<{ case_id: string; person_id: string; outcome: string; letter_id: string | null; due_on: string }>(
  'SELECT case_id, person_id, outcome, letter_id, due_on::text AS due_on FROM decision_post_fallbacks ORDER BY created_at, case_id',
);
const postEvents = (caseId: string) => t.services.db.query<{ event: string; channel: string; actor_role: string; actor_person_id: string | null; from_state: string; to_state: string }>(
  "SELECT event, channel, actor_role, actor_person_id, from_state, to_state FROM case_events WHERE case_id = $1 AND event LIKE 'decision-%' ORDER BY id", [caseId],
);

beforeAll(async () => {
  t = await casesApp(TOLD_ON);
  clerk = await t.person('mykola-tkachenko', 'staff');
  decider = await t.person('oksana-lysenko', 'staff');
  olena = await t.person('olena-koval');
  andrii = await t.person('andrii-shevchenko');
  // Olena reads the portal (no post among her channels) but has given a postal address; Andrii has none.
  expect((await t.services.contacts.savePreferences(olena, { language: 'en', noticeChannels: ['portal'], postalAddress: ADDRESS })).ok).toBe(true);
  cases.unread = await decide(olena, 'unread');
  cases.opened = await decide(olena, 'opened');
  cases.downloaded = await decide(olena, 'downloaded');
  cases.noAddress = await decide(andrii, 'no-address');
  // Iryna chose post: her decision notice is a letter from the start, with the decision enclosed.
  iryna = await t.person('iryna-bondar');
  expect((await t.services.contacts.savePreferences(iryna, { language: 'en', noticeChannels: ['portal', 'post'], postalAddress: IRYNA_ADDRESS })).ok).toBe(true);
  cases.chosePost = await decide(iryna, 'chose-post');
});
afterAll(async () => {
  await t.close();
});

describe('decisions unread in the inbox go by post', () => {
  it('the default is five working days', () => {
    expect(t.services.decisionsByPost.afterWorkingDays).toBe(5);
  });

  it('a person who chose post gets the decision notice by letter with the sealed decision enclosed', async () => {
    const c = must(cases.chosePost);
    const letters = await t.services.db.query<{ person_id: string; kind: string; subject: string; address: string; document_id: string | null; body: string }>(
      'SELECT person_id, kind, subject, address, document_id, body FROM letters WHERE case_id = $1', [c.id],
    );
    expect(letters[0]?.body).toContain('The sealed decision is enclosed with this letter');
    expect(letters.map(({ body: _body, ...l }) => l)).toEqual([
      { person_id: iryna.person.id, kind: 'decision', subject: `Case ${c.number}: granted`, address: IRYNA_ADDRESS, document_id: (await messageOf(c.id)).document_id },
    ]);
  });

  it('nothing goes before the working days have passed; opening or downloading the decision is proof of delivery', async () => {
    expect((await t.services.notices.open(olena, (await messageOf(must(cases.opened).id)).id)).ok).toBe(true);
    await t.services.notices.decisionDownloaded(olena, (await messageOf(must(cases.downloaded).id)).document_id);

    const lastDay = t.services.calendar.addWorkingDays(TOLD_ON, 5);
    for (const day of [TOLD_ON, t.services.calendar.addWorkingDays(TOLD_ON, 4), lastDay]) {
      t.clock.set(day);
      expect(await t.services.decisionsByPost.run()).toEqual({ letters: 0, noAddress: 0 });
    }
    expect(await fallbacks()).toEqual([]);
  });

  it('the day after the fifth working day: one letter with the decision enclosed, on the case\'s history; two processes at once post nothing twice', async () => {
    const lastDay = t.services.calendar.addWorkingDays(TOLD_ON, 5);
    t.clock.set(nextDay(lastDay));
    const runs = await Promise.all([t.services.decisionsByPost.run(), t.services.decisionsByPost.run()]);
    expect(runs.reduce((n, r) => n + r.letters, 0)).toBe(1);
    expect(runs.reduce((n, r) => n + r.noAddress, 0)).toBe(1);
    expect(await t.services.decisionsByPost.run()).toEqual({ letters: 0, noAddress: 0 });

    const unread = must(cases.unread);
    const rows = await fallbacks();
    expect(rows.map((r) => [r.case_id, r.person_id, r.outcome, r.letter_id === null, r.due_on]).sort()).toEqual([
      [unread.id, olena.person.id, 'letter', false, lastDay],
      [must(cases.noAddress).id, andrii.person.id, 'no-address', true, lastDay],
    ].sort());

    const letters = await t.services.db.query<{ id: string; person_id: string; lang: string; kind: string; subject: string; address: string; document_id: string | null }>(
      'SELECT id, person_id, lang, kind, subject, address, document_id FROM letters WHERE case_id = $1', [unread.id],
    );
    expect(letters.map((l) => [l.person_id, l.lang, l.kind, l.subject, l.address, l.document_id])).toEqual([
      [olena.person.id, 'en', 'decision', `Case ${unread.number}: the decision sent by post`, ADDRESS, (await messageOf(unread.id)).document_id],
    ]);
    expect(rows.find((r) => r.case_id === unread.id)?.letter_id).toBe(letters[0]?.id);

    expect(await postEvents(unread.id)).toEqual([
      { event: 'decision-sent-by-post', channel: 'post', actor_role: 'system', actor_person_id: null, from_state: 'result-issued', to_state: 'result-issued' },
    ]);
    expect(await postEvents(must(cases.noAddress).id)).toEqual([
      { event: 'decision-unread-no-address', channel: 'system', actor_role: 'system', actor_person_id: null, from_state: 'result-issued', to_state: 'result-issued' },
    ]);
    expect(await postEvents(must(cases.opened).id)).toEqual([]);
    expect(await postEvents(must(cases.downloaded).id)).toEqual([]);
    // Iryna's decision went with her notice letter: the job posts it no second time.
    expect(await postEvents(must(cases.chosePost).id)).toEqual([]);
    expect((await t.services.db.query('SELECT id FROM letters WHERE case_id = $1', [must(cases.chosePost).id])).length).toBe(1);
    const audit = await t.services.db.query<{ action: string; subject: string }>("SELECT action, subject FROM audit_events WHERE action LIKE 'decision.%' ORDER BY action");
    expect(audit).toEqual([{ action: 'decision.posted', subject: `case:${unread.number}` }, { action: 'decision.unread', subject: `case:${must(cases.noAddress).number}` }]);

    // The print queue has it, and the clerk sees the posting on the case's history (signed in again: days have passed).
    clerk = await t.person('mykola-tkachenko', 'staff');
    expect((await t.services.letters.queue(clerk)).map((l) => l.id)).toContain(letters[0]?.id);
    const page = await t.app.inject({ url: `/en/office/cases/${unread.id}`, headers: { cookie: `portico_session=${clerk.token}` } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Decision sent by post: it was not opened in the inbox');
    expect(page.body).toContain('Portico · by post');
    const [clerkName] = await t.services.db.query<{ name: string }>("SELECT given_name || ' ' || family_name AS name FROM persons WHERE id = $1", [clerk.person.id]);
    expect(page.body).toContain(`${clerkName?.name} (clerk of the agency) · through the portal`);
    // The applicant's page: the same history, officers by their role only.
    olena = await t.person('olena-koval');
    const mine = await t.app.inject({ url: `/en/cabinet/cases/${unread.id}`, headers: { cookie: `portico_session=${olena.token}` } });
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('Decision sent by post: it was not opened in the inbox');
    expect(mine.body).toContain('Portico · by post');
    expect(mine.body).toContain('clerk of the agency · through the portal');
    expect(mine.body).not.toContain(clerkName?.name ?? 'the clerk\'s name');
  });

  it.skipIf(missing('pdftotext', 'pdfinfo') !== null)('the letter\'s PDF: the letter, then the sealed decision', async () => {
    const unread = must(cases.unread);
    const [letter] = await t.services.db.query<{ id: string }>('SELECT id FROM letters WHERE case_id = $1', [unread.id]);
    const { pdf: decision } = must(await t.services.db.query<{ pdf: Uint8Array }>('SELECT pdf FROM documents WHERE case_id = $1', [unread.id]).then((r) => r[0]));
    const printed = await t.services.letters.pdf(clerk, must(letter).id);
    if (!printed.ok) {
      throw new Error('no letter');
    }
    expect(pdfPageCount(printed.value.pdf)).toBe(1 + pdfPageCount(decision));
    const text = pdfText(printed.value.pdf);
    expect(text).toContain(`Case ${unread.number}: the decision sent by post`);
    expect(text).toContain('it is enclosed with this letter');
    expect(text).toContain(pdfText(decision).split('\n').find((l) => l.includes(unread.number)) ?? 'the decision\'s case number');
  });
});

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
