import { tracked } from '@trpc/server';
import { z } from 'zod';
import { procedureWith, router } from '../../trpc.js';
import { nowIso } from '../../context.js';
import { loadTrial, trialIdSchema } from '../../access/load-trial.js';

export const liveRouter = router({
  /** Notices of changes in a trial (a new inclusion, assessment, event…), streamed over SSE. */
  onChange: procedureWith('aggregate:read')
    // lastEventId: sent by the browser's SSE link when it reconnects (the id of the last notice it saw).
    .input(z.object({ trialId: trialIdSchema, lastEventId: z.string().max(20).nullish() }))
    .subscription(async function* ({ ctx, input, signal }) {
      await loadTrial(ctx, input.trialId);
      const lastId = Number(input.lastEventId ?? Number.NaN);
      const resume = Number.isSafeInteger(lastId) ? { lastId, at: nowIso(ctx) } : undefined;
      for await (const notice of await ctx.live.changes(input.trialId, signal, resume)) {
        yield tracked(String(notice.id), { kind: notice.kind, centre: notice.centre, at: notice.at });
      }
    }),
});
