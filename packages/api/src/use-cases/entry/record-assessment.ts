// A scheduled assessment recorded as done or missed. A date outside the window is accepted and flagged
// (assessments.out_of_window, assessment_slots.late): a protocol deviation, reported back to the user.
import {
  entryMessage,
  isWithinWindow,
  type assessmentInput,
  type IsoDate,
  earliestClinicalDate,
} from '@trialdesk/domain';
import {
  findSlot,
  insertAssessment,
  updateSlot,
  writeTransaction,
  type Db,
  type Participant,
} from '@trialdesk/db';
import type { z } from 'zod';
import { loadParticipantForWrite } from '../../access/centre-scope.js';
import { loadTrial } from '../../access/load-trial.js';
import { nowIso, today } from '../../context.js';
import { FieldErrors } from '../../field-errors.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../deps.js';
import { syncAutoQueries } from '../monitoring/sync-auto-queries.js';
import { deathDate } from './rules.js';

/** Date rules of a performed assessment: not in the future, not before inclusion, not after death. */
export async function checkPerformedDate(
  errors: FieldErrors,
  trx: Db,
  p: Pick<Participant, 'id' | 'inclusionDate'>,
  field: string,
  date: IsoDate,
  asOf: IsoDate,
) {
  errors
    .plausibleDate(field, date, asOf)
    .notBefore(field, date, p.inclusionDate, 'entry.date.beforeInclusion');
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
    const errors = new FieldErrors(deps.lang, '', earliestClinicalDate(def));
    if (p.timeZero === null) errors.add('month', 'entry.assessment.noTimeZero');
    else if (!slot || slot.status === 'cancelled')
      errors.add('month', 'entry.assessment.noSlot', { month: input.month });
    else if (slot.status !== 'scheduled')
      errors.add('month', 'entry.assessment.notOpen', { month: input.month, status: slot.status });
    errors.throwIfAny();
    if (!slot) throw new Error('unreachable: checked above');
    const r = input.result;
    if (r.status === 'done')
      await checkPerformedDate(errors, trx, p, 'result.performedDate', r.performedDate, asOf);
    else if (asOf < slot.windowStart)
      errors.add('result.reason', 'entry.assessment.notYetMissed', { date: slot.windowStart });
    errors.throwIfAny();
    const performedDate = r.status === 'done' ? r.performedDate : null;
    const outOfWindow = performedDate !== null && !isWithinWindow(slot, performedDate);
    const owner = { trialId: def.id, participantId: p.id, centre: p.centre };
    const created = { createdAt: nowIso(deps), createdBy: deps.actor.id };
    const id = await insertAssessment(trx, { ...owner, ...created }, slot.id, r.status, {
      performedDate,
      cea: r.status === 'done' ? r.cea : null,
      imagingResult: r.status === 'done' ? r.imagingResult : null,
      missedReason: r.status === 'missed' ? r.reason : null,
      outOfWindow,
    });
    await updateSlot(trx, slot.id, { status: r.status, performedDate, late: outOfWindow });
    await writeAudit(deps, trx, {
      action: 'assessment.recorded',
      entityType: 'assessment',
      entityId: String(id),
      trialId: def.id,
      centre: p.centre,
      participant: p.studyId,
      before: { slot: { month: slot.month, status: slot.status } },
      after: { month: slot.month, ...r, outOfWindow },
      reason: null,
    });
    await syncAutoQueries(deps, trx, def, p.id);
    return {
      id,
      centre: p.centre,
      month: slot.month,
      outOfWindow,
      deviation: outOfWindow
        ? entryMessage('entry.assessment.outOfWindow', deps.lang, {
            start: slot.windowStart,
            end: slot.windowEnd,
          })
        : null,
    };
  });
  publishChange(deps, def.id, 'assessment', result.centre);
  const { centre: _centre, ...answer } = result;
  return answer;
}
