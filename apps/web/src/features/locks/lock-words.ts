// Which lock covers a record, and the words of the refusal: the very sentence the server answers when a
// change of locked data is refused (domain gcp/messages.ts through entryMessage), so the edit controls of
// a locked record say before any attempt what the server would say after one.
import { entryMessage, formatCalendarDateIn, type Lang } from '@trialdesk/domain';
import type { RouterOutputs } from '../../lib/trpc';

export type LockView = RouterOutputs['locks']['list']['locks'][number];
export type LockedRecordType = 'cycle' | 'assessment' | 'event';

/**
 * The lock in force that refuses a change of the participant's data (`record` omitted: the participant
 * record itself, surgery and pump included), or null. The widest lock wins: the trial, then the
 * participant, then the record's own, as the data manager must lift that one first.
 */
export function coveringLock(
  locks: readonly LockView[],
  studyId: string,
  record?: { type: LockedRecordType; id: number },
): LockView | null {
  const inForce = locks.filter((l) => l.unlockedAt === null);
  return (
    inForce.find((l) => l.scope === 'trial') ??
    inForce.find((l) => l.scope === 'participant' && l.studyId === studyId) ??
    (record
      ? inForce.find(
          (l) =>
            l.scope === 'record' &&
            l.studyId === studyId &&
            l.recordType === record.type &&
            l.recordId === record.id,
        )
      : undefined) ??
    null
  );
}

/** The server's refusal of a change under this lock, in the reader's language. */
export function lockRefusal(lock: LockView, lang: Lang): string {
  return entryMessage(`lock.locked.${lock.scope}`, lang, {
    id: lock.id,
    by: lock.lockedByName,
    at: formatCalendarDateIn(lock.lockedAt.slice(0, 10), lang),
    reason: lock.reason,
    target: lock.targetLabel,
  });
}
