// Live updates: a notice for every change in a trial (a new inclusion, assessment, event…), streamed over
// SSE so that open dashboards refetch. Only members of the trial receive them (administrators everywhere),
// a coordinator only their own centre's and the trial's own (settings, data cuts, a 'missed' catch-up);
// the membership is read again before every notice, so a removed member's stream ends at the next change.
import { tracked, type TrackedEnvelope } from '@trpc/server';
import { isCentreBound, type Actor } from '@trialdesk/domain';
import { z } from 'zod';
import { procedureWith, router } from '../../trpc.js';
import { nowIso } from '../../context.js';
import { loadTrial, trialIdSchema } from '../../access/load-trial.js';
import { resolveAccess } from '../../access/trial-access.js';
import type { ChangeNotice } from '../../live.js';

export const liveNotice = z.object({
  kind: z.enum([
    'inclusion',
    'screening',
    'cycle',
    'assessment',
    'event',
    'correction',
    'settings',
    'datacut',
    'query',
    'sdv',
    'missed',
  ]),
  centre: z.string().nullable(),
  at: z.string(),
});
export type LiveNotice = z.infer<typeof liveNotice>;

/** A stream of notices; each is parsed by `liveNotice` before it leaves (see below). */
const noticeStream = z.custom<AsyncIterable<TrackedEnvelope<LiveNotice>>>(
  (value) => typeof value === 'object' && value !== null && Symbol.asyncIterator in value,
  'Not a stream',
);

export const liveRouter = router({
  onChange: procedureWith('aggregate:read')
    // lastEventId: sent by the browser's SSE link when it reconnects (the id of the last notice it saw).
    .input(z.strictObject({ trialId: trialIdSchema, lastEventId: z.string().max(20).nullish() }))
    .output(noticeStream)
    .subscription(async function* ({ ctx, input, signal }) {
      await loadTrial(ctx, input.trialId);
      const lastId = Number(input.lastEventId ?? Number.NaN);
      const resume = Number.isSafeInteger(lastId) ? { lastId, at: nowIso(ctx) } : undefined;
      for await (const notice of await ctx.live.changes(input.trialId, signal, resume)) {
        // Throws the unknown-trial answer once the membership has ended, which ends the stream.
        const access = await resolveAccess(ctx, ctx.user, input.trialId, 'aggregate:read');
        if (!visibleTo(access, notice)) continue;
        yield tracked(String(notice.id), liveNotice.parse(notice));
      }
    }),
});

/** A centre's change reaches the trial's members, but a coordinator only for their own centre. */
function visibleTo(access: Actor | null, notice: ChangeNotice): boolean {
  if (!access) return false;
  return !isCentreBound(access.role) || notice.centre === null || notice.centre === access.centre;
}
