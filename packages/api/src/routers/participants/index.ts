import { centreOf, followUpPhase, planCycles, assessmentState, type IsoDate } from '@trialdesk/domain';
import { listParticipants, participantRecords } from '@trialdesk/db';
import { z } from 'zod';
import { today } from '../../context.js';
import { loadParticipant, scopedCentre } from '../../access/centre-scope.js';
import { procedureWith, router } from '../../trpc.js';
import { loadTrial, trialIdSchema } from '../../access/load-trial.js';
import { centreCodeInput, participantDetailSchema, participantListSchema, studyIdSchema } from './schemas.js';

function followUpLabel(
  timeZero: IsoDate | null,
  offStudy: IsoDate | null,
  asOf: IsoDate,
  months: number,
): string {
  if (offStudy !== null && offStudy <= asOf) return 'off_study';
  const phase = followUpPhase(timeZero, asOf, months);
  return phase.kind === 'year' ? `year${phase.year}` : phase.kind;
}

const voidedOf = (r: { voided_at: string | null; void_reason: string | null }) =>
  r.voided_at ? { at: r.voided_at, reason: r.void_reason } : null;

export const participantsRouter = router({
  list: procedureWith('participant:read')
    .input(
      z.object({
        trialId: trialIdSchema,
        centre: centreCodeInput.nullish(),
        search: z.string().trim().max(40).optional(),
        status: z.enum(['in_follow_up', 'off_study', 'completed']).optional(),
        page: z.number().int().min(0).max(100_000).default(0),
        pageSize: z.number().int().min(1).max(200).default(50),
      }),
    )
    .output(participantListSchema)
    .query(async ({ ctx, input }) => {
      const trial = await loadTrial(ctx, input.trialId);
      const centre = scopedCentre(ctx, 'participant:read', input.centre);
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
          studyId: r.study_id,
          centre: r.centre,
          inclusionDate: r.inclusion_date,
          surgeryDate: r.surgery_date,
          timeZero: r.time_zero,
          followUpEnd: r.follow_up_end,
          offStudy:
            r.off_study_date && r.off_study_reason
              ? { date: r.off_study_date, reason: r.off_study_reason }
              : null,
          followUp: followUpLabel(r.time_zero, r.off_study_date, asOf, trial.definition.followUpMonths),
          ageAtInclusion: r.age_at_inclusion,
          sex: r.sex,
        })),
      };
    }),

  get: procedureWith('participant:read')
    .input(z.object({ trialId: trialIdSchema, studyId: studyIdSchema }))
    .output(participantDetailSchema)
    .query(async ({ ctx, input }) => {
      const trial = await loadTrial(ctx, input.trialId);
      const p = await loadParticipant(ctx, 'participant:read', trial.id, input.studyId);
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
    }),
});
