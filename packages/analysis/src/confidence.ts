import type { ConfType } from './types.js';

// Pointwise limits for S(t), from survival's survfit_confint (logse = TRUE). `seH` is the
// standard error of the cumulative hazard, which is what survfit stores. The formulas are R's,
// rearranged so that each step costs one exp (two for log-log): for example R's
// exp(log(S) - z seH) is S / exp(z seH). They agree with R to rounding error.
// NaN stands for R's NA; the caller turns it into null.

/** Writes [lower, upper] for one step into `out`. */
export function confidenceLimits(
  surv: number,
  seH: number,
  z: number,
  type: ConfType,
  out: Float64Array,
): void {
  switch (type) {
    case 'plain': {
      // Clipped to [0, 1]. At S = 0, seH is Infinity and R's pmax(NaN, 0) stays NaN, as
      // Math.max does.
      const half = seH * surv * z;
      out[0] = Math.max(surv - half, 0);
      out[1] = Math.min(surv + half, 1);
      return;
    }
    case 'log': {
      // NA at S = 0; only the upper limit is clipped (at 1).
      if (surv === 0) {
        out[0] = out[1] = NaN;
        return;
      }
      const factor = Math.exp(z * seH);
      out[0] = surv / factor;
      out[1] = Math.min(surv * factor, 1);
      return;
    }
    case 'log-log': {
      // NA at S = 0 and at S = 1, where log(-log(S)) is undefined; never clipped.
      if (surv === 0 || surv === 1) {
        out[0] = out[1] = NaN;
        return;
      }
      const logS = Math.log(surv);
      const factor = Math.exp((z * seH) / logS);
      out[0] = Math.exp(logS / factor);
      out[1] = Math.exp(logS * factor);
      return;
    }
  }
}
