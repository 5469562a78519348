// Live updates: a notice for every change in a trial (a new inclusion, assessment, event…), streamed over
// SSE so that open dashboards refetch. Only members of the trial receive them (administrators everywhere),
// a coordinator only their own centre's and the trial's own (settings, data cuts, a 'missed' catch-up);
// the membership is read again before every notice, so a removed member's stream ends at the next change,
// and the session before every notice and every few seconds, so a stream ends with its session.
import { tracked, type TrackedEnvelope } from '@trpc/server';
import { isCentreBound, type Actor } from '@trialdesk/domain';
import { z } from 'zod';
import { currentSessionUser, nowIso, type SessionUser } from '../../context.js';
import { procedureWith, router } from '../../trpc.js';
import { loadTrial, trialIdSchema } from '../../access/load-trial.js';
import { resolveAccess } from '../../access/trial-access.js';
import type { ChangeNotice } from '../../live.js';

/** Every kind of notice the bus carries: a kind missing here would make the stream's output check fail. */
const noticeKinds = [
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
  'lock',
  'signature',
  'sae',
  'deviation',
  'missed',
] as const satisfies readonly ChangeNotice['kind'][];
// Compile-time: every ChangeNotice kind is listed (locks and signatures were not, and their notices broke
// the stream with a ZodError).
const everyKindListed: Exclude<ChangeNotice['kind'], (typeof noticeKinds)[number]> extends never
  ? true
  : false = true;
void everyKindListed;

export const liveNotice = z.object({
  kind: z.enum(noticeKinds),
  centre: z.string().nullable(),
  at: z.string(),
});
export type LiveNotice = z.infer<typeof liveNotice>;

/** A stream of notices; each is parsed by `liveNotice` before it leaves (see below). */
const noticeStream = z.custom<AsyncIterable<TrackedEnvelope<LiveNotice>>>(
  (value) => typeof value === 'object' && value !== null && Symbol.asyncIterator in value,
  'Not a stream',
);

/** The stream may go on only while its session is the one it was opened by, with the same role and centre. */
function sameAccess(now: SessionUser | null, opened: SessionUser): boolean {
  return now !== null && now.role === opened.role && now.centre === opened.centre && !now.mustChangePassword;
}

export const liveRouter = router({
  /**
   * Notices of changes in a trial (a new inclusion, assessment, event…), streamed over SSE. A notice says
   * what kind of record changed, at which centre and when: never which participant. A coordinator hears of
   * their own centre's changes and trial-wide ones (settings, data cuts) only, in the role of their
   * membership. The stream ends when its session ends, for whatever reason: it re-reads the session before
   * each notice and every `live.sessionCheckMs`.
   */
  onChange: procedureWith('aggregate:read')
    // lastEventId: sent by the browser's SSE link when it reconnects (the id of the last notice it saw).
    .input(z.strictObject({ trialId: trialIdSchema, lastEventId: z.string().max(20).nullish() }))
    .output(noticeStream)
    .subscription(async function* ({ ctx, input, signal }) {
      await loadTrial(ctx, input.trialId);
      const lastId = Number(input.lastEventId ?? Number.NaN);
      const resume = Number.isSafeInteger(lastId) ? { lastId, at: nowIso(ctx) } : undefined;
      // The account as it was when the stream opened: the stream ends when its session ends or the account
      // changes (deactivation, password change or reset, role change, expiry).
      const opened = await currentSessionUser(ctx.db, ctx.user.sessionId, ctx.clock(), ctx.auth);
      if (!opened) return;
      const stop = new AbortController();
      const stillValid = async () =>
        sameAccess(await currentSessionUser(ctx.db, opened.sessionId, ctx.clock(), ctx.auth), opened);
      const check = async () => {
        if (!(await stillValid().catch(() => false))) stop.abort();
      };
      const timer = setInterval(() => void check(), ctx.live.sessionCheckMs);
      const until = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
      try {
        for await (const notice of await ctx.live.changes(input.trialId, until, resume)) {
          if (!(await stillValid())) return;
          // Throws the unknown-trial answer once the membership has ended, which ends the stream.
          const access = await resolveAccess(ctx, ctx.user, input.trialId, 'aggregate:read');
          if (!visibleTo(access, notice)) continue;
          yield tracked(String(notice.id), liveNotice.parse(notice));
        }
      } catch (error) {
        // The session ended (or the client left): the stream ends normally.
        if (!until.aborted) throw error;
      } finally {
        clearInterval(timer);
      }
    }),
});

/** A centre's change reaches the trial's members, but a coordinator only for their own centre. */
function visibleTo(access: Actor | null, notice: ChangeNotice): boolean {
  if (!access) return false;
  return !isCentreBound(access.role) || notice.centre === null || notice.centre === access.centre;
}
