/**
 * The two attachment stores, addressed by SHA-256: a directory (`<dir>/<first two hex>/<sha256>`) and
 * the database (through the caller's transaction). Both round-trip bytes and answer null for an
 * unknown hash.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { databaseAttachmentStore, directoryAttachmentStore } from '../../src/modules/applications/index.ts';
import { type TestApp, testApp } from '../support/app.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const same = (a: Uint8Array | null, b: Uint8Array) => a !== null && Buffer.from(a).equals(Buffer.from(b));

const PDF = Buffer.from('%PDF-1.4 a scanned passport');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255, 0, 1]);
const UNKNOWN = sha256(Buffer.from('never stored'));

let t: TestApp;
let dir: string;

beforeAll(async () => {
  t = await testApp();
  dir = await mkdtemp(join(tmpdir(), 'portico-attachments-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await t.close();
});

describe('the directory store', () => {
  it('writes <dir>/<first two hex>/<sha256> and reads the same bytes back', async () => {
    const store = directoryAttachmentStore(dir);
    expect(store.kind).toBe('directory');
    const hash = sha256(PDF);
    await store.put(t.services.db, hash, PDF);
    expect((await readFile(join(dir, hash.slice(0, 2), hash))).equals(PDF)).toBe(true);
    expect(await readdir(join(dir, hash.slice(0, 2)))).toEqual([hash]); // no temporary file left
    expect(same(await store.get(t.services.db, hash), PDF)).toBe(true);
  });

  it('keeps one file when the same content is stored twice, and each content under its own hash', async () => {
    const store = directoryAttachmentStore(dir);
    await store.put(t.services.db, sha256(PDF), PDF);
    await store.put(t.services.db, sha256(PNG), PNG);
    expect(await readdir(join(dir, sha256(PDF).slice(0, 2)))).toEqual([sha256(PDF)]);
    expect(same(await store.get(t.services.db, sha256(PNG)), PNG)).toBe(true);
    expect(same(await store.get(t.services.db, sha256(PDF)), PDF)).toBe(true);
  });

  it('answers null for a hash it does not hold, also when the directory does not exist yet', async () => {
    expect(await directoryAttachmentStore(dir).get(t.services.db, UNKNOWN)).toBeNull();
    expect(await directoryAttachmentStore(join(dir, 'not-yet')).get(t.services.db, sha256(PDF))).toBeNull();
  });

  it('reads what another store over the same directory wrote (another process)', async () => {
    await directoryAttachmentStore(dir).put(t.services.db, sha256(PNG), PNG);
    expect(same(await directoryAttachmentStore(dir).get(t.services.db, sha256(PNG)), PNG)).toBe(true);
  });
});

describe('the database store', () => {
  const rows = async (hash: string) => (await t.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachment_contents WHERE sha256 = $1', [hash]))[0]?.n;

  it('stores bytes through a transaction and reads them back', async () => {
    expect(databaseAttachmentStore.kind).toBe('database');
    const hash = sha256(PNG);
    await t.services.db.transaction((tx) => databaseAttachmentStore.put(tx, hash, PNG));
    expect(same(await databaseAttachmentStore.get(t.services.db, hash), PNG)).toBe(true);
    expect(await rows(hash)).toBe(1);
  });

  it('keeps one row when the same content is stored twice', async () => {
    const hash = sha256(PDF);
    await t.services.db.transaction((tx) => databaseAttachmentStore.put(tx, hash, PDF));
    await t.services.db.transaction((tx) => databaseAttachmentStore.put(tx, hash, PDF));
    expect(await rows(hash)).toBe(1);
    expect(same(await databaseAttachmentStore.get(t.services.db, hash), PDF)).toBe(true);
  });

  it('keeps nothing from a transaction that rolled back', async () => {
    const bytes = Buffer.from('%PDF-1.4 rolled back');
    await expect(t.services.db.transaction(async (tx) => {
      await databaseAttachmentStore.put(tx, sha256(bytes), bytes);
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    expect(await databaseAttachmentStore.get(t.services.db, sha256(bytes))).toBeNull();
  });

  it('answers null for a hash it does not hold, and refuses a name that is not a SHA-256', async () => {
    expect(await databaseAttachmentStore.get(t.services.db, UNKNOWN)).toBeNull();
    await expect(t.services.db.transaction((tx) => databaseAttachmentStore.put(tx, 'not-a-hash', PDF))).rejects.toThrow();
  });
});
