// Participants: the inclusion write path (gap-free study IDs per centre), time zero and the assessment
// slots it schedules, and the participant-level reads. Every read returns camelCase records (records.ts).
import {
  followUpEnd,
  scheduleAssessments,
  type EligibilityRecord,
  type IsoDate,
  type TrialDefinition,
} from '@trialdesk/domain';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../database.js';
import {
  compiledStatement,
  type CompiledStatement,
  type StatementValue,
} from '../../engine/compiled-statement.js';
import type { AssessmentSlotsTable, ParticipantsTable } from '../../schema.js';
import {
  offStudyOf,
  toAssessment,
  toCycle,
  toEvent,
  toParticipant,
  toSlot,
  type AssessmentSlot,
  type Created,
  type Participant,
} from './records.js';

export function formatStudyId(prefix: string, centre: string, seq: number): string {
  return `${prefix}-${centre}-${String(seq).padStart(3, '0')}`;
}

// The inclusion's statements are compiled once (engine/compiled-statement.ts): the same SQL as the builder's, without
// building and compiling it on every inclusion.
const takeStudyIdStatement = compiledStatement(
  ['trialId', 'centre'],
  (db, p: { trialId: string; centre: string }) =>
    db
      .insertInto('study_id_counters')
      .values({ trial_id: p.trialId, centre: p.centre, last_seq: 1 })
      .onConflict((oc) =>
        oc
          .columns(['trial_id', 'centre'])
          .doUpdateSet((eb) => ({ last_seq: eb('study_id_counters.last_seq', '+', 1) })),
      )
      .returning('last_seq'),
);

/**
 * Takes the next sequence number of a centre. Called inside the inclusion transaction: SQLite serialises
 * writers, so two simultaneous inclusions get consecutive numbers, and a rolled-back inclusion gives its
 * number back (no gaps).
 */
export async function takeStudyId(
  trx: Db,
  def: TrialDefinition,
  centre: string,
): Promise<{ seq: number; studyId: string }> {
  const row = await takeStudyIdStatement.first(trx, { trialId: def.id, centre });
  if (!row) throw new Error('The study ID counter returned no row');
  return { seq: row.last_seq, studyId: formatStudyId(def.studyIdPrefix, centre, row.last_seq) };
}

export interface NewParticipant extends Created {
  trialId: string;
  centre: string;
  studyId: string;
  seq: number;
  inclusionDate: IsoDate;
  consentDate: IsoDate;
  ageAtInclusion: number;
  sex: 'female' | 'male';
  eligibility: EligibilityRecord;
  synthetic: boolean;
}

/**
 * How far a participant's course has come when it is written: nothing for a new inclusion; the demo's
 * generated cohort arrives with its surgery, time zero and end of study.
 */
export interface ParticipantCourse {
  surgeryDate: IsoDate | null;
  pumpDate: IsoDate | null;
  pumpNotPlacedReason: string | null;
  timeZero: IsoDate | null;
  followUpEnd: IsoDate | null;
  offStudy: { date: IsoDate; reason: 'died' | 'withdrawn' | 'lost_to_follow_up' } | null;
}

const notYetOperated: ParticipantCourse = {
  surgeryDate: null,
  pumpDate: null,
  pumpNotPlacedReason: null,
  timeZero: null,
  followUpEnd: null,
  offStudy: null,
};

/** The one mapping of a participant to its row, for the inclusion and for the demo's bulk insert. */
export function participantRow(
  p: NewParticipant,
  course: ParticipantCourse = notYetOperated,
): Insertable<ParticipantsTable> {
  return {
    trial_id: p.trialId,
    centre: p.centre,
    study_id: p.studyId,
    seq: p.seq,
    inclusion_date: p.inclusionDate,
    consent_date: p.consentDate,
    age_at_inclusion: p.ageAtInclusion,
    sex: p.sex,
    eligibility: JSON.stringify(p.eligibility),
    surgery_date: course.surgeryDate,
    pump_date: course.pumpDate,
    pump_not_placed_reason: course.pumpNotPlacedReason,
    time_zero: course.timeZero,
    follow_up_end: course.followUpEnd,
    off_study_date: course.offStudy?.date ?? null,
    off_study_reason: course.offStudy?.reason ?? null,
    synthetic: p.synthetic ? 1 : 0,
    created_at: p.createdAt,
    created_by: p.createdBy,
    voided_at: null,
    voided_by: null,
    void_reason: null,
  };
}

