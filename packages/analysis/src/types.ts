export interface SurvivalObservation {
  time: number;
  event: boolean;
}

export type ConfType = 'log' | 'log-log' | 'plain';

export interface KaplanMeierStep {
  time: number;
  atRisk: number;
  events: number;
  censored: number;
  survival: number;
  stdErr: number | null;
  lower: number | null;
  upper: number | null;
}

/** A median (of survival, or of follow-up) with its confidence limits; null where R gives NA. */
export interface MedianEstimate {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
}

export interface KaplanMeierResult {
  /** One per distinct observed time (event or censoring), ascending. */
  steps: KaplanMeierStep[];
  median: MedianEstimate;
}

export interface KaplanMeierOptions {
  /** Defaults to 0.95. */
  confLevel?: number;
  /** Defaults to 'log', as in R's survfit. */
  confType?: ConfType;
}

/** The curve read at one chosen time, as R's `summary(fit, times = t, extend = TRUE)` gives it. */
export interface SurvivalAtTime {
  time: number;
  survival: number;
  stdErr: number | null;
  lower: number | null;
  upper: number | null;
  atRisk: number;
}

export interface LogRankResult {
  chiSquare: number;
  df: number;
  pValue: number;
  observed: number[];
  expected: number[];
}
