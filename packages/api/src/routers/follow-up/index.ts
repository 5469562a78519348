import { assessmentState } from '@trialdesk/domain';
import { followUpMatrixPage } from '@trialdesk/db';
import { z } from 'zod';
import { today } from '../../context.js';
import { scopedCentre } from '../../access/centre-scope.js';
import { procedureWith, router } from '../../trpc.js';
import { loadTrial, trialIdSchema } from '../../access/load-trial.js';
import { centreCodeInput } from '../participants/schemas.js';

const cellState = z.enum([
  'done',
  'done_late',
  'missed',
  'due',
  'overdue',
  'upcoming',
  'not_applicable',
  'none',
]);

export const followUpRouter = router({
  /**
   * The follow-up milestone matrix: participants × scheduled assessments, a page at a time. 'none' marks a
   * month with no slot (no time zero yet).
   */
  matrix: procedureWith('participant:read')
    .input(
      z.object({
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
        byParticipant.set(s.participant_id, [...(byParticipant.get(s.participant_id) ?? []), s]);
      return {
        months,
        total,
        rows: participants.map((p) => {
          const mine = new Map((byParticipant.get(p.id) ?? []).map((s) => [s.month, s]));
          return {
            studyId: p.study_id,
            centre: p.centre,
            timeZero: p.time_zero,
            offStudy:
              p.off_study_date && p.off_study_reason
                ? { date: p.off_study_date, reason: p.off_study_reason }
                : null,
            cells: months.map((month) => {
              const s = mine.get(month);
              if (!s || s.status === 'cancelled')
                return { month, state: 'none' as const, dueDate: null, performedDate: null };
              const state = assessmentState(
                {
                  status: s.status,
                  windowStart: s.window_start,
                  windowEnd: s.window_end,
                  performedDate: s.performed_date,
                },
                asOf,
              );
              return { month, state, dueDate: s.due_date, performedDate: s.performed_date };
            }),
          };
        }),
      };
    }),
});
