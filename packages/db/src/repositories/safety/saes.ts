// Serious adverse events (migration 014): one per event record, with the initial report's assessment, the
// PI's review and a SUSAR's submission; follow-up reports numbered 1, 2, … per SAE. Rows map to camelCase
// records; the JSON columns are parsed here, so the API never sees a column.
import type { Causality, SeriousCriterion } from '@trialdesk/domain';
import type { Selectable } from 'kysely';
import type { Db } from '../../database.js';
import { withSafety, type SeriousAdverseEventsTable } from './tables.js';

export interface SaeAssessment {
  intervention: string;
  causality: Causality;
  expected: boolean | null;
}

export interface SaeRecord {
  id: number;
  trialId: string;
  centre: string;
  participantId: number;
  studyId: string;
  eventId: number;
  eventType: 'complication' | 'death';
  eventDate: string;
  /** The complication's term or the cause of death. */
  eventTerm: string;
  eventVoided: boolean;
  criteria: SeriousCriterion[];
  assessments: SaeAssessment[];
  susar: boolean;
  awareAt: string;
  description: string;
  reportedAt: string;
  reportedByName: string;
  reviewedAt: string | null;
  reviewedByName: string | null;
  reviewComment: string | null;
  susarReportedAt: string | null;
  susarReportedByName: string | null;
  susarReference: string | null;
  synthetic: boolean;
}

export interface SaeFollowUp {
  saeId: number;
  seq: number;
  text: string;
  reportedAt: string;
  reportedByName: string;
}

type Row = Selectable<SeriousAdverseEventsTable> & {
  study_id: string;
  event_type: string;
  event_date: string;
  complication_term: string | null;
  death_cause: string | null;
  event_voided_at: string | null;
};

function toSae(r: Row): SaeRecord {
  return {
    id: Number(r.id),
    trialId: r.trial_id,
    centre: r.centre,
    participantId: Number(r.participant_id),
    studyId: r.study_id,
    eventId: Number(r.event_id),
    eventType: r.event_type === 'death' ? 'death' : 'complication',
    eventDate: r.event_date,
    eventTerm: r.complication_term ?? r.death_cause ?? '',
    eventVoided: r.event_voided_at !== null,
    criteria: JSON.parse(r.criteria) as SeriousCriterion[],
    assessments: JSON.parse(r.assessments) as SaeAssessment[],
    susar: r.susar === 1,
    awareAt: r.aware_at,
    description: r.description,
    reportedAt: r.reported_at,
    reportedByName: r.reported_by_name,
    reviewedAt: r.reviewed_at,
    reviewedByName: r.reviewed_by_name,
    reviewComment: r.review_comment,
    susarReportedAt: r.susar_reported_at,
    susarReportedByName: r.susar_reported_by_name,
    susarReference: r.susar_reference,
    synthetic: r.synthetic === 1,
  };
}

function selectSaes(db: Db) {
  return withSafety(db)
    .selectFrom('serious_adverse_events as s')
    .innerJoin('participants as p', 'p.id', 's.participant_id')
    .innerJoin('events as e', 'e.id', 's.event_id')
    .selectAll('s')
    .select([
      'p.study_id as study_id',
      'e.type as event_type',
      'e.event_date as event_date',
      'e.complication_term as complication_term',
      'e.death_cause as death_cause',
      'e.voided_at as event_voided_at',
    ]);
}

export interface NewSae {
  trialId: string;
  participantId: number;
  centre: string;
  eventId: number;
  criteria: readonly SeriousCriterion[];
  assessments: readonly SaeAssessment[];
  susar: boolean;
  awareAt: string;
  description: string;
  reportedAt: string;
  reportedBy: number | null;
  reportedByName: string;
  synthetic?: boolean;
}

