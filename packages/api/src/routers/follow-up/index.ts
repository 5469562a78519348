import { assessmentState, assessmentStates } from '@trialdesk/domain';
import { followUpMatrixPage } from '@trialdesk/db';
import { z } from 'zod';
import { today } from '../../context.js';
import { scopedCentre } from '../../access/centre-scope.js';
import { procedureWith, router } from '../../trpc.js';
import { loadTrial, trialIdSchema } from '../../access/load-trial.js';
import { centreCodeInput } from '../participants/schemas.js';

/** A cell is an assessment's state, or 'none' for a month without a slot (no time zero yet). */
const cellState = z.enum([...assessmentStates, 'none']);

export const followUpRouter = router({
  /**
   * The follow-up milestone matrix: participants × scheduled assessments, a page at a time. 'none' marks a
   * month with no slot (no time zero yet).
   */
  matrix: procedureWith('participant:read')
    .input(
      z.strictObject({
        trialId: trialIdSchema,
        centre: centreCodeInput.nullish(),
        page: z.number().int().min(0).max(100_000).default(0),
        pageSize: z.number().int().min(1).max(200).default(50),
      }),
    )
    .output(
      z.object({
        months: z.array(z.number()),
        total: z.number(),
        rows: z.array(
          z.object({
            studyId: z.string(),
            centre: z.string(),
            timeZero: z.string().nullable(),
            offStudy: z.object({ date: z.string(), reason: z.string() }).nullable(),
            cells: z.array(
              z.object({
                month: z.number(),
                state: cellState,
                dueDate: z.string().nullable(),
                performedDate: z.string().nullable(),
              }),
            ),
          }),
        ),
      }),
    )
    .query(async ({ ctx, input }) => {
      const trial = await loadTrial(ctx, input.trialId);
      const centre = scopedCentre(ctx.user, 'participant:read', input.centre);
      const asOf = today(ctx);
      const months = trial.definition.schedule.assessments.map((a) => a.month);
      const { total, participants, slots } = await followUpMatrixPage(
        ctx.db,
        trial.id,
        { centre },
        { offset: input.page * input.pageSize, limit: input.pageSize },
      );
      const byParticipant = new Map<number, typeof slots>();
      for (const s of slots)
        byParticipant.set(s.participantId, [...(byParticipant.get(s.participantId) ?? []), s]);
      return {
        months,
        total,
        rows: participants.map((p) => {
          const mine = new Map((byParticipant.get(p.id) ?? []).map((s) => [s.month, s]));
          return {
            ...p,
            cells: months.map((month) => {
              const s = mine.get(month);
              if (!s || s.status === 'cancelled')
                return { month, state: 'none' as const, dueDate: null, performedDate: null };
              const state = assessmentState({ ...s, status: s.status }, asOf);
              return { month, state, dueDate: s.dueDate, performedDate: s.performedDate };
            }),
          };
        }),
      };
    }),
});