const participantColumns = Object.keys(
  participantRow({
    trialId: '',
    centre: '',
    studyId: '',
    seq: 0,
    inclusionDate: '',
    consentDate: '',
    ageAtInclusion: 0,
    sex: 'female',
    eligibility: { answers: {}, measures: {}, labDate: '' },
    synthetic: false,
    createdAt: '',
    createdBy: null,
  }),
) as (keyof Insertable<ParticipantsTable>)[];

const insertParticipantStatement = compiledStatement(
  participantColumns,
  (db, row: Record<string, StatementValue>) =>
    db
      .insertInto('participants')
      .values(row as never)
      .returning('id'),
);

/** A new participant: not yet operated, no time zero, on study. */
export async function insertParticipant(
  trx: Db,
  p: NewParticipant,
  course: ParticipantCourse = notYetOperated,
): Promise<number> {
  const row = await insertParticipantStatement.first(trx, participantRow(p, course));
  if (!row) throw new Error('The participant insert returned no row');
  return row.id;
}

/** The values data entry and corrections change on a participant. */
export type ParticipantChanges = Partial<
  Pick<
    Participant,
    | 'inclusionDate'
    | 'consentDate'
    | 'sex'
    | 'ageAtInclusion'
    | 'surgeryDate'
    | 'pumpDate'
    | 'pumpNotPlacedReason'
    | 'eligibility'
  >
>;

export async function updateParticipant(trx: Db, id: number, c: ParticipantChanges): Promise<void> {
  const set: Updateable<ParticipantsTable> = {
    inclusion_date: c.inclusionDate,
    consent_date: c.consentDate,
    sex: c.sex,
    age_at_inclusion: c.ageAtInclusion,
    surgery_date: c.surgeryDate,
    pump_date: c.pumpDate,
    pump_not_placed_reason: c.pumpNotPlacedReason,
    eligibility: c.eligibility === undefined ? undefined : JSON.stringify(c.eligibility),
  };
  await trx.updateTable('participants').set(set).where('id', '=', id).execute();
}

/** A participant by study ID within a trial (voided ones included: the caller decides). */
export async function findParticipant(
  db: Db,
  trialId: string,
  studyId: string,
): Promise<Participant | undefined> {
  const row = await db
    .selectFrom('participants')
    .selectAll()
    .where('trial_id', '=', trialId)
    .where('study_id', '=', studyId)
    .executeTakeFirst();
  return row && toParticipant(row);
}

/** The participant a record belongs to, by its row id. */
export async function findParticipantById(db: Db, id: number): Promise<Participant | undefined> {
  const row = await db.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toParticipant(row);
}

const countIncludedStatement = compiledStatement(['trialId'], (db, p: { trialId: string }) =>
  db.selectFrom('trial_inclusion_counts').select('included').where('trial_id', '=', p.trialId),
);

/**
 * Participants counted against the target: every inclusion that was not voided, from the trial's counter
 * (migration 020: triggers on participants keep it, so it costs the same at 45 and at 100 000). The
 * counter has no centre (no row-level policy): a coordinator's inclusion counts every centre.
 */
export async function countIncluded(db: Db, trialId: string): Promise<number> {
  const row = await countIncludedStatement.first(db, { trialId });
  return Number(row?.included ?? 0);
}

