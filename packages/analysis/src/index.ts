// Survival statistics for the trial dashboard, pure and synchronous, checked against R's
// survival package (see test/r/make-reference.R and test/r/make-committee-reference.R).
export type {
  CompetingRisksObservation,
  ConfType,
  CoxGroup,
  CoxObservation,
  CoxOptions,
  CoxResult,
  CoxTerm,
  CoxTies,
  CumulativeIncidenceOptions,
  CumulativeIncidenceResult,
  CumulativeIncidenceStep,
  KaplanMeierOptions,
  KaplanMeierResult,
  KaplanMeierStep,
  LogRankResult,
  MedianEstimate,
  SurvivalAtTime,
  SurvivalObservation,
} from './types.js';
export { coxPh } from './cox-ph.js';
// R's pchisq(q, df, lower.tail = FALSE), for the p-values of the tests these functions return.
export { chiSquareUpperTail } from './gamma.js';
export { cumulativeIncidence } from './cumulative-incidence.js';
export { kaplanMeier } from './kaplan-meier.js';
export { logRank } from './log-rank.js';
export { medianFollowUp } from './median-follow-up.js';
export { numberAtRisk, survivalAt } from './survival-at.js';
