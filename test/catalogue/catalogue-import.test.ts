import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCatalogueService, parseCatalogueFiles } from '../../src/modules/catalogue/index.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { MIGRATIONS_DIR } from '../../src/app/container.ts';
import { testDatabase } from '../support/database.ts';
import { aCatalogue, aService } from '../support/factories.ts';

let db: Database;
let drop: () => Promise<void>;
let now = new Date('2026-11-26T10:00:00Z');
const clock = { now: () => now };

beforeAll(async () => {
  ({ db, drop } = await testDatabase());
  await migrate(db, MIGRATIONS_DIR);
});
afterAll(async () => drop());

describe('catalogue import', () => {
  it('applies migrations once: a second run applies nothing', async () => {
    expect(await migrate(db, MIGRATIONS_DIR)).toEqual([]);
  });

  it('creates records at version 1 and moves the revision on', async () => {
    const catalogue = createCatalogueService({ db, clock, publicUrl: 'http://portal.test', writers: 'shared' });
    const before = await catalogue.revision();
    const result = await catalogue.importRecords(aCatalogue(), 'editor-1');
    expect(result.ok && result.value.created).toEqual({ organisation: 1, centre: 1, event: 1, service: 1 });
    expect(await catalogue.revision()).toBe(before + 1);
    expect((await catalogue.service('foreign-passport')).value?.version).toBe(1);
  });

  it('adds a version on an edit and keeps the old one in the history', async () => {
    const catalogue = createCatalogueService({ db, clock, publicUrl: 'http://portal.test', writers: 'shared' });
    now = new Date('2026-11-27T10:00:00Z');
    const edited = aService({ deadline: { days: 10, unit: 'working' } });
    const result = await catalogue.importRecords({ organisations: [], centres: [], events: [], services: [edited] }, 'editor-2');
    expect(result.ok && result.value.updated.service).toBe(1);
    const current = (await catalogue.service('foreign-passport')).value;
    expect(current?.version).toBe(2);
    expect(current?.deadline).toEqual({ days: 10, unit: 'working' });
    expect(await catalogue.history('service', 'foreign-passport')).toEqual([
      { version: 1, recordedAt: new Date('2026-11-26T10:00:00Z'), recordedBy: 'editor-1' },
      { version: 2, recordedAt: new Date('2026-11-27T10:00:00Z'), recordedBy: 'editor-2' },
    ]);
    const [first] = await db.query<{ data: { deadline: unknown } }>(
      "SELECT data FROM catalogue_versions WHERE kind = 'service' AND record_id = 'foreign-passport' AND version = 1",
    );
    expect(first?.data.deadline).toEqual({ days: 20, unit: 'working' });
  });

  it('leaves an unchanged record at its version, whatever the key order', async () => {
    const catalogue = createCatalogueService({ db, clock, publicUrl: 'http://portal.test', writers: 'shared' });
    const same = Object.fromEntries(Object.entries(aService({ deadline: { days: 10, unit: 'working' } })).reverse()) as ReturnType<typeof aService>;
    const result = await catalogue.importRecords({ organisations: [], centres: [], events: [], services: [same] }, 'editor-3');
    expect(result.ok && result.value).toMatchObject({ unchanged: 1, updated: { service: 0 } });
    expect((await catalogue.service('foreign-passport')).value?.version).toBe(2);
  });

  it('never lets history be rewritten', async () => {
    await expect(db.query("UPDATE catalogue_versions SET recorded_by = 'x'")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM catalogue_versions')).rejects.toThrow(/append-only/);
  });

  it('writes nothing when one record of the import is inconsistent', async () => {
    const catalogue = createCatalogueService({ db, clock, publicUrl: 'http://portal.test', writers: 'shared' });
    const revision = await catalogue.revision();
    const good = aService({ id: 'new-service', identifier: '01/02' });
    const bad = aService({ id: 'bad-service', identifier: '01/03', organisationId: 'nobody' });
    const result = await catalogue.importRecords({ organisations: [], centres: [], events: [], services: [good, bad] }, 'editor-4');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.issues).toEqual([
      { kind: 'service', recordId: 'bad-service', pointer: '/organisationId', message: 'refers to organisation "nobody", which does not exist' },
    ]);
    expect((await catalogue.service('new-service')).value).toBeNull();
    expect(await catalogue.revision()).toBe(revision);
  });
});

describe('catalogue file validation', () => {
  it('names the file, the record and the field of each problem', () => {
    const service = { ...aService(), deadline: { days: -1, unit: 'fortnights' }, colour: 'red' };
    const result = parseCatalogueFiles([
      { name: 'good.json', content: aCatalogue() },
      { name: 'agency/services.json', content: { services: [aService({ id: 'fine', identifier: '02/01' }), service] } },
    ]);
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.error;
    expect(issues.map((i) => [i.file, i.kind, i.index, i.recordId, i.pointer, i.message])).toEqual([
      ['agency/services.json', 'service', 1, 'foreign-passport', '', 'unknown field "colour"'],
      ['agency/services.json', 'service', 1, 'foreign-passport', '/deadline/days', 'must be >= 0'],
      ['agency/services.json', 'service', 1, 'foreign-passport', '/deadline/unit', 'must be equal to one of the allowed values'],
    ]);
  });

  it('rejects a file that is not a catalogue at all', () => {
    const result = parseCatalogueFiles([{ name: 'x.json', content: { servces: [] } }]);
    expect(!result.ok && result.error[0]).toMatchObject({ file: 'x.json', kind: null, message: 'unknown field "servces"' });
  });
});
