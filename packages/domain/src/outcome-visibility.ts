// Who may look at efficacy outcomes while the trial runs. Unplanned looks at accumulating outcome data
// bias a trial (the decision to stop or change it becomes data-driven), so until the primary analysis is
// released only the roles named in the trial's setting see outcomes; by default the steering committee and
// the PI, never centre coordinators or monitors. Pooled safety, accrual and data quality stay open to all.
import { z } from 'zod';
import { isIsoDate } from './dates.js';
import { roles, type Role } from './roles.js';

const isoDate = z.string().refine(isIsoDate, 'A date as YYYY-MM-DD');

export const outcomeVisibilitySchema = z.object({
  /** Roles that see efficacy outcomes before the primary analysis is released. */
  rolesBeforePrimaryAnalysis: z.array(z.enum(roles)),
  /**
   * The date the primary analysis was released, recorded by an administrator; from then on every role
   * that reads aggregates sees outcomes. null while the trial is before its primary analysis.
   */
  primaryAnalysisReleased: isoDate.nullable(),
});
export type OutcomeVisibility = z.infer<typeof outcomeVisibilitySchema>;

export const defaultOutcomeVisibility: OutcomeVisibility = {
  rolesBeforePrimaryAnalysis: ['pi', 'steering'],
  primaryAnalysisReleased: null,
};

/** Whether a role (its role in this trial) may see efficacy outcomes now, under the trial's setting. */
export function outcomesOpenTo(visibility: OutcomeVisibility, role: Role): boolean {
  return visibility.primaryAnalysisReleased !== null || visibility.rolesBeforePrimaryAnalysis.includes(role);
}
