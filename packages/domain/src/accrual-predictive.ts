// The predictive distribution of the time to the remaining inclusions (gamma-Poisson), so that
// the projected end of recruitment carries both the uncertainty of the rate and the randomness
// of the arrivals themselves. Reference: accrual-predictive.reference.R beside this file.
//
// Model. Each centre's inclusions in its active days T_c of the recent window are Poisson with
// rate λ_c. With the usual vague prior p(λ) ∝ 1/λ, λ_c | n_c ~ Gamma(n_c, T_c): its mean n_c / T_c
// is the rate the dashboard already shows. The trial's rate Λ = Σ λ_c is a sum of gammas with
// different scales; it is approximated by the gamma with the same mean and variance
// (Σ n_c/T_c and Σ n_c/T_c²), which is exact when the centres were active equally long. Given Λ
// the next k inclusions take W ~ Gamma(k, Λ) days; over Λ ~ Gamma(α, β) the number of inclusions
// in t days is negative binomial (size α, prob β / (β + t)), so P(W ≤ t) = P(NB ≥ k).

import { incompleteBeta } from './incomplete-beta.js';

export interface CentreExposure {
  recentInclusions: number;
  activeDays: number;
}

/** Shape α and rate β (per day) of the pooled rate's gamma posterior; null without inclusions. */
export function pooledRatePosterior(
  centres: readonly CentreExposure[],
): { shape: number; rate: number } | null {
  let mean = 0;
  let variance = 0;
  for (const c of centres) {
    if (c.recentInclusions > 0 && c.activeDays > 0) {
      mean += c.recentInclusions / c.activeDays;
      variance += c.recentInclusions / (c.activeDays * c.activeDays);
    }
  }
  if (mean === 0) return null;
  return { shape: (mean * mean) / variance, rate: mean / variance };
}

/**
 * P(W ≤ t): the chance that k more inclusions have arrived within t days. W = rate · B / (1 - B) with
 * B ~ Beta(k, shape) (the R reference's identity), so P(W ≤ t) = I_{t/(rate+t)}(k, shape), which equals
 * P(NB ≥ k). Summing the k negative binomial terms instead costs time in proportion to the remaining
 * count: at 100 000 still to include that made every recomputed overview take seconds of CPU.
 */
export function waitDistribution(t: number, k: number, shape: number, rate: number): number {
  if (t <= 0) return 0;
  return incompleteBeta(t / (rate + t), k, shape);
}

/** The p-quantile of the wait W for k more inclusions, in days (not rounded). */
export function waitQuantile(p: number, k: number, shape: number, rate: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be strictly between 0 and 1; got ${p}`);
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`k must be a positive whole number; got ${k}`);
  // Bracket, then bisect: the distribution function is continuous and increasing in t.
  let lo = 0;
  let hi = k / (shape / rate); // the wait at the mean rate
  while (waitDistribution(hi, k, shape, rate) < p) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (waitDistribution(mid, k, shape, rate) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
