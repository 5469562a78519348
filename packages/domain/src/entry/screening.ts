// A screened candidate: logged under a pseudonymous screening number that the server assigns per centre.
import { z } from 'zod';
import { calendarDate, entryCentre, entryCriterionId, entryText, entryTrialId } from './common.js';

export const screeningOutcomes = ['included', 'not_eligible', 'declined', 'other'] as const;
export type ScreeningOutcome = (typeof screeningOutcomes)[number];

/**
 * The outcomes a coordinator logs on the screening form (and through entry.screening.record). "Included"
 * is not one of them: an inclusion goes through the Include page, which writes the participant and its
 * screening row together, so that no screening says "included" without a participant behind it.
 */
export const loggableScreeningOutcomes = ['not_eligible', 'declined', 'other'] as const;

/** The screening fields a correction may change, checked by the same rules as a new entry. */
export const screeningFields = z.strictObject({
  screeningDate: calendarDate,
  outcome: z.enum(screeningOutcomes),
  /** Criterion ids (or the date rules labDate / consentDate) a not-eligible candidate failed. */
  failedCriteria: z.array(entryCriterionId).max(50),
  reason: entryText(500).nullable(),
});

/** The outcome's companions: failing criteria only for "not eligible", a reason for "other". */
export function checkScreeningOutcome(
  v: z.infer<typeof screeningFields>,
  ctx: { addIssue(issue: { code: 'custom'; message: string; path: string[] }): void },
) {
  if (v.outcome === 'not_eligible' && v.failedCriteria.length === 0)
    ctx.addIssue({ code: 'custom', message: 'entry.screening.failedCriteria', path: ['failedCriteria'] });
  if (v.outcome !== 'not_eligible' && v.failedCriteria.length > 0)
    ctx.addIssue({
      code: 'custom',
      message: 'entry.screening.criteriaOnlyWhenNotEligible',
      path: ['failedCriteria'],
    });
  if (v.outcome === 'other' && v.reason === null)
    ctx.addIssue({ code: 'custom', message: 'entry.screening.reasonRequired', path: ['reason'] });
}

export const screeningInput = z
  .strictObject({
    trialId: entryTrialId,
    /** Admins choose the centre; a coordinator's own centre is the default. */
    centre: entryCentre.optional(),
    screeningDate: calendarDate,
    outcome: z.enum(screeningOutcomes),
    failedCriteria: z.array(entryCriterionId).max(50).default([]),
    reason: entryText(500).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'included')
      ctx.addIssue({ code: 'custom', message: 'entry.screening.includedViaInclusion', path: ['outcome'] });
    checkScreeningOutcome(v, ctx);
  });
