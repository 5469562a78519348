// The regularised incomplete beta function I_x(a, b), for the predictive accrual wait
// (accrual-predictive.ts). Lentz's continued fraction as in Numerical Recipes (ch. 6.4), with the
// symmetry I_x(a, b) = 1 - I_{1-x}(b, a) so that the fraction is always used where it converges
// quickly: about √max(a, b) steps, so a trial 100 000 inclusions short of its target costs a few
// hundred steps instead of a sum of 100 000 terms. (packages/analysis has its own log Γ; the domain
// imports no internal package, so the few lines are repeated here.)

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
const EPS = Number.EPSILON;
const TINY = 1e-300;
const MAX_STEPS = 1_000_000;

// Stirling's series for log Γ(x) with the Bernoulli coefficients B(2k) / (2k (2k - 1)); small x are
// shifted up by the recurrence Γ(x + 1) = x Γ(x) so that the omitted term stays below 1e-19 relative.
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156];

export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  let product = 1;
  while (x < 15) {
    product *= x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  let series = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) series = series * inv2 + STIRLING[k]!;
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series * inv - Math.log(product);
}

/** The continued fraction of I_x(a, b) (modified Lentz); converges quickly for x < (a + 1) / (a + b + 2). */
function fraction(a: number, b: number, x: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_STEPS; m++) {
    const m2 = 2 * m;
    // even step
    let aa = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // odd step
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPS) return h;
  }
  throw new RangeError(`incomplete beta did not converge for a=${a}, b=${b}, x=${x}`);
}

/** I_x(a, b) = P(B ≤ x) for B ~ Beta(a, b), with a, b > 0. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError(`a and b must be positive; got ${a} and ${b}`);
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  // x^a (1 - x)^b / B(a, b) on the log scale, so that neither power underflows for large a or b.
  const front = Math.exp(
    a * Math.log(x) + b * Math.log1p(-x) - (logGamma(a) + logGamma(b) - logGamma(a + b)),
  );
  if (x < (a + 1) / (a + b + 2)) return (front * fraction(a, b, x)) / a;
  return 1 - (front * fraction(b, a, 1 - x)) / b;
}
