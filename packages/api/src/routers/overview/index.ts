import { dataVersion } from '@trialdesk/db';
import { z } from 'zod';
import { today } from '../../context.js';
import { procedureWith, router } from '../../trpc.js';
import { loadTrial, trialIdSchema } from '../../access/load-trial.js';
import { buildOverview, type Overview } from '../../reports/build-overview.js';
import { aggregateOutput } from '../declared-output.js';

export const overviewRouter = router({
  get: procedureWith('aggregate:read')
    .input(z.strictObject({ trialId: trialIdSchema }))
    .output(aggregateOutput<Overview>())
    .query(async ({ ctx, input }) => {
      const asOf = today(ctx);
      // Aggregates only (no participant-level data), so one cached answer serves every role. The trial is
      // loaded only to compute: a settings change is an audited write, so it moves the version too, and an
      // unknown trial fails the computation, which is never cached.
      return ctx.cache.get(
        `overview:${input.trialId}:${asOf}`,
        await dataVersion(ctx.db, input.trialId),
        async () => buildOverview(ctx.db, await loadTrial(ctx, input.trialId), asOf),
      );
    }),
});
