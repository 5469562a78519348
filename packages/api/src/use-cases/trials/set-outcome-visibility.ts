// Which roles see efficacy outcomes before the primary analysis, and when it was released: an
// administrator changes it with a reason, audited with the setting before and after.
import {
  earliestClinicalDate,
  roles,
  type OutcomeVisibility,
  type setOutcomeVisibilityInput,
} from '@trialdesk/domain';
import { findTrial, updateTrialDefinition, writeTransaction } from '@trialdesk/db';
import type { z } from 'zod';
import { loadTrial } from '../../access/load-trial.js';
import { nowIso, today } from '../../context.js';
import { FieldErrors } from '../../field-errors.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../deps.js';

export interface OutcomeVisibilityChange {
  trialId: string;
  outcomeVisibility: OutcomeVisibility;
  previous: OutcomeVisibility;
}

/** Roles in the permission table's order, so the same setting is always stored (and audited) alike. */
const inRoleOrder = (list: readonly string[]) => roles.filter((r) => list.includes(r));

export async function setOutcomeVisibility(
  deps: UseCaseDeps,
  input: z.output<typeof setOutcomeVisibilityInput>,
): Promise<OutcomeVisibilityChange> {
  await loadTrial(deps, input.trialId);
  const next: OutcomeVisibility = {
    rolesBeforePrimaryAnalysis: inRoleOrder(input.rolesBeforePrimaryAnalysis),
    primaryAnalysisReleased: input.primaryAnalysisReleased,
  };
  const result = await writeTransaction(deps.db, async (trx) => {
    const trial = await findTrial(trx, input.trialId);
    if (!trial) throw new Error('unreachable: trial checked above');
    const def = trial.definition;
    const previous: OutcomeVisibility = {
      rolesBeforePrimaryAnalysis: inRoleOrder(def.outcomeVisibility.rolesBeforePrimaryAnalysis),
      primaryAnalysisReleased: def.outcomeVisibility.primaryAnalysisReleased,
    };
    // The release date lies in the trial's plausible window like every clinical date (not year 0000).
    const errors = new FieldErrors(deps.lang, '', earliestClinicalDate(def));
    errors.plausibleDate('primaryAnalysisReleased', next.primaryAnalysisReleased, today(deps));
    if (JSON.stringify(previous) === JSON.stringify(next))
      errors.add('rolesBeforePrimaryAnalysis', 'entry.outcomeVisibility.unchanged');
    errors.throwIfAny();
    await updateTrialDefinition(trx, { ...def, outcomeVisibility: next }, nowIso(deps));
    await writeAudit(deps, trx, {
      action: 'trial.settings_changed',
      entityType: 'trial',
      entityId: def.id,
      trialId: def.id,
      centre: null,
      participant: null,
      before: { outcomeVisibility: previous },
      after: { outcomeVisibility: next },
      reason: input.reason,
    });
    return { trialId: def.id, outcomeVisibility: next, previous };
  });
  publishChange(deps, result.trialId, 'settings', null);
  return result;
}
