// Corrections and voids of saved records, always with a reason (use-cases/entry/correct-record.ts and
// void-record.ts). Coordinators at their own centre; the PI and administrators anywhere.
import { correctionInput, voidInput } from '@trialdesk/domain';
import { router } from '../../trpc.js';
import { correctRecord } from '../../use-cases/entry/correct-record.js';
import { voidRecord } from '../../use-cases/entry/void-record.js';
import { recordCorrected, recordVoided } from './outputs.js';
import { entryProcedure } from './procedure.js';

export const correctionsRouter = router({
  correct: entryProcedure('clinical:correct')
    .input(correctionInput)
    .output(recordCorrected)
    .mutation(({ ctx, input }) => correctRecord(ctx.deps, input)),

  void: entryProcedure('clinical:correct')
    .input(voidInput)
    .output(recordVoided)
    .mutation(({ ctx, input }) => voidRecord(ctx.deps, input)),
});
