/**
 * The figures a performance page shows, per month of a period, from the aggregates' monthly sums: the
 * applications per channel, digital take-up, decisions on time, the median and 90th-percentile processing
 * time, grants, refusals, silent consents, satisfaction, appeals and waiting at the centres. Every count
 * of people of 1 to 4 and every figure derived from fewer than 5 people is suppressed (null). Pure.
 */
import { CHANNELS, ONLINE_CHANNELS, percent, percentileOf, suppressCount, suppressDerived } from './performance.ts';

export type Scope = { readonly kind: 'nation' } | { readonly kind: 'agency'; readonly id: string } | { readonly kind: 'service'; readonly id: string };

/** The monthly sums the repository reads for a scope. */
export interface CaseMonthSum { readonly month: string; readonly channel: string; readonly submitted: number; readonly decided: number; readonly timed: number; readonly onTime: number; readonly granted: number; readonly refused: number; readonly silentConsents: number; readonly withdrawn: number }
export interface DurationMonthSum { readonly month: string; readonly days: number; readonly decided: number }
export interface RatingMonthSum { readonly month: string; readonly rating: number; readonly ratings: number }
export interface AppealMonthSum { readonly month: string; readonly filed: number; readonly answered: number; readonly answeredOnTime: number; readonly extended: number }
export interface CentreSum { readonly centreId: string; readonly tickets: number; readonly called: number; readonly waitSeconds: number; readonly longestWaitSeconds: number }

export interface MonthlySums {
  readonly cases: readonly CaseMonthSum[];
  readonly durations: readonly DurationMonthSum[];
  readonly ratings: readonly RatingMonthSum[];
  readonly appeals: readonly AppealMonthSum[];
  readonly centres: readonly CentreSum[];
}

/** One month's (or the whole period's) published figures; null: suppressed or nothing to show. */
export interface PeriodFigures {
  readonly month: string;
  readonly applications: Readonly<Record<string, number | null>>;
  readonly applicationsTotal: number | null;
  /** Applications through the online channels, in per cent of all. */
  readonly onlineShare: number | null;
  readonly decided: number | null;
  readonly onTimeShare: number | null;
  readonly medianDays: number | null;
  readonly p90Days: number | null;
  readonly granted: number | null;
  readonly refused: number | null;
  readonly silentConsents: number | null;
  readonly ratings: number | null;
  readonly averageRating: number | null;
  readonly appealsFiled: number | null;
  readonly appealsAnswered: number | null;
  readonly appealsAnsweredOnTimeShare: number | null;
  readonly appealsExtended: number | null;
}

export interface CentreFigures {
  readonly centreId: string;
  readonly tickets: number | null;
  readonly averageWaitMinutes: number | null;
  readonly longestWaitMinutes: number | null;
}

export interface Figures {
  readonly months: readonly PeriodFigures[];
  /** The whole period: percentiles over all its decisions, not averages of the months'. */
  readonly total: PeriodFigures;
  readonly centres: readonly CentreFigures[];
}

const sum = <T>(rows: readonly T[], f: (r: T) => number) => rows.reduce((s, r) => s + f(r), 0);

function periodOf(month: string, sums: Omit<MonthlySums, 'centres'>): PeriodFigures {
  const applications: Record<string, number | null> = {};
  for (const channel of CHANNELS) {
    applications[channel] = suppressCount(sum(sums.cases.filter((c) => c.channel === channel), (c) => c.submitted));
  }
  const submitted = sum(sums.cases, (c) => c.submitted);
  const online = sum(sums.cases.filter((c) => ONLINE_CHANNELS.includes(c.channel)), (c) => c.submitted);
  const decided = sum(sums.cases, (c) => c.decided);
  const timed = sum(sums.cases, (c) => c.timed);
  const histogram = sums.durations.map((d) => [d.days, d.decided] as const);
  const ratings = sum(sums.ratings, (r) => r.ratings);
  const ratingSum = sum(sums.ratings, (r) => r.rating * r.ratings);
  const filed = sum(sums.appeals, (a) => a.filed);
  const answered = sum(sums.appeals, (a) => a.answered);
  return {
    month,
    applications,
    applicationsTotal: suppressCount(submitted),
    onlineShare: suppressDerived(submitted, percent(online, submitted)),
    decided: suppressCount(decided),
    onTimeShare: suppressDerived(timed, percent(sum(sums.cases, (c) => c.onTime), timed)),
    medianDays: suppressDerived(decided, percentileOf(histogram, 0.5)),
    p90Days: suppressDerived(decided, percentileOf(histogram, 0.9)),
    granted: suppressCount(sum(sums.cases, (c) => c.granted)),
    refused: suppressCount(sum(sums.cases, (c) => c.refused)),
    silentConsents: suppressCount(sum(sums.cases, (c) => c.silentConsents)),
    ratings: suppressCount(ratings),
    averageRating: suppressDerived(ratings, ratings === 0 ? null : Math.round((ratingSum / ratings) * 10) / 10),
    appealsFiled: suppressCount(filed),
    appealsAnswered: suppressCount(answered),
    appealsAnsweredOnTimeShare: suppressDerived(answered, percent(sum(sums.appeals, (a) => a.answeredOnTime), answered)),
    appealsExtended: suppressCount(sum(sums.appeals, (a) => a.extended)),
  };
}

/** The published figures of each month of `months` (first days, oldest first) and of the whole period. */
export function figuresOf(sums: MonthlySums, months: readonly string[]): Figures {
  const inMonth = <T extends { month: string }>(rows: readonly T[], m: string) => rows.filter((r) => r.month === m);
  return {
    months: months.map((m) => periodOf(m, { cases: inMonth(sums.cases, m), durations: inMonth(sums.durations, m), ratings: inMonth(sums.ratings, m), appeals: inMonth(sums.appeals, m) })),
    total: periodOf(months[0] ?? '', sums),
    centres: sums.centres.map((c) => ({
      centreId: c.centreId,
      tickets: suppressCount(c.tickets),
      averageWaitMinutes: suppressDerived(c.called, c.called === 0 ? null : Math.round(c.waitSeconds / c.called / 6) / 10),
      longestWaitMinutes: suppressDerived(c.called, Math.round(c.longestWaitSeconds / 6) / 10),
    })),
  };
}