/**
 * Sets a participant's time zero (surgery or inclusion, per protocol) and schedules the assessments it
 * implies. Only for a participant without slots yet; moving time zero later is a correction handled by
 * rescheduleSlots.
 */
export async function setTimeZero(
  trx: Db,
  def: TrialDefinition,
  participant: { id: number; centre: string },
  timeZero: string,
): Promise<void> {
  await trx
    .updateTable('participants')
    .set({ time_zero: timeZero, follow_up_end: followUpEnd(timeZero, def.followUpMonths) })
    .where('id', '=', participant.id)
    .execute();
  await insertScheduledSlots(trx, def, participant, timeZero);
}

/** A participant whose time zero is the inclusion: on study from the start, with its end of follow-up. */
export function courseFromInclusion(def: TrialDefinition, timeZero: IsoDate): ParticipantCourse {
  return { ...notYetOperated, timeZero, followUpEnd: followUpEnd(timeZero, def.followUpMonths) };
}

const slotColumns = [
  'trial_id',
  'participant_id',
  'centre',
  'month',
  'due_date',
  'window_start',
  'window_end',
  'status',
  'performed_date',
  'late',
] as const satisfies readonly (keyof Insertable<AssessmentSlotsTable>)[];

/** One multi-row insert per number of slots (a protocol's schedule has one length, so one or two). */
const slotInserts = new Map<
  number,
  CompiledStatement<Record<string, StatementValue>, Selectable<AssessmentSlotsTable>>
>();
function slotsInsert(n: number) {
  let statement = slotInserts.get(n);
  if (!statement) {
    const rows = Array.from({ length: n }, (_, i) => slotColumns.map((c) => `${i}.${c}`));
    statement = compiledStatement(rows.flat(), (db, p: Record<string, StatementValue>) =>
      db
        .insertInto('assessment_slots')
        .values(
          rows.map((names) => Object.fromEntries(names.map((name, k) => [slotColumns[k], p[name]])) as never),
        )
        .returningAll(),
    );
    if (slotInserts.size >= 16) slotInserts.clear();
    slotInserts.set(n, statement);
  }
  return statement;
}

/** The scheduled assessment slots counted from time zero, in one multi-row insert; returns them by month. */
export async function insertScheduledSlots(
  trx: Db,
  def: TrialDefinition,
  participant: { id: number; centre: string },
  timeZero: string,
): Promise<AssessmentSlot[]> {
  const slots = scheduleAssessments(def.schedule, timeZero).map((s) => ({
    trial_id: def.id,
    participant_id: participant.id,
    centre: participant.centre,
    month: s.month,
    due_date: s.dueDate,
    window_start: s.windowStart,
    window_end: s.windowEnd,
    status: 'scheduled' as const,
    performed_date: null,
    late: 0,
  }));
  if (slots.length === 0) return [];
  const values: Record<string, StatementValue> = {};
  slots.forEach((slot, i) => {
    for (const [column, value] of Object.entries(slot)) values[`${i}.${column}`] = value;
  });
  const rows = await slotsInsert(slots.length).all(trx, values);
  return rows.map(toSlot).sort((a, b) => a.month - b.month);
}

/**
 * Marks open slots due after the participant went off study as no longer expected, or reopens them when
 * the off-study event is voided (offStudyDate null).
 */
export async function applyOffStudy(
  trx: Db,
  participantId: number,
  offStudyDate: string | null,
): Promise<void> {
  if (offStudyDate === null) {
    await trx
      .updateTable('assessment_slots')
      .set({ status: 'scheduled' })
      .where('participant_id', '=', participantId)
      .where('status', '=', 'not_applicable')
      .execute();
    return;
  }
  await trx
    .updateTable('assessment_slots')
    .set({ status: 'not_applicable' })
    .where('participant_id', '=', participantId)
    .where('status', '=', 'scheduled')
    .where('due_date', '>', offStudyDate)
    .execute();
}

