/**
 * Storage that cannot be exhausted, over HTTP as a browser sends it: quotas per party (open drafts,
 * bytes of files), an upload cut at the service's own limit while it streams, a full disk answered
 * with a clear page and nothing half-written, and the directory store cleaned with the rows.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TestApp } from '../support/app.ts';
import { demoRecords } from '../support/demo.ts';
import { appWithEid, csrfOf, signIn } from '../support/identity.ts';

const MB = 1024 * 1024;
const BOUNDARY = '----portico-storage-boundary';
const SERVICE = 'international-passport'; // 5 MB per file; its documents page asks identityDocument and previousPassport

const pdfOf = (size: number) => {
  const bytes = Buffer.alloc(size, 0x20);
  bytes.write('%PDF-1.4\n', 0, 'latin1');
  return bytes;
};
const head = (fields: ReadonlyArray<readonly [string, string]>, name: string) =>
  Buffer.concat([
    ...fields.map(([k, v]) => Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)),
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`),
  ]);
const TAIL = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
const MULTIPART = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };

/** Every file under a directory, recursively (names relative to it). */
async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
}

let t: TestApp;
let dir: string;
let cookie: string;
let csrf: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portico-storage-'));
  t = await appWithEid({ ATTACHMENTS_DIR: dir, APPLICATION_MAX_OPEN_DRAFTS: '3', APPLICATION_MAX_STORED_MB: '1' });
  expect((await t.services.catalogue.importRecords(await demoRecords(), 'test')).ok).toBe(true);
  cookie = await signIn(t.app, 'olena-koval');
  csrf = await csrfOf(t.app, cookie, `/uk/services/${SERVICE}/apply`);
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const start = (lang = 'uk', who = cookie, token = csrf) =>
  t.app.inject({ method: 'POST', url: `/${lang}/services/${SERVICE}/apply`, headers: { cookie: who, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(token)}` });
const draftIdOf = (location: unknown) => String(location).split('/')[3] ?? '';
const upload = (draftId: string, field: string, bytes: Buffer, name = 'scan.pdf') =>
  t.app.inject({ method: 'POST', url: `/uk/applications/${draftId}/pages/documents/files/${field}`, headers: { cookie, ...MULTIPART }, payload: Buffer.concat([head([['_csrf', csrf]], name), bytes, TAIL]) });
const rows = async () => (await t.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments'))[0]?.n;

const drafts: string[] = [];

describe('quotas per party', () => {
  it('refuses a fourth application in progress with a page naming the limit, in both languages', async () => {
    for (let i = 0; i < 3; i++) {
      const started = await start();
      expect(started.statusCode).toBe(303);
      drafts.push(draftIdOf(started.headers.location));
    }
    const refused = await start();
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('class="govuk-error-summary"');
    expect(refused.body).toContain('Можна мати не більше 3 незавершених заяв');
    const english = await start('en');
    expect(english.statusCode).toBe(403);
    expect(english.body).toContain('You can keep at most 3 applications in progress');
    expect((await t.services.drafts.mine((await t.services.sessions.resolve(cookie.slice('portico_session='.length), 'uk'))!)).length).toBe(3);
  });

  it('counts each party on its own: another person still starts', async () => {
    const andrii = await signIn(t.app, 'andrii-shevchenko');
    const token = await csrfOf(t.app, andrii, `/uk/services/${SERVICE}/apply`);
    expect((await start('uk', andrii, token)).statusCode).toBe(303);
  });

  it('holds when requests come together: of eight starts at once, only those within the limit pass', async () => {
    const irynaCookie = await signIn(t.app, 'iryna-bondar');
    const token = await csrfOf(t.app, irynaCookie, `/uk/services/${SERVICE}/apply`);
    const answers = await Promise.all(Array.from({ length: 8 }, () => start('uk', irynaCookie, token)));
    expect(answers.filter((a) => a.statusCode === 303)).toHaveLength(3);
    expect(answers.filter((a) => a.statusCode === 403)).toHaveLength(5);
    const iryna = await t.services.sessions.resolve(irynaCookie.slice('portico_session='.length), 'uk');
    expect((await t.services.drafts.mine(iryna!)).length).toBe(3);
  });

  it('counts the represented party’s drafts, not the representative’s own, when acting for a company', async () => {
    const tarasCookie = await signIn(t.app, 'taras-melnyk');
    const token = await csrfOf(t.app, tarasCookie, `/uk/services/${SERVICE}/apply`);
    for (let i = 0; i < 3; i++) {
      expect((await start('uk', tarasCookie, token)).statusCode).toBe(303);
    }
    expect((await start('uk', tarasCookie, token)).statusCode).toBe(403);
    const taras = await t.services.sessions.resolve(tarasCookie.slice('portico_session='.length), 'uk');
    expect((await t.services.sessions.actAs(taras!, { kind: 'business', id: '40000001' })).ok).toBe(true);
    const forCompany = await t.services.sessions.resolve(tarasCookie.slice('portico_session='.length), 'uk');
    for (let i = 0; i < 3; i++) {
      expect(await t.services.drafts.start(forCompany!, 'tax-clearance-certificate')).toMatchObject({ ok: true });
    }
    expect(await t.services.drafts.start(forCompany!, 'tax-clearance-certificate')).toMatchObject({ ok: false, error: { code: 'applications.refused', problem: 'quota-drafts', limit: 3 } });
  });

  it('frees a place when a draft is discarded', async () => {
    const gone = drafts.pop() ?? '';
    const discarded = await t.app.inject({ method: 'POST', url: `/uk/applications/${gone}/discard`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(csrf)}` });
    expect(discarded.statusCode).toBe(303);
    const again = await start();
    expect(again.statusCode).toBe(303);
    drafts.push(draftIdOf(again.headers.location));
  });

  it('refuses files past the bytes a party may keep, and lets a file be replaced within them', async () => {
    const [first, second] = drafts as [string, string];
    expect((await upload(first, 'identityDocument', pdfOf(600 * 1024))).statusCode).toBe(303);
    const over = await upload(second, 'identityDocument', pdfOf(600 * 1024));
    expect(over.statusCode).toBe(403);
    expect(over.body).toContain('class="govuk-error-summary"');
    expect(over.body).toContain('не більше 1 МБ');
    expect(await rows()).toBe(1);
    // Replacing the same question's file counts the old one as gone.
    expect((await upload(first, 'identityDocument', pdfOf(700 * 1024))).statusCode).toBe(303);
    expect(await rows()).toBe(1);
  });
});

