import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { figuresOf } from './figures.ts';
import { toCsv, DATASETS } from './open-data.ts';
import { type CaseEventFact, foldCaseEvents, gapsIn, lastMonths, percentileOf, suppressCount, suppressDerived } from './performance.ts';

const EVENTS = ['submit', 'register', 'grant', 'refuse', 'grant-by-silent-consent', 'withdraw', 'issue-result'];
const fact = fc.record({
  id: fc.nat(),
  event: fc.constantFrom(...EVENTS),
  at: fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }),
  serviceId: fc.constantFrom('a', 'b'),
  organisationId: fc.constantFrom('x', 'y'),
  channel: fc.constantFrom('web', 'post', 'sms'),
  submittedAt: fc.date({ min: new Date('2025-06-01T00:00:00Z'), max: new Date('2026-01-01T00:00:00Z'), noInvalidDate: true }),
  termStartedOn: fc.option(fc.constantFrom('2025-12-01', '2026-01-01'), { nil: null }),
  dueOn: fc.option(fc.constantFrom('2026-03-01', '2026-09-01'), { nil: null }),
}) as fc.Arbitrary<CaseEventFact>;

/** Sums deltas by key, so that a fold in batches can be compared with the fold of all. */
function summed(folds: ReadonlyArray<ReturnType<typeof foldCaseEvents>>) {
  const days = new Map<string, string>();
  const add = new Map<string, number[]>();
  for (const f of folds) {
    for (const d of f.days) {
      const key = `${d.day}|${d.serviceId}|${d.organisationId}|${d.channel}`;
      const v = [d.submitted, d.decided, d.timed, d.onTime, d.granted, d.refused, d.silentConsents, d.withdrawn];
      add.set(key, (add.get(key) ?? v.map(() => 0)).map((x, i) => x + (v[i] ?? 0)));
    }
    for (const d of f.durations) {
      const key = `d|${d.day}|${d.serviceId}|${d.organisationId}|${d.days}`;
      add.set(key, [(add.get(key)?.[0] ?? 0) + d.decided]);
    }
  }
  for (const [k, v] of add) { days.set(k, v.join(',')); }
  return Object.fromEntries([...days].sort());
}

describe('folding case events into daily deltas', () => {
  it('gives the same sums however the events are split into batches', () => {
    fc.assert(fc.property(fc.array(fact, { maxLength: 60 }), fc.array(fc.nat(60), { maxLength: 5 }), (events, cuts) => {
      const points = [...new Set([0, ...cuts.map((c) => Math.min(c, events.length)), events.length])].sort((a, b) => a - b);
      const batches = points.slice(1).map((end, i) => events.slice(points[i], end));
      expect(summed(batches.map((b) => foldCaseEvents(b)))).toEqual(summed([foldCaseEvents(events)]));
    }));
  });

  it('counts each decision once, in its kind and in the histogram', () => {
    fc.assert(fc.property(fc.array(fact, { maxLength: 60 }), (events) => {
      const { days, durations } = foldCaseEvents(events);
      const decisions = events.filter((e) => ['grant', 'refuse', 'grant-by-silent-consent'].includes(e.event)).length;
      expect(days.reduce((s, d) => s + d.decided, 0)).toBe(decisions);
      expect(days.reduce((s, d) => s + d.granted + d.refused + d.silentConsents, 0)).toBe(decisions);
      expect(durations.reduce((s, d) => s + d.decided, 0)).toBe(decisions);
      expect(days.reduce((s, d) => s + d.submitted, 0)).toBe(events.filter((e) => e.event === 'submit').length);
    }));
  });
});

describe('percentiles from a histogram', () => {
  it('equal the nearest-rank percentile of the values', () => {
    fc.assert(fc.property(fc.array(fc.nat(400), { minLength: 1, maxLength: 200 }), fc.constantFrom(0.5, 0.9), (values, p) => {
      const histogram = new Map<number, number>();
      for (const v of values) { histogram.set(v, (histogram.get(v) ?? 0) + 1); }
      const sorted = [...values].sort((a, b) => a - b);
      expect(percentileOf([...histogram], p)).toBe(sorted[Math.ceil(p * sorted.length) - 1]);
    }));
  });
  it('is null without values', () => expect(percentileOf([], 0.5)).toBeNull());
});

describe('gaps a watermark passes', () => {
  it('are the ids between the watermark and the last id read that were not read', () => {
    fc.assert(fc.property(fc.nat(100), fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 30 }), (after, offsets) => {
      const ids = offsets.map((o) => after + o).sort((a, b) => a - b);
      const gaps = gapsIn(after, ids);
      const missing = gaps.flatMap((g) => Array.from({ length: g.hi - g.lo + 1 }, (_, i) => g.lo + i));
      const last = ids.at(-1) ?? after;
      const expected = Array.from({ length: last - after }, (_, i) => after + 1 + i).filter((id) => !ids.includes(id));
      expect(missing).toEqual(expected);
    }));
  });
});

describe('small cells', () => {
  it('hide counts of 1 to 4 people and figures derived from fewer than 5', () => {
    expect([0, 1, 4, 5, 17].map(suppressCount)).toEqual([0, null, null, 5, 17]);
    expect(suppressDerived(4, 80)).toBeNull();
    expect(suppressDerived(5, 80)).toBe(80);
  });

  it('are hidden in the page figures and empty in the CSV', () => {
    const months = lastMonths('2026-12-04', 2);
    const base = { timed: 0, onTime: 0, granted: 0, refused: 0, silentConsents: 0, withdrawn: 0 };
    const figures = figuresOf({
      cases: [
        { month: '2026-12-01', channel: 'web', submitted: 3, decided: 3, ...base, timed: 3, onTime: 2, refused: 3 },
        { month: '2026-12-01', channel: 'post', submitted: 6, decided: 0, ...base },
      ],
      durations: [{ month: '2026-12-01', days: 4, decided: 3 }],
      ratings: [{ month: '2026-12-01', rating: 5, ratings: 2 }],
      appeals: [],
      centres: [{ centreId: 'c', tickets: 4, called: 4, waitSeconds: 600, longestWaitSeconds: 300 }],
    }, months);
    const dec = figures.months[1];
    expect(dec?.applications).toMatchObject({ web: null, post: 6, sms: 0 });
    expect(dec?.applicationsTotal).toBe(9);
    expect(dec?.onlineShare).toBe(33.3);
    expect([dec?.decided, dec?.onTimeShare, dec?.medianDays, dec?.refused, dec?.ratings, dec?.averageRating]).toEqual([null, null, null, null, null, null]);
    expect(figures.centres[0]).toEqual({ centreId: 'c', tickets: null, averageWaitMinutes: null, longestWaitMinutes: null });
    const csv = toCsv(DATASETS.applications, [{ month: '2026-12-01', organisation_id: 'x', service_id: 'a', channel: 'web', applications: suppressCount(3) }]);
    expect(csv).toBe('month,organisation_id,service_id,channel,applications\r\n2026-12-01,x,a,web,\r\n');
  });
});
