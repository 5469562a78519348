// State derived from a participant's records and kept in step by every write: off study (the earliest
// current death, withdrawal or loss to follow-up) and the assessment slots that follow from it and from
// time zero. Recomputed from the records rather than patched, so a void or a correction cannot leave
// slots closed by an event that no longer exists.
import {
  followUpEnd,
  isWithinWindow,
  scheduleAssessments,
  type IsoDate,
  type TrialDefinition,
} from '@trialdesk/domain';
import type { Db } from '../../database.js';
import { currentEvents, participantSlots } from '../participants/clinical-records.js';
import { applyOffStudy, setTimeZero } from '../participants/participants.js';
import type { OffStudy } from '../participants/records.js';

const offStudyReason = {
  death: 'died',
  withdrawal: 'withdrawn',
  lost_to_follow_up: 'lost_to_follow_up',
} as const;

/** Sets participants.off_study_* from the current events and opens or closes the slots after it. */
export async function recomputeOffStudy(trx: Db, participantId: number): Promise<OffStudy | null> {
  const events = await currentEvents(trx, participantId);
  let first: OffStudy | null = null;
  for (const e of events) {
    if (e.type !== 'death' && e.type !== 'withdrawal' && e.type !== 'lost_to_follow_up') continue;
    // On the same day a death outranks a withdrawal or a loss: it is the more informative reason.
    if (first === null || e.date < first.date || (e.date === first.date && e.type === 'death'))
      first = { date: e.date, reason: offStudyReason[e.type] };
  }
  await trx
    .updateTable('participants')
    .set({ off_study_date: first?.date ?? null, off_study_reason: first?.reason ?? null })
    .where('id', '=', participantId)
    .execute();
  await applyOffStudy(trx, participantId, null);
  if (first) await applyOffStudy(trx, participantId, first.date);
  return first;
}

/**
 * Moves a participant's schedule to a corrected time zero: due dates and windows follow, recorded
 * assessments keep their dates and are re-flagged in or out of their new windows.
 */
export async function rescheduleSlots(
  trx: Db,
  def: TrialDefinition,
  participant: { id: number; centre: string },
  timeZero: IsoDate,
): Promise<void> {
  const existing = await participantSlots(trx, participant.id);
  if (existing.length === 0) {
    await setTimeZero(trx, def, participant, timeZero);
    return;
  }
  await trx
    .updateTable('participants')
    .set({ time_zero: timeZero, follow_up_end: followUpEnd(timeZero, def.followUpMonths) })
    .where('id', '=', participant.id)
    .execute();
  const planned = new Map(scheduleAssessments(def.schedule, timeZero).map((s) => [s.month, s]));
  for (const slot of existing) {
    const s = planned.get(slot.month);
    if (!s) continue;
    const late = slot.performedDate !== null && !isWithinWindow(s, slot.performedDate) ? 1 : 0;
    await trx
      .updateTable('assessment_slots')
      .set({ due_date: s.dueDate, window_start: s.windowStart, window_end: s.windowEnd, late })
      .where('id', '=', slot.id)
      .execute();
    await trx
      .updateTable('assessments')
      .set({ out_of_window: late })
      .where('slot_id', '=', slot.id)
      .where('voided_at', 'is', null)
      .execute();
  }
  await recomputeOffStudy(trx, participant.id);
}
