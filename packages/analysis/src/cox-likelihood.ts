import { indexDistinctTimes } from './distinct-times.js';

/**
 * Deaths and exits per distinct time and group for a Cox model with one factor. Group 0 is the
 * reference; the model has one coefficient per other group (treatment contrasts, as R's
 * factor). Times are descending, the order in which risk sets grow.
 */
export interface CoxTable {
  readonly groups: number;
  readonly times: number;
  /** deaths[t * groups + g] and exits[t * groups + g] (deaths plus censored) at the t-th time. */
  readonly deaths: Int32Array;
  readonly exits: Int32Array;
  readonly totalDeaths: number;
}

export function buildCoxTable(
  time: Float64Array,
  event: Uint8Array,
  group: Int32Array,
  groups: number,
): CoxTable {
  const { times, index } = indexDistinctTimes(time);
  const m = times.length;
  const deaths = new Int32Array(m * groups);
  const exits = new Int32Array(m * groups);
  let totalDeaths = 0;
  for (let i = 0; i < time.length; i++) {
    // Row 0 is the latest time: the likelihood is accumulated as the risk sets grow backwards.
    const cell = (m - 1 - index[i]!) * groups + group[i]!;
    exits[cell]!++;
    if (event[i] === 1) {
      deaths[cell]!++;
      totalDeaths++;
    }
  }
  return { groups, times: m, deaths, exits, totalDeaths };
}

export interface CoxEvaluation {
  loglik: number;
  /** The score vector, length p = groups - 1. */
  u: Float64Array;
  /** The information matrix, p by p, row-major and symmetric. */
  imat: Float64Array;
}

/**
 * Log partial likelihood, score and information at beta, as survival's coxfit6_iter computes
 * them for 0/1 group indicators (which coxph neither centres nor scales). Efron's approximation
 * splits a tied set of D deaths into D terms in which the deaths count 1/D, 2/D, … 1 towards
 * the risk-set sums; Breslow's (and any single death) is one term with them all.
 */
export function evaluateCox(table: CoxTable, beta: Float64Array, efron: boolean): CoxEvaluation {
  const G = table.groups;
  const p = G - 1;
  const risk = new Float64Array(G);
  risk[0] = 1;
  for (let g = 1; g < G; g++) risk[g] = Math.exp(beta[g - 1]!);

  const u = new Float64Array(p);
  const imat = new Float64Array(p * p);
  const atRisk = new Float64Array(G); // weighted by nothing: counts of the risk set
  const a = new Float64Array(p);
  const a2 = new Float64Array(p);
  let loglik = 0;

  for (let t = 0; t < table.times; t++) {
    const row = t * G;
    let denom = 0;
    let denom2 = 0;
    let dead = 0;
    for (let g = 0; g < G; g++) {
      const d = table.deaths[row + g]!;
      atRisk[g]! += table.exits[row + g]! - d; // the censored at t join before the deaths
      denom += atRisk[g]! * risk[g]!;
      denom2 += d * risk[g]!;
      dead += d;
      if (g > 0) {
        a[g - 1] = atRisk[g]! * risk[g]!;
        a2[g - 1] = d * risk[g]!;
        u[g - 1]! += d;
        loglik += d * beta[g - 1]!;
      }
    }
    for (let g = 0; g < G; g++) atRisk[g]! += table.deaths[row + g]!;
    if (dead === 0) continue;

    const terms = efron ? dead : 1;
    const weight = dead / terms;
    for (let k = 1; k <= terms; k++) {
      const f = efron ? k / dead : 1;
      const den = denom + f * denom2;
      loglik -= weight * Math.log(den);
      for (let i = 0; i < p; i++) {
        const ai = a[i]! + f * a2[i]!;
        const mean = ai / den;
        u[i]! -= weight * mean;
        // The covariance of 0/1 indicators in the risk set: diag(mean) - mean mean'.
        imat[i * p + i]! += (weight * ai) / den;
        for (let j = 0; j < p; j++) imat[i * p + j]! -= (weight * mean * (a[j]! + f * a2[j]!)) / den;
      }
    }
  }
  return { loglik, u, imat };
}
