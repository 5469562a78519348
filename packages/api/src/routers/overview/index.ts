import { z } from 'zod';
import { today } from '../../context.js';
import { procedureWith, router } from '../../trpc.js';
import { loadTrial, trialIdSchema } from '../load-trial.js';
import { buildOverview } from './build-overview.js';

export const overviewRouter = router({
  get: procedureWith('aggregate:read')
    .input(z.object({ trialId: trialIdSchema }))
    .query(async ({ ctx, input }) => buildOverview(ctx.db, await loadTrial(ctx, input.trialId), today(ctx))),
});
