// Corrections and voids, each with its reason, audited as record.corrected (before/after of the changed
// values) or record.voided. Coordinators correct at their own centre; the PI and administrators anywhere.
import { correctionInput, voidInput } from '@trialdesk/domain';
import { writeTransaction } from '@trialdesk/db';
import { nowIso, today } from '../../context.js';
import { audit, router } from '../../trpc.js';
import { correctParticipant } from '../../use-cases/entry/correct-participant.js';
import {
  correctAssessment,
  correctCycle,
  correctEvent,
  correctScreening,
} from '../../use-cases/entry/correct-records.js';
import { entryProcedure, loadEntryTrial, publishChange } from './shared.js';
import { voidRecord } from '../../use-cases/entry/void-record.js';

export const correctionsRouter = router({
  correct: entryProcedure('clinical:correct')
    .input(correctionInput)
    .mutation(async ({ ctx, input }) => {
      const trial = await loadEntryTrial(ctx, input.trialId);
      const def = trial.definition;
      const asOf = today(ctx);
      const t = input.target;
      const result = await writeTransaction(ctx.db, async (trx) => {
        const r =
          t.record === 'participant'
            ? await correctParticipant(ctx, trx, def, t, asOf)
            : t.record === 'screening'
              ? await correctScreening(ctx, trx, def, t, asOf)
              : t.record === 'cycle'
                ? await correctCycle(ctx, trx, def, t, asOf)
                : t.record === 'assessment'
                  ? await correctAssessment(ctx, trx, def, t, asOf)
                  : await correctEvent(ctx, trx, def, t, asOf);
        await audit(ctx, trx, {
          action: 'record.corrected',
          entityType: r.entityType,
          entityId: r.entityId,
          trialId: def.id,
          centre: r.centre,
          participant: r.studyId,
          before: r.before,
          after: r.after,
          reason: input.reason,
        });
        return r;
      });
      publishChange(ctx, def.id, 'correction', result.centre);
      return { record: t.record, entityId: result.entityId, before: result.before, after: result.after };
    }),

  void: entryProcedure('clinical:correct')
    .input(voidInput)
    .mutation(async ({ ctx, input }) => {
      const trial = await loadEntryTrial(ctx, input.trialId);
      const def = trial.definition;
      const mark = { at: nowIso(ctx), by: ctx.user.id, reason: input.reason };
      const result = await writeTransaction(ctx.db, async (trx) => {
        const r = await voidRecord(ctx, trx, def, input.target, mark);
        await audit(ctx, trx, {
          action: 'record.voided',
          entityType: r.entityType,
          entityId: r.entityId,
          trialId: def.id,
          centre: r.centre,
          participant: r.studyId,
          before: r.before,
          after: { voided: true },
          reason: input.reason,
        });
        return r;
      });
      publishChange(ctx, def.id, 'correction', result.centre);
      return { record: input.target.record, entityId: result.entityId };
    }),
});
