import { confidenceLimits } from './confidence.js';
import { normalQuantile } from './normal.js';
import { curveQuantile } from './quantile.js';
import { buildTimeTable } from './time-table.js';
import type { KaplanMeierOptions, KaplanMeierResult, KaplanMeierStep, SurvivalObservation } from './types.js';
import { resolveOptions } from './validate.js';

const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/**
 * The Kaplan-Meier estimate with Greenwood standard errors and pointwise confidence limits,
 * matching R's `survfit(Surv(time, event) ~ 1, conf.type, conf.int)` and `summary(fit, censored = TRUE)`.
 */
export function kaplanMeier(
  data: readonly SurvivalObservation[],
  options?: KaplanMeierOptions,
): KaplanMeierResult {
  const { confLevel, confType } = resolveOptions(options);
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const table = buildTimeTable(data);
  const m = table.length;

  const steps = new Array<KaplanMeierStep>(m);
  // The median is read off these curves; NaN marks R's NA.
  const surv = new Float64Array(m);
  const lower = new Float64Array(m);
  const upper = new Float64Array(m);

  const limits = new Float64Array(2);
  let s = 1;
  // Greenwood's sum for the cumulative hazard, sum d / (n (n - d)): survfit stores its square
  // root as std.err. It becomes Infinity when everyone at risk has the event (n = d), as in R.
  let greenwood = 0;
  for (let i = 0; i < m; i++) {
    const n = table.atRisk[i]!;
    const d = table.events[i]!;
    if (d > 0) {
      s *= (n - d) / n;
      greenwood += d / (n * (n - d));
    }
    const seH = Math.sqrt(greenwood);
    confidenceLimits(s, seH, z, confType, limits);
    const lo = limits[0]!;
    const up = limits[1]!;
    surv[i] = s;
    lower[i] = lo;
    upper[i] = up;
    steps[i] = {
      time: table.time[i]!,
      atRisk: n,
      events: d,
      censored: table.censored[i]!,
      survival: s,
      // summary.survfit reports std.err * surv, the Greenwood se of S(t) itself; at S = 0 that
      // is Inf * 0 = NaN in R, reported here as null.
      stdErr: orNull(seH * s),
      lower: orNull(lo),
      upper: orNull(up),
    };
  }

  const time = table.time;
  return {
    steps,
    median: {
      estimate: orNull(curveQuantile(time, surv, 0.5)),
      // quantile.survfit reads the lower limit of the median off the lower curve, and the upper
      // limit off the upper curve.
      lower: orNull(curveQuantile(time, lower, 0.5)),
      upper: orNull(curveQuantile(time, upper, 0.5)),
    },
  };
}
