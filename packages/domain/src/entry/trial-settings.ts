// Trial settings an administrator changes with a reason: which roles see efficacy outcomes before the
// primary analysis, and the date the primary analysis was released (outcome-visibility.ts).
import { z } from 'zod';
import { roles } from '../roles.js';
import { calendarDate, correctionReason, entryTrialId } from './common.js';

export const setOutcomeVisibilityInput = z.strictObject({
  trialId: entryTrialId,
  rolesBeforePrimaryAnalysis: z
    .array(z.enum(roles))
    .max(roles.length)
    .refine((list) => new Set(list).size === list.length, 'entry.outcomeVisibility.duplicateRole'),
  /** null: the trial is before its primary analysis. */
  primaryAnalysisReleased: calendarDate.nullable(),
  reason: correctionReason,
});
