// Which participant a record belongs to, for a query or an SDV mark on it; the record's voiding too.
import type { Db } from '../../database.js';

export type OwnedRecordType = 'screening' | 'cycle' | 'assessment' | 'event' | 'visit';

const tables = {
  screening: 'screenings',
  cycle: 'treatment_cycles',
  assessment: 'assessments',
  event: 'events',
} as const;

export async function recordOwner(
  db: Db,
  trialId: string,
  recordType: OwnedRecordType,
  recordId: number,
): Promise<{ participantId: number | null; voided: boolean } | undefined> {
  if (recordType === 'visit') {
    const slot = await db
      .selectFrom('assessment_slots')
      .select('participant_id')
      .where('id', '=', recordId)
      .where('trial_id', '=', trialId)
      .executeTakeFirst();
    return slot && { participantId: slot.participant_id, voided: false };
  }
  const row = await db
    .selectFrom(tables[recordType])
    .select(['participant_id', 'voided_at'])
    .where('id', '=', recordId)
    .where('trial_id', '=', trialId)
    .executeTakeFirst();
  return row && { participantId: row.participant_id, voided: row.voided_at !== null };
}

/** The current participants of a trial, for the scheduled sweep of the automatic queries. */
export async function currentParticipantIds(db: Db, trialId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('participants')
    .select('id')
    .where('trial_id', '=', trialId)
    .where('voided_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}
