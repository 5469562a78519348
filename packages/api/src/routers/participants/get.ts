import { centreOf, planCycles, assessmentState } from '@trialdesk/domain';
import { participantRecords } from '@trialdesk/db';
import { z } from 'zod';
import { loadParticipant } from '../../access/centre-scope.js';
import { loadTrial, trialIdSchema } from '../../access/load-trial.js';
import { today } from '../../context.js';
import { procedureWith } from '../../trpc.js';
import { followUpLabel, voidedOf } from './follow-up-label.js';
import { participantDetailSchema, studyIdSchema } from './schemas.js';

/** One participant's page: the summary, the schedule, and every record, voided ones marked. */
export const getParticipantProcedure = procedureWith('participant:read')
  .input(z.object({ trialId: trialIdSchema, studyId: studyIdSchema }))
  .output(participantDetailSchema)
  .query(async ({ ctx, input }) => {
    const trial = await loadTrial(ctx, input.trialId);
    const p = await loadParticipant(ctx.deps, ctx.db, 'participant:read', trial.id, input.studyId);
    const def = trial.definition;
    const asOf = today(ctx);
    const { slots, assessments, cycles, events } = await participantRecords(ctx.db, p.id);
    const slotMonth = new Map(slots.map((s) => [s.id, s.month]));
    const current = cycles.filter((c) => c.voided_at === null);
    const given = new Map(current.map((c) => [c.cycle, c.cycle_date]));
    return {
      participant: {
        studyId: p.study_id,
        centre: p.centre,
        centreName: centreOf(def, p.centre)?.name ?? p.centre,
        inclusionDate: p.inclusion_date,
        consentDate: p.consent_date,
        surgeryDate: p.surgery_date,
        pumpDate: p.pump_date,
        pumpNotPlacedReason: p.pump_not_placed_reason,
        timeZero: p.time_zero,
        followUpEnd: p.follow_up_end,
        offStudy:
          p.off_study_date && p.off_study_reason
            ? { date: p.off_study_date, reason: p.off_study_reason }
            : null,
        followUp: followUpLabel(p.time_zero, p.off_study_date, asOf, def.followUpMonths),
        ageAtInclusion: p.age_at_inclusion,
        sex: p.sex,
        synthetic: p.synthetic === 1,
        voided: voidedOf(p),
      },
      slots: slots
        .filter((s) => s.status !== 'cancelled')
        .map((s) => ({
          month: s.month,
          dueDate: s.due_date,
          windowStart: s.window_start,
          windowEnd: s.window_end,
          state: assessmentState(
            {
              status: s.status === 'cancelled' ? 'not_applicable' : s.status,
              windowStart: s.window_start,
              windowEnd: s.window_end,
              performedDate: s.performed_date,
            },
            asOf,
          ),
          performedDate: s.performed_date,
        })),
      assessments: assessments.map((a) => ({
        id: a.id,
        month: slotMonth.get(a.slot_id) ?? 0,
        status: a.status,
        performedDate: a.performed_date,
        cea: a.cea,
        imagingResult: a.imaging_result,
        missedReason: a.missed_reason,
        outOfWindow: a.out_of_window === 1,
        voided: voidedOf(a),
      })),
      plannedCycles: def.treatment && p.pump_date ? planCycles(def.treatment, p.pump_date, given) : [],
      cycles: cycles.map((c) => ({
        id: c.id,
        cycle: c.cycle,
        cycleDate: c.cycle_date,
        emptyDate: c.empty_date,
        flowRateMlDay: c.flow_rate_ml_day,
        returnedVolumeMl: c.returned_volume_ml,
        doseMg: c.dose_mg,
        modification: c.modification,
        modificationReason: c.modification_reason,
        voided: voidedOf(c),
      })),
      events: events.map((e) => ({
        id: e.id,
        type: e.type,
        date: e.event_date,
        recurrenceSite: e.recurrence_site,
        deathCause: e.death_cause,
        complicationTerm: e.complication_term,
        complicationCategory: e.complication_category,
        gradeScale: e.grade_scale,
        grade: e.grade,
        haipRelated: e.haip_related === null ? null : e.haip_related === 1,
        resolutionDate: e.resolution_date,
        reason: e.reason,
        voided: voidedOf(e),
      })),
    };
  });