export async function insertSae(trx: Db, s: NewSae): Promise<number> {
  const row = await withSafety(trx)
    .insertInto('serious_adverse_events')
    .values({
      trial_id: s.trialId,
      participant_id: s.participantId,
      centre: s.centre,
      event_id: s.eventId,
      criteria: JSON.stringify(s.criteria),
      assessments: JSON.stringify(s.assessments),
      susar: s.susar ? 1 : 0,
      aware_at: s.awareAt,
      description: s.description,
      reported_at: s.reportedAt,
      reported_by: s.reportedBy,
      reported_by_name: s.reportedByName,
      synthetic: s.synthetic ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function findSae(db: Db, trialId: string, id: number): Promise<SaeRecord | undefined> {
  const row = await selectSaes(db)
    .where('s.trial_id', '=', trialId)
    .where('s.id', '=', id)
    .executeTakeFirst();
  return row && toSae(row);
}

export async function findSaeOfEvent(db: Db, eventId: number): Promise<SaeRecord | undefined> {
  const row = await selectSaes(db).where('s.event_id', '=', eventId).executeTakeFirst();
  return row && toSae(row);
}

/** A trial's SAEs, per participant and chronologically (awareness), optionally one centre or participant. */
export async function listSaes(
  db: Db,
  f: { trialId: string; centre?: string | null; participantId?: number | null },
): Promise<SaeRecord[]> {
  let q = selectSaes(db).where('s.trial_id', '=', f.trialId);
  if (f.centre) q = q.where('s.centre', '=', f.centre);
  if (f.participantId != null) q = q.where('s.participant_id', '=', f.participantId);
  const rows = await q.orderBy('p.study_id').orderBy('s.aware_at').orderBy('s.id').execute();
  return rows.map((r) => toSae(r as Row));
}

export async function listFollowUps(db: Db, saeIds: readonly number[]): Promise<SaeFollowUp[]> {
  if (saeIds.length === 0) return [];
  const rows = await withSafety(db)
    .selectFrom('sae_follow_ups')
    .selectAll()
    .where('sae_id', 'in', [...saeIds])
    .orderBy('sae_id')
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    saeId: Number(r.sae_id),
    seq: Number(r.seq),
    text: r.text,
    reportedAt: r.reported_at,
    reportedByName: r.reported_by_name,
  }));
}

/** Appends the next follow-up report (numbered after the last; call inside the write transaction). */
export async function insertFollowUp(
  trx: Db,
  f: {
    saeId: number;
    text: string;
    reportedAt: string;
    reportedBy: number | null;
    reportedByName: string;
    synthetic?: boolean;
  },
): Promise<number> {
  const last = await withSafety(trx)
    .selectFrom('sae_follow_ups')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('sae_id', '=', f.saeId)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await withSafety(trx)
    .insertInto('sae_follow_ups')
    .values({
      sae_id: f.saeId,
      seq,
      text: f.text,
      reported_at: f.reportedAt,
      reported_by: f.reportedBy,
      reported_by_name: f.reportedByName,
      synthetic: f.synthetic ? 1 : 0,
    })
    .execute();
  return seq;
}

/** Records the PI's review once; false when it was already reviewed. */
export async function markSaeReviewed(
  trx: Db,
  r: { id: number; at: string; by: number | null; byName: string; comment: string | null },
): Promise<boolean> {
  const res = await withSafety(trx)
    .updateTable('serious_adverse_events')
    .set({ reviewed_at: r.at, reviewed_by: r.by, reviewed_by_name: r.byName, review_comment: r.comment })
    .where('id', '=', r.id)
    .where('reviewed_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Records a SUSAR's submission once; false when it was already recorded. */
export async function markSusarReported(
  trx: Db,
  r: { id: number; at: string; by: number | null; byName: string; reference: string },
): Promise<boolean> {
  const res = await withSafety(trx)
    .updateTable('serious_adverse_events')
    .set({
      susar_reported_at: r.at,
      susar_reported_by: r.by,
      susar_reported_by_name: r.byName,
      susar_reference: r.reference,
    })
    .where('id', '=', r.id)
    .where('susar', '=', 1)
    .where('susar_reported_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export interface UnreportedDeath {
  eventId: number;
  participantId: number;
  studyId: string;
  centre: string;
  date: string;
  cause: string;
  /** When the death was entered: the site was aware by then at the latest, so the 24-hour clock runs. */
  recordedAt: string;
}

/** Deaths (always SAEs) that have no SAE report yet. */
export async function unreportedDeaths(
  db: Db,
  f: { trialId: string; centre?: string | null; participantId?: number | null },
): Promise<UnreportedDeath[]> {
  let q = withSafety(db)
    .selectFrom('events as e')
    .innerJoin('participants as p', 'p.id', 'e.participant_id')
    .leftJoin('serious_adverse_events as s', 's.event_id', 'e.id')
    .select([
      'e.id as id',
      'e.participant_id as participant_id',
      'p.study_id as study_id',
      'e.centre as centre',
      'e.event_date as event_date',
      'e.death_cause as death_cause',
      'e.created_at as created_at',
    ])
    .where('e.trial_id', '=', f.trialId)
    .where('e.type', '=', 'death')
    .where('e.voided_at', 'is', null)
    .where('p.voided_at', 'is', null)
    .where('s.id', 'is', null);
  if (f.centre) q = q.where('e.centre', '=', f.centre);
  if (f.participantId != null) q = q.where('e.participant_id', '=', f.participantId);
  const rows = await q.orderBy('p.study_id').execute();
  return rows.map((r) => ({
    eventId: Number(r.id),
    participantId: Number(r.participant_id),
    studyId: r.study_id,
    centre: r.centre,
    date: r.event_date,
    cause: r.death_cause ?? '',
    recordedAt: r.created_at,
  }));
}
