// The protocol as data. Everything the software knows about a trial (target, centres, eligibility,
// treatment plan, assessment schedule, endpoints, milestones) comes from one zod-validated definition,
// so that no code path is specific to PUMP-III. Values that are not on the public trial page are
// marked as assumptions and shown in the UI as settings, never as facts.
import { z } from 'zod';
import { defaultMonitoringPlan, monitoringPlanSchema } from './monitoring/plan.js';
import { allCriteria } from './criteria.js';
import { isIsoDate } from './dates.js';
import { defaultOutcomeVisibility, outcomeVisibilitySchema } from './outcome-visibility.js';
import { defaultSafetyPlan, safetyPlanSchema } from './sae/definitions.js';

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'Expected a calendar date as YYYY-MM-DD' })
  .describe('ISO-8601 calendar date');

export const localizedTextSchema = z.object({ en: z.string().min(1), nl: z.string().min(1) });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const centreCodeSchema = z.string().regex(/^[A-Z]{2,8}$/, 'Centre codes are 2–8 capital letters');

export const centreDefinitionSchema = z.object({
  code: centreCodeSchema,
  name: z.string().min(1),
  city: z.string().min(1),
  /** Planned number of inclusions at this centre. */
  target: z.number().int().positive(),
  activationDate: isoDateSchema,
});
export type CentreDefinition = z.infer<typeof centreDefinitionSchema>;

const boundSchema = z.object({ value: z.number(), inclusive: z.boolean() });

/** A yes/no item. For an inclusion criterion "yes" is required; for an exclusion criterion "yes" excludes. */
const confirmCriterionSchema = z.object({
  id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  kind: z.literal('confirm'),
  text: localizedTextSchema,
  /**
   * What was wrong when the criterion fails, as a reason for not including ("No written informed
   * consent"). Optional: without it eligibility-wording.ts derives one (an exclusion's own text).
   */
  failure: localizedTextSchema.optional(),
});

/**
 * A measured value with a threshold. `relativeToUln` means the bounds are multiples of the centre's
 * upper limit of normal, which the coordinator enters with the value. `plausible` is the physical range:
 * a value outside it is a typing error, not an ineligible patient.
 */
const measureCriterionSchema = z.object({
  id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  kind: z.literal('measure'),
  text: localizedTextSchema,
  /** The measured quantity without its threshold ("Platelets"), from which the failure wording is derived. */
  label: localizedTextSchema.optional(),
  /** What was wrong when the criterion fails; optional, derived from `label` and the bounds when absent. */
  failure: localizedTextSchema.optional(),
  unit: z.string(),
  integer: z.boolean().default(false),
  lab: z.boolean().default(false),
  relativeToUln: z.boolean().default(false),
  min: boundSchema.optional(),
  max: boundSchema.optional(),
  plausible: z.object({ min: z.number(), max: z.number() }),
});

export const criterionSchema = z.discriminatedUnion('kind', [confirmCriterionSchema, measureCriterionSchema]);
export type Criterion = z.infer<typeof criterionSchema>;
export type MeasureCriterion = z.infer<typeof measureCriterionSchema>;

export const eligibilitySchema = z.object({
  inclusion: z.array(criterionSchema).min(1),
  exclusion: z.array(criterionSchema),
  /** Laboratory values must be taken at most this many days before inclusion (0 = same day). */
  labWindowDays: z.number().int().nonnegative(),
});

export const treatmentSchema = z.object({
  name: localizedTextSchema,
  drug: z.string(),
  cycleCount: z.number().int().positive(),
  cycleLengthDays: z.number().int().positive(),
  /** Cycle 1 starts this many days after time zero (earliest, latest); the expected date is the earliest. */
  firstCycleAfterDays: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]),
  /** Day of the cycle on which the pump is emptied, and the window around it. */
  emptyDay: z.number().int().positive(),
  emptyWindowDays: z.number().int().nonnegative(),
  /**
   * Days either side of a later cycle's planned day 1 (one cycle length after the previous day 1) within
   * which it is on time; outside it the cycle is a protocol deviation. Defaults to `emptyWindowDays`.
   */
  dayOneWindowDays: z.number().int().nonnegative().optional(),
  doseMgPerKgPerDay: z.number().positive(),
  infusionDays: z.number().int().positive(),
});
export type TreatmentPlan = z.infer<typeof treatmentSchema>;

export const scheduleSchema = z.object({
  /** What the schedule counts from: the date of surgery (resection/ablation) or of inclusion. */
  timeZero: z.enum(['surgery', 'inclusion']),
  /**
   * How the protocol names that day where screens label it ("Surgery", "Inclusion"), in both languages.
   * Optional so that definitions stored before it existed still load: `timeZeroName()` then names the kind.
   */
  timeZeroName: localizedTextSchema.optional(),
  /**
   * Surgery (with pump placement, where the trial has a pump) is planned within this many days after
   * inclusion; the coordinator's worklist counts a surgery not recorded by then as overdue. Optional so
   * that stored definitions still load: `surgeryDueDays()` then takes 28 days.
   */
  surgeryWithinDays: z.number().int().positive().optional(),
  assessments: z
    .array(z.object({ month: z.number().int().positive(), windowDays: z.number().int().nonnegative() }))
    .min(1)
    .refine((a) => a.every((x, i) => i === 0 || x.month > (a[i - 1]?.month ?? 0)), 'Months must ascend'),
});
export type AssessmentSchedule = z.infer<typeof scheduleSchema>;

