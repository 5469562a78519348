// Generalised Cholesky tools with the exact rules of survival's cholesky2, chsolve2 and chinv2,
// which coxph uses for its Newton steps, variance and tests. Matching their handling of a
// (near-)singular matrix is what makes a non-estimable coefficient come out as R reports it.
// Matrices are p-by-p, row-major in a Float64Array, and symmetric on entry.

/**
 * Factors M = F D F' in place: F (unit lower triangular) below the diagonal, D on it. A pivot
 * below `toler` times the largest diagonal, or not finite, marks a redundant column: its D
 * entry is set to 0. Returns the rank, negated if M is not non-negative definite.
 */
export function cholesky(m: Float64Array, p: number, toler: number): number {
  let eps = 0;
  for (let i = 0; i < p; i++) {
    if (m[i * p + i]! > eps) eps = m[i * p + i]!;
    for (let j = i + 1; j < p; j++) m[j * p + i] = m[i * p + j]!;
  }
  if (eps === 0) return 0; // no positive diagonal at all: left as it is, as in R
  eps *= toler;
  let rank = 0;
  let nonneg = 1;
  for (let i = 0; i < p; i++) {
    const pivot = m[i * p + i]!;
    if (!Number.isFinite(pivot) || pivot < eps) {
      m[i * p + i] = 0;
      if (pivot < -8 * eps) nonneg = -1;
      continue;
    }
    rank++;
    for (let j = i + 1; j < p; j++) {
      const temp = m[j * p + i]! / pivot;
      m[j * p + i] = temp;
      m[j * p + j]! -= temp * temp * pivot;
      for (let k = j + 1; k < p; k++) m[k * p + j]! -= temp * m[k * p + i]!;
    }
  }
  return rank * nonneg;
}

/** Solves M x = y in place given cholesky()'s factors; a redundant column gets x = 0. */
export function choleskySolve(m: Float64Array, p: number, y: Float64Array): void {
  for (let i = 0; i < p; i++) {
    let temp = y[i]!;
    for (let j = 0; j < i; j++) temp -= y[j]! * m[i * p + j]!;
    y[i] = temp;
  }
  for (let i = p - 1; i >= 0; i--) {
    const d = m[i * p + i]!;
    if (d === 0) {
      y[i] = 0;
      continue;
    }
    let temp = y[i]! / d;
    for (let j = i + 1; j < p; j++) temp -= y[j]! * m[j * p + i]!;
    y[i] = temp;
  }
}

/**
 * The (generalised) inverse from cholesky()'s factors, returned as a new symmetric matrix.
 * Rows and columns of redundant columns are 0. Like chinv2 it reads the factors from below the
 * diagonal: given a matrix that was never factored (nothing below the diagonal), it returns
 * the inverse of its diagonal, which is what coxph reports after running out of iterations.
 */
export function choleskyInverse(factors: Float64Array, p: number): Float64Array {
  const m = factors.slice();
  for (let i = 0; i < p; i++) {
    if (m[i * p + i]! > 0) {
      m[i * p + i] = 1 / m[i * p + i]!;
      for (let j = i + 1; j < p; j++) {
        m[j * p + i] = -m[j * p + i]!;
        for (let k = 0; k < i; k++) m[j * p + k]! += m[j * p + i]! * m[i * p + k]!;
      }
    }
  }
  for (let i = 0; i < p; i++) {
    if (m[i * p + i] === 0) {
      for (let j = 0; j < i; j++) m[j * p + i] = 0;
      for (let j = i; j < p; j++) m[i * p + j] = 0;
      continue;
    }
    for (let j = i + 1; j < p; j++) {
      const temp = m[j * p + i]! * m[j * p + j]!;
      m[i * p + j] = temp;
      for (let k = i; k < j; k++) m[i * p + k]! += temp * m[j * p + k]!;
    }
  }
  // The inverse is in the upper triangle and diagonal; mirror it.
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) m[i * p + j] = m[j * p + i]!;
  return m;
}
