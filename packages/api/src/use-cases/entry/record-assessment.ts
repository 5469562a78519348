// A scheduled assessment recorded as done or missed. A date outside the window is accepted and flagged
// (assessments.out_of_window, assessment_slots.late): a protocol deviation, reported back to the user.
import { assessmentInput, entryMessage, isWithinWindow, type IsoDate } from '@trialdesk/domain';
import {
  findSlot,
  insertAssessment,
  updateSlot,
  writeTransaction,
  type Db,
  type EntryParticipant,
} from '@trialdesk/db';
import { nowIso, today } from '../../context.js';
import { audit } from '../../trpc.js';
import { deathDate } from './rules.js';
import {
  entryProcedure,
  FieldErrors,
  loadEntryParticipant,
  loadEntryTrial,
  publishChange,
} from '../../routers/entry/shared.js';

/** Date rules of a performed assessment: not in the future, not before inclusion, not after death. */
export async function checkPerformedDate(
  errors: FieldErrors,
  trx: Db,
  p: EntryParticipant,
  field: string,
  date: IsoDate,
  asOf: IsoDate,
) {
  errors.notFuture(field, date, asOf).notBefore(field, date, p.inclusion_date, 'entry.date.beforeInclusion');
  const died = await deathDate(trx, p.id);
  if (died && date > died) errors.add(field, 'entry.date.afterDeath', { date: died });
}

export const recordAssessmentProcedure = entryProcedure('clinical:write')
  .input(assessmentInput)
  .mutation(async ({ ctx, input }) => {
    const trial = await loadEntryTrial(ctx, input.trialId);
    const def = trial.definition;
    const asOf = today(ctx);
    const result = await writeTransaction(ctx.db, async (trx) => {
      const p = await loadEntryParticipant(ctx, trx, 'clinical:write', def.id, input.studyId);
      const slot = await findSlot(trx, p.id, input.month);
      const errors = new FieldErrors(ctx.lang);
      if (p.time_zero === null) errors.add('month', 'entry.assessment.noTimeZero');
      else if (!slot || slot.status === 'cancelled')
        errors.add('month', 'entry.assessment.noSlot', { month: input.month });
      else if (slot.status !== 'scheduled')
        errors.add('month', 'entry.assessment.notOpen', { month: input.month, status: slot.status });
      errors.throwIfAny();
      if (!slot) throw new Error('unreachable: checked above');
      const r = input.result;
      if (r.status === 'done')
        await checkPerformedDate(errors, trx, p, 'result.performedDate', r.performedDate, asOf);
      else if (asOf < slot.window_start)
        errors.add('result.reason', 'entry.assessment.notYetMissed', { date: slot.window_start });
      errors.throwIfAny();
      const performedDate = r.status === 'done' ? r.performedDate : null;
      const window = { windowStart: slot.window_start, windowEnd: slot.window_end };
      const outOfWindow = performedDate !== null && !isWithinWindow(window, performedDate);
      const id = await insertAssessment(trx, {
        trial_id: def.id,
        participant_id: p.id,
        slot_id: slot.id,
        centre: p.centre,
        status: r.status,
        performed_date: performedDate,
        cea: r.status === 'done' ? r.cea : null,
        imaging_result: r.status === 'done' ? r.imagingResult : null,
        missed_reason: r.status === 'missed' ? r.reason : null,
        out_of_window: outOfWindow ? 1 : 0,
        created_at: nowIso(ctx),
        created_by: ctx.user.id,
        voided_at: null,
        voided_by: null,
        void_reason: null,
      });
      await updateSlot(trx, slot.id, {
        status: r.status,
        performed_date: performedDate,
        late: outOfWindow ? 1 : 0,
      });
      await audit(ctx, trx, {
        action: 'assessment.recorded',
        entityType: 'assessment',
        entityId: String(id),
        trialId: def.id,
        centre: p.centre,
        participant: p.study_id,
        before: { slot: { month: slot.month, status: slot.status } },
        after: { month: slot.month, ...r, outOfWindow },
        reason: null,
      });
      return {
        id,
        centre: p.centre,
        month: slot.month,
        outOfWindow,
        deviation: outOfWindow
          ? entryMessage('entry.assessment.outOfWindow', ctx.lang, {
              start: slot.window_start,
              end: slot.window_end,
            })
          : null,
      };
    });
    publishChange(ctx, def.id, 'assessment', result.centre);
    const { centre: _centre, ...answer } = result;
    return answer;
  });
