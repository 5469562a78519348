// An inclusion: the checklist answers, measured values (with the centre's ULN where a threshold is relative),
// the dates, and sex. Which items exist comes from the trial definition; evaluateEligibility checks them
// against it (answered, plausible, eligible) in the form and again on the server.
import { z } from 'zod';
import {
  calendarDate,
  correctionReason,
  entryCentre,
  entryCriterionId,
  entryScreeningNumber,
  entryTrialId,
} from './common.js';

export const measureValueInput = z.strictObject({
  value: z.number().finite(),
  uln: z.number().finite().positive().nullable().default(null),
});

export const inclusionInput = z.strictObject({
  trialId: entryTrialId,
  /** Admins choose the centre; a coordinator's own centre is the default. */
  centre: entryCentre.optional(),
  inclusionDate: calendarDate,
  consentDate: calendarDate,
  /** Date the laboratory values were taken; null only for a protocol without laboratory criteria. */
  labDate: calendarDate.nullable(),
  sex: z.enum(['female', 'male']),
  answers: z.record(entryCriterionId, z.boolean()),
  measures: z.record(entryCriterionId, measureValueInput),
  /** Age in whole years, only for a protocol without an 'age' criterion (otherwise measures.age). */
  age: z.number().int().min(0).max(120).optional(),
  /** An earlier screening logged as included, to link; without it a screening row is created. */
  screeningNumber: entryScreeningNumber.optional(),
});
export type InclusionInput = z.input<typeof inclusionInput>;

export const setTargetInput = z.strictObject({
  trialId: entryTrialId,
  target: z.number().int().positive().max(100_000),
  reason: correctionReason,
});
