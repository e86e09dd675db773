/**
 * Public performance, the pure core: how case and appeal events fold into daily aggregates, which ids a
 * watermark passed without seeing, percentiles from a histogram of durations, and the suppression of
 * small cells (ADR 0030). No I/O.
 */
import { kyivDay } from '../../kernel/state-time.ts';

/** A case event with what the aggregates need of its case. */
export interface CaseEventFact {
  readonly id: number;
  readonly event: string;
  readonly at: Date;
  readonly serviceId: string;
  readonly organisationId: string;
  /** The channel the application came through. */
  readonly channel: string;
  readonly submittedAt: Date;
  readonly termStartedOn: string | null;
  readonly dueOn: string | null;
}

export interface CaseDayDelta {
  readonly day: string;
  readonly serviceId: string;
  readonly organisationId: string;
  readonly channel: string;
  submitted: number;
  decided: number;
  timed: number;
  onTime: number;
  granted: number;
  refused: number;
  silentConsents: number;
  withdrawn: number;
}

export interface DurationDelta {
  readonly day: string;
  readonly serviceId: string;
  readonly organisationId: string;
  readonly days: number;
  decided: number;
}

/** The events a decision is: an officer's grant or refusal, or a grant by silent consent. */
const DECISIONS: Readonly<Record<string, 'granted' | 'refused' | 'silent'>> = { grant: 'granted', refuse: 'refused', 'grant-by-silent-consent': 'silent' };
/** Processing times past a year share the last bucket. */
export const LONGEST_BUCKET = 366;
const DAY_MS = 24 * 3600 * 1000;

/** Whole calendar days from one day ('YYYY-MM-DD') to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The deltas a batch of case events makes: per Kyiv day of the event, service, agency and the
 * application's channel, the submissions, decisions (on time when decided on or before the due day),
 * grants, refusals, silent consents and withdrawals; and per day, service, agency and processing time in
 * days (from the term's start, else the submission, to the decision) the decisions. Other events add nothing.
 */
export function foldCaseEvents(events: readonly CaseEventFact[]): { days: CaseDayDelta[]; durations: DurationDelta[] } {
  const days = new Map<string, CaseDayDelta>();
  const durations = new Map<string, DurationDelta>();
  for (const e of events) {
    const decision = DECISIONS[e.event];
    if (e.event !== 'submit' && e.event !== 'withdraw' && decision === undefined) {
      continue;
    }
    const day = kyivDay(e.at);
    const key = `${day}|${e.serviceId}|${e.organisationId}|${e.channel}`;
    let d = days.get(key);
    if (d === undefined) {
      d = { day, serviceId: e.serviceId, organisationId: e.organisationId, channel: e.channel, submitted: 0, decided: 0, timed: 0, onTime: 0, granted: 0, refused: 0, silentConsents: 0, withdrawn: 0 };
      days.set(key, d);
    }
    if (e.event === 'submit') {
      d.submitted += 1;
    } else if (e.event === 'withdraw') {
      d.withdrawn += 1;
    } else if (decision !== undefined) {
      d.decided += 1;
      if (decision === 'granted') { d.granted += 1; } else if (decision === 'refused') { d.refused += 1; } else { d.silentConsents += 1; }
      if (e.dueOn !== null) {
        d.timed += 1;
        if (day <= e.dueOn) { d.onTime += 1; }
      }
      const from = e.termStartedOn ?? kyivDay(e.submittedAt);
      const taken = Math.min(LONGEST_BUCKET, Math.max(0, daysBetween(from, day)));
      const dkey = `${day}|${e.serviceId}|${e.organisationId}|${taken}`;
      const h = durations.get(dkey);
      if (h === undefined) {
        durations.set(dkey, { day, serviceId: e.serviceId, organisationId: e.organisationId, days: taken, decided: 1 });
      } else {
        h.decided += 1;
      }
    }
  }
  return { days: [...days.values()], durations: [...durations.values()] };
}

/** An appeal event with what the aggregates need of its appeal. */
export interface AppealEventFact {
  readonly id: number;
  readonly event: string;
  readonly at: Date;
  readonly organisationId: string | null;
  readonly kind: string;
  readonly channel: string;
  readonly dueOn: string;
}

export interface AppealDayDelta {
  readonly day: string;
  readonly organisationId: string;
  readonly kind: string;
  readonly channel: string;
  filed: number;
  answered: number;
  answeredOnTime: number;
  extended: number;
}

