import { localizedTextSchema, type TrialDefinition } from '@trialdesk/domain';
import { listTrials } from '@trialdesk/db';
import { z } from 'zod';
import { procedureWith, router } from '../../trpc.js';
import { loadTrial, trialIdSchema } from '../../access/load-trial.js';
import { trialsWith } from '../../access/trial-access.js';
import { aggregateOutput } from '../declared-output.js';
import { setOutcomeVisibilityProcedure } from './set-outcome-visibility.js';
import { setTargetProcedure } from './set-target.js';

export const trialsRouter = router({
  list: procedureWith('trial:read')
    .output(
      z.array(
        z.object({
          id: z.string(),
          code: z.string(),
          title: localizedTextSchema,
          synthetic: z.boolean(),
          target: z.number(),
        }),
      ),
    )
    .query(async ({ ctx }) => {
      // Only the trials the user is a member of (every trial for an administrator).
      const member = await trialsWith(ctx.db, ctx.user, 'trial:read');
      const trials = (await listTrials(ctx.db)).filter((t) => member === null || member.includes(t.id));
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
    .input(z.strictObject({ trialId: trialIdSchema }))
    .output(z.object({ synthetic: z.boolean(), definition: aggregateOutput<TrialDefinition>() }))
    .query(async ({ ctx, input }) => {
      const trial = await loadTrial(ctx, input.trialId);
      return { synthetic: trial.synthetic, definition: trial.definition };
    }),

  setTarget: setTargetProcedure,
  setOutcomeVisibility: setOutcomeVisibilityProcedure,
});
