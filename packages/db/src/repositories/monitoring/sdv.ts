// Source data verification marks and the records they can be set on. A mark is never deleted: a
// correction or void of what it verified ends it (invalidated_*), which the record's page then shows.
import type { Selectable } from 'kysely';
import type { Db } from '../../database.js';
import type { SdvMarksTable } from '../../schema.js';

export type SdvRecordKind = 'participant' | 'cycle' | 'assessment' | 'event';

export interface SdvMark {
  id: number;
  trialId: string;
  centre: string;
  participantId: number;
  recordType: SdvRecordKind;
  recordId: number;
  /** null: the whole record. */
  field: string | null;
  verifiedAt: string;
  verifiedBy: number | null;
  verifiedByName: string;
  invalidatedAt: string | null;
  invalidatedByName: string | null;
  invalidatedCause: 'corrected' | 'voided' | null;
  invalidatedFields: string[] | null;
}

function toMark(r: Selectable<SdvMarksTable>): SdvMark {
  return {
    id: r.id,
    trialId: r.trial_id,
    centre: r.centre,
    participantId: r.participant_id,
    recordType: r.record_type as SdvRecordKind,
    recordId: r.record_id,
    field: r.field === '' ? null : r.field,
    verifiedAt: r.verified_at,
    verifiedBy: r.verified_by,
    verifiedByName: r.verified_by_name,
    invalidatedAt: r.invalidated_at,
    invalidatedByName: r.invalidated_by_name,
    invalidatedCause: r.invalidated_cause as SdvMark['invalidatedCause'],
    invalidatedFields: r.invalidated_fields ? (JSON.parse(r.invalidated_fields) as string[]) : null,
  };
}

export interface NewSdvMark {
  trialId: string;
  centre: string;
  participantId: number;
  recordType: SdvRecordKind;
  recordId: number;
  field: string | null;
  verifiedAt: string;
  verifiedBy: number | null;
  verifiedByName: string;
  synthetic?: boolean;
}

export async function insertSdvMark(trx: Db, m: NewSdvMark): Promise<number> {
  const row = await trx
    .insertInto('sdv_marks')
    .values({
      trial_id: m.trialId,
      centre: m.centre,
      participant_id: m.participantId,
      record_type: m.recordType,
      record_id: m.recordId,
      field: m.field ?? '',
      verified_at: m.verifiedAt,
      verified_by: m.verifiedBy,
      verified_by_name: m.verifiedByName,
      synthetic: m.synthetic ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function currentSdvMark(
  db: Db,
  recordType: SdvRecordKind,
  recordId: number,
  field: string | null,
): Promise<SdvMark | undefined> {
  const row = await db
    .selectFrom('sdv_marks')
    .selectAll()
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .where('field', '=', field ?? '')
    .where('invalidated_at', 'is', null)
    .executeTakeFirst();
  return row && toMark(row);
}

/** Marks of a trial (current and ended), optionally of one centre or one participant. */
export async function listSdvMarks(
  db: Db,
  f: { trialId: string; centre?: string | null; participantId?: number },
): Promise<SdvMark[]> {
  let q = db.selectFrom('sdv_marks').selectAll().where('trial_id', '=', f.trialId);
  if (f.centre) q = q.where('centre', '=', f.centre);
  if (f.participantId !== undefined) q = q.where('participant_id', '=', f.participantId);
  return (await q.orderBy('id').execute()).map(toMark);
}

/**
 * Ends the current marks a correction or void touches: the whole-record mark and the marks of the changed
 * fields (all of the record's marks for a void). Returns the marks it ended, for the audit trail.
 */
export async function invalidateSdvMarks(
  trx: Db,
  target: { recordType: SdvRecordKind; recordId: number; fields: readonly string[] | 'all' },
  by: { userId: number | null; name: string; at: string; cause: 'corrected' | 'voided' },
): Promise<SdvMark[]> {
  let q = trx
    .selectFrom('sdv_marks')
    .selectAll()
    .where('record_type', '=', target.recordType)
    .where('record_id', '=', target.recordId)
    .where('invalidated_at', 'is', null);
  const fields = target.fields;
  if (fields !== 'all') q = q.where('field', 'in', ['', ...fields]);
  const marks = (await q.execute()).map(toMark);
  if (marks.length === 0) return [];
  await trx
    .updateTable('sdv_marks')
    .set({
      invalidated_at: by.at,
      invalidated_by: by.userId,
      invalidated_by_name: by.name,
      invalidated_cause: by.cause,
      invalidated_fields: JSON.stringify(fields === 'all' ? [] : fields),
    })
    .where(
      'id',
      'in',
      marks.map((m) => m.id),
    )
    .execute();
  return marks;
}

/** A record SDV can be set on: every current record of every current participant. */
export interface SdvRecord {
  recordType: SdvRecordKind;
  recordId: number;
  participantId: number;
  studyId: string;
  centre: string;
  /** The event's type, for the plan's groups (recurrence, death, complication…). */
  eventType: string | null;
  /** A short label: the cycle number, the assessment's month or the event type. */
  label: string;
}

export async function sdvRecords(
  db: Db,
  f: { trialId: string; centre?: string | null; participantId?: number },
): Promise<SdvRecord[]> {
  let ps = db
    .selectFrom('participants')
    .select(['id', 'study_id', 'centre'])
    .where('trial_id', '=', f.trialId)
    .where('voided_at', 'is', null);
  if (f.centre) ps = ps.where('centre', '=', f.centre);
  if (f.participantId !== undefined) ps = ps.where('id', '=', f.participantId);
  const participants = await ps.execute();
  const byId = new Map(participants.map((p) => [p.id, p]));
  const ids = participants.map((p) => p.id);
  const out: SdvRecord[] = participants.map((p) => ({
    recordType: 'participant',
    recordId: p.id,
    participantId: p.id,
    studyId: p.study_id,
    centre: p.centre,
    eventType: null,
    label: 'inclusion',
  }));
  if (ids.length === 0) return out;
  const push = (type: SdvRecordKind, id: number, pid: number, eventType: string | null, label: string) => {
    const p = byId.get(pid);
    if (p)
      out.push({
        recordType: type,
        recordId: id,
        participantId: pid,
        studyId: p.study_id,
        centre: p.centre,
        eventType,
        label,
      });
  };
  for (const c of await db
    .selectFrom('treatment_cycles')
    .select(['id', 'participant_id', 'cycle'])
    .where('trial_id', '=', f.trialId)
    .where('voided_at', 'is', null)
    .execute())
    push('cycle', c.id, c.participant_id, null, `cycle ${c.cycle}`);
  for (const a of await db
    .selectFrom('assessments')
    .innerJoin('assessment_slots', 'assessment_slots.id', 'assessments.slot_id')
    .select(['assessments.id', 'assessments.participant_id', 'assessment_slots.month'])
    .where('assessments.trial_id', '=', f.trialId)
    .where('assessments.voided_at', 'is', null)
    .execute())
    push('assessment', a.id, a.participant_id, null, `month ${a.month}`);
  for (const e of await db
    .selectFrom('events')
    .select(['id', 'participant_id', 'type'])
    .where('trial_id', '=', f.trialId)
    .where('voided_at', 'is', null)
    .execute())
    push('event', e.id, e.participant_id, e.type, e.type);
  return out;
}
