// The accrual projection drawn on the report's accrual chart: from today's count, straight lines to the
// target at the predictive median date and at the two ends of its 95% interval (gamma-Poisson,
// accrual-predictive.ts), one value per calendar month. The chart only draws these numbers.
import { addDays, addMonths, diffDays, type AccrualProjection, type IsoDate } from '@trialdesk/domain';

export interface ProjectedPoint {
  month: string;
  total: number | null;
  planned: number;
  /** Cumulative inclusions on the line to the target at the median / earliest / latest date; null before today. */
  projected: number | null;
  projectedEarliest: number | null;
  projectedLatest: number | null;
}

const monthEnd = (month: string): IsoDate => addDays(addMonths(`${month}-01`, 1), -1);
const round2 = (x: number) => Math.round(x * 100) / 100;

export function projectionPoints(
  points: readonly { month: string; total: number | null; planned: number }[],
  projection: AccrualProjection | null,
  included: number,
  target: number,
  today: IsoDate,
): ProjectedPoint[] {
  const p = projection?.predictive ?? null;
  const out: ProjectedPoint[] = points.map((x) => ({
    ...x,
    projected: null,
    projectedEarliest: null,
    projectedLatest: null,
  }));
  if (p === null || included >= target) return out;
  // Months after the planned end, up to the latest projected date, carry only the projection.
  for (let m = out.at(-1)?.month; m !== undefined && m < p.upperDate.slice(0, 7);) {
    m = addMonths(`${m}-01`, 1).slice(0, 7);
    out.push({
      month: m,
      total: null,
      planned: target,
      projected: null,
      projectedEarliest: null,
      projectedLatest: null,
    });
  }
  const along = (reach: IsoDate, date: IsoDate) => {
    const span = diffDays(today, reach);
    const share = span <= 0 ? 1 : Math.min(1, Math.max(0, diffDays(today, date) / span));
    return round2(included + (target - included) * share);
  };
  const thisMonth = today.slice(0, 7);
  for (const x of out) {
    if (x.month < thisMonth) continue;
    // The current month starts the lines at today's count, so they join the observed curve.
    const at = x.month === thisMonth ? today : monthEnd(x.month);
    x.projected = along(p.medianDate, at);
    x.projectedEarliest = along(p.lowerDate, at);
    x.projectedLatest = along(p.upperDate, at);
  }
  return out;
}
