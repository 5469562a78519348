// The exact (Clopper–Pearson) confidence interval of a binomial proportion. The limits solve
// P(X >= x | p_lower) = alpha/2 and P(X <= x | p_upper) = alpha/2; they are found by bisection on the
// binomial distribution function, summed in log space so that n in the thousands stays exact to ~1e-12.
// (The same limits are the beta quantiles qbeta(alpha/2, x, n-x+1) and qbeta(1-alpha/2, x+1, n-x).)

/** P(X <= x) for X ~ Binomial(n, p). */
export function binomialCdf(x: number, n: number, p: number): number {
  if (x < 0) return 0;
  if (x >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  let sum = 0;
  let lc = 0; // log C(n, 0)
  for (let k = 0; k <= x; k += 1) {
    if (k > 0) lc += Math.log(n - k + 1) - Math.log(k);
    sum += Math.exp(lc + k * lp + (n - k) * lq);
  }
  return Math.min(1, sum);
}

/** Solves f(p) = target for an f that decreases in p on [0, 1]. */
function bisectDecreasing(f: (p: number) => number, target: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i += 1) {
    const mid = (lo + hi) / 2;
    if (f(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface Proportion {
  count: number;
  total: number;
  /** null when total is 0. */
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  confLevel: number;
}

export function clopperPearson(count: number, total: number, confLevel = 0.95): Proportion {
  if (!Number.isInteger(count) || !Number.isInteger(total) || count < 0 || total < 0 || count > total)
    throw new RangeError(`Not a proportion: ${count}/${total}`);
  if (total === 0) return { count, total, estimate: null, lower: null, upper: null, confLevel };
  const alpha = 1 - confLevel;
  // P(X >= count | p) = 1 - P(X <= count - 1 | p) increases in p; P(X <= count | p) decreases in p.
  const lower = count === 0 ? 0 : bisectDecreasing((p) => binomialCdf(count - 1, total, p), 1 - alpha / 2);
  const upper = count === total ? 1 : bisectDecreasing((p) => binomialCdf(count, total, p), alpha / 2);
  return { count, total, estimate: count / total, lower, upper, confLevel };
}
