// Everything the overview page needs, in one answer: aggregates from SQL (per centre, overview-parts.ts),
// shaped by the domain.
import {
  addDays,
  cumulativeAccrual,
  diffDays,
  followUpYears,
  maxDate,
  projectAccrual,
  trialMilestones,
  type IsoDate,
} from '@trialdesk/domain';
import type { Db, TrialRecord } from '@trialdesk/db';
import { loadOverviewParts, PROJECTION_WINDOW_DAYS, type OverviewParts } from './overview-parts.js';

export { PROJECTION_WINDOW_DAYS } from './overview-parts.js';

/**
 * Per-centre accrual series are sent only up to this many centres: beyond it no chart can draw them
 * legibly, and for a 200-centre network they would be two thirds of the answer. Totals are always sent.
 */
export const MAX_CENTRE_SERIES = 12;

export type TrialStatus = 'recruiting' | 'follow_up' | 'completed';

function sumBy<T>(
  rows: readonly T[],
  key: (r: T) => string,
  value: (r: T) => number,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + value(r);
  return out;
}

/** The overview computed from scratch: every centre's aggregates, then assembled. */
export async function buildOverview(db: Db, trial: TrialRecord, today: IsoDate) {
  return assembleOverview(trial, today, await loadOverviewParts(db, trial.definition, today));
}

function groupByCentre<T extends { centre: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.centre);
    if (list) list.push(r);
    else out.set(r.centre, [r]);
  }
  return out;
}

/** Sums the per-centre rows of followUpEndsByMonth into one row per month, in month order. */
function endsByMonth(rows: OverviewParts['ends']) {
  const months = new Map<string, { month: string; count: number; last: IsoDate | null }>();
  for (const r of rows) {
    const m = months.get(r.month);
    if (!m) months.set(r.month, { month: r.month, count: r.count, last: r.last });
    else {
      m.count += r.count;
      if (r.last && (m.last === null || r.last > m.last)) m.last = r.last;
    }
  }
  return [...months.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

/** The overview from its per-centre aggregates (no I/O): the same answer however the parts were kept. */
export function assembleOverview(trial: TrialRecord, today: IsoDate, parts: OverviewParts) {
  const def = trial.definition;
  const { centreStats, monthly, buckets, states } = parts;
  const ends = endsByMonth(parts.ends);
  // Looked up per centre below: maps, not a scan of every row per centre (200 centres at 100 000).
  const statsByCentre = new Map(centreStats.map((c) => [c.centre, c]));
  const bucketsByCentre = groupByCentre(buckets);
  const statesByCentre = groupByCentre(states);
  const included = centreStats.reduce((s, c) => s + c.included, 0);
  const firstInclusion = centreStats.reduce<IsoDate | null>(
    (m, c) => (c.first && (m === null || c.first < m) ? c.first : m),
    null,
  );
  const lastInclusion = centreStats.reduce<IsoDate | null>(
    (m, c) => (c.last && (m === null || c.last > m) ? c.last : m),
    null,
  );
  const recruiting = included < def.target;

  let projection = null;
  if (recruiting) {
    const since = addDays(today, -PROJECTION_WINDOW_DAYS + 1);
    const recent = new Map(parts.recent.map((r) => [r.centre, r.n]));
    projection = projectAccrual({
      included,
      target: def.target,
      today,
      plannedEnd: def.recruitment.plannedEnd,
      windowDays: PROJECTION_WINDOW_DAYS,
      centres: def.centres.map((c) => ({
        centre: c.code,
        recentInclusions: recent.get(c.code) ?? 0,
        activeDays: Math.max(
          0,
          Math.min(PROJECTION_WINDOW_DAYS, diffDays(maxDate(since, c.activationDate), today) + 1),
        ),
      })),
    });
  }

  const lastFollowUpEnd = ends.reduce<IsoDate | null>(
    (m, e) => (e.last && (m === null || e.last > m) ? e.last : m),
    null,
  );
  const milestones = trialMilestones(
    def,
    {
      firstInclusion,
      lastInclusion,
      included,
      lastFollowUpEnd,
      projectedLastInclusion: projection?.expectedDate ?? null,
      openAssessments: states
        .filter((s) => s.state === 'due' || s.state === 'overdue' || s.state === 'upcoming')
        .reduce((n, s) => n + s.count, 0),
    },
    today,
  );
  const lplv = milestones.find((m) => m.key === 'lastPatientLastVisit');
  const status: TrialStatus = recruiting ? 'recruiting' : lplv?.reached ? 'completed' : 'follow_up';

  const centres = def.centres.map((c) => {
    const s = statsByCentre.get(c.code);
    const n = s?.included ?? 0;
    return {
      code: c.code,
      name: c.name,
      city: c.city,
      target: c.target,
      activationDate: c.activationDate,
      included: n,
      shareOfTotal: included > 0 ? n / included : 0,
      shareOfTarget: n / c.target,
      firstInclusion: s?.first ?? null,
      lastInclusion: s?.last ?? null,
    };
  });

  return {
    trial: {
      id: def.id,
      code: def.code,
      title: def.title,
      synthetic: trial.synthetic,
      target: def.target,
      status,
      recruitment: def.recruitment,
      followUpMonths: def.followUpMonths,
      followUpYears: followUpYears(def.followUpMonths),
      assumptions: def.assumptions,
    },
    asOf: today,
    inclusion: {
      included,
      target: def.target,
      // Floored, so that the page never shows 100% before the target is reached.
      percent: Math.floor((100 * included) / def.target),
      remaining: Math.max(0, def.target - included),
    },
    accrualPerCentre: def.centres.length <= MAX_CENTRE_SERIES,
    accrual: cumulativeAccrual(def, monthly, today, { perCentre: def.centres.length <= MAX_CENTRE_SERIES }),
    projection,
    centres,
    milestones,
    followUpEnds: ends.map(({ month, count }) => ({ month, count })),
    followUp: {
      byCentre: def.centres.map((c) => ({
        centre: c.code,
        buckets: sumBy(
          bucketsByCentre.get(c.code) ?? [],
          (b) => b.bucket,
          (b) => b.count,
        ),
      })),
      total: sumBy(
        buckets,
        (b) => b.bucket,
        (b) => b.count,
      ),
    },
    assessments: {
      byCentre: def.centres.map((c) => ({
        centre: c.code,
        states: sumBy(
          statesByCentre.get(c.code) ?? [],
          (s) => s.state,
          (s) => s.count,
        ),
      })),
      total: sumBy(
        states,
        (s) => s.state,
        (s) => s.count,
      ),
    },
  };
}

export type Overview = ReturnType<typeof assembleOverview>;
