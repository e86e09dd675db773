/**
 * Drafts on a real database, through the drafts service: whose drafts are whose (another device of
 * the same person sees them, another person does not), two saves at once, a replaced upload, and
 * retention with a clock the test moves.
 */
import { createHash } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildServices } from '../../src/app/container.ts';
import type { Result } from '../../src/kernel/result.ts';
import type { ApplicationError } from '../../src/modules/applications/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import type { TestApp } from '../support/app.ts';
import { demoRecords } from '../support/demo.ts';
import { appWithPersonas, signIn } from '../support/personas.ts';

const SERVICE = 'international-passport';
const DAY_MS = 86_400_000;
const PDF = Buffer.from('%PDF-1.4 scanned passport');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let t: TestApp;
let olena: SignedIn;
let olenaElsewhere: SignedIn;
let andrii: SignedIn;

async function signedIn(personaId: string): Promise<SignedIn> {
  const cookie = await signIn(t.app, personaId);
  const resolved = await t.services.sessions.resolve(cookie.slice('portico_session='.length), 'uk');
  if (resolved === null) {
    throw new Error(`no session for ${personaId}`);
  }
  return resolved;
}

function value<T>(result: Result<T, ApplicationError>): T {
  if (!result.ok) {
    throw new Error(`refused: ${result.error.code}`);
  }
  return result.value;
}
const problemOf = (result: Result<unknown, ApplicationError>) => (result.ok ? 'ok' : result.error.code);

beforeAll(async () => {
  t = await appWithPersonas();
  const imported = await t.services.catalogue.importRecords(await demoRecords(), 'test');
  expect(imported.ok).toBe(true);
  olena = await signedIn('olena-koval');
  olenaElsewhere = await signedIn('olena-koval'); // the same person on another device: another session
  andrii = await signedIn('andrii-shevchenko');
});
afterAll(async () => t.close());

describe('whose draft it is', () => {
  it('signs the same person in twice as two sessions, and another person as someone else', () => {
    expect(olenaElsewhere.person.id).toBe(olena.person.id);
    expect(olenaElsewhere.token).not.toBe(olena.token);
    expect(andrii.person.id).not.toBe(olena.person.id);
  });

  it('lists a started draft, prefilled, among the person’s drafts', async () => {
    const draft = value(await t.services.drafts.start(olena, SERVICE));
    expect(draft.answers).toMatchObject({ givenName: 'Олена', familyName: 'Коваль', nationalId: '9000000011' });
    const mine = await t.services.drafts.mine(olena);
    expect(mine.find((m) => m.draft.id === draft.id)?.service?.id).toBe(SERVICE);
  });

  it('keeps a draft across sessions of the same person: saved on one device, read on the other', async () => {
    const draft = value(await t.services.drafts.start(olena, SERVICE));
    const there = value(await t.services.drafts.get(olenaElsewhere, draft.id));
    expect(there.draft).toEqual(draft);
    expect((await t.services.drafts.mine(olenaElsewhere)).map((m) => m.draft.id)).toContain(draft.id);
    const saved = value(await t.services.drafts.savePage(olenaElsewhere, draft.id, 'contact', { email: 'olena@example.org', phone: '' }));
    expect(saved.issues).toEqual([]);
    expect(saved.next).toBe('reason');
    const back = value(await t.services.drafts.get(olena, draft.id));
    expect(back.draft.answers['email']).toBe('olena@example.org');
    expect(back.draft.version).toBe(draft.version + 1);
  });

  it('hides a draft from another person, who can neither read, save, upload to nor discard it', async () => {
    const draft = value(await t.services.drafts.start(olena, SERVICE));
    expect(problemOf(await t.services.drafts.get(andrii, draft.id))).toBe('applications.draft_not_found');
    expect((await t.services.drafts.mine(andrii)).map((m) => m.draft.id)).not.toContain(draft.id);
    expect(problemOf(await t.services.drafts.savePage(andrii, draft.id, 'contact', { email: 'andrii@example.org' }))).toBe('applications.draft_not_found');
    expect(problemOf(await t.services.drafts.upload(andrii, draft.id, { field: 'identityDocument', filename: 'x.pdf', bytes: PDF }))).toBe('applications.draft_not_found');
    expect(problemOf(await t.services.drafts.removeFile(andrii, draft.id, 'identityDocument'))).toBe('applications.draft_not_found');
    expect(problemOf(await t.services.drafts.discard(andrii, draft.id))).toBe('applications.draft_not_found');
    const untouched = value(await t.services.drafts.get(olena, draft.id));
    expect(untouched.draft).toEqual(draft);
  });
});

describe('two saves of one draft at once', () => {
  it('never loses a save silently: each is either stored (the version moves on) or refused as stale', async () => {
    const draft = value(await t.services.drafts.start(olena, SERVICE));
    const results = await Promise.all([
      t.services.drafts.savePage(olena, draft.id, 'contact', { email: 'first@example.org' }),
      t.services.drafts.savePage(olenaElsewhere, draft.id, 'contact', { email: 'second@example.org' }),
    ]);
    const stored = results.flatMap((r) => (r.ok ? [r.value.draft] : []));
    const refused = results.flatMap((r) => (r.ok ? [] : [r.error.code]));
    console.info(`two concurrent saves on ${t.services.db.kind}: ${results.map(problemOf).join(', ')}`);
    expect(stored.length).toBeGreaterThanOrEqual(1);
    expect(refused.every((p) => p === 'applications.stale')).toBe(true);
    const now = value(await t.services.drafts.get(olena, draft.id)).draft;
    expect(now.version).toBe(draft.version + stored.length);
    const last = stored.reduce((a, b) => (b.version > a.version ? b : a));
    expect(now.version).toBe(last.version);
    expect(now.answers['email']).toBe(last.answers['email']);
  });
});

