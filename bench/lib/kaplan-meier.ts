// The estimator on 100 000 observations, times in days over ten years with ties (as follow-up data are).
import { kaplanMeier, type SurvivalObservation } from '@trialdesk/analysis';
import { createRng } from '@trialdesk/db';
import { percentile, round, timeMs } from './stats.js';

export async function kaplanMeierTiming(n = 100_000, runs = 25) {
  const rng = createRng(2024);
  const data: SurvivalObservation[] = Array.from({ length: n }, () => ({
    time: Math.ceil(rng.exponential(1 / 900)) % 3650,
    event: rng.chance(0.6),
  }));
  const continuous: SurvivalObservation[] = Array.from({ length: n }, () => ({
    time: rng.exponential(1 / 900),
    event: rng.chance(0.6),
  }));
  for (let i = 0; i < 5; i += 1) kaplanMeier(data);
  const days: number[] = [];
  const distinct: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    days.push(await timeMs(() => kaplanMeier(data)));
    distinct.push(await timeMs(() => kaplanMeier(continuous)));
  }
  return {
    days: round(percentile(days, 50), 2),
    daysP95: round(percentile(days, 95), 2),
    distinct: round(percentile(distinct, 50), 2),
    distinctP95: round(percentile(distinct, 95), 2),
  };
}
