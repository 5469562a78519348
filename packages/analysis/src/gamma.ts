// The regularised incomplete gamma function, for the chi-square p-value of the log-rank test.
// Series for x < a + 1 and a Lentz continued fraction beyond, as in Numerical Recipes (ch. 6.2),
// both iterated to machine precision.

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
const EPS = Number.EPSILON;
const TINY = Number.MIN_VALUE / EPS;
const MAX_ITERATIONS = 100_000;

// Stirling's series for log Γ(x): the coefficients are B(2k) / (2k (2k - 1)) with the
// Bernoulli numbers B2..B14 (1/6, -1/30, 1/42, -1/30, 5/66, -691/2730, 7/6). For x >= 15 the
// first omitted term is below 1e-19 relative, so shifting small x up by recurrence keeps full
// double precision without any fitted constants.
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156];
const STIRLING_MIN_X = 15;

export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  let shift = 0;
  let product = 1;
  while (x < STIRLING_MIN_X) {
    product *= x;
    x += 1;
  }
  if (product !== 1) shift = Math.log(product);
  const inv = 1 / x;
  const inv2 = inv * inv;
  let series = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) series = series * inv2 + STIRLING[k]!;
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series * inv - shift;
}

/** exp(-x) x^a / Γ(a), the factor common to both expansions, computed on the log scale. */
function prefactor(a: number, x: number): number {
  return Math.exp(a * Math.log(x) - x - logGamma(a));
}

/** P(a, x) by its power series; converges quickly for x < a + 1. */
function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return sum * prefactor(a, x);
}

/** Q(a, x) by its continued fraction (modified Lentz); converges quickly for x >= a + 1. */
function upperFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h * prefactor(a, x);
}

/** The regularised upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a). */
export function gammaQ(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x) || a <= 0) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperFraction(a, x);
}

/** The regularised lower incomplete gamma function P(a, x) = 1 - Q(a, x). */
export function gammaP(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x) || a <= 0) return NaN;
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? lowerSeries(a, x) : 1 - upperFraction(a, x);
}

/** Upper tail of the chi-square distribution, R's pchisq(q, df, lower.tail = FALSE). */
export function chiSquareUpperTail(q: number, df: number): number {
  // R treats df = 0 as a point mass at 0, so any q > 0 lies beyond it.
  if (df === 0) return q > 0 ? 0 : 1;
  return gammaQ(df / 2, q / 2);
}
