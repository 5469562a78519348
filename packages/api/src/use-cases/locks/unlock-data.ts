// The data manager lifts a lock with a reason. The row stays (who locked, who unlocked, both reasons); a
// lock of a trial the user cannot open answers as a missing one.
import { entryMessage, type unlockInput } from '@trialdesk/domain';
import { findLockById, liftLock, writeTransaction } from '@trialdesk/db';
import type { z } from 'zod';
import { loadTrial } from '../../access/load-trial.js';
import { nowIso } from '../../context.js';
import { AppError } from '../../errors.js';
import { appError } from '../../field-errors.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../deps.js';

export async function unlockData(
  deps: UseCaseDeps,
  input: z.output<typeof unlockInput>,
): Promise<{ lockId: number }> {
  const missing = () =>
    new AppError(
      'NOT_FOUND',
      'lock.not_found',
      entryMessage('lock.unknown', deps.lang, { id: input.lockId }),
    );
  const found = await findLockById(deps.db, null, input.lockId);
  if (!found) throw missing();
  // The trial must be one the user can open (memberships); otherwise the lock answers as missing.
  await loadTrial(deps, found.trialId).catch(() => {
    throw missing();
  });
  const result = await writeTransaction(deps.db, async (trx) => {
    const lock = await findLockById(trx, found.trialId, input.lockId);
    if (!lock) throw missing();
    const lifted = await liftLock(trx, lock.id, {
      userId: deps.actor.id,
      name: deps.actor.displayName,
      at: nowIso(deps),
      reason: input.reason,
    });
    if (!lifted) throw appError(deps, 'CONFLICT', 'lock.lifted', { id: lock.id });
    await writeAudit(deps, trx, {
      action: 'lock.lifted',
      entityType: 'data_lock',
      entityId: String(lock.id),
      trialId: lock.trialId,
      centre: lock.centre,
      participant: lock.studyId,
      reason: input.reason,
      before: {
        scope: lock.scope,
        recordType: lock.recordType,
        recordId: lock.recordId,
        lockedAt: lock.lockedAt,
        lockedBy: lock.lockedByName,
        lockReason: lock.reason,
      },
      after: { lifted: true },
    });
    return lock;
  });
  publishChange(deps, result.trialId, 'lock', result.centre);
  return { lockId: result.id };
}
