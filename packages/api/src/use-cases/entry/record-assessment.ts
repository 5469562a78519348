// A scheduled assessment recorded as done or missed. A date outside the window is accepted and flagged
// (assessments.out_of_window, assessment_slots.late): a protocol deviation, reported back to the user.
import { entryMessage, isWithinWindow, type assessmentInput, type IsoDate } from '@trialdesk/domain';
import {
  findSlot,
  insertAssessment,
  updateSlot,
  writeTransaction,
  type Db,
  type EntryParticipant,
} from '@trialdesk/db';
import type { z } from 'zod';
import { loadParticipantForWrite } from '../../access/centre-scope.js';
import { loadTrial } from '../../access/load-trial.js';
import { nowIso, today } from '../../context.js';
import { FieldErrors } from '../../field-errors.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../deps.js';
import { deathDate } from './rules.js';

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

export interface RecordedAssessment {
  id: number;
  month: number;
  outOfWindow: boolean;
  deviation: string | null;
}

export async function recordAssessment(
  deps: UseCaseDeps,
  input: z.output<typeof assessmentInput>,
): Promise<RecordedAssessment> {
  const trial = await loadTrial(deps, input.trialId);
  const def = trial.definition;
  const asOf = today(deps);
  const result = await writeTransaction(deps.db, async (trx) => {
    const p = await loadParticipantForWrite(deps, trx, 'clinical:write', def.id, input.studyId);
    const slot = await findSlot(trx, p.id, input.month);
    const errors = new FieldErrors(deps.lang);
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
      created_at: nowIso(deps),
      created_by: deps.actor.id,
      voided_at: null,
      voided_by: null,
      void_reason: null,
    });
    await updateSlot(trx, slot.id, {
      status: r.status,
      performed_date: performedDate,
      late: outOfWindow ? 1 : 0,
    });
    await writeAudit(deps, trx, {
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
        ? entryMessage('entry.assessment.outOfWindow', deps.lang, {
            start: slot.window_start,
            end: slot.window_end,
          })
        : null,
    };
  });
  publishChange(deps, def.id, 'assessment', result.centre);
  const { centre: _centre, ...answer } = result;
  return answer;
}
