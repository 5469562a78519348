// Locks on clinical data. A lock names its target by a key unique per trial ('trial', 'participant:<id>',
// 'cycle:<id>' …), so the partial unique index allows one lock in force per target; lifting keeps the row.
import type { Selectable } from 'kysely';
import type { Db } from '../../database.js';
import { compiledStatement } from '../../engine/compiled-statement.js';
import type { DataLocksTable } from '../../schema.js';

export type LockScopeKind = 'trial' | 'participant' | 'record';
export type LockRecordKind = 'cycle' | 'assessment' | 'event';

export interface DataLock {
  id: number;
  trialId: string;
  scope: LockScopeKind;
  centre: string | null;
  participantId: number | null;
  /** The participant's study ID, for participant and record locks. */
  studyId: string | null;
  recordType: LockRecordKind | null;
  recordId: number | null;
  reason: string;
  lockedAt: string;
  lockedByName: string;
  unlockedAt: string | null;
  unlockedByName: string | null;
  unlockReason: string | null;
  synthetic: boolean;
}

type Row = Selectable<DataLocksTable> & { study_id: string | null };

function toLock(r: Row): DataLock {
  return {
    id: r.id,
    trialId: r.trial_id,
    scope: r.scope as LockScopeKind,
    centre: r.centre,
    participantId: r.participant_id,
    studyId: r.study_id,
    recordType: r.record_type as LockRecordKind | null,
    recordId: r.record_id,
    reason: r.reason,
    lockedAt: r.locked_at,
    lockedByName: r.locked_by_name,
    unlockedAt: r.unlocked_at,
    unlockedByName: r.unlocked_by_name,
    unlockReason: r.unlock_reason,
    synthetic: r.synthetic === 1,
  };
}

export function lockTargetKey(t: {
  participantId: number | null;
  recordType: LockRecordKind | null;
  recordId: number | null;
}): string {
  if (t.recordType !== null && t.recordId !== null) return `${t.recordType}:${t.recordId}`;
  if (t.participantId !== null) return `participant:${t.participantId}`;
  return 'trial';
}

function selectLocks(db: Db) {
  return db
    .selectFrom('data_locks')
    .leftJoin('participants', 'participants.id', 'data_locks.participant_id')
    .selectAll('data_locks')
    .select('participants.study_id as study_id');
}

export interface NewLock {
  trialId: string;
  centre: string | null;
  participantId: number | null;
  recordType: LockRecordKind | null;
  recordId: number | null;
  reason: string;
  lockedAt: string;
  lockedBy: number | null;
  lockedByName: string;
  synthetic?: boolean;
}

export async function insertLock(trx: Db, l: NewLock): Promise<number> {
  const scope: LockScopeKind =
    l.recordType !== null ? 'record' : l.participantId !== null ? 'participant' : 'trial';
  const row = await trx
    .insertInto('data_locks')
    .values({
      trial_id: l.trialId,
      scope,
      target: lockTargetKey(l),
      centre: l.centre,
      participant_id: l.participantId,
      record_type: l.recordType,
      record_id: l.recordId,
      reason: l.reason,
      locked_at: l.lockedAt,
      locked_by: l.lockedBy,
      locked_by_name: l.lockedByName,
      synthetic: l.synthetic ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The lock in force on exactly this target, if any. */
export async function lockInForceOn(
  db: Db,
  trialId: string,
  target: Parameters<typeof lockTargetKey>[0],
): Promise<DataLock | undefined> {
  const row = await selectLocks(db)
    .where('data_locks.trial_id', '=', trialId)
    .where('data_locks.target', '=', lockTargetKey(target))
    .where('data_locks.unlocked_at', 'is', null)
    .executeTakeFirst();
  return row && toLock(row);
}

/** Every clinical write checks its locks: compiled once per shape (with a participant, a record, both, neither). */
const coveringStatements = [false, true].flatMap((byParticipant) =>
  [false, true].map((byRecord) =>
    compiledStatement(
      [
        'trialId' as const,
        ...(byParticipant ? (['studyId'] as const) : []),
        ...(byRecord ? (['target'] as const) : []),
      ],
      (db, p: { trialId: string; studyId: string | null; target: string | null }) =>
        selectLocks(db)
          .where('data_locks.trial_id', '=', p.trialId)
          .where('data_locks.unlocked_at', 'is', null)
          .where((eb) => {
            const anyOf = [eb('data_locks.scope', '=', 'trial')];
            if (byParticipant)
              anyOf.push(
                eb.and([
                  eb('data_locks.scope', '=', 'participant'),
                  eb('participants.study_id', '=', p.studyId),
                ]),
              );
            if (byRecord) anyOf.push(eb('data_locks.target', '=', p.target));
            return eb.or(anyOf);
          }),
    ),
  ),
);

/**
 * The locks in force that cover a write: the trial's, the participant's (by study ID) and the record's.
 * Ordered widest first, so a refusal names the lock that explains the most.
 */
export async function locksCovering(
  db: Db,
  w: { trialId: string; studyId: string | null; recordType: LockRecordKind | null; recordId: number | null },
): Promise<DataLock[]> {
  const byParticipant = w.studyId !== null;
  const byRecord = w.recordType !== null && w.recordId !== null;
  const rows = await coveringStatements[Number(byParticipant) * 2 + Number(byRecord)]!.all(db, {
    trialId: w.trialId,
    studyId: w.studyId,
    target: byRecord ? `${w.recordType}:${w.recordId}` : null,
  });
  const order = { trial: 0, participant: 1, record: 2 } as const;
  return rows.map(toLock).sort((a, b) => order[a.scope] - order[b.scope] || a.id - b.id);
}

export async function findLockById(db: Db, trialIdOrAny: string | null, id: number) {
  let q = selectLocks(db).where('data_locks.id', '=', id);
  if (trialIdOrAny !== null) q = q.where('data_locks.trial_id', '=', trialIdOrAny);
  const row = await q.executeTakeFirst();
  return row && toLock(row);
}

/** Locks of a trial (in force, or all with the lifted ones), optionally of one participant and its records. */
export async function listLocks(
  db: Db,
  f: { trialId: string; participantId?: number; includeLifted?: boolean },
): Promise<DataLock[]> {
  let q = selectLocks(db).where('data_locks.trial_id', '=', f.trialId);
  if (f.participantId !== undefined) q = q.where('data_locks.participant_id', '=', f.participantId);
  if (!f.includeLifted) q = q.where('data_locks.unlocked_at', 'is', null);
  return (await q.orderBy('data_locks.id', 'desc').execute()).map(toLock);
}

/** Lifts a lock in force; false when it was already lifted (another request came first). */
export async function liftLock(
  trx: Db,
  id: number,
  by: { userId: number | null; name: string; at: string; reason: string },
): Promise<boolean> {
  const r = await trx
    .updateTable('data_locks')
    .set({ unlocked_at: by.at, unlocked_by: by.userId, unlocked_by_name: by.name, unlock_reason: by.reason })
    .where('id', '=', id)
    .where('unlocked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