const TIME_ZERO_NAMES: Record<AssessmentSchedule['timeZero'], LocalizedText> = {
  surgery: { en: 'Surgery', nl: 'Operatie' },
  inclusion: { en: 'Inclusion', nl: 'Inclusie' },
};

/** What the protocol calls the day its schedule counts from, in both languages. */
export function timeZeroName(schedule: Pick<AssessmentSchedule, 'timeZero' | 'timeZeroName'>): LocalizedText {
  return schedule.timeZeroName ?? TIME_ZERO_NAMES[schedule.timeZero];
}

export const endpointKindSchema = z.enum(['hdfs', 'dfs', 'os']);
export type EndpointKind = z.infer<typeof endpointKindSchema>;

export const endpointSchema = z.object({
  kind: endpointKindSchema,
  name: localizedTextSchema,
  primary: z.boolean(),
  /** hDFS only: whether death without hepatic recurrence is an event (else the participant is censored). */
  deathIsEvent: z.boolean(),
  /**
   * What the design hopes for, for the committee to read the observed median against: the target median
   * and the median expected without the intervention, with where they come from. null: none stated.
   * An assumption when the trial's `assumptions` name 'endpoints.target'.
   */
  target: z
    .object({
      medianMonths: z.number().positive(),
      controlMedianMonths: z.number().positive(),
      source: localizedTextSchema,
    })
    .nullable()
    .default(null),
});

export const milestonePlanSchema = z.object({
  /** Primary analysis planned this many months after the last inclusion. */
  primaryAnalysisMonthsAfterLastInclusion: z.number().int().nonnegative(),
  /** Final analysis planned this many months after the last participant's last visit. */
  finalAnalysisMonthsAfterLastVisit: z.number().int().nonnegative(),
});

export const trialDefinitionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    code: z.string().min(1),
    /** Prefix of pseudonymous study IDs: `${prefix}-${centre}-${seq}`, e.g. PUMP3-EMC-007. */
    studyIdPrefix: z.string().regex(/^[A-Z0-9]{2,10}$/),
    title: localizedTextSchema,
    design: localizedTextSchema,
    phase: z.string(),
    principalInvestigator: z.string(),
    registry: z.string().nullable(),
    synthetic: z.boolean(),
    target: z.number().int().positive(),
    recruitment: z.object({ plannedStart: isoDateSchema, plannedEnd: isoDateSchema }),
    followUpMonths: z.number().int().positive(),
    centres: z.array(centreDefinitionSchema).min(1),
    eligibility: eligibilitySchema,
    treatment: treatmentSchema.nullable(),
    schedule: scheduleSchema,
    endpoints: z.array(endpointSchema).min(1),
    milestones: milestonePlanSchema,
    /** What must be verified against the source, and the ranges that open a query (monitoring/plan.ts). */
    monitoring: monitoringPlanSchema.default(defaultMonitoringPlan),
    /** The study interventions SAEs are assessed against, each with its reference safety information. */
    safety: safetyPlanSchema.default(() => structuredClone(defaultSafetyPlan)),
    /** Which roles see efficacy outcomes before the primary analysis (outcome-visibility.ts). */
    outcomeVisibility: outcomeVisibilitySchema.default(() => ({
      ...defaultOutcomeVisibility,
      rolesBeforePrimaryAnalysis: [...defaultOutcomeVisibility.rolesBeforePrimaryAnalysis],
    })),
    /**
     * Settings that are not on the trial's public page but assumed from the literature; the UI labels
     * them "assumption (setting)". Dotted paths into this definition, e.g. 'schedule' or 'centres.target'.
     */
    assumptions: z.array(z.string()),
  })
  .superRefine((def, ctx) => {
    const codes = new Set(def.centres.map((c) => c.code));
    if (codes.size !== def.centres.length)
      ctx.addIssue({ code: 'custom', message: 'Centre codes must be unique' });
    if (def.recruitment.plannedEnd < def.recruitment.plannedStart)
      ctx.addIssue({
        code: 'custom',
        message: 'Recruitment must end after it starts',
        path: ['recruitment'],
      });
    const last = def.schedule.assessments.at(-1);
    if (last && last.month > def.followUpMonths)
      ctx.addIssue({
        code: 'custom',
        message: 'An assessment falls after the end of follow-up',
        path: ['schedule'],
      });
    const ids = allCriteria(def).map((c) => c.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', message: 'Criterion ids must be unique' });
  });

export type TrialDefinition = z.infer<typeof trialDefinitionSchema>;
export type TrialDefinitionInput = z.input<typeof trialDefinitionSchema>;

export function parseTrialDefinition(input: unknown): TrialDefinition {
  return trialDefinitionSchema.parse(input);
}

export function centreOf(def: TrialDefinition, code: string): CentreDefinition | undefined {
  return def.centres.find((c) => c.code === code);
}
