import { listTrials } from '@trialdesk/db';
import { z } from 'zod';
import { procedureWith, router } from '../../trpc.js';
import { loadTrial, trialIdSchema } from '../../access/load-trial.js';
import { setTargetProcedure } from './set-target.js';

export const trialsRouter = router({
  list: procedureWith('trial:read').query(async ({ ctx }) => {
    const trials = await listTrials(ctx.db);
    return trials.map((t) => ({
      id: t.id,
      code: t.code,
      title: t.definition.title,
      synthetic: t.synthetic,
      target: t.definition.target,
    }));
  }),

  /** The protocol definition: forms, schedule and settings are built from it. */
  get: procedureWith('trial:read')
    .input(z.object({ trialId: trialIdSchema }))
    .query(async ({ ctx, input }) => {
      const trial = await loadTrial(ctx, input.trialId);
      return { synthetic: trial.synthetic, definition: trial.definition };
    }),

  setTarget: setTargetProcedure,
});