export interface ParticipantListFilter {
  centre?: string | null;
  search?: string;
  status?: 'in_follow_up' | 'off_study' | 'completed';
  today: string;
}

/** A participant as lists show it. */
export type ParticipantSummary = Pick<
  Participant,
  | 'id'
  | 'studyId'
  | 'centre'
  | 'inclusionDate'
  | 'surgeryDate'
  | 'timeZero'
  | 'followUpEnd'
  | 'offStudy'
  | 'ageAtInclusion'
  | 'sex'
>;

export async function listParticipants(
  db: Db,
  trialId: string,
  filter: ParticipantListFilter,
  page: { offset: number; limit: number },
): Promise<{ total: number; rows: ParticipantSummary[] }> {
  let q = db.selectFrom('participants').where('trial_id', '=', trialId).where('voided_at', 'is', null);
  if (filter.centre) q = q.where('centre', '=', filter.centre);
  if (filter.search)
    q = q.where('study_id', 'like', `%${filter.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (filter.status === 'off_study') q = q.where('off_study_date', 'is not', null);
  if (filter.status === 'completed')
    q = q.where('follow_up_end', '<=', filter.today).where('off_study_date', 'is', null);
  if (filter.status === 'in_follow_up')
    q = q
      .where('off_study_date', 'is', null)
      .where((eb) => eb.or([eb('follow_up_end', 'is', null), eb('follow_up_end', '>', filter.today)]));
  const [{ total }] = (await q.select((eb) => eb.fn.countAll<number>().as('total')).execute()) as [
    { total: number },
  ];
  const rows = await q
    .select([
      'id',
      'study_id',
      'centre',
      'inclusion_date',
      'surgery_date',
      'time_zero',
      'follow_up_end',
      'off_study_date',
      'off_study_reason',
      'age_at_inclusion',
      'sex',
    ])
    .orderBy('study_id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return {
    total: Number(total),
    rows: rows.map((r) => ({
      id: r.id,
      studyId: r.study_id,
      centre: r.centre,
      inclusionDate: r.inclusion_date,
      surgeryDate: r.surgery_date,
      timeZero: r.time_zero,
      followUpEnd: r.follow_up_end,
      offStudy: offStudyOf(r),
      ageAtInclusion: r.age_at_inclusion,
      sex: r.sex,
    })),
  };
}

/** Everything on a participant page: slots, recorded assessments, cycles and events (voided ones included, marked). */
export async function participantRecords(db: Db, participantId: number) {
  const [slots, assessments, cycles, events] = await Promise.all([
    db
      .selectFrom('assessment_slots')
      .selectAll()
      .where('participant_id', '=', participantId)
      .orderBy('month')
      .execute(),
    db
      .selectFrom('assessments')
      .selectAll()
      .where('participant_id', '=', participantId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('treatment_cycles')
      .selectAll()
      .where('participant_id', '=', participantId)
      .orderBy('cycle')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('events')
      .selectAll()
      .where('participant_id', '=', participantId)
      .orderBy('event_date')
      .orderBy('id')
      .execute(),
  ]);
  return {
    slots: slots.map(toSlot),
    assessments: assessments.map(toAssessment),
    cycles: cycles.map(toCycle),
    events: events.map(toEvent),
  };
}

/** The participant an import created from another system's subject key (voided ones included). */
export async function findParticipantBySourceKey(
  db: Db,
  trialId: string,
  sourceKey: string,
): Promise<Participant | undefined> {
  const row = await db
    .selectFrom('participants')
    .selectAll()
    .where('trial_id', '=', trialId)
    .where('source_key', '=', sourceKey)
    .executeTakeFirst();
  return row && toParticipant(row);
}

/** Keeps the source system's subject key beside the study ID (set once, by the import that included). */
export async function setParticipantSourceKey(trx: Db, id: number, sourceKey: string): Promise<void> {
  await trx.updateTable('participants').set({ source_key: sourceKey }).where('id', '=', id).execute();
}
