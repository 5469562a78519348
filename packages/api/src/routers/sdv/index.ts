// Source data verification: the monitor marks a record or field verified; progress per centre and
// participant against the trial definition's plan; a participant's marks for the record page.
import { sdvParticipantInput, sdvProgressInput, sdvVerifyInput } from '@trialdesk/domain';
import { loadParticipant, scopedCentre } from '../../access/centre-scope.js';
import { loadTrial } from '../../access/load-trial.js';
import { router } from '../../trpc.js';
import { sdvOfParticipant, sdvProgress } from '../../use-cases/monitoring/sdv-status.js';
import { verifySdv } from '../../use-cases/monitoring/verify-sdv.js';
import { entryProcedure } from '../entry/procedure.js';
import { sdvParticipantOutput, sdvProgressOutput, sdvVerified } from './outputs.js';

export const sdvRouter = router({
  verify: entryProcedure('sdv:verify')
    .input(sdvVerifyInput)
    .output(sdvVerified)
    .mutation(({ ctx, input }) => verifySdv(ctx.deps, input)),

  progress: entryProcedure('participant:read')
    .input(sdvProgressInput)
    .output(sdvProgressOutput)
    .query(async ({ ctx, input }) => {
      const trial = await loadTrial(ctx, input.trialId);
      const centre = scopedCentre(ctx.deps.actor, 'participant:read', input.centre);
      return sdvProgress(ctx.db, trial.definition, centre);
    }),

  participant: entryProcedure('participant:read')
    .input(sdvParticipantInput)
    .output(sdvParticipantOutput)
    .query(async ({ ctx, input }) => {
      const trial = await loadTrial(ctx, input.trialId);
      const p = await loadParticipant(ctx.deps, ctx.db, 'participant:read', trial.id, input.studyId);
      return { records: await sdvOfParticipant(ctx.db, trial.definition, p.id) };
    }),
});
