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

/** One participant's competing-risks outcome: cause 0 is censored, 1, 2, … the first event's type. */
export interface CompetingRisksObservation {
  time: number;
  cause: number;
}

export interface CumulativeIncidenceOptions {
  /**
   * The number of causes K to report (causes 1..K), so that a cause nobody has had yet still
   * gets its (zero) curve. Defaults to the largest cause in the data, at least 1.
   */
  causes?: number;
}

export interface CumulativeIncidenceStep {
  time: number;
  /** Still event-free and under follow-up just before `time`. */
  atRisk: number;
  /** incidence[k - 1]: probability of having had cause k first by `time`. */
  incidence: number[];
  /** stdErr[k - 1]: its infinitesimal-jackknife standard error, as R's survfit. */
  stdErr: number[];
}

export interface CumulativeIncidenceResult {
  /** One per distinct observed time (event or censoring), ascending. */
  steps: CumulativeIncidenceStep[];
}

/** A group label: a centre code, a treatment arm, a category. */
export type CoxGroup = string | number;

export interface CoxObservation {
  time: number;
  event: boolean;
  group: CoxGroup;
}

export type CoxTies = 'efron' | 'breslow';

export interface CoxOptions {
  /** Defaults to 'efron', as R's coxph. */
  ties?: CoxTies;
  /** Defaults to the first group in sorted order, as R's factor. */
  reference?: CoxGroup;
  /** Of the hazard ratios' intervals; defaults to 0.95. */
  confLevel?: number;
}

/** One group against the reference. All null where R gives NA (not estimable). */
export interface CoxTerm {
  group: CoxGroup;
  /** log hazard ratio */
  coefficient: number | null;
  stdErr: number | null;
  hazardRatio: number | null;
  /** exp(coefficient ∓ z stdErr); 0 or Infinity where R prints 0 or Inf. */
  lower: number | null;
  upper: number | null;
  /**
   * R's "coefficient may be infinite": the likelihood is monotone in it (typically a group with
   * no events), so the printed value only says how far the iterations went, not an estimate.
   */
  mayBeInfinite: boolean;
}

export interface CoxResult {
  reference: CoxGroup;
  terms: CoxTerm[];
  waldChiSquare: number;
  likelihoodRatioChiSquare: number;
  /** The score test, which for one factor is the log-rank test (with Efron's or Breslow's ties). */
  scoreChiSquare: number;
  /** The number of estimable coefficients. */
  df: number;
  /** False where R warns "Ran out of iterations and did not converge". */
  converged: boolean;
  iterations: number;
}
