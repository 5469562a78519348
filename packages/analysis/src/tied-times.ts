// R's survfit and survdiff both run the times through aeqSurv (timefix = TRUE) first, so that
// times differing only by floating-point noise, such as 0.1 + 0.2 and 0.3, count as one time.

/** R's default `sqrt(.Machine$double.eps)`, used by aeqSurv and quantile.survfit alike. */
export const R_TOLERANCE = Math.sqrt(Number.EPSILON);

/**
 * For ascending, distinct times, the time aeqSurv replaces each one with, or null when no two
 * are tied. aeqSurv compares each gap between neighbouring distinct times with the tolerance,
 * both absolutely and relative to the mean distinct time, and chains tied gaps: every time in
 * a chain becomes the smallest time of that chain.
 */
export function nearTieTargets(distinct: Float64Array): Float64Array | null {
  const n = distinct.length;
  if (n < 2) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs(distinct[i]!);
  const mean = sum / n;

  let targets: Float64Array | null = null;
  let cut = distinct[0]!;
  for (let i = 1; i < n; i++) {
    const gap = distinct[i]! - distinct[i - 1]!;
    if (gap <= R_TOLERANCE || gap / mean <= R_TOLERANCE) {
      targets ??= distinct.slice();
      targets[i] = cut;
    } else {
      cut = distinct[i]!;
    }
  }
  return targets;
}
