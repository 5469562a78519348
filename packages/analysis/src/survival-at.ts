import { buildTimeTable } from './time-table.js';
import type { KaplanMeierResult, KaplanMeierStep, SurvivalAtTime, SurvivalObservation } from './types.js';
import { checkTime } from './validate.js';

/** Index of the last step at or before t (R's findInterval), or -1 if t precedes them all. */
function lastStepAtOrBefore(steps: readonly KaplanMeierStep[], t: number): number {
  let lo = 0;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (steps[mid]!.time <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the first entry of an ascending array that is >= t, or its length if none is. */
function firstAtOrAfter(times: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The curve at chosen times, as R's `summary(fit, times, extend = TRUE)` reports it: the step
 * function's value at t (the estimate after any events at t), and the number at risk at t, i.e.
 * the subjects whose time is >= t. One entry per requested time, in the order given (R sorts
 * them; callers here can sort if they want R's order).
 *
 * Before the first observed time R's survfit0 supplies a starting row: survival 1, standard
 * error 0, limits 1 (for every conf.type, log-log included), everyone at risk. Past the last
 * observed time `extend = TRUE` carries the last row forward with nobody at risk. With no
 * data at all there is no curve: survival 1, atRisk 0, and null for the rest.
 */
export function survivalAt(result: KaplanMeierResult, times: readonly number[]): SurvivalAtTime[] {
  const { steps } = result;
  return times.map((t, i) => {
    checkTime(t, () => `times[${i}]`);
    if (steps.length === 0) {
      return { time: t, survival: 1, stdErr: null, lower: null, upper: null, atRisk: 0 };
    }
    const k = lastStepAtOrBefore(steps, t);
    const atRisk = k + 1 < steps.length ? steps[k + 1]!.atRisk : 0;
    if (k < 0) return { time: t, survival: 1, stdErr: 0, lower: 1, upper: 1, atRisk: steps[0]!.atRisk };
    const step = steps[k]!;
    const exact = step.time === t;
    return {
      time: t,
      survival: step.survival,
      stdErr: step.stdErr,
      lower: step.lower,
      upper: step.upper,
      atRisk: exact ? step.atRisk : atRisk,
    };
  });
}

/**
 * Number at risk (time >= t) at each chosen time, as R's
 * `summary(fit, times, extend = TRUE)$n.risk`: from raw data or from a fitted curve.
 */
export function numberAtRisk(
  source: readonly SurvivalObservation[] | KaplanMeierResult,
  times: readonly number[],
): number[] {
  if ('steps' in source) {
    const stepTimes = source.steps.map((s) => s.time);
    return times.map((t, i) => {
      checkTime(t, () => `times[${i}]`);
      const k = firstAtOrAfter(stepTimes, t);
      return k < source.steps.length ? source.steps[k]!.atRisk : 0;
    });
  }
  const table = buildTimeTable(source);
  return times.map((t, i) => {
    checkTime(t, () => `times[${i}]`);
    const k = firstAtOrAfter(table.time, t);
    return k < table.length ? table.atRisk[k]! : 0;
  });
}
