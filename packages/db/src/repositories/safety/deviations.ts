// The protocol deviation log (migration 014). An automatic deviation carries a key unique per trial
// (`cycle:<id>`, `assessment:<id>`), so logging it again, from a second write or a second instance, does
// nothing: it is logged once.
import type { DeviationCategory, DeviationOrigin, DeviationSeverity } from '@trialdesk/domain';
import type { Db } from '../../database.js';
import { withSafety } from './tables.js';

export interface DeviationRecord {
  id: number;
  trialId: string;
  centre: string;
  studyId: string | null;
  category: DeviationCategory;
  severity: DeviationSeverity;
  description: string;
  date: string;
  correctiveAction: string | null;
  origin: DeviationOrigin;
  recordType: 'cycle' | 'assessment' | null;
  recordId: number | null;
  createdAt: string;
  createdByName: string;
  synthetic: boolean;
}

export interface NewDeviation {
  trialId: string;
  centre: string;
  participantId: number | null;
  category: DeviationCategory;
  severity: DeviationSeverity;
  description: string;
  date: string;
  correctiveAction: string | null;
  origin: DeviationOrigin;
  /** Only for automatic ones: what makes them unique. */
  autoKey?: string | null;
  recordType?: 'cycle' | 'assessment' | null;
  recordId?: number | null;
  createdAt: string;
  createdBy: number | null;
  createdByName: string;
  synthetic?: boolean;
}

/** Inserts a deviation; for an automatic one already logged, nothing, and null. */
export async function insertDeviation(trx: Db, d: NewDeviation): Promise<number | null> {
  const row = await withSafety(trx)
    .insertInto('protocol_deviations')
    .values({
      trial_id: d.trialId,
      centre: d.centre,
      participant_id: d.participantId,
      category: d.category,
      severity: d.severity,
      description: d.description,
      deviation_date: d.date,
      corrective_action: d.correctiveAction,
      origin: d.origin,
      auto_key: d.autoKey ?? null,
      record_type: d.recordType ?? null,
      record_id: d.recordId ?? null,
      created_at: d.createdAt,
      created_by: d.createdBy,
      created_by_name: d.createdByName,
      synthetic: d.synthetic ? 1 : 0,
    })
    .onConflict((oc) => oc.columns(['trial_id', 'auto_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

export interface DeviationFilter {
  trialId: string;
  centre?: string | null;
  participantId?: number | null;
  category?: DeviationCategory | null;
}

/** The log, newest deviation first. */
export async function listDeviations(db: Db, f: DeviationFilter): Promise<DeviationRecord[]> {
  let q = withSafety(db)
    .selectFrom('protocol_deviations as d')
    .leftJoin('participants as p', 'p.id', 'd.participant_id')
    .selectAll('d')
    .select('p.study_id as study_id')
    .where('d.trial_id', '=', f.trialId);
  if (f.centre) q = q.where('d.centre', '=', f.centre);
  if (f.participantId != null) q = q.where('d.participant_id', '=', f.participantId);
  if (f.category) q = q.where('d.category', '=', f.category);
  const rows = await q.orderBy('d.deviation_date', 'desc').orderBy('d.id', 'desc').execute();
  return rows.map((r) => ({
    id: Number(r.id),
    trialId: r.trial_id,
    centre: r.centre,
    studyId: r.study_id,
    category: r.category as DeviationCategory,
    severity: r.severity as DeviationSeverity,
    description: r.description,
    date: r.deviation_date,
    correctiveAction: r.corrective_action,
    origin: r.origin as DeviationOrigin,
    recordType: r.record_type as 'cycle' | 'assessment' | null,
    recordId: r.record_id === null ? null : Number(r.record_id),
    createdAt: r.created_at,
    createdByName: r.created_by_name,
    synthetic: r.synthetic === 1,
  }));
}

/** Counts per centre, category and severity (for the summaries; no participant leaves here). */
export async function deviationCounts(
  db: Db,
  trialId: string,
): Promise<{ centre: string; category: DeviationCategory; severity: DeviationSeverity; n: number }[]> {
  const rows = await withSafety(db)
    .selectFrom('protocol_deviations')
    .select(['centre', 'category', 'severity', (eb) => eb.fn.countAll().as('n')])
    .where('trial_id', '=', trialId)
    .groupBy(['centre', 'category', 'severity'])
    .execute();
  return rows.map((r) => ({
    centre: r.centre,
    category: r.category as DeviationCategory,
    severity: r.severity as DeviationSeverity,
    n: Number(r.n),
  }));
}
