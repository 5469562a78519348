// Groupings of the server's follow-up buckets for the key figures. Only presentation: which buckets count
// as "in follow-up" or "off study"; the counts themselves arrive computed.
const offStudyBuckets = ['died', 'withdrawn', 'lost_to_follow_up'] as const;

/** year1 … yearN in order. */
function yearBuckets(followUpYears: number): string[] {
  return Array.from({ length: followUpYears }, (_, i) => `year${i + 1}`);
}

/** Buckets in display order: years, completed, not started, then the off-study reasons. */
export function bucketOrder(followUpYears: number): string[] {
  return [...yearBuckets(followUpYears), 'completed', 'not_started', ...offStudyBuckets];
}

export function followUpSummary(total: Readonly<Record<string, number>>, followUpYears: number) {
  const sum = (keys: readonly string[]) => keys.reduce((n, k) => n + (total[k] ?? 0), 0);
  return {
    inFollowUp: sum(yearBuckets(followUpYears)),
    completed: total.completed ?? 0,
    offStudy: sum(offStudyBuckets),
    notStarted: total.not_started ?? 0,
  };
}

/** Months 'YYYY-MM' from `from` to `to` inclusive. */
export function monthRange(from: string, to: string): string[] {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  if (!fy || !fm || !ty || !tm) return [];
  const out: string[] = [];
  for (let i = fy * 12 + fm - 1; i <= ty * 12 + tm - 1; i++)
    out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return out;
}

/**
 * Counts per month on a continuous month axis (months without a count show as 0, so the time axis is not
 * squeezed), split into months up to `asOfMonth` (reached) and after it (still ahead).
 */
export function monthSeries(
  points: readonly { month: string; count: number }[],
  asOfMonth: string,
): { month: string; reached: number; ahead: number }[] {
  const first = points[0]?.month;
  const last = points.at(-1)?.month;
  if (!first || !last) return [];
  const byMonth = new Map(points.map((p) => [p.month, p.count]));
  return monthRange(first, last).map((month) => {
    const count = byMonth.get(month) ?? 0;
    return month <= asOfMonth ? { month, reached: count, ahead: 0 } : { month, reached: 0, ahead: count };
  });
}

/**
 * The mark on a milestone: a tick only for what the data show as done. A date that has passed is not
 * enough: an analysis "due since" a date gets a warning mark, never a tick.
 */
export function milestoneMark(m: {
  reached: boolean;
  basis: 'actual' | 'due' | 'projected' | 'unknown';
}): string {
  if (m.reached && m.basis === 'actual') return '✓';
  return m.basis === 'due' ? '!' : m.basis === 'projected' ? '…' : '?';
}
