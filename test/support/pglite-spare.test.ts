/**
 * The embedded database a test process keeps between its test files (pglite-spare.ts): the next file
 * gets the template's rows, sequences and session back, never a schema a file changed, and a file's
 * work left running after its lease ended reaches nothing. On PostgreSQL each file has a database
 * of its own, so these run on PGlite only.
 */
import { afterAll, describe, expect, it } from 'vitest';

import type { Database } from '../../src/platform/db/database.ts';
import { openPglite } from '../../src/platform/db/pglite.ts';
import { PGLITE_TEST_OPTIONS, pgliteTemplateBytes } from './database.ts';
import { leasePglite } from './pglite-spare.ts';

const onPglite = !process.env['TEST_DATABASE_URL'];

/** Every table's rows, as text, in a stable order: what a file may read of its database. */
async function contents(db: Database): Promise<Record<string, string[]>> {
  const tables = await db.query<{ name: string }>(`SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname = 'public' ORDER BY 1`);
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await db.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t ORDER BY 1`);
    out[name] = rows.map((r) => r.row);
  }
  return out;
}

/** The next value of every sequence (drawing it: each call moves them on). */
async function nextValues(db: Database): Promise<Record<string, string>> {
  const sequences = await db.query<{ name: string }>("SELECT format('%I.%I', schemaname, sequencename) AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1");
  const out: Record<string, string> = {};
  for (const { name } of sequences) {
    const [row] = await db.query<{ v: string }>('SELECT nextval($1::regclass)::text AS v', [name]);
    out[name] = row?.v ?? '';
  }
  return out;
}

const openTemplate = async () => openPglite(null, await pgliteTemplateBytes(), PGLITE_TEST_OPTIONS);

describe.runIf(onPglite)('the embedded database kept between test files', () => {
  const opened: Database[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((db) => db.close()));
  });

  it('gives the next file the template rows, sequences and session again, after a file wrote, locked and set things', async () => {
    const template = await openTemplate();
    opened.push(template);
    const expected = { rows: await contents(template), next: await nextValues(template) };

    const first = await leasePglite(openTemplate);
    await first.db.exec(`
      INSERT INTO organisations (id, version, name_uk, name_en, data, updated_at)
        SELECT 'org-' || g, 1, 'Орган ' || g, 'Agency ' || g, '{}', now() FROM generate_series(1, 5) g;
      UPDATE catalogue_revision SET revision = revision + 41;
      DELETE FROM schema_migrations WHERE name = (SELECT min(name) FROM schema_migrations);
      SELECT pg_advisory_lock(4242);
      SET TIME ZONE 'America/Lima';
    `);
    await nextValues(first.db);
    await first.release();

    const second = await leasePglite(openTemplate);
    try {
      expect(await contents(second.db)).toEqual(expected.rows);
      expect(await nextValues(second.db)).toEqual(expected.next);
      const [session] = await second.db.query<{ zone: string; locks: number }>("SELECT current_setting('TimeZone') AS zone, (SELECT count(*)::int FROM pg_locks WHERE locktype = 'advisory') AS locks");
      const [templateZone] = await template.query<{ zone: string }>("SELECT current_setting('TimeZone') AS zone");
      expect(session).toEqual({ zone: templateZone?.zone, locks: 0 });
    } finally {
      await second.release();
    }
  });

  it('opens a new database for the next file when a file changed the schema', async () => {
    const changer = await leasePglite(openTemplate);
    await changer.db.exec('CREATE TABLE left_behind (n int); CREATE FUNCTION left_behind_fn() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$');
    await changer.release();

    const next = await leasePglite(openTemplate);
    try {
      const [found] = await next.db.query<{ table: string | null; fn: string | null }>("SELECT to_regclass('public.left_behind')::text AS table, to_regproc('public.left_behind_fn')::text AS fn");
      expect(found).toEqual({ table: null, fn: null });
    } finally {
      await next.release();
    }
  });

  it('refuses every statement sent through a lease that has ended', async () => {
    const lease = await leasePglite(openTemplate);
    const { db } = lease;
    await lease.release();
    await expect(db.query('SELECT 1')).rejects.toThrow('this test database was dropped');
    await expect(db.exec('SELECT 1')).rejects.toThrow('this test database was dropped');
    await expect(db.transaction((tx) => tx.query('SELECT 1'))).rejects.toThrow('this test database was dropped');
  });
});
