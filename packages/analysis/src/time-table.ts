import type { SurvivalObservation } from './types.js';
import { sortTimes } from './sort-times.js';
import { nearTieTargets } from './tied-times.js';
import { checkEvent, checkTime } from './validate.js';

/** Counts per distinct observed time, ascending: the single sorted pass everything else reads. */
export interface TimeTable {
  readonly length: number;
  readonly time: Float64Array;
  readonly atRisk: Int32Array;
  readonly events: Int32Array;
  readonly censored: Int32Array;
}

export function buildTimeTable(data: readonly SurvivalObservation[]): TimeTable {
  const n = data.length;
  let eventCount = 0;
  for (let i = 0; i < n; i++) {
    const obs = data[i]!;
    checkTime(obs.time, () => `data[${i}].time`);
    checkEvent(obs.event, () => `data[${i}].event`);
    if (obs.event) eventCount++;
  }

  // Two typed arrays of times sort much faster than objects or an index array with a
  // comparator; a merge then walks both in time order.
  let eventTimes: Float64Array = new Float64Array(eventCount);
  let censorTimes: Float64Array = new Float64Array(n - eventCount);
  let e = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const obs = data[i]!;
    if (obs.event)
      eventTimes[e++] = obs.time + 0; // + 0 turns -0 into 0
    else censorTimes[c++] = obs.time + 0;
  }
  eventTimes = sortTimes(eventTimes);
  censorTimes = sortTimes(censorTimes);

  const time = new Float64Array(n);
  const events = new Int32Array(n);
  const censored = new Int32Array(n);
  let k = 0;
  e = 0;
  c = 0;
  while (e < eventTimes.length || c < censorTimes.length) {
    const te = e < eventTimes.length ? eventTimes[e]! : Infinity;
    const tc = c < censorTimes.length ? censorTimes[c]! : Infinity;
    const t = te < tc ? te : tc;
    let de = 0;
    while (e < eventTimes.length && eventTimes[e] === t) {
      e++;
      de++;
    }
    let dc = 0;
    while (c < censorTimes.length && censorTimes[c] === t) {
      c++;
      dc++;
    }
    time[k] = t;
    events[k] = de;
    censored[k] = dc;
    k++;
  }

  const length = collapseNearTies(time, events, censored, k);
  const atRisk = new Int32Array(length);
  let remaining = n;
  for (let i = 0; i < length; i++) {
    atRisk[i] = remaining;
    remaining -= events[i]! + censored[i]!;
  }
  return {
    length,
    time: time.subarray(0, length),
    atRisk,
    events: events.subarray(0, length),
    censored: censored.subarray(0, length),
  };
}

/** Merges rows whose times aeqSurv would make equal, in place; returns the new row count. */
function collapseNearTies(time: Float64Array, events: Int32Array, censored: Int32Array, k: number): number {
  const targets = nearTieTargets(time.subarray(0, k));
  if (targets === null) return k;
  let w = 0;
  let current = targets[0]!;
  for (let i = 1; i < k; i++) {
    if (targets[i] === current) {
      events[w]! += events[i]!;
      censored[w]! += censored[i]!;
    } else {
      w++;
      current = targets[i]!;
      time[w] = current;
      events[w] = events[i]!;
      censored[w] = censored[i]!;
    }
  }
  return w + 1;
}
