// The data manager locks the whole trial, a participant, or one of a participant's records (a pump visit,
// an assessment, an event) before an analysis, with a reason. Locking what is already locked is refused in
// words naming the lock in force; the lock and its audit entry are written in one transaction.
import type { lockInput } from '@trialdesk/domain';
import { insertLock, lockInForceOn, recordOwner, writeTransaction, type LockRecordKind } from '@trialdesk/db';
import type { z } from 'zod';
import { loadParticipantForWrite } from '../../access/centre-scope.js';
import { loadTrial } from '../../access/load-trial.js';
import { nowIso } from '../../context.js';
import { appError, fieldError } from '../../field-errors.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../deps.js';

export async function lockData(
  deps: UseCaseDeps,
  input: z.output<typeof lockInput>,
): Promise<{ lockId: number }> {
  const trial = await loadTrial(deps, input.trialId);
  const def = trial.definition;
  const result = await writeTransaction(deps.db, async (trx) => {
    const p =
      input.studyId === undefined
        ? null
        : await loadParticipantForWrite(deps, trx, 'data:lock', def.id, input.studyId);
    const recordType: LockRecordKind | null = input.recordType ?? null;
    const recordId = input.recordId ?? null;
    if (p && recordType !== null && recordId !== null) {
      const owner = await recordOwner(trx, def.id, recordType, recordId);
      if (!owner || owner.participantId !== p.id || owner.voided)
        throw fieldError(deps, 'recordId', 'lock.record.unknown');
    }
    const target = { participantId: p?.id ?? null, recordType, recordId };
    const existing = await lockInForceOn(trx, def.id, target);
    if (existing) throw appError(deps, 'CONFLICT', 'lock.already', { id: existing.id });
    const lockId = await insertLock(trx, {
      trialId: def.id,
      centre: p?.centre ?? null,
      ...target,
      reason: input.reason,
      lockedAt: nowIso(deps),
      lockedBy: deps.actor.id,
      lockedByName: deps.actor.displayName,
    });
    await writeAudit(deps, trx, {
      action: 'lock.set',
      entityType: 'data_lock',
      entityId: String(lockId),
      trialId: def.id,
      centre: p?.centre ?? null,
      participant: p?.studyId ?? null,
      reason: input.reason,
      before: null,
      after: { scope: recordType ? 'record' : p ? 'participant' : 'trial', recordType, recordId },
    });
    return { lockId, centre: p?.centre ?? null };
  });
  publishChange(deps, def.id, 'lock', result.centre);
  return { lockId: result.lockId };
}
