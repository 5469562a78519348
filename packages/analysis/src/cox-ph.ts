import { cholesky, choleskyInverse, choleskySolve } from './cholesky.js';
import { buildCoxTable, evaluateCox, type CoxTable } from './cox-likelihood.js';
import { normalQuantile } from './normal.js';
import type { CoxObservation, CoxOptions, CoxResult, CoxTerm } from './types.js';
import { resolveCoxInput } from './validate-cox.js';

// coxph.control()'s defaults: convergence on the relative change of the log partial
// likelihood, the Cholesky tolerance, the iteration limit, and the "may be infinite" threshold.
const EPS = 1e-9;
const TOLER_CHOL = Math.pow(Number.EPSILON, 0.75);
const ITER_MAX = 20;
const TOLER_INF = Math.sqrt(EPS);

/**
 * The Cox proportional hazards model with one factor, as R's
 * `coxph(Surv(time, event) ~ factor(group), ties)`: one term per group against the reference
 * (by default the first group in sorted order, as R's factor), with Wald, likelihood-ratio and
 * score (log-rank) tests. Newton-Raphson with step halving, started at 0, with coxph's
 * convergence rule (survival's coxfit6), so that a coefficient that runs off to infinity (a
 * group without events) comes out as R reports it, flagged `mayBeInfinite`, and one that
 * cannot be estimated (a group gone before the first event) comes out null, as R's NA.
 */
export function coxPh(data: readonly CoxObservation[], options?: CoxOptions): CoxResult {
  const input = resolveCoxInput(data, options);
  const { levels, confLevel } = input;
  const p = levels.length - 1;
  const table = buildCoxTable(input.time, input.event, input.group, levels.length);
  const z = normalQuantile(1 - (1 - confLevel) / 2);

  if (table.totalDeaths === 0) {
    // coxph's own shortcut for data without events: NA coefficients and all tests 0.
    return {
      reference: levels[0]!,
      terms: levels.slice(1).map((group) => emptyTerm(group)),
      waldChiSquare: 0,
      likelihoodRatioChiSquare: 0,
      scoreChiSquare: 0,
      df: 0,
      converged: true,
      iterations: 0,
    };
  }

  const fit = newtonRaphson(table, p, input.ties === 'efron');
  const terms: CoxTerm[] = levels.slice(1).map((group, i) => {
    if (fit.singular[i]) return emptyTerm(group);
    const coefficient = fit.beta[i]!;
    const stdErr = Math.sqrt(fit.variance[i * p + i]!);
    let infs = 0;
    for (let j = 0; j < p; j++) infs += fit.u[j]! * fit.variance[j * p + i]!;
    infs = Math.abs(infs);
    return {
      group,
      coefficient,
      stdErr,
      hazardRatio: Math.exp(coefficient),
      lower: Math.exp(coefficient - z * stdErr),
      upper: Math.exp(coefficient + z * stdErr),
      // coxph.fit's warning "Loglik converged before variable i; coefficient may be infinite".
      mayBeInfinite: !Number.isFinite(fit.u[i]!) || (infs > EPS && infs > TOLER_INF * Math.abs(coefficient)),
    };
  });

  return {
    reference: levels[0]!,
    terms,
    waldChiSquare: waldTest(fit.beta, fit.variance, fit.singular, p),
    likelihoodRatioChiSquare: 2 * (fit.loglik - fit.loglik0),
    scoreChiSquare: fit.score,
    df: fit.singular.filter((s) => !s).length,
    converged: fit.converged,
    iterations: fit.iterations,
  };
}

function emptyTerm(group: CoxTerm['group']): CoxTerm {
  return {
    group,
    coefficient: null,
    stdErr: null,
    hazardRatio: null,
    lower: null,
    upper: null,
    mayBeInfinite: false,
  };
}

interface NewtonFit {
  beta: Float64Array;
  variance: Float64Array;
  u: Float64Array;
  loglik0: number;
  loglik: number;
  score: number;
  singular: boolean[];
  converged: boolean;
  iterations: number;
}

