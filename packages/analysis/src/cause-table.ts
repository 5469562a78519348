import { nearTieTargets } from './tied-times.js';
import type { CompetingRisksObservation } from './types.js';
import { checkTime } from './validate.js';

/** Counts per distinct time, ascending, with the exits split by cause (0 = censored). */
export interface CauseTable {
  readonly length: number;
  readonly time: Float64Array;
  /** Row-major: count[i * (causes + 1) + k] left at time i with cause k. */
  readonly count: Int32Array;
  readonly causes: number;
}

/**
 * Validates and tabulates competing-risks data. `causes` is the number of causes to report;
 * when omitted it is the largest cause observed (at least 1).
 */
export function buildCauseTable(data: readonly CompetingRisksObservation[], causes?: number): CauseTable {
  if (causes !== undefined && !(Number.isInteger(causes) && causes >= 1)) {
    throw new RangeError(`causes must be a positive integer; got ${String(causes)}`);
  }
  const n = data.length;
  const time = new Float64Array(n);
  const cause = new Int32Array(n);
  let maxCause = 1;
  for (let i = 0; i < n; i++) {
    const obs = data[i]!;
    checkTime(obs.time, () => `data[${i}].time`);
    const c = obs.cause;
    if (typeof c !== 'number' || !Number.isInteger(c) || c < 0) {
      throw new RangeError(`data[${i}].cause must be 0 (censored) or a cause 1, 2, …; got ${String(c)}`);
    }
    if (causes !== undefined && c > causes) {
      throw new RangeError(`data[${i}].cause is ${c}, beyond the ${causes} cause(s) asked for`);
    }
    time[i] = obs.time + 0; // + 0 turns -0 into 0
    cause[i] = c;
    if (c > maxCause) maxCause = c;
  }
  const k = causes ?? maxCause;
  const width = k + 1;

  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => time[a]! - time[b]!);
  const distinct: number[] = [];
  for (const idx of order) {
    const t = time[idx]!;
    if (distinct.length === 0 || distinct[distinct.length - 1] !== t) distinct.push(t);
  }
  // survfit runs the times through aeqSurv first: near-equal times count as one.
  const targets = nearTieTargets(Float64Array.from(distinct)) ?? Float64Array.from(distinct);
  const outTime: number[] = [];
  const count: number[] = [];
  let d = -1;
  for (const idx of order) {
    while (distinct[d + 1] !== undefined && distinct[d + 1]! <= time[idx]!) d++;
    const t = targets[d]!;
    if (outTime.length === 0 || outTime[outTime.length - 1] !== t) {
      outTime.push(t);
      for (let j = 0; j < width; j++) count.push(0);
    }
    count[(outTime.length - 1) * width + cause[idx]!]!++;
  }
  return {
    length: outTime.length,
    time: Float64Array.from(outTime),
    count: Int32Array.from(count),
    causes: k,
  };
}
