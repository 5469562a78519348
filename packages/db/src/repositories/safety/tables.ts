// The safety tables (migration 014), known to Kysely through withTables so the shared schema stays small.
import type { Generated } from 'kysely';
import type { Db } from '../../database.js';

export interface SeriousAdverseEventsTable {
  id: Generated<number>;
  trial_id: string;
  participant_id: number;
  centre: string;
  event_id: number;
  /** JSON array of seriousness criteria. */
  criteria: string;
  /** JSON array of { intervention, causality, expected }. */
  assessments: string;
  susar: number;
  aware_at: string;
  description: string;
  reported_at: string;
  reported_by: number | null;
  reported_by_name: string;
  reviewed_at: string | null;
  reviewed_by: number | null;
  reviewed_by_name: string | null;
  review_comment: string | null;
  susar_reported_at: string | null;
  susar_reported_by: number | null;
  susar_reported_by_name: string | null;
  susar_reference: string | null;
  synthetic: Generated<number>;
}

export interface SaeFollowUpsTable {
  id: Generated<number>;
  sae_id: number;
  seq: number;
  text: string;
  reported_at: string;
  reported_by: number | null;
  reported_by_name: string;
  synthetic: Generated<number>;
}

export interface ProtocolDeviationsTable {
  id: Generated<number>;
  trial_id: string;
  centre: string;
  participant_id: number | null;
  category: string;
  severity: string;
  description: string;
  deviation_date: string;
  corrective_action: string | null;
  origin: string;
  auto_key: string | null;
  record_type: string | null;
  record_id: number | null;
  created_at: string;
  created_by: number | null;
  created_by_name: string;
  synthetic: Generated<number>;
}

export const withSafety = (db: Db) =>
  db.withTables<{
    serious_adverse_events: SeriousAdverseEventsTable;
    sae_follow_ups: SaeFollowUpsTable;
    protocol_deviations: ProtocolDeviationsTable;
  }>();
