// Clinical records of one participant as data entry reads and writes them. Every read that a rule depends
// on runs inside the write transaction, so the rule sees what the write will be checked against.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../database.js';
import type {
  AssessmentsTable,
  AssessmentSlotsTable,
  EventsTable,
  ParticipantsTable,
  ScreeningsTable,
  TreatmentCyclesTable,
} from '../../schema.js';

export type EntryParticipant = Selectable<ParticipantsTable>;

export async function findEntryParticipant(
  db: Db,
  trialId: string,
  studyId: string,
): Promise<EntryParticipant | undefined> {
  return db
    .selectFrom('participants')
    .selectAll()
    .where('trial_id', '=', trialId)
    .where('study_id', '=', studyId)
    .executeTakeFirst();
}

export async function findEntryParticipantById(db: Db, id: number): Promise<EntryParticipant | undefined> {
  return db.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateEntryParticipant(
  trx: Db,
  id: number,
  values: Updateable<ParticipantsTable>,
): Promise<void> {
  await trx.updateTable('participants').set(values).where('id', '=', id).execute();
}

/** Participants counted against the target: every inclusion that was not voided. */
export async function countIncluded(db: Db, trialId: string): Promise<number> {
  const row = await db
    .selectFrom('participants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('trial_id', '=', trialId)
    .where('voided_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function currentCycles(db: Db, participantId: number) {
  return db
    .selectFrom('treatment_cycles')
    .selectAll()
    .where('participant_id', '=', participantId)
    .where('voided_at', 'is', null)
    .orderBy('cycle')
    .execute();
}

export async function insertCycle(trx: Db, values: Insertable<TreatmentCyclesTable>): Promise<number> {
  const row = await trx
    .insertInto('treatment_cycles')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function currentEvents(db: Db, participantId: number) {
  return db
    .selectFrom('events')
    .selectAll()
    .where('participant_id', '=', participantId)
    .where('voided_at', 'is', null)
    .orderBy('event_date')
    .orderBy('id')
    .execute();
}

export async function insertEvent(trx: Db, values: Insertable<EventsTable>): Promise<number> {
  const row = await trx.insertInto('events').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findSlot(db: Db, participantId: number, month: number) {
  return db
    .selectFrom('assessment_slots')
    .selectAll()
    .where('participant_id', '=', participantId)
    .where('month', '=', month)
    .executeTakeFirst();
}

export async function findSlotById(db: Db, id: number) {
  return db.selectFrom('assessment_slots').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function participantSlots(db: Db, participantId: number) {
  return db
    .selectFrom('assessment_slots')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('month')
    .execute();
}

export async function updateSlot(
  trx: Db,
  id: number,
  values: Updateable<AssessmentSlotsTable>,
): Promise<void> {
  await trx.updateTable('assessment_slots').set(values).where('id', '=', id).execute();
}

export async function insertAssessment(trx: Db, values: Insertable<AssessmentsTable>): Promise<number> {
  const row = await trx.insertInto('assessments').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The earliest dated record of a participant: inclusion may not be moved after it. */
export async function earliestRecordDate(db: Db, participantId: number): Promise<string | null> {
  return extremeRecordDate(db, participantId, 'min', true);
}

/** The latest dated record of a participant that is not a death: nothing may be dated after a death. */
export async function latestRecordDate(db: Db, participantId: number): Promise<string | null> {
  return extremeRecordDate(db, participantId, 'max', false);
}

const eventTypesButDeath = ['recurrence', 'complication', 'withdrawal', 'lost_to_follow_up'] as const;
const allEventTypes = [...eventTypesButDeath, 'death'] as const;

async function extremeRecordDate(
  db: Db,
  participantId: number,
  fn: 'min' | 'max',
  withDeath: boolean,
): Promise<string | null> {
  const [a, c, e] = await Promise.all([
    db
      .selectFrom('assessments')
      .select((eb) => eb.fn[fn]<string | null>('performed_date').as('d'))
      .where('participant_id', '=', participantId)
      .where('voided_at', 'is', null)
      .executeTakeFirst(),
    db
      .selectFrom('treatment_cycles')
      .select((eb) => eb.fn[fn]<string | null>('cycle_date').as('d'))
      .where('participant_id', '=', participantId)
      .where('voided_at', 'is', null)
      .executeTakeFirst(),
    db
      .selectFrom('events')
      .select((eb) => eb.fn[fn]<string | null>('event_date').as('d'))
      .where('participant_id', '=', participantId)
      .where('voided_at', 'is', null)
      .where('type', 'in', withDeath ? allEventTypes : eventTypesButDeath)
      .executeTakeFirst(),
  ]);
  const dates = [a?.d, c?.d, e?.d].filter((d): d is string => typeof d === 'string').sort();
  return (fn === 'min' ? dates[0] : dates.at(-1)) ?? null;
}
// ---------------------------------------------------------------------------------------------------
// Records by id, for corrections and voids
// ---------------------------------------------------------------------------------------------------

export async function findCycleById(db: Db, trialId: string, id: number) {
  return db
    .selectFrom('treatment_cycles')
    .selectAll()
    .where('id', '=', id)
    .where('trial_id', '=', trialId)
    .executeTakeFirst();
}

export async function findAssessmentById(db: Db, trialId: string, id: number) {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('id', '=', id)
    .where('trial_id', '=', trialId)
    .executeTakeFirst();
}

export async function findEventById(db: Db, trialId: string, id: number) {
  return db
    .selectFrom('events')
    .selectAll()
    .where('id', '=', id)
    .where('trial_id', '=', trialId)
    .executeTakeFirst();
}

export async function updateCycle(trx: Db, id: number, values: Updateable<TreatmentCyclesTable>) {
  await trx.updateTable('treatment_cycles').set(values).where('id', '=', id).execute();
}

export async function updateAssessment(trx: Db, id: number, values: Updateable<AssessmentsTable>) {
  await trx.updateTable('assessments').set(values).where('id', '=', id).execute();
}

export async function updateEvent(trx: Db, id: number, values: Updateable<EventsTable>) {
  await trx.updateTable('events').set(values).where('id', '=', id).execute();
}

export async function updateScreening(trx: Db, id: number, values: Updateable<ScreeningsTable>) {
  await trx.updateTable('screenings').set(values).where('id', '=', id).execute();
}

export interface VoidMark {
  at: string;
  by: number | null;
  reason: string;
}

/** Marks a row voided; it stays in the table and in the audit trail. */
export async function voidRow(
  trx: Db,
  table: 'participants' | 'screenings' | 'treatment_cycles' | 'assessments' | 'events',
  id: number,
  mark: VoidMark,
): Promise<void> {
  await trx
    .updateTable(table)
    .set({ voided_at: mark.at, voided_by: mark.by, void_reason: mark.reason })
    .where('id', '=', id)
    .where('voided_at', 'is', null)
    .execute();
}
