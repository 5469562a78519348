// The participant-level dataset that the committee views derive from: the same shape for live data
// ("now") and for a frozen data cut, so that one code path computes endpoints, CONSORT and safety for
// both. It holds only non-voided records dated on or before `asOf`; record ids point back to the rows.
import { z } from 'zod';
import { eligibilityRecordSchema } from './eligibility-record.js';
import { isoDateSchema } from './trial-definition.js';
import { causalityLevels, seriousCriteria } from './sae/definitions.js';
import { deviationCategories, deviationOrigins, deviationSeverities } from './sae/deviations.js';

const date = isoDateSchema;

export const datasetCycleSchema = z.object({
  id: z.number().int(),
  cycle: z.number().int().positive(),
  date,
  emptyDate: date.nullable(),
  flowRateMlDay: z.number().nullable(),
  returnedVolumeMl: z.number().nullable(),
  doseMg: z.number().nullable(),
  modification: z.enum(['none', 'reduced', 'delayed', 'skipped', 'stopped']),
  reason: z.string().nullable(),
  /** Given outside the window it was due in (a protocol deviation); cuts frozen before it was stored: false. */
  outOfWindow: z.boolean().default(false),
});

export const imagingResultSchema = z.enum(['no_recurrence', 'hepatic', 'extrahepatic', 'both']);
export type ImagingResultValue = z.infer<typeof imagingResultSchema>;

export const datasetSlotSchema = z.object({
  month: z.number().int().positive(),
  dueDate: date,
  windowStart: date,
  windowEnd: date,
});

export const datasetAssessmentSchema = z.object({
  id: z.number().int(),
  month: z.number().int().positive(),
  status: z.enum(['done', 'missed']),
  performedDate: date.nullable(),
  cea: z.number().nullable(),
  imaging: imagingResultSchema.nullable(),
  missedReason: z.string().nullable(),
  outOfWindow: z.boolean(),
});

export const datasetEventSchema = z.object({
  id: z.number().int(),
  type: z.enum(['recurrence', 'death', 'complication', 'withdrawal', 'lost_to_follow_up']),
  date,
  recurrenceSite: z.enum(['hepatic', 'extrahepatic', 'both']).nullable(),
  deathCause: z.string().nullable(),
  complication: z
    .object({
      term: z.string(),
      category: z.enum(['surgical', 'pump', 'toxicity', 'other']),
      scale: z.enum(['clavien_dindo', 'ctcae']),
      grade: z.string(),
      haipRelated: z.boolean().nullable(),
      resolutionDate: date.nullable(),
    })
    .nullable(),
  reason: z.string().nullable(),
});

export const offStudyReasonSchema = z.enum(['died', 'withdrawn', 'lost_to_follow_up']);
export type OffStudyReason = z.infer<typeof offStudyReasonSchema>;

export const datasetParticipantSchema = z.object({
  id: z.number().int(),
  studyId: z.string(),
  centre: z.string(),
  inclusionDate: date,
  consentDate: date,
  ageAtInclusion: z.number().int(),
  sex: z.enum(['female', 'male']),
  surgeryDate: date.nullable(),
  pumpDate: date.nullable(),
  /** Why an operated participant has no pump (recorded by data entry); absent in older cuts. */
  pumpNotPlacedReason: z.string().nullable().optional(),
  /**
   * Values measured at inclusion (the eligibility form) by criterion id, in the unit the trial definition
   * gives, for the baseline table; absent in cuts frozen before it was stored (counted as missing).
   */
  baseline: z.record(z.string(), z.number()).optional(),
  /**
   * The eligibility form the inclusion was decided on (answers, measures with their upper limit of normal,
   * lab date), so that an export (ODM) carries what an import needs to include the participant again;
   * absent in cuts frozen before it was stored.
   */
  eligibility: eligibilityRecordSchema.optional(),
  timeZero: date.nullable(),
  followUpEnd: date.nullable(),
  offStudy: z.object({ date, reason: offStudyReasonSchema }).nullable(),
  slots: z.array(datasetSlotSchema),
  cycles: z.array(datasetCycleSchema),
  assessments: z.array(datasetAssessmentSchema),
  events: z.array(datasetEventSchema),
});

export const datasetScreeningSchema = z.object({
  id: z.number().int(),
  centre: z.string(),
  number: z.string(),
  date,
  outcome: z.enum(['included', 'not_eligible', 'declined', 'other']),
  failedCriteria: z.array(z.string()),
  reason: z.string().nullable(),
  studyId: z.string().nullable(),
});

/**
 * A serious adverse event as known when the dataset was read (the report's safety sections): its event is in
 * the dataset; a recorded death nobody reported yet is here too (`reportedAt` null, awareness from when the
 * death was entered). Instants are ISO UTC; the clocks are computed from them at the report's instant.
 */
export const datasetSaeSchema = z.object({
  /** null for a death not reported yet. */
  id: z.number().int().nullable(),
  studyId: z.string(),
  centre: z.string(),
  eventId: z.number().int(),
  eventType: z.enum(['complication', 'death']),
  eventDate: date,
  /** The complication's term or the cause of death. */
  term: z.string(),
  criteria: z.array(z.enum(seriousCriteria)),
  assessments: z.array(
    z.object({
      intervention: z.string(),
      causality: z.enum(causalityLevels),
      expected: z.boolean().nullable(),
    }),
  ),
  susar: z.boolean(),
  awareAt: z.string(),
  reportedAt: z.string().nullable(),
  susarReportedAt: z.string().nullable(),
  reviewed: z.boolean(),
});

/** A protocol deviation dated on or before the as-of date (the report's summary per centre and category). */
export const datasetDeviationSchema = z.object({
  id: z.number().int(),
  centre: z.string(),
  studyId: z.string().nullable(),
  category: z.enum(deviationCategories),
  severity: z.enum(deviationSeverities),
  date,
  origin: z.enum(deviationOrigins),
});

export const trialDatasetSchema = z.object({
  /** Bumped when the shape changes, so that an old cut is read with the rules it was made under. */
  format: z.literal(1),
  trialId: z.string(),
  asOf: date,
  synthetic: z.boolean(),
  participants: z.array(datasetParticipantSchema),
  screenings: z.array(datasetScreeningSchema),
  /** SAEs as of the cut; absent in cuts frozen before they were kept (the report says so). */
  saes: z.array(datasetSaeSchema).optional(),
  /** Protocol deviations as of the cut; absent in cuts frozen before they were kept. */
  deviations: z.array(datasetDeviationSchema).optional(),
});

export type DatasetCycle = z.infer<typeof datasetCycleSchema>;
export type DatasetAssessment = z.infer<typeof datasetAssessmentSchema>;
export type DatasetEvent = z.infer<typeof datasetEventSchema>;
export type DatasetParticipant = z.infer<typeof datasetParticipantSchema>;
export type DatasetScreening = z.infer<typeof datasetScreeningSchema>;
export type DatasetSae = z.infer<typeof datasetSaeSchema>;
export type DatasetDeviation = z.infer<typeof datasetDeviationSchema>;
export type TrialDataset = z.infer<typeof trialDatasetSchema>;

/** Days per month for survival times: a 365.25-day year over 12 months (30.4375 days). */
export const DAYS_PER_MONTH = 365.25 / 12;
