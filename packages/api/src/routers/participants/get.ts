import { centreOf, planCycles, assessmentState } from '@trialdesk/domain';
import { participantRecords } from '@trialdesk/db';
import { z } from 'zod';
import { loadParticipant } from '../../access/centre-scope.js';
import { loadTrial, trialIdSchema } from '../../access/load-trial.js';
import { today } from '../../context.js';
import { procedureWith } from '../../trpc.js';
import { followUpLabel } from './follow-up-label.js';
import { participantDetailSchema, studyIdSchema } from './schemas.js';

/** One participant's page: the summary, the schedule, and every record, voided ones marked. */
export const getParticipantProcedure = procedureWith('participant:read')
  .input(z.strictObject({ trialId: trialIdSchema, studyId: studyIdSchema }))
  .output(participantDetailSchema)
  .query(async ({ ctx, input }) => {
    const trial = await loadTrial(ctx, input.trialId);
    const p = await loadParticipant(ctx.deps, ctx.db, 'participant:read', trial.id, input.studyId);
    const def = trial.definition;
    const asOf = today(ctx);
    const { slots, assessments, cycles, events } = await participantRecords(ctx.db, p.id);
    const slotMonth = new Map(slots.map((s) => [s.id, s.month]));
    const given = new Map(cycles.filter((c) => c.voided === null).map((c) => [c.cycle, c.cycleDate]));
    // Records go out as they are: the declared output keeps only the fields it names.
    return {
      participant: {
        ...p,
        centreName: centreOf(def, p.centre)?.name ?? p.centre,
        followUp: followUpLabel(p.timeZero, p.offStudy?.date ?? null, asOf, def.followUpMonths),
      },
      slots: slots
        .filter((s) => s.status !== 'cancelled')
        .map((s) => ({
          ...s,
          state: assessmentState(
            { ...s, status: s.status === 'cancelled' ? 'not_applicable' : s.status },
            asOf,
          ),
        })),
      assessments: assessments.map((a) => ({ ...a, month: slotMonth.get(a.slotId) ?? 0 })),
      plannedCycles: def.treatment && p.pumpDate ? planCycles(def.treatment, p.pumpDate, given) : [],
      cycles,
      events,
    };
  });
