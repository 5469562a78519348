// The overview's aggregates as rows per centre, so that a write to one centre recomputes that centre's
// rows only and keeps the others' (issue 17: fresh after a write at 100 000 participants). Every row
// carries its centre; the overview is assembled from all of them (build-overview.ts).
import { addDays, type IsoDate, type TrialDefinition } from '@trialdesk/domain';
import {
  assessmentStateCounts,
  centreInclusionStats,
  followUpBuckets,
  followUpEndsByMonth,
  monthlyInclusions,
  openSlotDayShifts,
  recentInclusionsByCentre,
  type CentreFilter,
  type Db,
} from '@trialdesk/db';

/** Days of recent accrual a projection is based on. */
export const PROJECTION_WINDOW_DAYS = 180;

export interface OverviewParts {
  centreStats: Awaited<ReturnType<typeof centreInclusionStats>>;
  monthly: Awaited<ReturnType<typeof monthlyInclusions>>;
  buckets: Awaited<ReturnType<typeof followUpBuckets>>;
  states: Awaited<ReturnType<typeof assessmentStateCounts>>;
  ends: Awaited<ReturnType<typeof followUpEndsByMonth>>;
  recent: { centre: string; n: number }[];
}

/** The aggregates of the given centres (all when undefined) as they stand today. */
export async function loadOverviewParts(
  db: Db,
  def: TrialDefinition,
  today: IsoDate,
  centres?: CentreFilter,
): Promise<OverviewParts> {
  const since = addDays(today, -PROJECTION_WINDOW_DAYS + 1);
  const [centreStats, monthly, buckets, states, ends, recent] = await Promise.all([
    centreInclusionStats(db, def.id, centres),
    monthlyInclusions(db, def.id, centres),
    followUpBuckets(db, def, today, centres),
    assessmentStateCounts(db, def.id, today, centres),
    followUpEndsByMonth(db, def.id, centres),
    recentInclusionsByCentre(db, def.id, since, centres),
  ]);
  return {
    centreStats,
    monthly,
    buckets,
    states,
    ends,
    recent: [...recent].map(([centre, n]) => ({ centre, n })),
  };
}

/**
 * The parts on a later day `to`, from those of the day `from` at the same data (issue 17: the first request
 * of a day recomputed every centre, 1.4 s at 100 000 participants). What does not depend on the date is
 * kept: inclusions per centre and month, the ends of follow-up. Open slots' states are moved by the slots
 * whose window ended or started in between (two index ranges); where participants stand in follow-up and
 * the recent accrual are computed again (index scans of live participants, a fraction of the slots).
 */
export async function carryOverDay(
  db: Db,
  def: TrialDefinition,
  old: OverviewParts,
  from: IsoDate,
  to: IsoDate,
): Promise<OverviewParts> {
  const since = addDays(to, -PROJECTION_WINDOW_DAYS + 1);
  const [buckets, shifts, recent] = await Promise.all([
    followUpBuckets(db, def, to),
    openSlotDayShifts(db, def.id, from, to),
    recentInclusionsByCentre(db, def.id, since),
  ]);
  return {
    centreStats: old.centreStats,
    monthly: old.monthly,
    buckets,
    states: shiftStates(old.states, shifts),
    ends: old.ends,
    recent: [...recent].map(([centre, n]) => ({ centre, n })),
  };
}

type StateRow = OverviewParts['states'][number];

/**
 * Open slots' states moved on: a window that ended makes a due slot overdue, one that started makes an
 * upcoming slot due (a slot may do both between two days). The other states do not move with the date.
 */
export function shiftStates(
  states: readonly StateRow[],
  shifts: ReadonlyMap<string, { ended: number; started: number }>,
): StateRow[] {
  const byCentre = new Map<string, Map<StateRow['state'], number>>();
  for (const row of states) {
    let counts = byCentre.get(row.centre);
    if (!counts) byCentre.set(row.centre, (counts = new Map<StateRow['state'], number>()));
    counts.set(row.state, (counts.get(row.state) ?? 0) + row.count);
  }
  for (const [centre, { ended, started }] of shifts) {
    let counts = byCentre.get(centre);
    if (!counts) byCentre.set(centre, (counts = new Map<StateRow['state'], number>()));
    const add = (state: StateRow['state'], n: number) => counts.set(state, (counts.get(state) ?? 0) + n);
    add('overdue', ended);
    add('due', started - ended);
    add('upcoming', -started);
  }
  const out: StateRow[] = [];
  for (const [centre, counts] of byCentre)
    for (const [state, count] of counts) if (count !== 0) out.push({ centre, state, count });
  return out;
}

/** The old parts with the given centres' rows replaced by the fresh ones. */
export function replaceCentres(
  old: OverviewParts,
  fresh: OverviewParts,
  centres: readonly string[],
): OverviewParts {
  const touched = new Set(centres);
  const keep = <T extends { centre: string }>(rows: readonly T[], add: readonly T[]) => [
    ...rows.filter((r) => !touched.has(r.centre)),
    ...add,
  ];
  return {
    centreStats: keep(old.centreStats, fresh.centreStats),
    monthly: keep(old.monthly, fresh.monthly),
    buckets: keep(old.buckets, fresh.buckets),
    states: keep(old.states, fresh.states),
    ends: keep(old.ends, fresh.ends),
    recent: keep(old.recent, fresh.recent),
  };
}
