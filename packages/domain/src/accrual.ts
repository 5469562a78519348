// Accrual: cumulative inclusions per month against the planned line, and a projection of the date the
// target is reached from each centre's recent rate.
import { pooledRatePosterior, waitQuantile } from './accrual-predictive.js';
import { chiSquareQuantile } from './accrual-quantiles.js';
import { addDays, addMonths, diffDays, formatDate, type IsoDate, maxDate, minDate } from './dates.js';
import type { TrialDefinition } from './trial-definition.js';

// Kept importable from here, where the projection's tests and callers have always found them.
export { chiSquareQuantile, normalQuantile } from './accrual-quantiles.js';

/** 'YYYY-MM' of a date. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

function monthEnd(month: string): IsoDate {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return addDays(addMonths(formatDate(y, m, 1), 1), -1);
}

function monthsFromTo(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = `${first}-01`; monthOf(d) <= last; d = addMonths(d, 1)) out.push(monthOf(d));
  return out;
}

/**
 * The planned number of inclusions by a date: a straight line from 0 at the start to the target at the end
 * of the planned recruitment period (or of a centre's own period, from its activation date).
 */
export function plannedAccrual(start: IsoDate, end: IsoDate, target: number, date: IsoDate): number {
  if (date < start) return 0;
  if (date >= end) return target;
  return (target * (diffDays(start, date) + 1)) / (diffDays(start, end) + 1);
}

export interface MonthlyCount {
  month: string;
  centre: string;
  count: number;
}

export interface AccrualPoint {
  month: string;
  /** Cumulative inclusions by the end of the month; null for months after today. */
  total: number | null;
  byCentre: Record<string, number | null>;
  planned: number;
  plannedByCentre: Record<string, number>;
}

/**
 * Cumulative accrual per calendar month, from the earlier of the planned start and the first inclusion to
 * the later of the planned end and the last month with data (today's month while recruitment runs).
 * With `perCentre: false` the per-centre series are left empty: for a network of 200 centres they are
 * 200 planned lines a month, most of the cost of an overview recomputed after a write (issue 17), and the
 * overview does not send them beyond a few centres anyway.
 */
