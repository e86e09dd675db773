/**
 * A full disk (ENOSPC), a disk quota (EDQUOT) or the database's disk full (53100) while an upload is
 * stored: a clear 507 page in the page's language, no attachment row, and no half-written or
 * temporary file left in ATTACHMENTS_DIR. The failure is injected at the edge: the file system's
 * write, which puts part of the file down and then fails as a full disk does.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type AttachmentStore, databaseAttachmentStore, directoryAttachmentStore } from '../../src/modules/applications/index.ts';
import type { TestApp } from '../support/app.ts';
import { demoRecords } from '../support/demo.ts';
import { csrfOf } from '../support/identity.ts';
import { appWithPersonas, signIn } from '../support/personas.ts';

const BOUNDARY = '----portico-full-boundary';
const SERVICE = 'international-passport';

const failure = (code: string) => Object.assign(new Error(`${code}: no space left on device, write`), { code });
let failWith: string | null = null;

/** The file system's write: half the bytes, then the failure a full disk gives (when one is set). */
const halfThenFail: typeof writeFile = async (path, data, options) => {
  if (failWith === null) {
    return writeFile(path, data, options);
  }
  await writeFile(path, Buffer.from(data as Uint8Array).subarray(0, Math.floor((data as Uint8Array).length / 2)), options);
  throw failure(failWith);
};

function multipart(csrf: string, name: string, bytes: Buffer) {
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: Buffer.concat([
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
    ]),
  };
}

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

describe('a full directory store', () => {
  let t: TestApp;
  let dir: string;
  let cookie: string;
  let csrf: string;
  let draftId: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'portico-full-'));
    t = await appWithPersonas({}, { attachmentStore: directoryAttachmentStore(dir, { writeFile: halfThenFail }) });
    expect((await t.services.catalogue.importRecords(await demoRecords(), 'test')).ok).toBe(true);
    cookie = await signIn(t.app, 'olena-koval');
    csrf = await csrfOf(t.app, cookie, `/uk/services/${SERVICE}/apply`);
    const started = await t.app.inject({ method: 'POST', url: `/uk/services/${SERVICE}/apply`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(csrf)}` });
    draftId = String(started.headers.location).split('/')[3] ?? '';
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  const upload = (lang: string, bytes: Buffer) => t.app.inject({ method: 'POST', url: `/${lang}/applications/${draftId}/pages/documents/files/identityDocument`, headers: { cookie, ...multipart(csrf, 'scan.pdf', bytes).headers }, payload: multipart(csrf, 'scan.pdf', bytes).payload });
  const rows = async () => (await t.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments'))[0]?.n;

  it.each([['ENOSPC', 'uk', 'Сховище порталу заповнене'], ['EDQUOT', 'en', 'The portal’s storage is full']])('answers %s with a 507 page (%s), no row and no file', async (code, lang, title) => {
    failWith = code;
    const response = await upload(lang, Buffer.from(`%PDF-1.4 a scan that does not fit ${code}`));
    failWith = null;
    expect(response.statusCode).toBe(507);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain(title);
    expect(await rows()).toBe(0);
    expect(await filesIn(dir)).toEqual([]); // neither the half-written temporary file nor the content
  });

  it('stores the same upload once the disk has room again, leaving only the content', async () => {
    const response = await upload('uk', Buffer.from('%PDF-1.4 a scan that fits'));
    expect(response.statusCode).toBe(303);
    expect(await rows()).toBe(1);
    const files = await filesIn(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('a full database', () => {
  let t: TestApp;
  let full = false;
  /** The database store, failing as PostgreSQL does when its disk is full (SQLSTATE 53100). */
  const store: AttachmentStore = {
    ...databaseAttachmentStore,
    async put(tx, sha256, bytes) {
      if (full) {
        throw failure('53100');
      }
      return databaseAttachmentStore.put(tx, sha256, bytes);
    },
  };

  beforeAll(async () => {
    t = await appWithPersonas({}, { attachmentStore: store });
    expect((await t.services.catalogue.importRecords(await demoRecords(), 'test')).ok).toBe(true);
  });
  afterAll(async () => t.close());

  it('answers 53100 with the 507 page and keeps nothing of the upload', async () => {
    const cookie = await signIn(t.app, 'olena-koval');
    const csrf = await csrfOf(t.app, cookie, `/uk/services/${SERVICE}/apply`);
    const started = await t.app.inject({ method: 'POST', url: `/uk/services/${SERVICE}/apply`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(csrf)}` });
    const draftId = String(started.headers.location).split('/')[3] ?? '';
    full = true;
    const body = multipart(csrf, 'scan.pdf', Buffer.from('%PDF-1.4 database full'));
    const response = await t.app.inject({ method: 'POST', url: `/en/applications/${draftId}/pages/documents/files/identityDocument`, headers: { cookie, ...body.headers }, payload: body.payload });
    full = false;
    expect(response.statusCode).toBe(507);
    expect(response.body).toContain('Nothing was saved');
    expect((await t.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments'))[0]?.n).toBe(0);
    expect((await t.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachment_contents'))[0]?.n).toBe(0);
  });
});
