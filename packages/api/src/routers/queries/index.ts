// Data queries (issue 14): names and inputs exactly as the issue gives them, since integrations rely on
// them. Writes call the use cases in use-cases/monitoring/; reads are scoped to the coordinator's centre.
import {
  queryAnswerInput,
  queryCloseInput,
  queryListInput,
  queryOpenInput,
  queryReopenInput,
} from '@trialdesk/domain';
import { z } from 'zod';
import { loadParticipant } from '../../access/centre-scope.js';
import { loadTrial, trialIdSchema } from '../../access/load-trial.js';
import { today } from '../../context.js';
import { router } from '../../trpc.js';
import { listQueryViews, querySummary } from '../../use-cases/monitoring/list-queries.js';
import { openQuery } from '../../use-cases/monitoring/open-query.js';
import { answerQuery, closeQuery, reopenQuery } from '../../use-cases/monitoring/query-steps.js';
import { entryProcedure } from '../entry/procedure.js';
import { queryListOutput, queryOpened, queryStepTaken, querySummaryOutput } from './outputs.js';

export const queriesRouter = router({
  open: entryProcedure('query:open')
    .input(queryOpenInput)
    .output(queryOpened)
    .mutation(({ ctx, input }) => openQuery(ctx.deps, input)),

  answer: entryProcedure('query:answer')
    .input(queryAnswerInput)
    .output(queryStepTaken)
    .mutation(({ ctx, input }) => answerQuery(ctx.deps, input)),

  close: entryProcedure('query:open')
    .input(queryCloseInput)
    .output(queryStepTaken)
    .mutation(({ ctx, input }) => closeQuery(ctx.deps, input)),

  reopen: entryProcedure('query:open')
    .input(queryReopenInput)
    .output(queryStepTaken)
    .mutation(({ ctx, input }) => reopenQuery(ctx.deps, input)),

  list: entryProcedure('participant:read')
    .input(queryListInput)
    .output(queryListOutput)
    .query(async ({ ctx, input }) => {
      const trial = await loadTrial(ctx, input.trialId);
      // A study ID is looked up as everywhere: another centre's answers exactly as a missing one.
      if (input.studyId) await loadParticipant(ctx.deps, ctx.db, 'participant:read', trial.id, input.studyId);
      return { queries: await listQueryViews(ctx.deps, input, today(ctx)) };
    }),

  /** Open queries per centre and the median days to answer, for the overview (centre-scoped). */
  summary: entryProcedure('participant:read')
    .input(z.strictObject({ trialId: trialIdSchema }))
    .output(querySummaryOutput)
    .query(async ({ ctx, input }) => {
      await loadTrial(ctx, input.trialId);
      return querySummary(await listQueryViews(ctx.deps, input, today(ctx)));
    }),
});
