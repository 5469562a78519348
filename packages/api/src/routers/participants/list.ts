import { lineText } from '@trialdesk/domain';
import { listParticipants } from '@trialdesk/db';
import { z } from 'zod';
import { scopedCentre } from '../../access/centre-scope.js';
import { loadTrial, trialIdSchema } from '../../access/load-trial.js';
import { today } from '../../context.js';
import { procedureWith } from '../../trpc.js';
import { followUpLabel } from './follow-up-label.js';
import { centreCodeInput, participantListSchema } from './schemas.js';

/** The participants of a trial (a coordinator's own centre only), filtered and a page at a time. */
export const listParticipantsProcedure = procedureWith('participant:read')
  .input(
    z.strictObject({
      trialId: trialIdSchema,
      centre: centreCodeInput.nullish(),
      search: lineText(40, 0).optional(),
      status: z.enum(['in_follow_up', 'off_study', 'completed']).optional(),
      page: z.number().int().min(0).max(100_000).default(0),
      pageSize: z.number().int().min(1).max(200).default(50),
    }),
  )
  .output(participantListSchema)
  .query(async ({ ctx, input }) => {
    const trial = await loadTrial(ctx, input.trialId);
    const centre = scopedCentre(ctx.user, 'participant:read', input.centre);
    const asOf = today(ctx);
    const { total, rows } = await listParticipants(
      ctx.db,
      trial.id,
      { centre, search: input.search, status: input.status, today: asOf },
      { offset: input.page * input.pageSize, limit: input.pageSize },
    );
    return {
      total,
      rows: rows.map((r) => ({
        ...r,
        followUp: followUpLabel(r.timeZero, r.offStudy?.date ?? null, asOf, trial.definition.followUpMonths),
      })),
    };
  });