/** Per Kyiv day, agency ('' in triage), kind and channel: appeals filed, answered (within the term or not) and extended. */
export function foldAppealEvents(events: readonly AppealEventFact[]): AppealDayDelta[] {
  const out = new Map<string, AppealDayDelta>();
  for (const e of events) {
    if (e.event !== 'file' && e.event !== 'answer' && e.event !== 'extend') {
      continue;
    }
    const day = kyivDay(e.at);
    const organisationId = e.organisationId ?? '';
    const key = `${day}|${organisationId}|${e.kind}|${e.channel}`;
    let d = out.get(key);
    if (d === undefined) {
      d = { day, organisationId, kind: e.kind, channel: e.channel, filed: 0, answered: 0, answeredOnTime: 0, extended: 0 };
      out.set(key, d);
    }
    if (e.event === 'file') {
      d.filed += 1;
    } else if (e.event === 'extend') {
      d.extended += 1;
    } else {
      d.answered += 1;
      if (day <= e.dueOn) { d.answeredOnTime += 1; }
    }
  }
  return [...out.values()];
}

/** A range of ids, both ends included. */
export interface IdRange { readonly lo: number; readonly hi: number }

/**
 * The ids after `after` and up to the last of `ids` (ascending) that are not among them: ids handed out
 * to transactions not committed when the batch was read (or rolled back).
 */
export function gapsIn(after: number, ids: readonly number[]): IdRange[] {
  const gaps: IdRange[] = [];
  let expected = after + 1;
  for (const id of ids) {
    if (id > expected) {
      gaps.push({ lo: expected, hi: id - 1 });
    }
    expected = Math.max(expected, id + 1);
  }
  return gaps;
}

/**
 * The p-th percentile (0 < p ≤ 1, nearest rank) of a histogram of whole days: the least value whose
 * cumulative count reaches ⌈p·n⌉. Null for an empty histogram.
 */
export function percentileOf(histogram: ReadonlyArray<readonly [days: number, count: number]>, p: number): number | null {
  const sorted = [...histogram].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((s, [, n]) => s + n, 0);
  if (total === 0) {
    return null;
  }
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const [days, n] of sorted) {
    seen += n;
    if (seen >= rank) {
      return days;
    }
  }
  return sorted[sorted.length - 1]?.[0] ?? null;
}

/** The fewest people a published figure may describe. */
export const SMALL_CELL = 5;

/** A count of people, or null when it is 1 to 4 (zero is published: it describes no one). */
export function suppressCount(n: number): number | null {
  return n > 0 && n < SMALL_CELL ? null : n;
}

/** A figure derived from `people` (a share, an average, a percentile): null when they are 1 to 4, or none. */
export function suppressDerived<T>(people: number, value: T | null): T | null {
  return people < SMALL_CELL ? null : value;
}

/** A share in per cent with one decimal, or null without a denominator. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/** The channels counted as digital take-up: applying online, on the portal or through the API. */
export const ONLINE_CHANNELS: readonly string[] = ['web', 'api'];
export const CHANNELS: readonly string[] = ['web', 'api', 'sms', 'phone', 'post', 'in-person'];

/** The first days of the `count` months ending with the month of `today`, oldest first. */
export function lastMonths(today: string, count: number): string[] {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return Array.from({ length: count }, (_, i) => {
    const k = y * 12 + (m - 1) - (count - 1 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`;
  });
}

/** The first day of a day's month ('YYYY-MM-DD'). */
export const monthOf = (day: string): string => `${day.slice(0, 7)}-01`;

/** The first whole month from a day on: the day itself when it is a first of the month, else the next month's first. */
export function firstWholeMonth(from: string): string {
  if (from.endsWith('-01')) {
    return from;
  }
  const k = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7));
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`;
}

/** Daily deltas summed per month (the day of each the first of its month): what the monthly roll-ups gain. */
export function monthlyCaseDeltas(days: readonly CaseDayDelta[]): CaseDayDelta[] {
  const out = new Map<string, CaseDayDelta>();
  for (const d of days) {
    const day = monthOf(d.day);
    const key = `${day}|${d.serviceId}|${d.organisationId}|${d.channel}`;
    const m = out.get(key);
    if (m === undefined) {
      out.set(key, { ...d, day });
      continue;
    }
    m.submitted += d.submitted; m.decided += d.decided; m.timed += d.timed; m.onTime += d.onTime;
    m.granted += d.granted; m.refused += d.refused; m.silentConsents += d.silentConsents; m.withdrawn += d.withdrawn;
  }
  return [...out.values()];
}

export function monthlyDurationDeltas(durations: readonly DurationDelta[]): DurationDelta[] {
  const out = new Map<string, DurationDelta>();
  for (const d of durations) {
    const day = monthOf(d.day);
    const key = `${day}|${d.serviceId}|${d.organisationId}|${d.days}`;
    const m = out.get(key);
    if (m === undefined) {
      out.set(key, { ...d, day });
    } else {
      m.decided += d.decided;
    }
  }
  return [...out.values()];
}
