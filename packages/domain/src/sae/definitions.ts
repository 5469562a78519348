// What makes an adverse event serious, how its relation to each study intervention is assessed, and when
// it is a SUSAR (ICH E2A): serious, related to a study intervention, and unexpected against that
// intervention's reference safety information as the trial definition lists it.
import { z } from 'zod';

/** ICH E2A seriousness criteria. */
export const seriousCriteria = [
  'death',
  'life_threatening',
  'hospitalisation',
  'disability',
  'congenital_anomaly',
  'important_medical_event',
] as const;
export type SeriousCriterion = (typeof seriousCriteria)[number];

/** The WHO-UMC causality categories, most used in investigator-initiated trials. */
export const causalityLevels = ['not_related', 'unlikely', 'possible', 'probable', 'definite'] as const;
export type Causality = (typeof causalityLevels)[number];

/** "Related" for expedited reporting: a reasonable possibility (possible, probable, definite). */
export function isRelated(causality: Causality): boolean {
  return causality === 'possible' || causality === 'probable' || causality === 'definite';
}

/** Event types that can be reported as an SAE; a death always is one. */
export const saeEventTypes = ['complication', 'death'] as const;

export interface InterventionAssessment {
  intervention: string;
  causality: Causality;
  /** Against the intervention's reference safety information; null when not related (not assessed). */
  expected: boolean | null;
}

/** Serious (every reported SAE is) + related to an intervention + unexpected for it. */
export function isSusar(assessments: readonly InterventionAssessment[]): boolean {
  return assessments.some((a) => isRelated(a.causality) && a.expected === false);
}

const localized = z.object({ en: z.string().min(1), nl: z.string().min(1) });

/** The trial definition's safety plan: its study interventions, each with its reference safety information. */
export const safetyPlanSchema = z.object({
  interventions: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z][a-z0-9_]*$/),
        name: localized,
        /** The document (and section) expectedness is judged against, e.g. an SmPC section 4.8. */
        referenceSafetyInformation: localized,
      }),
    )
    .min(1),
});
export type SafetyPlan = z.infer<typeof safetyPlanSchema>;

/** For a stored definition without a plan: the study treatment against the protocol. */
export const defaultSafetyPlan: SafetyPlan = {
  interventions: [
    {
      id: 'study_treatment',
      name: { en: 'Study treatment', nl: 'Studiebehandeling' },
      referenceSafetyInformation: {
        en: 'The protocol’s list of expected adverse events',
        nl: 'De lijst van verwachte bijwerkingen in het protocol',
      },
    },
  ],
};