/** coxfit6's iteration, step for step. */
function newtonRaphson(table: CoxTable, p: number, efron: boolean): NewtonFit {
  let beta = new Float64Array(p);
  const first = evaluateCox(table, beta, efron);
  const loglik0 = first.loglik;
  // The score test at beta = 0, and the first Newton step.
  const step = first.u.slice();
  cholesky(first.imat, p, TOLER_CHOL);
  choleskySolve(first.imat, p, step);
  let score = 0;
  for (let i = 0; i < p; i++) score += first.u[i]! * step[i]!;

  let best = loglik0;
  let newBeta = beta.map((b, i) => b + step[i]!);
  let halving = 0;
  for (let iter = 1; iter <= ITER_MAX; iter++) {
    const current = evaluateCox(table, newBeta, efron);
    const rank = cholesky(current.imat, p, TOLER_CHOL);
    const finite =
      Number.isFinite(current.loglik) &&
      current.u.every(Number.isFinite) &&
      current.imat.every(Number.isFinite);
    if (finite && Math.abs(1 - best / current.loglik) <= EPS) {
      const variance = choleskyInverse(current.imat, p);
      // A rank below p (or a step halved on the way, which coxfit6 flags as -2) sends R to
      // look for redundant columns: those with a zero variance are NA.
      const lookForSingular = rank < p || halving > 0;
      return {
        beta: newBeta,
        variance,
        u: current.u,
        loglik0,
        loglik: current.loglik,
        score,
        singular: Array.from({ length: p }, (_, i) => lookForSingular && variance[i * p + i] === 0),
        converged: true,
        iterations: iter,
      };
    }
    if (!finite || current.loglik < best) {
      // Not improving: step halfway (then a third, a quarter…) back towards the last good beta.
      halving++;
      newBeta = newBeta.map((b, i) => (b + halving * beta[i]!) / (halving + 1));
    } else {
      halving = 0;
      best = current.loglik;
      const next = current.u.slice();
      choleskySolve(current.imat, p, next);
      beta = newBeta;
      newBeta = beta.map((b, i) => b + next[i]!);
    }
  }
  // Out of iterations: R recomputes at the last good beta and inverts the information without
  // factoring it first, which leaves the inverse of its diagonal (see choleskyInverse).
  const last = evaluateCox(table, beta, efron);
  return {
    beta,
    variance: choleskyInverse(upperTriangle(last.imat, p), p),
    u: last.u,
    loglik0,
    loglik: last.loglik,
    score,
    singular: new Array<boolean>(p).fill(false),
    converged: false,
    iterations: ITER_MAX + 1,
  };
}

/** The diagonal and above, with zeros below: what coxfit6_iter leaves in its information matrix. */
function upperTriangle(m: Float64Array, p: number): Float64Array {
  const out = m.slice();
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) out[i * p + j] = 0;
  return out;
}

/** coxph.wtest: beta' V⁻¹ beta over the estimable coefficients, V⁻¹ by generalised Cholesky. */
function waldTest(beta: Float64Array, variance: Float64Array, singular: boolean[], p: number): number {
  const keep = singular.flatMap((s, i) => (s ? [] : [i]));
  const q = keep.length;
  if (q === 0) return 0;
  const b = Float64Array.from(keep, (i) => beta[i]!);
  if (q === 1) return (b[0]! * b[0]!) / variance[keep[0]! * p + keep[0]!]!;
  const v = new Float64Array(q * q);
  keep.forEach((i, r) => keep.forEach((j, c) => (v[r * q + c] = variance[i * p + j]!)));
  cholesky(v, q, TOLER_CHOL);
  const solved = b.slice();
  choleskySolve(v, q, solved);
  let sum = 0;
  for (let i = 0; i < q; i++) sum += b[i]! * solved[i]!;
  return sum;
}
