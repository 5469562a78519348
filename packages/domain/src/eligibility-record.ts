// What an inclusion stores about eligibility: the checklist answers and measured values as entered.
import { z } from 'zod';
import { isoDateSchema } from './trial-definition.js';

export const eligibilityRecordSchema = z.object({
  /** Confirm items by criterion id: inclusion items must be true, exclusion items false. */
  answers: z.record(z.string(), z.boolean()),
  /** Measured values by criterion id; `uln` is the centre's upper limit of normal where the threshold is relative. */
  measures: z.record(z.string(), z.object({ value: z.number(), uln: z.number().positive().nullable() })),
  labDate: isoDateSchema.nullable(),
});
export type EligibilityRecord = z.infer<typeof eligibilityRecordSchema>;
