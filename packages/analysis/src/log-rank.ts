import { chiSquareUpperTail } from './gamma.js';
import { nearTieTargets } from './tied-times.js';
import type { LogRankResult, SurvivalObservation } from './types.js';
import { checkEvent, checkTime } from './validate.js';

/**
 * The log-rank test across groups, as R's `survdiff(Surv(time, event) ~ group)` with rho = 0:
 * observed and expected events per group (in the order given), the chi-square statistic, its
 * degrees of freedom and upper-tail p-value.
 */
export function logRank(groups: readonly (readonly SurvivalObservation[])[]): LogRankResult {
  const g = groups.length;
  if (g < 2) throw new RangeError(`logRank needs at least two groups; got ${g}`);

  let n = 0;
  for (const group of groups) n += group.length;
  const time = new Float64Array(n);
  const event = new Uint8Array(n);
  const groupOf = new Uint32Array(n);
  const atRisk = new Float64Array(g);
  let w = 0;
  groups.forEach((group, j) => {
    group.forEach((obs, i) => {
      checkTime(obs.time, () => `groups[${j}][${i}].time`);
      checkEvent(obs.event, () => `groups[${j}][${i}].event`);
      time[w] = obs.time + 0;
      event[w] = obs.event ? 1 : 0;
      groupOf[w] = j;
      w++;
    });
    atRisk[j] = group.length;
  });

  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => time[a]! - time[b]!);
  const fixedTime = fixTimes(time, order);

  const observed = new Array<number>(g).fill(0);
  const expected = new Array<number>(g).fill(0);
  const variance = Array.from({ length: g }, () => new Array<number>(g).fill(0));
  const deaths = new Float64Array(g);
  const leaving = new Float64Array(g);

  let start = 0;
  let nRisk = n;
  while (start < n) {
    const t = fixedTime[order[start]!]!;
    deaths.fill(0);
    leaving.fill(0);
    let d = 0;
    let end = start;
    for (; end < n && fixedTime[order[end]!] === t; end++) {
      const idx = order[end]!;
      const k = groupOf[idx]!;
      leaving[k]!++;
      if (event[idx] === 1) {
        deaths[k]!++;
        d++;
      }
    }
    if (d > 0) {
      for (let k = 0; k < g; k++) {
        observed[k]! += deaths[k]!;
        expected[k]! += (d * atRisk[k]!) / nRisk;
      }
      // Hypergeometric variance of the death counts at this time (survdiff2.c).
      if (nRisk > 1) {
        const kt = (d * (nRisk - d)) / (nRisk * (nRisk - 1));
        for (let j = 0; j < g; j++) {
          const rowJ = variance[j]!;
          const tmp = kt * atRisk[j]!;
          rowJ[j]! += tmp;
          for (let k = 0; k < g; k++) rowJ[k]! -= (tmp * atRisk[k]!) / nRisk;
        }
      }
    }
    for (let k = 0; k < g; k++) atRisk[k]! -= leaving[k]!;
    nRisk -= end - start;
    start = end;
  }

  const { chiSquare, df } = chiSquareStatistic(observed, expected, variance);
  return { chiSquare, df, pValue: chiSquareUpperTail(chiSquare, df), observed, expected };
}

/** Each observation's time after aeqSurv's tie correction (survdiff uses timefix = TRUE too). */
function fixTimes(time: Float64Array, order: Uint32Array): Float64Array {
  const distinct: number[] = [];
  for (const idx of order) {
    const t = time[idx]!;
    if (distinct.length === 0 || distinct[distinct.length - 1] !== t) distinct.push(t);
  }
  const targets = nearTieTargets(Float64Array.from(distinct));
  if (targets === null) return time;
  const fixed = new Float64Array(time.length);
  let k = 0;
  for (const idx of order) {
    while (distinct[k] !== time[idx]) k++;
    fixed[idx] = targets[k]!;
  }
  return fixed;
}

/**
 * survdiff's statistic: keep the groups with expected > 0, drop the first of them (the
 * variance matrix of O - E has rank one less than the number of groups), and solve.
 * df is the number of kept groups minus one. R reports df = -1 when there are no events at
 * all; that is reported here as df 0 with chi-square 0 and p = 1, like R's one-group case.
 */
function chiSquareStatistic(
  observed: readonly number[],
  expected: readonly number[],
  variance: readonly (readonly number[])[],
): { chiSquare: number; df: number } {
  const kept: number[] = [];
  expected.forEach((e, k) => {
    if (e > 0) kept.push(k);
  });
  if (kept.length < 2) return { chiSquare: 0, df: 0 };
  const idx = kept.slice(1);
  const u = idx.map((k) => observed[k]! - expected[k]!);
  const v = idx.map((j) => idx.map((k) => variance[j]![k]!));
  const x = solveSymmetric(v, u);
  let chi = 0;
  for (let i = 0; i < u.length; i++) chi += x[i]! * u[i]!;
  return { chiSquare: chi, df: kept.length - 1 };
}

/**
 * Solves V x = u for a symmetric positive semi-definite V by Cholesky decomposition. Where R's
 * solve() would stop on an exactly singular V, a (numerically) zero pivot drops that
 * direction instead, as survival's own cholesky2 does, i.e. a generalised inverse.
 */
function solveSymmetric(v: number[][], u: readonly number[]): number[] {
  const p = u.length;
  let maxDiag = 0;
  for (let i = 0; i < p; i++) maxDiag = Math.max(maxDiag, Math.abs(v[i]![i]!));
  const toler = 1e-9 * maxDiag;
  const skip = new Array<boolean>(p).fill(false);
  // In place: L below the diagonal with unit diagonal, D on the diagonal (LDL').
  for (let i = 0; i < p; i++) {
    const rowI = v[i]!;
    const pivot = rowI[i]!;
    if (!(pivot > toler)) {
      skip[i] = true;
      for (let j = i; j < p; j++) v[j]![i] = 0;
      continue;
    }
    for (let j = i + 1; j < p; j++) {
      const factor = v[j]![i]! / pivot;
      for (let k = j; k < p; k++) v[k]![j]! -= factor * v[k]![i]!;
      v[j]![i] = factor;
    }
  }
  // Forward solve L y = u, scale by D, back solve L' x = y.
  const x = u.slice();
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < i; j++) x[i]! -= v[i]![j]! * x[j]!;
  }
  for (let i = 0; i < p; i++) x[i] = skip[i] ? 0 : x[i]! / v[i]![i]!;
  for (let i = p - 1; i >= 0; i--) {
    for (let j = i + 1; j < p; j++) x[i]! -= v[j]![i]! * x[j]!;
  }
  return x;
}
