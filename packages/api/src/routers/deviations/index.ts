// The protocol deviation log: coordinators (their own centre) and the data manager log deviations; the log
// is participant-level (read in one's scope), the summary per centre and category an aggregate.
import {
  deviationCategories,
  deviationListInput,
  recordDeviationInput,
  trialOnlyInput,
} from '@trialdesk/domain';
import { z } from 'zod';
import { router } from '../../trpc.js';
import {
  deviationSummaryFor,
  listDeviationsFor,
  recordDeviation,
} from '../../use-cases/safety/deviations.js';
import { entryProcedure } from '../entry/procedure.js';

const category = z.enum(deviationCategories);
const deviationView = z.object({
  id: z.number(),
  centre: z.string(),
  studyId: z.string().nullable(),
  category,
  severity: z.enum(['major', 'minor']),
  description: z.string(),
  date: z.string(),
  correctiveAction: z.string().nullable(),
  origin: z.enum(['manual', 'auto']),
  recordType: z.enum(['cycle', 'assessment']).nullable(),
  recordId: z.number().nullable(),
  createdAt: z.string(),
  createdByName: z.string(),
  synthetic: z.boolean(),
});

export const deviationsRouter = router({
  record: entryProcedure('deviation:record')
    .input(recordDeviationInput)
    .output(z.object({ deviationId: z.number() }))
    .mutation(({ ctx, input }) => recordDeviation(ctx.deps, input)),
  list: entryProcedure('participant:read')
    .input(deviationListInput)
    .output(z.object({ deviations: z.array(deviationView) }))
    .query(async ({ ctx, input }) => ({ deviations: await listDeviationsFor(ctx.deps, input) })),
  summary: entryProcedure('aggregate:read')
    .input(trialOnlyInput)
    .output(
      z.object({
        total: z.number(),
        major: z.number(),
        minor: z.number(),
        cells: z.array(z.object({ centre: z.string(), category, major: z.number(), minor: z.number() })),
      }),
    )
    .query(({ ctx, input }) => deviationSummaryFor(ctx.deps, input)),
});
