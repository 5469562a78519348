import { earliestClinicalDate } from '@trialdesk/domain';
// Surgery and pump placement. Where the protocol counts from surgery (PUMP-III), the surgery date is time
// zero: it is set here and the assessment schedule is created with it.
import type { surgeryInput } from '@trialdesk/domain';
import { setTimeZero, updateParticipant, writeTransaction } from '@trialdesk/db';
import type { z } from 'zod';
import { loadParticipantForWrite } from '../../access/centre-scope.js';
import { loadTrial } from '../../access/load-trial.js';
import { today } from '../../context.js';
import { FieldErrors } from '../../field-errors.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../deps.js';
import { syncAutoQueries } from '../monitoring/sync-auto-queries.js';
import { deathDate } from './rules.js';

export async function recordSurgery(
  deps: UseCaseDeps,
  input: z.output<typeof surgeryInput>,
): Promise<{ studyId: string; timeZero: string | null }> {
  const trial = await loadTrial(deps, input.trialId);
  const def = trial.definition;
  const asOf = today(deps);
  const result = await writeTransaction(deps.db, async (trx) => {
    const p = await loadParticipantForWrite(deps, trx, 'clinical:write', def.id, input.studyId);
    const died = await deathDate(trx, p.id);
    const pumpDate = input.pump.placed ? input.pump.date : null;
    const errors = new FieldErrors(deps.lang, '', earliestClinicalDate(def))
      .plausibleDate('surgeryDate', input.surgeryDate, asOf)
      .notBefore('surgeryDate', input.surgeryDate, p.inclusionDate, 'entry.date.beforeInclusion')
      .plausibleDate('pump.date', pumpDate, asOf)
      .notBefore('pump.date', pumpDate, input.surgeryDate, 'entry.date.beforeSurgery');
    if (p.surgeryDate !== null) errors.add('surgeryDate', 'entry.surgery.exists');
    if (died && input.surgeryDate > died) errors.add('surgeryDate', 'entry.date.afterDeath', { date: died });
    if (died && pumpDate && pumpDate > died) errors.add('pump.date', 'entry.date.afterDeath', { date: died });
    errors.throwIfAny();
    const after = {
      surgeryDate: input.surgeryDate,
      pumpDate,
      pumpNotPlacedReason: input.pump.placed ? null : input.pump.reason,
    };
    await updateParticipant(trx, p.id, after);
    const timeZero = def.schedule.timeZero === 'surgery' && p.timeZero === null ? input.surgeryDate : null;
    if (timeZero) await setTimeZero(trx, def, p, timeZero);
    await writeAudit(deps, trx, {
      action: 'surgery.recorded',
      entityType: 'participant',
      entityId: p.studyId,
      trialId: def.id,
      centre: p.centre,
      participant: p.studyId,
      before: { surgeryDate: null, pumpDate: p.pumpDate, pumpNotPlacedReason: p.pumpNotPlacedReason },
      after: { ...after, timeZero },
      reason: null,
    });
    await syncAutoQueries(deps, trx, def, p.id);
    return { studyId: p.studyId, centre: p.centre, timeZero };
  });
  publishChange(deps, def.id, 'cycle', result.centre);
  return { studyId: result.studyId, timeZero: result.timeZero };
}
