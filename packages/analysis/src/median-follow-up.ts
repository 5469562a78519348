import { kaplanMeier } from './kaplan-meier.js';
import type { KaplanMeierOptions, MedianEstimate, SurvivalObservation } from './types.js';
import { checkEvent } from './validate.js';

/**
 * Median follow-up by the reverse Kaplan-Meier method (Schemper and Smith, Control Clin Trials
 * 1996): the censorings are the "events" and the events censor, so the curve estimates how
 * long participants would have been followed had none of them had the event. Equal to R's
 * `quantile(survfit(Surv(time, 1 - event) ~ 1, conf.type, conf.int), 0.5)`; null where R says
 * NA (nobody censored, or a limit curve that never reaches one half).
 */
export function medianFollowUp(
  data: readonly SurvivalObservation[],
  options?: KaplanMeierOptions,
): MedianEstimate {
  const reversed = data.map((obs, i) => {
    // Checked here, before the flip, so that a 0/1 status is refused rather than negated.
    checkEvent(obs.event, () => `data[${i}].event`);
    return { time: obs.time, event: !obs.event };
  });
  return kaplanMeier(reversed, options).median;
}