export function cumulativeAccrual(
  def: TrialDefinition,
  counts: readonly MonthlyCount[],
  today: IsoDate,
  options: { perCentre?: boolean } = {},
): AccrualPoint[] {
  const perCentre = options.perCentre ?? true;
  const months = counts.map((c) => c.month).sort();
  const recruiting = counts.reduce((n, c) => n + c.count, 0) < def.target;
  const first = minDate(def.recruitment.plannedStart, `${months[0] ?? monthOf(today)}-01`);
  const lastData = months.at(-1) ?? monthOf(first);
  const last = maxDate(def.recruitment.plannedEnd, recruiting ? today : `${lastData}-01`);
  const perMonth = new Map<string, Map<string, number>>();
  for (const c of counts) {
    const m = perMonth.get(c.month) ?? new Map<string, number>();
    m.set(c.centre, (m.get(c.centre) ?? 0) + c.count);
    perMonth.set(c.month, m);
  }
  const running = new Map<string, number>(def.centres.map((c) => [c.code, 0]));
  let runningTotal = 0;
  return monthsFromTo(monthOf(first), monthOf(last)).map((month) => {
    for (const [centre, n] of perMonth.get(month) ?? []) {
      running.set(centre, (running.get(centre) ?? 0) + n);
      runningTotal += n;
    }
    const future = month > monthOf(today);
    const end = monthEnd(month);
    const byCentre: Record<string, number | null> = {};
    const plannedByCentre: Record<string, number> = {};
    if (perCentre)
      for (const c of def.centres) {
        byCentre[c.code] = future ? null : (running.get(c.code) ?? 0);
        plannedByCentre[c.code] = round2(
          plannedAccrual(c.activationDate, def.recruitment.plannedEnd, c.target, end),
        );
      }
    const total = future ? null : runningTotal;
    const planned = round2(
      plannedAccrual(def.recruitment.plannedStart, def.recruitment.plannedEnd, def.target, end),
    );
    return { month, total, byCentre, planned, plannedByCentre };
  });
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export interface CentreRate {
  centre: string;
  recentInclusions: number;
  /** Days of the recent window during which the centre was active. */
  activeDays: number;
}

export interface AccrualProjection {
  remaining: number;
  windowDays: number;
  ratePerMonth: number;
  byCentre: { centre: string; ratePerMonth: number }[];
  /** The recruitment window the rates come from: its first and last day and the inclusions in it. */
  rateWindow: { from: IsoDate; to: IsoDate; days: number; arrivals: number };
  /**
   * Expected date the target is reached at the recent rate, with the 95% interval of the rate alone
   * (Garwood); null when the rate is 0.
   */
  expectedDate: IsoDate | null;
  earliestDate: IsoDate | null;
  latestDate: IsoDate | null;
  /**
   * Predictive median and 95% interval of the date the target is reached (gamma-Poisson): they cover
   * the uncertainty of the rate and the randomness of the arrivals still to come, so they are wider
   * than the Garwood interval. null without recent inclusions.
   */
  predictive: { level: number; medianDate: IsoDate; lowerDate: IsoDate; upperDate: IsoDate } | null;
  /** Inclusions per month needed from today to reach the target by the planned end (null once past it). */
  requiredRatePerMonth: number | null;
  onTrack: boolean | null;
}

const DAYS_PER_MONTH = 365.25 / 12;

const PREDICTIVE_LEVEL = 0.95;

/**
 * Projects when the target is reached if each centre keeps its recent rate. The total is a Poisson process
 * whose rate is the sum of the centres' rates. Two intervals: the exact (Garwood) Poisson interval of that
 * rate turned into dates, which ignores the randomness of the arrivals still to come, and the predictive
 * interval (accrual-predictive.ts), which covers both and is the one to show as "when will we finish".
 * The window is the `windowDays` days up to and including today.
 */
export function projectAccrual(input: {
  included: number;
  target: number;
  today: IsoDate;
  plannedEnd: IsoDate;
  windowDays: number;
  centres: readonly CentreRate[];
}): AccrualProjection {
  const remaining = Math.max(0, input.target - input.included);
  const byCentre = input.centres.map((c) => ({
    centre: c.centre,
    ratePerMonth: c.activeDays > 0 ? (c.recentInclusions / c.activeDays) * DAYS_PER_MONTH : 0,
  }));
  const ratePerDay = byCentre.reduce((s, c) => s + c.ratePerMonth, 0) / DAYS_PER_MONTH;
  const k = input.centres.reduce((s, c) => s + c.recentInclusions, 0);
  const daysLeft = diffDays(input.today, input.plannedEnd);
  const rateWindow = {
    from: addDays(input.today, -input.windowDays + 1),
    to: input.today,
    days: input.windowDays,
    arrivals: k,
  };
  const requiredRatePerMonth =
    remaining === 0 ? 0 : daysLeft > 0 ? (remaining / daysLeft) * DAYS_PER_MONTH : null;
  if (remaining === 0) {
    return {
      remaining,
      windowDays: input.windowDays,
      ratePerMonth: ratePerDay * DAYS_PER_MONTH,
      byCentre,
      rateWindow,
      expectedDate: input.today,
      earliestDate: input.today,
      latestDate: input.today,
      predictive: {
        level: PREDICTIVE_LEVEL,
        medianDate: input.today,
        lowerDate: input.today,
        upperDate: input.today,
      },
      requiredRatePerMonth,
      onTrack: true,
    };
  }
  // Scale the Garwood limits of the pooled count k to the pooled rate.
  const scale = k > 0 ? ratePerDay / k : 0;
  const upperRate = (chiSquareQuantile(0.975, 2 * k + 2) / 2) * (k > 0 ? scale : 1 / input.windowDays);
  const lowerRate = k > 0 ? (chiSquareQuantile(0.025, 2 * k) / 2) * scale : 0;
  const dateAt = (rate: number) => (rate > 0 ? addDays(input.today, Math.ceil(remaining / rate)) : null);
  const expectedDate = dateAt(ratePerDay);
  const posterior = pooledRatePosterior(input.centres);
  const waitDate = (p: number) =>
    addDays(input.today, Math.ceil(waitQuantile(p, remaining, posterior!.shape, posterior!.rate)));
  const tail = (1 - PREDICTIVE_LEVEL) / 2;
  return {
    remaining,
    windowDays: input.windowDays,
    ratePerMonth: ratePerDay * DAYS_PER_MONTH,
    byCentre,
    rateWindow,
    expectedDate,
    earliestDate: dateAt(upperRate),
    latestDate: dateAt(lowerRate),
    predictive:
      posterior === null
        ? null
        : {
            level: PREDICTIVE_LEVEL,
            medianDate: waitDate(0.5),
            lowerDate: waitDate(tail),
            upperDate: waitDate(1 - tail),
          },
    requiredRatePerMonth,
    onTrack: expectedDate === null ? false : expectedDate <= input.plannedEnd,
  };
}
