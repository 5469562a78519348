// Where a participant stands in follow-up on a given day. Follow-up year n covers months [12(n-1), 12n)
// after time zero; a participant has completed follow-up on the day the last month is reached.
import { addDays, addMonths, monthsBetween, type IsoDate } from './dates.js';

export type FollowUpPhase = { kind: 'not_started' } | { kind: 'year'; year: number } | { kind: 'completed' };

export function followUpPhase(
  timeZero: IsoDate | null,
  today: IsoDate,
  followUpMonths: number,
): FollowUpPhase {
  if (timeZero === null || today < timeZero) return { kind: 'not_started' };
  const months = monthsBetween(timeZero, today);
  if (months >= followUpMonths) return { kind: 'completed' };
  return { kind: 'year', year: Math.floor(months / 12) + 1 };
}

export function followUpYears(followUpMonths: number): number {
  return Math.ceil(followUpMonths / 12);
}

export function followUpEnd(timeZero: IsoDate, followUpMonths: number): IsoDate {
  return addMonths(timeZero, followUpMonths);
}

/**
 * The latest time zero from which `months` whole months have elapsed by `today`. Because month arithmetic
 * clamps at month ends it is not simply today minus `months` (from 29 Feb 2024, 12 months are complete on
 * 28 Feb 2025), so the boundary is searched. With it a database can bucket participants by comparing
 * dates as text, which is portable SQL.
 */
export function latestStartReaching(months: number, today: IsoDate): IsoDate {
  let candidate = addMonths(today, -months);
  while (addMonths(addDays(candidate, 1), months) <= today) candidate = addDays(candidate, 1);
  while (addMonths(candidate, months) > today) candidate = addDays(candidate, -1);
  return candidate;
}

/**
 * Boundaries for bucketing by follow-up year: element i is the latest time zero that has completed
 * 12·(i+1) months (the last element uses the full follow-up length). A participant with time zero
 * t is in year 1 when t > cutoffs[0], in year k when cutoffs[k-1] >= t > cutoffs[k-2]... and has completed
 * follow-up when t <= cutoffs.at(-1).
 */
export function followUpYearCutoffs(today: IsoDate, followUpMonths: number): IsoDate[] {
  const years = followUpYears(followUpMonths);
  return Array.from({ length: years }, (_, i) =>
    latestStartReaching(Math.min(12 * (i + 1), followUpMonths), today),
  );
}
