// The trial definition's monitoring plan: what the monitor must verify against the source (SDV) and the
// ranges outside which a value is queried automatically. Stored definitions without a plan get the default,
// so older trials keep parsing.
import { z } from 'zod';

/**
 * Groups of records verified in full. eligibility: the participant's inclusion record (consent, inclusion
 * date, age, sex, the eligibility answers); primary_endpoint: what decides the primary endpoint (follow-up
 * assessments with their imaging, recurrences and deaths); safety: complications and deaths.
 */
export const sdvScopes = ['eligibility', 'primary_endpoint', 'safety', 'treatment'] as const;
export type SdvScope = (typeof sdvScopes)[number];

export const expectedRangeSchema = z.object({
  recordType: z.enum(['participant', 'cycle', 'assessment']),
  field: z.string().min(1),
  min: z.number(),
  max: z.number(),
});

export const monitoringPlanSchema = z.object({
  sdv: z.object({
    /** Record groups verified in full. */
    full: z.array(z.enum(sdvScopes)),
    /** Of every other record, this share (0–100 %) is verified, chosen by sdvSampled from the seed. */
    samplePercent: z.number().min(0).max(100),
    sampleSeed: z.number().int().nonnegative(),
  }),
  /**
   * Values that the entry schema accepts (they can exist) but that are unexpected for this protocol: a
   * value outside its range opens a query instead of being refused.
   */
  expectedRanges: z.array(expectedRangeSchema),
});
export type MonitoringPlan = z.infer<typeof monitoringPlanSchema>;

/** ICH E6(R3) risk-based monitoring at its simplest: eligibility and the primary endpoint in full, 20 % of the rest. */
export const defaultMonitoringPlan: MonitoringPlan = {
  sdv: { full: ['eligibility', 'primary_endpoint'], samplePercent: 20, sampleSeed: 14 },
  expectedRanges: [],
};
