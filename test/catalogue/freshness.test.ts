import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MIGRATIONS_DIR } from '../../src/app/container.ts';
import { createCatalogueService, type SearchQuery } from '../../src/modules/catalogue/index.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { openDatabase } from '../../src/platform/db/open.ts';
import { testDatabase } from '../support/database.ts';
import { aCatalogue, aService } from '../support/factories.ts';

let primary: Database;
let second: Database;
let drop: () => Promise<void>;
const clock = { now: () => new Date() };

beforeAll(async () => {
  const database = await testDatabase();
  primary = database.db;
  drop = database.drop;
  await migrate(primary, MIGRATIONS_DIR);
  // On PostgreSQL the second "process" has its own connection pool; PGlite is one process's database.
  second = database.url ? await openDatabase({ url: database.url, dataDir: null, poolSize: 2 }) : primary;
});
afterAll(async () => {
  if (second !== primary) {
    await second.close();
  }
  await drop();
});

const everything: SearchQuery = { text: 'passport', audience: null, organisationId: null, eventId: null, channel: null, online: null, page: 1, pageSize: 20 };

describe('two portal processes on one database', () => {
  it('never serve a record older than the last committed edit', async () => {
    const writer = createCatalogueService({ db: primary, clock, publicUrl: 'http://a', writers: 'shared' });
    const reader = createCatalogueService({ db: second, clock, publicUrl: 'http://b', writers: 'shared' });
    expect((await writer.importRecords(aCatalogue(), 'test')).ok).toBe(true);

    // The reader caches what it has read...
    expect((await reader.service('foreign-passport')).value?.deadline.days).toBe(20);
    expect((await reader.search(everything)).value.items[0]?.deadline.days).toBe(20);

    // ...and the very next read after another process commits an edit sees it.
    for (let days = 21; days <= 25; days += 1) {
      const edit = await writer.importRecords({ organisations: [], centres: [], events: [], services: [aService({ deadline: { days, unit: 'working' } })] }, 'test');
      expect(edit.ok).toBe(true);
      const [service, search] = await Promise.all([reader.service('foreign-passport'), reader.search(everything)]);
      expect(service.value?.deadline.days).toBe(days);
      expect(search.value.items[0]?.deadline.days).toBe(days);
    }
  });

  it('keep serving from the cache while nothing changes', async () => {
    const reader = createCatalogueService({ db: second, clock, publicUrl: 'http://b', writers: 'shared' });
    const first = await reader.service('foreign-passport');
    const again = await reader.service('foreign-passport');
    expect(again.value).toBe(first.value);
    expect(again.revision).toBe(first.revision);
  });

  it('read the revision once for a page\'s reads at it, and a later page sees a later edit', async () => {
    const statements: string[] = [];
    const counting = { query: (sql: string, params?: readonly unknown[]) => (statements.push(sql), second.query(sql, params)) };
    const writer = createCatalogueService({ db: primary, clock, publicUrl: 'http://a', writers: 'shared' });
    const reader = createCatalogueService({ db: second, reads: counting as Database, clock, publicUrl: 'http://b', writers: 'shared' });
    // The reads of the revision itself; the search's reads of what words match also say which revision they saw.
    const revisionReads = () => statements.filter((sql) => sql.trimStart().startsWith('SELECT revision FROM catalogue_revision')).length;
    const page = async () => {
      const at = reader.at(await reader.revision());
      const [service] = await Promise.all([at.service('foreign-passport'), at.organisations(), at.events(), at.searchWithSpellings(everything)]);
      return service.value?.deadline.days;
    };
    expect((await writer.importRecords(aCatalogue(), 'test')).ok).toBe(true);
    const before = revisionReads();
    expect(await page()).toBe(20);
    expect(revisionReads() - before).toBe(1);
    const edit = await writer.importRecords({ organisations: [], centres: [], events: [], services: [aService({ deadline: { days: 30, unit: 'working' } })] }, 'test');
    expect(edit.ok).toBe(true);
    expect(await page()).toBe(30);
    expect(revisionReads() - before).toBe(2);
  });
});
