// A participant's clinical records as data entry reads and writes them: pump visits, assessment slots and
// assessments, events. Every read that a rule depends on runs inside the write transaction, so the rule
// sees what the write will be checked against.
import type { Insertable } from 'kysely';
import type { Db } from '../../database.js';
import type { AssessmentsTable, EventsTable, EventType, TreatmentCyclesTable } from '../../schema.js';
import {
  toAssessment,
  toCycle,
  toEvent,
  toSlot,
  type Assessment,
  type AssessmentSlot,
  type AssessmentValues,
  type ClinicalEvent,
  type Created,
  type CycleValues,
  type EventValues,
  type TreatmentCycle,
} from './records.js';

/** Where a new record belongs. */
export interface RecordOwner extends Created {
  trialId: string;
  participantId: number;
  centre: string;
}

const owner = (o: RecordOwner) => ({
  trial_id: o.trialId,
  participant_id: o.participantId,
  centre: o.centre,
  created_at: o.createdAt,
  created_by: o.createdBy,
  voided_at: null,
  voided_by: null,
  void_reason: null,
});

// -- Pump visits ----------------------------------------------------------------------------------------
type CycleColumns = Pick<
  Insertable<TreatmentCyclesTable>,
  | 'cycle_date'
  | 'empty_date'
  | 'flow_rate_ml_day'
  | 'returned_volume_ml'
  | 'dose_mg'
  | 'modification'
  | 'modification_reason'
>;

function cycleColumns(v: CycleValues): CycleColumns;
function cycleColumns(v: Partial<CycleValues>): Partial<CycleColumns>;
function cycleColumns(v: Partial<CycleValues>): Partial<CycleColumns> {
  return {
    cycle_date: v.cycleDate,
    empty_date: v.emptyDate,
    flow_rate_ml_day: v.flowRateMlDay,
    returned_volume_ml: v.returnedVolumeMl,
    dose_mg: v.doseMg,
    modification: v.modification,
    modification_reason: v.modificationReason,
  };
}

/** The participant's current (not voided) cycles, in cycle order. */
export async function currentCycles(db: Db, participantId: number): Promise<TreatmentCycle[]> {
  const rows = await db
    .selectFrom('treatment_cycles')
    .selectAll()
    .where('participant_id', '=', participantId)
    .where('voided_at', 'is', null)
    .orderBy('cycle')
    .execute();
  return rows.map(toCycle);
}