describe('the service’s own size limit, while streaming', () => {
  it('answers a 20 MB upload to a 5 MB service with a clear page as soon as 5 MB have passed, writing nothing', async () => {
    const draftId = drafts[2] ?? '';
    const before = { rows: await rows(), files: await filesIn(dir) };
    let sent = 0;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const chunk = pdfOf(256 * 1024);
    async function* body() {
      yield head([['_csrf', csrf]], 'big.pdf');
      for (let i = 0; i < 80; i++) {
        if (sent === 6 * MB) {
          // The rest is sent only once the portal has answered (or after a while, if it never does).
          await Promise.race([gate, new Promise((resolve) => setTimeout(resolve, 3000))]);
        }
        sent += chunk.length;
        yield chunk;
      }
      yield TAIL;
    }
    const response = await t.app.inject({ method: 'POST', url: `/uk/applications/${draftId}/pages/documents/files/identityDocument`, headers: { cookie, ...MULTIPART }, payload: Readable.from(body()) });
    const sentWhenAnswered = sent;
    release();
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('class="govuk-error-summary"');
    expect(response.body).toContain('5 МБ');
    expect(sentWhenAnswered).toBeLessThan(20 * MB); // the portal did not wait for (nor keep) the whole file
    expect({ rows: await rows(), files: await filesIn(dir) }).toEqual(before);
  });

  it('still takes a file within the limit on the same kind of request', async () => {
    const fine = await upload(drafts[2] ?? '', 'previousPassport', pdfOf(100 * 1024));
    expect(fine.statusCode).toBe(303);
  });
});

describe('the directory store, cleaned with the rows', () => {
  it('deletes a replaced file and a discarded draft’s file when no row refers to them, and leaves no temporary file', async () => {
    const [first] = drafts as [string];
    const a = pdfOf(10 * 1024);
    const b = pdfOf(11 * 1024);
    expect((await upload(first, 'previousPassport', a)).statusCode).toBe(303);
    const withA = await filesIn(dir);
    expect((await upload(first, 'previousPassport', b)).statusCode).toBe(303);
    const withB = await filesIn(dir);
    expect(withB.length).toBe(withA.length); // a gone, b in
    expect(withB.some((f) => f.endsWith('.tmp'))).toBe(false);
    const hashes = (await t.services.db.query<{ sha256: string }>('SELECT sha256 FROM attachments WHERE draft_id = $1', [first])).map((r) => r.sha256);
    expect(hashes.length).toBe(2);
    const discarded = await t.app.inject({ method: 'POST', url: `/uk/applications/${first}/discard`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(csrf)}` });
    expect(discarded.statusCode).toBe(303);
    const after = await filesIn(dir);
    for (const hash of hashes) {
      expect(after).not.toContain(join(hash.slice(0, 2), hash));
    }
    // Every file left is one some row refers to.
    const referenced = new Set((await t.services.db.query<{ sha256: string }>('SELECT sha256 FROM attachments')).map((r) => join(r.sha256.slice(0, 2), r.sha256)));
    expect(after.every((f) => referenced.has(f))).toBe(true);
  });

  it('keeps a file another row still refers to (the same bytes in two drafts)', async () => {
    const bytes = pdfOf(12 * 1024);
    expect((await upload(drafts[1] ?? '', 'previousPassport', bytes)).statusCode).toBe(303);
    expect((await upload(drafts[2] ?? '', 'previousPassport', bytes)).statusCode).toBe(303); // replaces drafts[2]'s earlier file
    const [row] = await t.services.db.query<{ sha256: string }>('SELECT sha256 FROM attachments WHERE draft_id = $1 AND field = $2', [drafts[1], 'previousPassport']);
    const path = join(row!.sha256.slice(0, 2), row!.sha256);
    const removed = await t.app.inject({ method: 'POST', url: `/uk/applications/${drafts[2]}/pages/documents/files/previousPassport/remove`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(csrf)}` });
    expect(removed.statusCode).toBe(303);
    expect(await filesIn(dir)).toContain(path);
  });

  it('deletes the files of drafts purged after their retention', async () => {
    const [row] = await t.services.db.query<{ sha256: string }>('SELECT sha256 FROM attachments WHERE draft_id = $1 AND field = $2', [drafts[1], 'previousPassport']);
    await t.services.db.query("UPDATE drafts SET expires_at = now() - interval '1 day'");
    expect(await t.services.drafts.purgeExpired()).toBeGreaterThan(0);
    expect(await filesIn(dir)).not.toContain(join(row!.sha256.slice(0, 2), row!.sha256));
    expect(await filesIn(dir)).toEqual([]);
  });
});
