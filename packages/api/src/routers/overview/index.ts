import { dataVersion, withAllCentres } from '@trialdesk/db';
import { z } from 'zod';
import type { VersionedCache } from '../../cache.js';
import { today } from '../../context.js';
import { procedureWith, router } from '../../trpc.js';
import { loadTrial, trialIdSchema } from '../../access/load-trial.js';
import {
  centrePageInput,
  overviewCentrePage,
  type PagedOverview,
} from '../../reports/overview-centre-page.js';
import { OverviewStore } from '../../reports/overview-store.js';
import { aggregateOutput } from '../declared-output.js';

/** One store of per-centre parts per shared cache (per server); a one-off context's cache has its own. */
const stores = new WeakMap<VersionedCache, OverviewStore>();
function storeOf(cache: VersionedCache): OverviewStore {
  let store = stores.get(cache);
  if (!store) stores.set(cache, (store = new OverviewStore()));
  return store;
}

export const overviewRouter = router({
  get: procedureWith('aggregate:read')
    // centrePage: the per-centre tables a page at a time (the web asks for the page it shows); without it
    // every centre, as before.
    .input(z.strictObject({ trialId: trialIdSchema, centrePage: centrePageInput.optional() }))
    .output(aggregateOutput<PagedOverview>())
    .query(async ({ ctx, input }) => {
      const asOf = today(ctx);
      // Aggregates only (no participant-level data), so one cached answer serves every role, and it is
      // computed across centres whoever asks first (a coordinator sees the trial's totals; the per-centre
      // parts kept in the store are every centre's too). The trial is loaded only to compute: a settings change is an audited write, so it moves the version too, and an
      // unknown trial fails the computation, which is never cached. After a write, only the centres the
      // write touched are recomputed (overview-store.ts).
      const version = await dataVersion(ctx.db, input.trialId);
      const overview = await ctx.cache.get(`overview:${input.trialId}:${asOf}`, version, () =>
        withAllCentres(ctx.db, async (all) =>
          storeOf(ctx.cache).build(all, await loadTrial({ ...ctx, db: all }, input.trialId), asOf, version),
        ),
      );
      return overviewCentrePage(overview, input.centrePage);
    }),
});