export async function insertCycle(trx: Db, o: RecordOwner, cycle: number, v: CycleValues): Promise<number> {
  const row = await trx
    .insertInto('treatment_cycles')
    .values({ ...owner(o), cycle, ...cycleColumns(v) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findCycleById(
  db: Db,
  trialId: string,
  id: number,
): Promise<TreatmentCycle | undefined> {
  const row = await db
    .selectFrom('treatment_cycles')
    .selectAll()
    .where('id', '=', id)
    .where('trial_id', '=', trialId)
    .executeTakeFirst();
  return row && toCycle(row);
}

export async function updateCycle(trx: Db, id: number, v: Partial<CycleValues>): Promise<void> {
  await trx.updateTable('treatment_cycles').set(cycleColumns(v)).where('id', '=', id).execute();
}

// -- Assessment slots and assessments -------------------------------------------------------------------
export async function findSlot(
  db: Db,
  participantId: number,
  month: number,
): Promise<AssessmentSlot | undefined> {
  const row = await db
    .selectFrom('assessment_slots')
    .selectAll()
    .where('participant_id', '=', participantId)
    .where('month', '=', month)
    .executeTakeFirst();
  return row && toSlot(row);
}

export async function findSlotById(db: Db, id: number): Promise<AssessmentSlot | undefined> {
  const row = await db.selectFrom('assessment_slots').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toSlot(row);
}

export async function participantSlots(db: Db, participantId: number): Promise<AssessmentSlot[]> {
  const rows = await db
    .selectFrom('assessment_slots')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('month')
    .execute();
  return rows.map(toSlot);
}

export async function updateSlot(
  trx: Db,
  id: number,
  v: Partial<Pick<AssessmentSlot, 'status' | 'performedDate' | 'late'>>,
): Promise<void> {
  await trx
    .updateTable('assessment_slots')
    .set({
      status: v.status,
      performed_date: v.performedDate,
      late: v.late === undefined ? undefined : v.late ? 1 : 0,
    })
    .where('id', '=', id)
    .execute();
}

/** A voided participant's schedule is no longer expected at all. */
export async function cancelSlots(trx: Db, participantId: number): Promise<void> {
  await trx
    .updateTable('assessment_slots')
    .set({ status: 'cancelled' })
    .where('participant_id', '=', participantId)
    .execute();
}

type AssessmentColumns = Pick<
  Insertable<AssessmentsTable>,
  'performed_date' | 'cea' | 'imaging_result' | 'missed_reason' | 'out_of_window'
>;

function assessmentColumns(v: AssessmentValues): AssessmentColumns;
function assessmentColumns(v: Partial<AssessmentValues>): Partial<AssessmentColumns>;
function assessmentColumns(v: Partial<AssessmentValues>): Partial<AssessmentColumns> {
  return {
    performed_date: v.performedDate,
    cea: v.cea,
    imaging_result: v.imagingResult,
    missed_reason: v.missedReason,
    out_of_window: v.outOfWindow === undefined ? undefined : v.outOfWindow ? 1 : 0,
  };
}

export async function insertAssessment(
  trx: Db,
  o: RecordOwner,
  slotId: number,
  status: 'done' | 'missed',
  v: AssessmentValues,
): Promise<number> {
  const row = await trx
    .insertInto('assessments')
    .values({ ...owner(o), slot_id: slotId, status, ...assessmentColumns(v) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findAssessmentById(
  db: Db,
  trialId: string,
  id: number,
): Promise<Assessment | undefined> {
  const row = await db
    .selectFrom('assessments')
    .selectAll()
    .where('id', '=', id)
    .where('trial_id', '=', trialId)
    .executeTakeFirst();
  return row && toAssessment(row);
}

export async function updateAssessment(trx: Db, id: number, v: Partial<AssessmentValues>): Promise<void> {
  await trx.updateTable('assessments').set(assessmentColumns(v)).where('id', '=', id).execute();
}

// -- Events ---------------------------------------------------------------------------------------------
type EventColumns = Pick<
  Insertable<EventsTable>,
  | 'event_date'
  | 'recurrence_site'
  | 'death_cause'
  | 'complication_term'
  | 'complication_category'
  | 'grade_scale'
  | 'grade'
  | 'haip_related'
  | 'resolution_date'
  | 'reason'
>;

function eventColumns(v: EventValues): EventColumns;
function eventColumns(v: Partial<EventValues>): Partial<EventColumns>;
function eventColumns(v: Partial<EventValues>): Partial<EventColumns> {
  return {
    event_date: v.date,
    recurrence_site: v.recurrenceSite,
    death_cause: v.deathCause,
    complication_term: v.complicationTerm,
    complication_category: v.complicationCategory,
    grade_scale: v.gradeScale,
    grade: v.grade,
    haip_related:
      v.haipRelated === undefined ? undefined : v.haipRelated === null ? null : v.haipRelated ? 1 : 0,
    resolution_date: v.resolutionDate,
    reason: v.reason,
  };
}

/** The participant's current (not voided) events, by date. */
export async function currentEvents(db: Db, participantId: number): Promise<ClinicalEvent[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('participant_id', '=', participantId)
    .where('voided_at', 'is', null)
    .orderBy('event_date')
    .orderBy('id')
    .execute();
  return rows.map(toEvent);
}

export async function insertEvent(trx: Db, o: RecordOwner, type: EventType, v: EventValues): Promise<number> {
  const row = await trx
    .insertInto('events')
    .values({ ...owner(o), type, ...eventColumns(v) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findEventById(db: Db, trialId: string, id: number): Promise<ClinicalEvent | undefined> {
  const row = await db
    .selectFrom('events')
    .selectAll()
    .where('id', '=', id)
    .where('trial_id', '=', trialId)
    .executeTakeFirst();
  return row && toEvent(row);
}

export async function updateEvent(trx: Db, id: number, v: Partial<EventValues>): Promise<void> {
  await trx.updateTable('events').set(eventColumns(v)).where('id', '=', id).execute();
}

// -- Dates across a participant's records ---------------------------------------------------------------
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

// -- Voids ----------------------------------------------------------------------------------------------
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

/** The participant's current (not voided) assessments with the scheduled month of their slot. */
export async function currentAssessments(
  db: Db,
  participantId: number,
): Promise<(Assessment & { month: number })[]> {
  const rows = await db
    .selectFrom('assessments')
    .innerJoin('assessment_slots', 'assessment_slots.id', 'assessments.slot_id')
    .selectAll('assessments')
    .select('assessment_slots.month as slot_month')
    .where('assessments.participant_id', '=', participantId)
    .where('assessments.voided_at', 'is', null)
    .orderBy('assessment_slots.month')
    .execute();
  return rows.map((r) => ({ ...toAssessment(r), month: r.slot_month }));
}
