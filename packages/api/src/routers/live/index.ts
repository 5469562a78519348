import { tracked } from '@trpc/server';
import { z } from 'zod';
import { procedureWith, router } from '../../trpc.js';
import { loadTrial, trialIdSchema } from '../../access/load-trial.js';

export const liveRouter = router({
  /** Notices of changes in a trial (a new inclusion, assessment, event…), streamed over SSE. */
  onChange: procedureWith('aggregate:read')
    .input(z.object({ trialId: trialIdSchema }))
    .subscription(async function* ({ ctx, input, signal }) {
      await loadTrial(ctx, input.trialId);
      for await (const notice of ctx.live.changes(input.trialId, signal)) {
        yield tracked(String(notice.id), { kind: notice.kind, centre: notice.centre, at: notice.at });
      }
    }),
});
