// The recruitment target, which data entry depends on: once it is reached inclusions are refused; an
// administrator may change it, with a reason, audited with the value before and after.
import type { setTargetInput } from '@trialdesk/domain';
import { countIncluded, findTrial, updateTrialDefinition, writeTransaction } from '@trialdesk/db';
import type { z } from 'zod';
import { loadTrial } from '../../access/load-trial.js';
import { nowIso } from '../../context.js';
import { FieldErrors } from '../../field-errors.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../deps.js';

export interface TargetChange {
  trialId: string;
  target: number;
  previous: number;
  included: number;
}

export async function setTarget(
  deps: UseCaseDeps,
  input: z.output<typeof setTargetInput>,
): Promise<TargetChange> {
  await loadTrial(deps, input.trialId);
  const result = await writeTransaction(deps.db, async (trx) => {
    // Read again under the write lock: the definition may have changed since.
    const trial = await findTrial(trx, input.trialId);
    if (!trial) throw new Error('unreachable: trial checked above');
    const def = trial.definition;
    const included = await countIncluded(trx, def.id);
    const errors = new FieldErrors(deps.lang);
    if (input.target === def.target) errors.add('target', 'entry.target.unchanged');
    if (input.target < included) errors.add('target', 'entry.target.belowIncluded', { included });
    errors.throwIfAny();
    await updateTrialDefinition(trx, { ...def, target: input.target }, nowIso(deps));
    await writeAudit(deps, trx, {
      action: 'trial.settings_changed',
      entityType: 'trial',
      entityId: def.id,
      trialId: def.id,
      centre: null,
      participant: null,
      before: { target: def.target },
      after: { target: input.target },
      reason: input.reason,
    });
    return { trialId: def.id, target: input.target, previous: def.target, included };
  });
  publishChange(deps, result.trialId, 'settings', null);
  return result;
}
