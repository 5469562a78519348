// Declared outputs of participant-level data: only these fields leave the server.
import { assessmentStates } from '@trialdesk/domain';
import { z } from 'zod';

export const studyIdSchema = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[A-Z0-9-]+$/, 'A study ID is capitals, digits and dashes, e.g. PUMP3-EMC-007');
export const centreCodeInput = z.string().regex(/^[A-Z]{2,8}$/, 'A centre code is 2–8 capital letters');
const date = z.string();
const voided = z.object({ at: z.string(), reason: z.string().nullable() }).nullable();

export const offStudySchema = z
  .object({ date, reason: z.enum(['died', 'withdrawn', 'lost_to_follow_up']) })
  .nullable();

export const participantSummarySchema = z.object({
  studyId: z.string(),
  centre: z.string(),
  inclusionDate: date,
  surgeryDate: date.nullable(),
  timeZero: date.nullable(),
  followUpEnd: date.nullable(),
  offStudy: offStudySchema,
  followUp: z.string(),
  ageAtInclusion: z.number(),
  sex: z.enum(['female', 'male']),
});

export const participantListSchema = z.object({ total: z.number(), rows: z.array(participantSummarySchema) });

export const slotSchema = z.object({
  month: z.number(),
  dueDate: date,
  windowStart: date,
  windowEnd: date,
  state: z.enum(assessmentStates),
  performedDate: date.nullable(),
});

export const participantDetailSchema = z.object({
  participant: participantSummarySchema.extend({
    centreName: z.string(),
    consentDate: date,
    pumpDate: date.nullable(),
    /** Why no pump was placed at surgery; null when it was, or before surgery. */
    pumpNotPlacedReason: z.string().nullable(),
    synthetic: z.boolean(),
    voided,
  }),
  slots: z.array(slotSchema),
  assessments: z.array(
    z.object({
      id: z.number(),
      month: z.number(),
      status: z.enum(['done', 'missed']),
      performedDate: date.nullable(),
      cea: z.number().nullable(),
      imagingResult: z.enum(['no_recurrence', 'hepatic', 'extrahepatic', 'both']).nullable(),
      missedReason: z.string().nullable(),
      outOfWindow: z.boolean(),
      voided,
    }),
  ),
  plannedCycles: z.array(z.object({ cycle: z.number(), plannedDate: date })),
  cycles: z.array(
    z.object({
      id: z.number(),
      cycle: z.number(),
      cycleDate: date,
      emptyDate: date.nullable(),
      flowRateMlDay: z.number().nullable(),
      returnedVolumeMl: z.number().nullable(),
      doseMg: z.number().nullable(),
      modification: z.enum(['none', 'reduced', 'delayed', 'skipped', 'stopped']),
      modificationReason: z.string().nullable(),
      /** The window the visit was due in; outOfWindow marks a protocol deviation. */
      timing: z
        .object({ plannedDate: date, windowStart: date, windowEnd: date, outOfWindow: z.boolean() })
        .nullable(),
      voided,
    }),
  ),
  events: z.array(
    z.object({
      id: z.number(),
      type: z.enum(['recurrence', 'death', 'complication', 'withdrawal', 'lost_to_follow_up']),
      date,
      recurrenceSite: z.enum(['hepatic', 'extrahepatic', 'both']).nullable(),
      deathCause: z.string().nullable(),
      complicationTerm: z.string().nullable(),
      complicationCategory: z.enum(['surgical', 'pump', 'toxicity', 'other']).nullable(),
      gradeScale: z.enum(['clavien_dindo', 'ctcae']).nullable(),
      grade: z.string().nullable(),
      haipRelated: z.boolean().nullable(),
      resolutionDate: date.nullable(),
      reason: z.string().nullable(),
      voided,
    }),
  ),
});
export type ParticipantDetail = z.infer<typeof participantDetailSchema>;
