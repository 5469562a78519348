// The one check every clinical write passes: a write of clinical data ends in exactly one audit entry
// (lockedAuditActions), written by writeAudit in the write's own transaction, after the database's write
// lock was taken (writeTransaction). Checking the locks there refuses every new record, correction and void
// of locked data, whatever use case wrote it, and no lock can slip in between the check and the commit.
import {
  entryMessage,
  formatCalendarDateIn,
  isLockedAction,
  lockRecordTypeOf,
  recordLabel,
  type AuditEvent,
  type Lang,
} from '@trialdesk/domain';
import { locksCovering, recordLabels, type DataLock, type Db } from '@trialdesk/db';
import { AppError } from '../../errors.js';

export async function assertNotLocked(lang: Lang, trx: Db, event: AuditEvent): Promise<void> {
  if (!isLockedAction(event.action) || event.trialId === null) return;
  const recordType = lockRecordTypeOf(event.entityType);
  const recordId = recordType && event.entityId !== null ? Number(event.entityId) : null;
  const [lock] = await locksCovering(trx, {
    trialId: event.trialId,
    studyId: event.participant,
    recordType: recordId === null ? null : recordType,
    recordId,
  });
  if (lock) throw await lockedError(lang, trx, lock);
}

/** The refusal names the lock: what is locked, by whom, since when and why, and who can lift it. */
export async function lockedError(lang: Lang, db: Db, lock: DataLock): Promise<AppError> {
  const key = `lock.locked.${lock.scope}` as const;
  const params = {
    id: lock.id,
    by: lock.lockedByName,
    at: formatCalendarDateIn(lock.lockedAt.slice(0, 10), lang),
    reason: lock.reason,
    target: await lockTargetLabel(db, lang, lock),
  };
  return new AppError('CONFLICT', 'lock.locked', entryMessage(key, lang, params), {
    params: { ...params, lockId: lock.id, scope: lock.scope },
  });
}

/** What a lock covers in words: '' for the trial, the study ID, or the study ID and the record ('kuur 3'). */
export async function lockTargetLabel(
  db: Db,
  lang: Lang,
  lock: Pick<DataLock, 'scope' | 'studyId' | 'recordType' | 'recordId'>,
): Promise<string> {
  if (lock.scope === 'trial') return '';
  if (lock.scope === 'participant' || lock.recordType === null || lock.recordId === null)
    return lock.studyId ?? '';
  const labels = await recordLabels(db, [lock]);
  const label = labels.get(`${lock.recordType}:${lock.recordId}`);
  return `${lock.studyId ?? ''}, ${label ? recordLabel(label, lang) : `${lock.recordType} ${lock.recordId}`}`;
}
