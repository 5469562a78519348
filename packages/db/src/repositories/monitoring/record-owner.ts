// Which participant a record belongs to, for a query or an SDV mark on it; the record's voiding too.
import type { Db } from '../../database.js';
import { readInChunks } from '../in-chunks.js';

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

/**
 * Short labels of the records queries point at ('cycle 3', 'month 6', an event's type), for the query
 * lists; keyed 'recordType:recordId'. Only the ids asked for are read.
 */
export async function recordLabels(
  db: Db,
  refs: readonly { recordType: string | null; recordId: number | null }[],
): Promise<Map<string, string>> {
  const ids = (type: string) => [
    ...new Set(
      refs.filter((r) => r.recordType === type && r.recordId !== null).map((r) => r.recordId as number),
    ),
  ];
  const out = new Map<string, string>();
  const cycles = ids('cycle');
  if (cycles.length)
    for (const c of await readInChunks(cycles, (part) =>
      db.selectFrom('treatment_cycles').select(['id', 'cycle']).where('id', 'in', part).execute(),
    ))
      out.set(`cycle:${c.id}`, `cycle ${c.cycle}`);
  const assessments = ids('assessment');
  if (assessments.length)
    for (const a of await readInChunks(assessments, (part) =>
      db
        .selectFrom('assessments')
        .innerJoin('assessment_slots', 'assessment_slots.id', 'assessments.slot_id')
        .select(['assessments.id', 'assessment_slots.month'])
        .where('assessments.id', 'in', part)
        .execute(),
    ))
      out.set(`assessment:${a.id}`, `month ${a.month}`);
  const visits = ids('visit');
  if (visits.length)
    for (const s of await readInChunks(visits, (part) =>
      db.selectFrom('assessment_slots').select(['id', 'month']).where('id', 'in', part).execute(),
    ))
      out.set(`visit:${s.id}`, `month ${s.month}`);
  const events = ids('event');
  if (events.length)
    for (const e of await readInChunks(events, (part) =>
      db.selectFrom('events').select(['id', 'type']).where('id', 'in', part).execute(),
    ))
      out.set(`event:${e.id}`, e.type);
  const screenings = ids('screening');
  if (screenings.length)
    for (const s of await readInChunks(screenings, (part) =>
      db.selectFrom('screenings').select(['id', 'screening_number']).where('id', 'in', part).execute(),
    ))
      out.set(`screening:${s.id}`, s.screening_number);
  return out;
}
