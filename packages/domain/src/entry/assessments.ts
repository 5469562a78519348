// A scheduled assessment recorded as done (date, CEA, imaging) or missed (reason).
import { z } from 'zod';
import { calendarDate, entryStudyId, entryText, entryTrialId, physicalNumber } from './common.js';

export const imagingResults = ['no_recurrence', 'hepatic', 'extrahepatic', 'both'] as const;

/** CEA in µg/L: 0 up to values seen only in extreme disease; anything above is a typing error. */
export const ceaRange = { min: 0, max: 100_000 } as const;

export const assessmentResultInput = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('done'),
    performedDate: calendarDate,
    cea: physicalNumber(ceaRange.min, ceaRange.max).nullable(),
    imagingResult: z.enum(imagingResults),
  }),
  z.strictObject({ status: z.literal('missed'), reason: entryText(500) }),
]);

export const assessmentInput = z.strictObject({
  trialId: entryTrialId,
  studyId: entryStudyId,
  /** The scheduled month (e.g. 3, 6 … 60) of the slot being recorded. */
  month: z.number().int().min(0).max(1200),
  result: assessmentResultInput,
});
