import { buildCauseTable } from './cause-table.js';
import type {
  CompetingRisksObservation,
  CumulativeIncidenceOptions,
  CumulativeIncidenceResult,
  CumulativeIncidenceStep,
} from './types.js';

/**
 * The cumulative incidence of each cause in the presence of the others (Aalen-Johansen), as R's
 * `survfit(Surv(time, factor(cause)) ~ 1)`: `incidence[k - 1]` and `stdErr[k - 1]` are cause k's
 * `pstate` and `std.err`, and `atRisk` is the number still event-free (`n.risk` of state s0).
 *
 * The standard error is survfit's infinitesimal jackknife: the square root of the sum over
 * subjects of the squared influence of each subject on the estimate (survfitci.c). R updates an
 * n-by-(K + 1) influence matrix at every event time, which is O(n²). Here two facts make it
 * linear: everyone still at risk has had the same history, so they share one influence row; and
 * the rows of those who have left are only ever multiplied by the same transition matrix H, so
 * their sum of squares can be carried as one (K + 1)-square matrix M, updated as H' M H.
 */
export function cumulativeIncidence(
  data: readonly CompetingRisksObservation[],
  options?: CumulativeIncidenceOptions,
): CumulativeIncidenceResult {
  const table = buildCauseTable(data, options?.causes);
  const K = table.causes;
  const w = K + 1; // state 0 is "event-free", state k is "had cause k first"
  const steps = new Array<CumulativeIncidenceStep>(table.length);

  let atRisk = data.length;
  let survival = 1; // P(event-free), pstate of s0
  const incidence = new Float64Array(K);
  const shared = new Float64Array(w); // the influence row of everyone still at risk
  let moments: Float64Array = new Float64Array(w * w); // sum of u'u over those who have left
  const next = new Float64Array(w);
  const exit = new Float64Array(w);

  for (let i = 0; i < table.length; i++) {
    const row = i * w;
    const censored = table.count[row]!;
    let d = 0;
    for (let k = 1; k < w; k++) d += table.count[row + k]!;

    if (d > 0) {
      const n = atRisk;
      const stay = 1 - d / n;
      const jump = survival / n;
      // The influence rows after this time (survfitci's U <- U H, plus the dH term for those at
      // risk): the shared row becomes `next`; a subject with cause k moves to next - e0 + ek.
      next[0] = shared[0]! * stay - stay * jump + jump;
      for (let k = 1; k < w; k++) {
        const h = table.count[row + k]! / n;
        next[k] = shared[k]! + shared[0]! * h - h * jump;
      }
      moments = transformMoments(moments, stay, table.count, row, n, w);
      addOuter(moments, next, censored);
      for (let k = 1; k < w; k++) {
        const dk = table.count[row + k]!;
        if (dk === 0) continue;
        exit.set(next);
        exit[0]! -= jump;
        exit[k]! += jump;
        addOuter(moments, exit, dk);
      }
      shared.set(next);
      for (let k = 1; k < w; k++) incidence[k - 1]! += (survival * table.count[row + k]!) / n;
      survival *= stay;
    } else {
      addOuter(moments, shared, censored);
    }

    const remaining = atRisk - d - censored;
    const stdErr = new Array<number>(K);
    for (let k = 1; k < w; k++) {
      const sumSq = moments[k * w + k]! + remaining * shared[k]! * shared[k]!;
      stdErr[k - 1] = Math.sqrt(Math.max(0, sumSq));
    }
    steps[i] = { time: table.time[i]!, atRisk, incidence: Array.from(incidence), stdErr };
    atRisk = remaining;
  }
  return { steps };
}

/**
 * H' M H for the transition matrix of one event time: H is the identity except its first row,
 * (1 - d/n, d1/n, …, dK/n), since only the event-free state has anyone to move.
 */
function transformMoments(
  m: Float64Array,
  stay: number,
  count: Int32Array,
  row: number,
  n: number,
  w: number,
): Float64Array {
  const h = new Float64Array(w);
  h[0] = stay;
  for (let k = 1; k < w; k++) h[k] = count[row + k]! / n;
  // (M H)[a][j] = M[a][0] h[j] + (j > 0 ? M[a][j] : 0)
  const mh = new Float64Array(w * w);
  for (let a = 0; a < w; a++) {
    for (let j = 0; j < w; j++) mh[a * w + j] = m[a * w]! * h[j]! + (j > 0 ? m[a * w + j]! : 0);
  }
  // (H' MH)[i][j] = h[i] MH[0][j] + (i > 0 ? MH[i][j] : 0)
  const out = new Float64Array(w * w);
  for (let i = 0; i < w; i++) {
    for (let j = 0; j < w; j++) out[i * w + j] = h[i]! * mh[j]! + (i > 0 ? mh[i * w + j]! : 0);
  }
  return out;
}

/** m += times * u'u */
function addOuter(m: Float64Array, u: Float64Array, times: number): void {
  if (times === 0) return;
  const w = u.length;
  for (let i = 0; i < w; i++) {
    for (let j = 0; j < w; j++) m[i * w + j]! += times * u[i]! * u[j]!;
  }
}
