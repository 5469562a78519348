// Trial settings that data entry depends on: the recruitment target. Once it is reached inclusions are
// refused; an administrator may raise it, with a reason, audited with the value before and after.
import { setTargetInput } from '@trialdesk/domain';
import { countIncluded, findTrial, updateTrialDefinition, writeTransaction } from '@trialdesk/db';
import { nowIso } from '../../context.js';
import { audit } from '../../trpc.js';
import { entryProcedure, FieldErrors, loadEntryTrial, publishChange } from '../entry/shared.js';

export const setTargetProcedure = entryProcedure('trial:configure')
  .input(setTargetInput)
  .mutation(async ({ ctx, input }) => {
    await loadEntryTrial(ctx, input.trialId);
    const result = await writeTransaction(ctx.db, async (trx) => {
      const trial = await findTrial(trx, input.trialId);
      if (!trial) throw new Error('unreachable: trial checked above');
      const def = trial.definition;
      const included = await countIncluded(trx, def.id);
      const errors = new FieldErrors(ctx.lang);
      if (input.target === def.target) errors.add('target', 'entry.target.unchanged');
      if (input.target < included) errors.add('target', 'entry.target.belowIncluded', { included });
      errors.throwIfAny();
      await updateTrialDefinition(trx, { ...def, target: input.target }, nowIso(ctx));
      await audit(ctx, trx, {
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
    publishChange(ctx, result.trialId, 'settings', null);
    return result;
  });

/** Procedures added to the `trials` router in root.ts. */
export const trialSettingsProcedures = { setTarget: setTargetProcedure };
