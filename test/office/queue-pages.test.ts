import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seedScale } from '../../src/cli/seed-scale.ts';
import type { TestApp } from '../support/app.ts';
import { type OfficeWorld, officeWorld } from './support.ts';

let t: TestApp;
let clerk: string;
let get: OfficeWorld['get'];

beforeAll(async () => {
  const w = await officeWorld();
  ({ t, clerk, get } = w);
  expect(await seedScale({ db: t.services.db, url: null }, { persons: 300, organisations: 10, cases: 900 })).toBeNull();
}, 300_000);
afterAll(async () => t.close());

const AGENCY = 'state-migration-service';
const numbersOn = (html: string): string[] => [...html.matchAll(/href="\/en\/office\/cases\/[0-9a-f-]{36}">(\d{4}-\d{6,})</g)].map((m) => m[1] ?? '');
const linkOf = (html: string, rel: 'next' | 'prev'): string | null => {
  const m = new RegExp(`href="([^"]+)" rel="${rel}"`).exec(html);
  return m?.[1]?.replaceAll('&amp;', '&') ?? null;
};

describe('the queue\'s pages (plain links, no script)', () => {
  it('lead from the first page to the last and back, showing every case of the agency once when every case is asked for', async () => {
    const rows = await t.services.db.query<{ number: string }>(
      "SELECT number FROM cases WHERE organisation_id = $1 ORDER BY coalesce(due_on, 'infinity'::date), submitted_at, id",
      [AGENCY],
    );
    expect(rows.length).toBeGreaterThan(100);
    const seen: string[] = [];
    let url: string | null = `/en/office/cases?agency=${AGENCY}&running=0`;
    let page = await get(clerk, url);
    expect(page.body).not.toContain('rel="prev"');
    for (;;) {
      expect(page.statusCode).toBe(200);
      seen.push(...numbersOn(page.body));
      url = linkOf(page.body, 'next');
      if (url === null) {
        break;
      }
      expect(url).toMatch(/[?&]after=[A-Za-z0-9_-]+/);
      expect(url).toMatch(/[?&]running=0/);
      page = await get(clerk, url);
      expect(linkOf(page.body, 'prev')).toMatch(/[?&]before=/);
    }
    expect(seen).toEqual(rows.map((r) => r.number));
    const back = linkOf(page.body, 'prev');
    expect(back).not.toBeNull();
    const before = await get(clerk, back ?? '');
    expect(numbersOn(before.body)).toEqual(rows.map((r) => r.number).slice(-50 - numbersOn(page.body).length, -numbersOn(page.body).length));
  });

  it('shows the cases not yet decided by default, and every case of a chosen state', async () => {
    const running = await t.services.db.query<{ number: string }>(
      "SELECT number FROM cases WHERE organisation_id = $1 AND outcome IS NULL ORDER BY coalesce(due_on, 'infinity'::date), submitted_at, id LIMIT 50",
      [AGENCY],
    );
    const decided = await t.services.db.query<{ number: string }>(
      "SELECT number FROM cases WHERE organisation_id = $1 AND state = 'closed' ORDER BY coalesce(due_on, 'infinity'::date), submitted_at, id LIMIT 50",
      [AGENCY],
    );
    expect(running.length).toBeGreaterThan(0);
    expect(decided.length).toBeGreaterThan(0);
    expect(numbersOn((await get(clerk, `/en/office/cases?agency=${AGENCY}`)).body)).toEqual(running.map((r) => r.number));
    expect(numbersOn((await get(clerk, `/en/office/cases?agency=${AGENCY}&state=closed`)).body)).toEqual(decided.map((r) => r.number));
  });

  it('reads a page key edited by hand as the first page', async () => {
    const first = await get(clerk, `/en/office/cases?agency=${AGENCY}`);
    for (const junk of ['x', 'W10', 'eyJhIjoxfQ', '%3Cscript%3E']) {
      const page = await get(clerk, `/en/office/cases?agency=${AGENCY}&after=${junk}`);
      expect(page.statusCode).toBe(200);
      expect(numbersOn(page.body)).toEqual(numbersOn(first.body));
    }
  });
});