describe('uploads', () => {
  const attachmentRows = async (draftId: string, field: string) =>
    (await t.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments WHERE draft_id = $1 AND field = $2', [draftId, field]))[0]?.n;

  it('replaces a question’s file: one attachment row, the answer names the new one, the old one is gone', async () => {
    const draft = value(await t.services.drafts.start(olena, SERVICE));
    const other = value(await t.services.drafts.upload(olena, draft.id, { field: 'previousPassport', filename: 'old.pdf', bytes: PDF }));
    const first = value(await t.services.drafts.upload(olena, draft.id, { field: 'identityDocument', filename: 'C:\\scans\\паспорт.pdf', bytes: PDF }));
    expect(first).toMatchObject({ filename: 'паспорт.pdf', contentType: 'application/pdf', sizeBytes: PDF.length, sha256: sha256(PDF) });
    const second = value(await t.services.drafts.upload(olena, draft.id, { field: 'identityDocument', filename: 'scan.png', bytes: PNG }));
    const view = value(await t.services.drafts.get(olena, draft.id));
    expect(view.attachments.filter((a) => a.field === 'identityDocument').map((a) => a.id)).toEqual([second.id]);
    expect(view.attachments.filter((a) => a.field === 'previousPassport').map((a) => a.id)).toEqual([other.id]);
    expect(view.draft.answers['identityDocument']).toBe(second.id);
    expect(await attachmentRows(draft.id, 'identityDocument')).toBe(1);
    expect(await t.services.drafts.draftFile(olena, first.id)).toBeNull();
    const content = await t.services.drafts.draftFile(olena, second.id);
    expect(content?.attachment).toMatchObject({ filename: 'scan.png', contentType: 'image/png', sha256: sha256(PNG) });
    expect(Buffer.from(content?.bytes ?? []).equals(PNG)).toBe(true);
  });

  it('leaves one attachment row when two uploads for one question arrive at once', async () => {
    const draft = value(await t.services.drafts.start(olena, SERVICE));
    const both = await Promise.all([
      t.services.drafts.upload(olena, draft.id, { field: 'identityDocument', filename: 'a.pdf', bytes: PDF }),
      t.services.drafts.upload(olenaElsewhere, draft.id, { field: 'identityDocument', filename: 'b.png', bytes: PNG }),
    ]);
    expect(both.map(problemOf)).toEqual(['ok', 'ok']);
    expect(await attachmentRows(draft.id, 'identityDocument')).toBe(1);
    const view = value(await t.services.drafts.get(olena, draft.id));
    expect(view.attachments.map((a) => a.id)).toEqual([view.draft.answers['identityDocument']]);
  });

  it('refuses a file that is not what it says, and a question that takes no file', async () => {
    const draft = value(await t.services.drafts.start(olena, SERVICE));
    expect(problemOf(await t.services.drafts.upload(olena, draft.id, { field: 'identityDocument', filename: 'p.pdf', bytes: Buffer.from('MZ\x90\x00') }))).toBe('applications.file_type');
    expect(problemOf(await t.services.drafts.upload(olena, draft.id, { field: 'givenName', filename: 'p.pdf', bytes: PDF }))).toBe('applications.not_a_file_question');
    expect(await attachmentRows(draft.id, 'identityDocument')).toBe(0);
  });
});

describe('retention', () => {
  // Last in the file: moving the clock past the retention purges every other draft made above too.
  it('purges a draft only after draftRetentionDays since its last change, with its attachments', async () => {
    const clock = { now: new Date() };
    const later = await buildServices(t.services.config, { db: t.services.db, clock: { now: () => clock.now } });
    const form = (await later.catalogue.service(SERVICE)).value?.form;
    if (form === undefined) {
      throw new Error(`${SERVICE} has no form`);
    }
    const start = clock.now.getTime();
    const retention = form.draftRetentionDays * DAY_MS;
    const at = (ms: number) => (clock.now = new Date(start + ms));
    const exists = async (id: string) => (await later.drafts.get(olena, id)).ok;

    const draft = value(await later.drafts.start(olena, SERVICE));
    expect(draft.expiresAt.getTime()).toBe(start + retention);
    const file = value(await later.drafts.upload(olena, draft.id, { field: 'identityDocument', filename: 'p.pdf', bytes: PDF }));
    at(10 * DAY_MS);
    const saved = value(await later.drafts.savePage(olena, draft.id, 'contact', { email: 'olena@example.org' }));
    expect(saved.draft.updatedAt.getTime()).toBe(start + 10 * DAY_MS);

    at(retention + 60_000); // past the retention from the start, but the draft changed since
    await later.drafts.purgeExpired();
    expect(await exists(draft.id)).toBe(true);
    at(10 * DAY_MS + retention - 60_000); // a minute before the retention from the last change
    await later.drafts.purgeExpired();
    expect(await exists(draft.id)).toBe(true);

    at(10 * DAY_MS + retention + 60_000);
    const fresh = value(await later.drafts.start(olena, SERVICE));
    expect(await later.drafts.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(problemOf(await later.drafts.get(olena, draft.id))).toBe('applications.draft_not_found');
    expect((await later.drafts.mine(olena)).map((m) => m.draft.id)).toEqual([fresh.id]);
    expect(await later.drafts.draftFile(olena, file.id)).toBeNull();
    expect(await exists(fresh.id)).toBe(true);
  });
});
