// Participants: the inclusion write path (gap-free study IDs per centre), time zero and the assessment
// slots it schedules, and participant-level reads.
import { followUpEnd, scheduleAssessments, type TrialDefinition } from '@trialdesk/domain';
import { sql } from 'kysely';
import type { Db } from '../database.js';
import type { NewParticipant, ParticipantRow } from '../schema.js';

export function formatStudyId(prefix: string, centre: string, seq: number): string {
  return `${prefix}-${centre}-${String(seq).padStart(3, '0')}`;
}

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
  const row = await trx
    .insertInto('study_id_counters')
    .values({ trial_id: def.id, centre, last_seq: 1 })
    .onConflict((oc) =>
      oc
        .columns(['trial_id', 'centre'])
        .doUpdateSet((eb) => ({ last_seq: eb('study_id_counters.last_seq', '+', 1) })),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return { seq: row.last_seq, studyId: formatStudyId(def.studyIdPrefix, centre, row.last_seq) };
}

export async function insertParticipant(trx: Db, values: NewParticipant): Promise<number> {
  const row = await trx.insertInto('participants').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
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
  await trx.insertInto('assessment_slots').values(slots).execute();
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

export async function findParticipantByStudyId(
  db: Db,
  trialId: string,
  studyId: string,
): Promise<ParticipantRow | undefined> {
  return db
    .selectFrom('participants')
    .selectAll()
    .where('trial_id', '=', trialId)
    .where('study_id', '=', studyId)
    .executeTakeFirst();
}

export async function findParticipantById(db: Db, id: number): Promise<ParticipantRow | undefined> {
  return db.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface ParticipantListFilter {
  centre?: string | null;
  search?: string;
  status?: 'in_follow_up' | 'off_study' | 'completed';
  today: string;
}

export async function listParticipants(
  db: Db,
  trialId: string,
  filter: ParticipantListFilter,
  page: { offset: number; limit: number },
) {
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
  return { total: Number(total), rows };
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
  return { slots, assessments, cycles, events };
}

/** The date a participant was last known alive: the latest dated record that is not a death. */
export async function lastContactDate(db: Db, participantId: number): Promise<string | null> {
  const row = await sql<{ d: string | null }>`
    SELECT MAX(d) AS d FROM (
      SELECT inclusion_date AS d FROM participants WHERE id = ${participantId}
      UNION ALL SELECT performed_date FROM assessments WHERE participant_id = ${participantId} AND voided_at IS NULL
      UNION ALL SELECT cycle_date FROM treatment_cycles WHERE participant_id = ${participantId} AND voided_at IS NULL
      UNION ALL SELECT event_date FROM events WHERE participant_id = ${participantId} AND voided_at IS NULL AND type <> 'death'
    ) AS dates`.execute(db);
  return row.rows[0]?.d ?? null;
}
