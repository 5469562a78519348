// A committee meeting's record, written as a draft by the PI or a steering committee member: the date, who
// attended, the frozen data cut it used (its hash copied in, so the record names exactly what was shown),
// the recommendation and the minutes. The chair signs it afterwards (sign-meeting.ts).
import { earliestClinicalDate, type recordMeetingInput } from '@trialdesk/domain';
import { findDataCut, insertMeeting, writeTransaction, type MeetingRecord } from '@trialdesk/db';
import type { z } from 'zod';
import { loadTrial } from '../../access/load-trial.js';
import { nowIso, today } from '../../context.js';
import { FieldErrors } from '../../field-errors.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../deps.js';

export async function recordMeeting(
  deps: UseCaseDeps,
  input: z.output<typeof recordMeetingInput>,
): Promise<MeetingRecord> {
  const trial = await loadTrial(deps, input.trialId);
  const created = await writeTransaction(deps.db, async (trx) => {
    const cut = await findDataCut(trx, trial.id, input.cutId);
    // A meeting date is plausible like every clinical date (not future, not before the trial's floor).
    const errors = new FieldErrors(deps.lang, '', earliestClinicalDate(trial.definition));
    // Another trial's cut answers as a missing one.
    if (!cut) errors.add('cutId', 'meeting.cut.notFound');
    errors.plausibleDate('meetingDate', input.meetingDate, today(deps));
    if (cut) errors.notBefore('meetingDate', input.meetingDate, cut.asOf, 'meeting.date.beforeCut');
    errors.throwIfAny();
    if (!cut) throw new Error('unreachable: a missing cut was refused above');
    const m = await insertMeeting(trx, {
      trialId: trial.id,
      meetingDate: input.meetingDate,
      attendees: input.attendees,
      cutId: cut.id,
      cutHash: cut.contentHash,
      recommendation: input.recommendation,
      minutes: input.minutes,
      createdAt: nowIso(deps),
      createdBy: { id: deps.actor.id, name: deps.actor.displayName },
    });
    await writeAudit(deps, trx, {
      action: 'meeting.recorded',
      entityType: 'committee_meeting',
      entityId: String(m.id),
      trialId: trial.id,
      centre: null,
      participant: null,
      before: null,
      after: {
        meetingDate: m.meetingDate,
        attendees: m.attendees,
        cutId: m.cutId,
        cutHash: m.cutHash,
        recommendation: m.recommendation,
        minutes: m.minutes,
      },
      reason: null,
    });
    return m;
  });
  publishChange(deps, trial.id, 'datacut', null);
  return created;
}
