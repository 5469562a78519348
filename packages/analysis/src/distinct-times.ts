import { sortTimes } from './sort-times.js';
import { nearTieTargets } from './tied-times.js';

/**
 * The distinct times of the data, ascending, after aeqSurv's tie correction (as survfit and
 * coxph apply it), and for each observation the index of its time among them. Counting per
 * time then needs no sort of the observations themselves: only the times are radix-sorted.
 */
export function indexDistinctTimes(time: Float64Array): { times: Float64Array; index: Int32Array } {
  const sorted = sortTimes(time.slice());
  const distinct: number[] = [];
  for (const t of sorted) if (distinct.length === 0 || distinct[distinct.length - 1] !== t) distinct.push(t);
  const raw = Float64Array.from(distinct);
  const targets = nearTieTargets(raw);

  // Collapse near-tied times: row[k] is the output row of the k-th raw distinct time.
  const row = new Int32Array(raw.length);
  const times: number[] = [];
  for (let k = 0; k < raw.length; k++) {
    const t = targets === null ? raw[k]! : targets[k]!;
    if (times.length === 0 || times[times.length - 1] !== t) times.push(t);
    row[k] = times.length - 1;
  }
  const index = new Int32Array(time.length);
  for (let i = 0; i < time.length; i++) index[i] = row[firstAtOrAfter(raw, time[i]!)]!;
  return { times: Float64Array.from(times), index };
}

function firstAtOrAfter(values: Float64Array, t: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
