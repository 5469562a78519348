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
