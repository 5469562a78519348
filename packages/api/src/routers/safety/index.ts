// Serious adverse events: the site reports (coordinators for their centre, the data manager), the PI
// reviews and records a SUSAR's submission, everyone who reads participants reads the listing in their
// scope, and the aggregate is for everyone who reads aggregates (the steering committee sees only that).
import {
  reportSaeInput,
  saeFollowUpInput,
  saeListInput,
  saeReviewInput,
  susarReportInput,
  trialOnlyInput,
} from '@trialdesk/domain';
import { z } from 'zod';
import { router } from '../../trpc.js';
import { listSaesFor, saeSummaryFor } from '../../use-cases/safety/list-saes.js';
import { reportSae } from '../../use-cases/safety/report-sae.js';
import { addSaeFollowUp, reportSusar, reviewSae } from '../../use-cases/safety/sae-steps.js';
import { entryProcedure } from '../entry/procedure.js';
import { saeSummaryView, saeView } from './outputs.js';

export const safetyRouter = router({
  reportSae: entryProcedure('sae:report')
    .input(reportSaeInput)
    .output(z.object({ saeId: z.number(), susar: z.boolean(), onTime: z.boolean(), dueAt: z.string() }))
    .mutation(({ ctx, input }) => reportSae(ctx.deps, input)),
  addFollowUp: entryProcedure('sae:report')
    .input(saeFollowUpInput)
    .output(z.object({ saeId: z.number(), seq: z.number() }))
    .mutation(({ ctx, input }) => addSaeFollowUp(ctx.deps, input)),
  review: entryProcedure('sae:review')
    .input(saeReviewInput)
    .output(z.object({ saeId: z.number(), reviewedAt: z.string() }))
    .mutation(({ ctx, input }) => reviewSae(ctx.deps, input)),
  reportSusar: entryProcedure('sae:review')
    .input(susarReportInput)
    .output(z.object({ saeId: z.number(), onTime: z.boolean(), dueAt: z.string() }))
    .mutation(({ ctx, input }) => reportSusar(ctx.deps, input)),
  list: entryProcedure('participant:read')
    .input(saeListInput)
    .output(z.object({ saes: z.array(saeView) }))
    .query(async ({ ctx, input }) => ({ saes: await listSaesFor(ctx.deps, input) })),
  summary: entryProcedure('aggregate:read')
    .input(trialOnlyInput)
    .output(saeSummaryView)
    .query(({ ctx, input }) => saeSummaryFor(ctx.deps, input)),
});
