import { R_TOLERANCE } from './tied-times.js';

/**
 * The time at which a survival curve falls to 1 - p, by the rules of survival's
 * quantile.survfit (its internal `findq`), with NaN standing for NA both in and out.
 *
 * findq works on the cumulative distribution y = c(0, 1 - curve) against x = c(0, time),
 * drops repeated y values (keeping the first), and looks p up with approx(method = "constant",
 * f = 1) on y + tol and on y - tol. When some y is within tol of p (the curve sits exactly at
 * 1 - p on a flat stretch) the two look-ups land on either side of the flat and R reports the
 * midpoint; otherwise both land on the same time. If the flat is the end of the curve, R pairs
 * it with the last observed time instead. print.survfit uses a different rule there (it keeps
 * the start of the flat); quantile.survfit is the one followed here.
 *
 * Because the y values are deduplicated, "the approx look-up" reduces to: the first index whose
 * y is the smallest value satisfying the bound. That is one pass, with no sorting, even for
 * curves that are not monotone (the clipped plain upper limit can rise).
 */
export function curveQuantile(time: Float64Array, curve: Float64Array, p: number): number {
  const m = time.length;
  const tol = R_TOLERANCE;
  // Index -1 stands for findq's prepended point (x = 0, y = 0).
  let maxY = 0;
  let best1 = -1;
  let best1Y = 0 + tol >= p ? 0 : Infinity;
  let best2 = -1;
  let best2Y = 0 - tol >= p ? 0 : Infinity;
  let monotone = true;
  let runningMax = 0;
  let lastNewIsNaN = false;
  let sawNaN = false;

  for (let i = 0; i < m; i++) {
    const y = 1 - curve[i]!;
    if (Number.isNaN(y)) {
      if (!sawNaN) {
        sawNaN = true;
        lastNewIsNaN = true;
      }
      continue;
    }
    if (y > maxY) maxY = y;
    if (y + tol >= p && y < best1Y) {
      best1Y = y;
      best1 = i;
    }
    if (y - tol >= p && y < best2Y) {
      best2Y = y;
      best2 = i;
    }
    if (y > runningMax) {
      runningMax = y;
      lastNewIsNaN = false;
    } else if (y < runningMax) {
      monotone = false;
    }
  }

  if (maxY < p) return NaN;
  const x1 = best1Y === Infinity ? NaN : best1 < 0 ? 0 : time[best1]!;
  const x2 = best2Y === Infinity ? NaN : best2 < 0 ? 0 : time[best2]!;
  let quant = (x1 + x2) / 2;

  const lastY = monotone ? (lastNewIsNaN ? NaN : runningMax) : lastDistinctValue(curve);
  if (!Number.isNaN(lastY) && Math.abs(p - lastY) < tol) {
    const xmax = m === 0 ? 0 : time[m - 1]!;
    quant = (x1 + xmax) / 2;
  }
  return quant;
}

/** The y value whose first occurrence comes last, i.e. R's `y[n]` after `y[!duplicated(y)]`. */
function lastDistinctValue(curve: Float64Array): number {
  const seen = new Set<number>([0]);
  let last = 0;
  for (let i = 0; i < curve.length; i++) {
    const y = 1 - curve[i]!;
    // A Set treats NaN as equal to NaN, as duplicated() does.
    if (!seen.has(y)) {
      seen.add(y);
      last = y;
    }
  }
  return last;
}
