import { dataVersion } from '@trialdesk/db';
import { z } from 'zod';
import { today } from '../../context.js';
import { procedureWith, router } from '../../trpc.js';
import { loadTrial, trialIdSchema } from '../load-trial.js';
import { buildOverview } from './build-overview.js';

export const overviewRouter = router({
  get: procedureWith('aggregate:read')
    .input(z.object({ trialId: trialIdSchema }))
    .query(async ({ ctx, input }) => {
      const trial = await loadTrial(ctx, input.trialId);
      const asOf = today(ctx);
      // Aggregates only (no participant-level data), so one cached answer serves every role.
      return ctx.cache.get(`overview:${trial.id}:${asOf}`, await dataVersion(ctx.db, trial.id), () =>
        buildOverview(ctx.db, trial, asOf),
      );
    }),
});
