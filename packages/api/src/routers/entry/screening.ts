// The screening log: each screened candidate under a pseudonymous number per centre, the list a centre
// keeps, and the funnel (screened → not eligible by criterion / declined / other / included) per centre.
import { centreOf, failureWording, screeningInput } from '@trialdesk/domain';
import { listScreenings, screeningFunnel } from '@trialdesk/db';
import { z } from 'zod';
import { scopedCentre } from '../../access/centre-scope.js';
import { loadTrial, trialIdSchema } from '../../access/load-trial.js';
import { router } from '../../trpc.js';
import { recordScreening } from '../../use-cases/entry/record-screening.js';
import { centreCodeInput } from '../participants/schemas.js';
import { screeningFunnelOutput, screeningList, screeningRecorded } from './outputs.js';
import { entryProcedure } from './procedure.js';

export const screeningRouter = router({
  record: entryProcedure('clinical:write')
    .input(screeningInput)
    .output(screeningRecorded)
    .mutation(({ ctx, input }) => recordScreening(ctx.deps, input)),

  list: entryProcedure('participant:read')
    .input(
      z.strictObject({
        trialId: trialIdSchema,
        centre: centreCodeInput.nullish(),
        page: z.number().int().min(0).max(100_000).default(0),
        pageSize: z.number().int().min(1).max(200).default(50),
      }),
    )
    .output(screeningList)
    .query(async ({ ctx, input }) => {
      const trial = await loadTrial(ctx, input.trialId);
      const centre = scopedCentre(ctx.user, 'participant:read', input.centre);
      const { total, rows } = await listScreenings(ctx.db, trial.id, centre, {
        offset: input.page * input.pageSize,
        limit: input.pageSize,
      });
      return {
        total,
        synthetic: trial.synthetic,
        rows,
      };
    }),

  /** The screening funnel per centre, an aggregate for the dashboard. */
  funnel: entryProcedure('aggregate:read')
    .input(z.strictObject({ trialId: trialIdSchema }))
    .output(screeningFunnelOutput)
    .query(async ({ ctx, input }) => {
      const trial = await loadTrial(ctx, input.trialId);
      const def = trial.definition;
      const rows = await screeningFunnel(ctx.db, def.id, null);
      const order = def.centres.map((c) => c.code);
      rows.sort((a, b) => order.indexOf(a.centre) - order.indexOf(b.centre));
      const centres = rows.map((r) => ({
        centre: r.centre,
        name: centreOf(def, r.centre)?.name ?? r.centre,
        screened: r.screened,
        included: r.included,
        notEligible: r.notEligible,
        declined: r.declined,
        other: r.other,
        notEligibleByCriterion: Object.entries(r.notEligibleByCriterion)
          .map(([criterionId, count]) => ({ criterionId, text: failureWording(def, criterionId), count }))
          .sort((a, b) => b.count - a.count || a.criterionId.localeCompare(b.criterionId)),
      }));
      const sum = (k: 'screened' | 'included' | 'notEligible' | 'declined' | 'other') =>
        centres.reduce((s, c) => s + c[k], 0);
      return {
        synthetic: trial.synthetic,
        centres,
        total: {
          screened: sum('screened'),
          included: sum('included'),
          notEligible: sum('notEligible'),
          declined: sum('declined'),
          other: sum('other'),
        },
      };
    }),
});
