// The monitor marks a record, or one field of it, verified against the source. Marking what is already
// verified writes nothing and says so; a correction later ends the mark (after-record-change.ts).
import type { sdvVerifyInput } from '@trialdesk/domain';
import { currentSdvMark, insertSdvMark, recordOwner, writeTransaction } from '@trialdesk/db';
import type { z } from 'zod';
import { loadParticipantForWrite } from '../../access/centre-scope.js';
import { loadTrial } from '../../access/load-trial.js';
import { nowIso } from '../../context.js';
import { fieldError } from '../../field-errors.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../deps.js';

type Input = z.output<typeof sdvVerifyInput>;

export async function verifySdv(
  deps: UseCaseDeps,
  input: Input,
): Promise<{ markId: number; alreadyVerified: boolean }> {
  const trial = await loadTrial(deps, input.trialId);
  const def = trial.definition;
  const at = nowIso(deps);
  const result = await writeTransaction(deps.db, async (trx) => {
    const p = await loadParticipantForWrite(deps, trx, 'sdv:verify', def.id, input.studyId);
    let recordId = p.id;
    if (input.recordType !== 'participant') {
      const id = input.recordId ?? 0;
      const owner = await recordOwner(trx, def.id, input.recordType, id);
      if (!owner || owner.participantId !== p.id || owner.voided)
        throw fieldError(deps, 'recordId', 'sdv.record.unknown');
      recordId = id;
    }
    const field = input.field ?? null;
    const current = await currentSdvMark(trx, input.recordType, recordId, field);
    if (current) return { markId: current.id, alreadyVerified: true, centre: p.centre };
    const markId = await insertSdvMark(trx, {
      trialId: def.id,
      centre: p.centre,
      participantId: p.id,
      recordType: input.recordType,
      recordId,
      field,
      verifiedAt: at,
      verifiedBy: deps.actor.id,
      verifiedByName: deps.actor.displayName,
    });
    await writeAudit(deps, trx, {
      action: 'sdv.verified',
      entityType: 'sdv_mark',
      entityId: String(markId),
      trialId: def.id,
      centre: p.centre,
      participant: p.studyId,
      reason: null,
      before: null,
      after: { recordType: input.recordType, recordId, field },
    });
    return { markId, alreadyVerified: false, centre: p.centre };
  });
  if (!result.alreadyVerified) publishChange(deps, def.id, 'sdv', result.centre);
  return { markId: result.markId, alreadyVerified: result.alreadyVerified };
}
