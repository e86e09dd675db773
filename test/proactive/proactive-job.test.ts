/**
 * Proactive services (ADR 0032) read from the demo registries' feeds: two portal processes on one database run the
 * job at once, and each event still gives one item per service — a birth one automatic case, a person turning 18 one
 * offer; the feeds' cursors move on and a second run creates nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../../src/app/config.ts';
import { buildServices, type Services } from '../../src/app/container.ts';
import { type CasesApp, casesApp } from '../cases/support.ts';
import { demoRecords } from '../support/demo.ts';
import { PUBLIC_URL } from '../support/identity.ts';
import { personaOidc } from '../support/personas.ts';

let a: CasesApp;
/** A second process: its own services over the same database and registries. */
let b: { services: Services };

beforeAll(async () => {
  a = await casesApp('2026-12-04');
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: ':memory:', PUBLIC_URL });
  b = { services: await buildServices(config, { db: a.services.db, clock: a.clock, oidc: personaOidc(), exchangeUrl: a.registry.url }) };
}, 120_000);

afterAll(async () => {
  await a.close();
});

const items = () => a.services.db.query<{ event_id: string; event_kind: string; service_id: string; mode: string; case_id: string | null; status: string }>(
  'SELECT event_id, event_kind, service_id, mode, case_id, status FROM proactive_items ORDER BY event_id, service_id',
);

describe('the proactive job in two processes at once', () => {
  it('writes one automatic case for a birth and one offer for a person turning 18, and nothing the second time', async () => {
    await Promise.all([a.services.proactive.run(), b.services.proactive.run()]);
    const first = await items();
    const births = first.filter((i) => i.event_kind === 'birth-registered');
    const adults = first.filter((i) => i.event_kind === 'turned-18');
    expect(births).toHaveLength(1);
    expect(births[0]).toMatchObject({ mode: 'automatic', status: 'pending' });
    expect(births[0]?.case_id).not.toBeNull();
    expect(adults).toHaveLength(1);
    expect(adults[0]).toMatchObject({ mode: 'offer', status: 'offered', case_id: null });
    const cases = await a.services.db.query<{ n: number }>("SELECT count(*)::int AS n FROM cases WHERE channel = 'proactive'");
    expect(cases[0]?.n).toBe(1);
    expect(new Set(first.map((i) => `${i.event_id}|${i.service_id}`)).size).toBe(first.length);

    expect(await a.services.proactive.cursorOf('population.events')).not.toBeNull();
    const again = await Promise.all([a.services.proactive.run(), b.services.proactive.run()]);
    expect(again.map((r) => r.items)).toEqual([0, 0]);
    expect(await items()).toEqual(first);
  }, 120_000);

  it('records each registry read as an access record of the person read, for the agency, under the proactive basis', async () => {
    const reads = await a.services.db.query<{ subject: string; detail: { role: string; agency: string | null; purpose: Record<string, string> } }>(
      "SELECT subject, detail FROM audit_events WHERE action = 'personal-data.read' AND subject IN ('national-id:9000000511', 'national-id:9000000522')",
    );
    for (const subject of ['national-id:9000000511', 'national-id:9000000522']) {
      const own = reads.filter((r) => r.subject === subject);
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((r) => r.detail.role === 'portal' && r.detail.agency !== null && r.detail.purpose['basis'] === 'proactive-service')).toBe(true);
    }
  });

  it('reads the services events may trigger, and only those, at their current versions', async () => {
    const records = await demoRecords();
    const triggered = records.services.filter((s) => s.proactive !== undefined).map((s) => s.id).sort();
    expect(triggered.length).toBeGreaterThan(0);
    const read = (await a.services.catalogue.proactiveServices()).value;
    expect(read.map((s) => s.id).sort()).toEqual(triggered);
    for (const s of read) {
      expect(s).toEqual((await a.services.catalogue.service(s.id)).value);
    }
    // The catalogue moves on: a service no longer triggered is left out, one triggered again is read at its new version.
    const first = read[0];
    expect(first).toBeDefined();
    if (first === undefined) {
      return;
    }
    const { version, proactive: _rule, ...plain } = first;
    const only = (service: typeof plain) => ({ organisations: [], centres: [], events: [], services: [service] });
    expect((await a.services.catalogue.importRecords(only(plain), 'test')).ok).toBe(true);
    expect((await a.services.catalogue.proactiveServices()).value.map((s) => s.id)).not.toContain(first.id);
    const { version: _again, ...record } = first;
    expect((await a.services.catalogue.importRecords(only(record), 'test')).ok).toBe(true);
    expect((await a.services.catalogue.proactiveServices()).value.find((s) => s.id === first.id)?.version).toBe(version + 2);
  });
});
