import { indexDistinctTimes } from './distinct-times.js';
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

  // survfit runs the times through aeqSurv first: near-equal times count as one.
  const { times, index } = indexDistinctTimes(time);
  const count = new Int32Array(times.length * width);
  for (let i = 0; i < n; i++) count[index[i]! * width + cause[i]!]!++;
  return { length: times.length, time: times, count, causes: k };
}
