// Kysely's view of the tables in migrations/. Keep in step with the SQL.
import type { Generated, Selectable } from 'kysely';

export interface CentresTable {
  code: string;
  name: string;
  city: string;
}

export interface TrialsTable {
  id: string;
  code: string;
  definition: string;
  synthetic: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  centre: string | null;
  active: Generated<number>;
  created_at: string;
  password_changed_at: string;
  /** 1 while a password set by an administrator (create, reset) has not been changed by its user. */
  must_change_password: Generated<number>;
  /** Where notifications are mailed (migration 017); null: in-app only. */
  email: string | null;
  mail_lang: Generated<string>;
}

/** An account's role (and centre) in one trial; ended rows are the history (migration 010). */
export interface TrialMembershipsTable {
  id: Generated<number>;
  user_id: number;
  trial_id: string;
  role: 'pi' | 'coordinator' | 'steering' | 'monitor';
  centre: string | null;
  created_at: string;
  created_by: number | null;
  ended_at: string | null;
  ended_by: number | null;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ended_at: string | null;
  end_reason: string | null;
  ip: string | null;
  user_agent: string | null;
}

/** A personal API token (migration 013): only its SHA-256 is kept; revoked, never deleted. */
export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  prefix: string;
  token_hash: string;
  label: string;
  scope: 'read';
  created_at: string;
  created_by: number | null;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: number | null;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: string;
}

export interface StudyIdCountersTable {
  trial_id: string;
  centre: string;
  last_seq: number;
}

interface Voidable {
  created_at: string;
  created_by: number | null;
  voided_at: string | null;
  voided_by: number | null;
  void_reason: string | null;
}

export interface ScreeningCountersTable {
  trial_id: string;
  centre: string;
  last_seq: number;
}

/** Included (not voided) participants per trial, kept by triggers on participants (migration 020). */
export interface TrialInclusionCountsTable {
  trial_id: string;
  included: number;
}

export interface ParticipantsTable extends Voidable {
  id: Generated<number>;
  trial_id: string;
  centre: string;
  study_id: string;
  seq: number;
  inclusion_date: string;
  consent_date: string;
  age_at_inclusion: number;
  sex: 'female' | 'male';
  eligibility: string;
  surgery_date: string | null;
  pump_date: string | null;
  /** Why no pump was placed at surgery (migration 002); null when placed or not yet operated. */
  pump_not_placed_reason: string | null;
  time_zero: string | null;
  follow_up_end: string | null;
  off_study_date: string | null;
  off_study_reason: 'died' | 'withdrawn' | 'lost_to_follow_up' | null;
  synthetic: number;
  /** The subject key of the EDC an import brought the participant from (migration 015); null otherwise. */
  source_key: Generated<string | null>;
}

export interface ScreeningsTable extends Voidable {
  id: Generated<number>;
  trial_id: string;
  centre: string;
  screening_number: string;
  screening_date: string;
  outcome: 'included' | 'not_eligible' | 'declined' | 'other';
  failed_criteria: string;
  reason: string | null;
  participant_id: number | null;
}

export type CycleModification = 'none' | 'reduced' | 'delayed' | 'skipped' | 'stopped';

export interface TreatmentCyclesTable extends Voidable {
  id: Generated<number>;
  trial_id: string;
  participant_id: number;
  centre: string;
  cycle: number;
  cycle_date: string;
  empty_date: string | null;
  flow_rate_ml_day: number | null;
  returned_volume_ml: number | null;
  dose_mg: number | null;
  modification: CycleModification;
  modification_reason: string | null;
  /** The window the cycle was due in (migration 010); null only before the start-up backfill. */
  planned_date: string | null;
  window_start: string | null;
  window_end: string | null;
  /** 1 when drug was given outside the window: a protocol deviation. */
  out_of_window: Generated<number>;
}

export type SlotStatusColumn = 'scheduled' | 'done' | 'missed' | 'not_applicable' | 'cancelled';

export interface AssessmentSlotsTable {
  id: Generated<number>;
  trial_id: string;
  participant_id: number;
  centre: string;
  month: number;
  due_date: string;
  window_start: string;
  window_end: string;
  status: SlotStatusColumn;
  performed_date: string | null;
  late: number;
}

export type ImagingResult = 'no_recurrence' | 'hepatic' | 'extrahepatic' | 'both';

export interface AssessmentsTable extends Voidable {
  id: Generated<number>;
  trial_id: string;
  participant_id: number;
  slot_id: number;
  centre: string;
  status: 'done' | 'missed';
  performed_date: string | null;
  cea: number | null;
  imaging_result: ImagingResult | null;
  missed_reason: string | null;
  out_of_window: number;
}

export type EventType = 'recurrence' | 'death' | 'complication' | 'withdrawal' | 'lost_to_follow_up';

export interface EventsTable extends Voidable {
  id: Generated<number>;
  trial_id: string;
  participant_id: number;
  centre: string;
  type: EventType;
  event_date: string;
  recurrence_site: 'hepatic' | 'extrahepatic' | 'both' | null;
  death_cause: string | null;
  complication_term: string | null;
  complication_category: 'surgical' | 'pump' | 'toxicity' | 'other' | null;
  grade_scale: 'clavien_dindo' | 'ctcae' | null;
  grade: string | null;
  haip_related: number | null;
  resolution_date: string | null;
  reason: string | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  user_id: number | null;
  username: string | null;
  role: string | null;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  trial_id: string | null;
  centre: string | null;
  participant: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

export interface Database {
  centres: CentresTable;
  trials: TrialsTable;
  users: UsersTable;
  trial_memberships: TrialMembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_failures: LoginFailuresTable;
  study_id_counters: StudyIdCountersTable;
  screening_counters: ScreeningCountersTable;
  trial_inclusion_counts: TrialInclusionCountsTable;
  participants: ParticipantsTable;
  screenings: ScreeningsTable;
  treatment_cycles: TreatmentCyclesTable;
  assessment_slots: AssessmentSlotsTable;
  assessments: AssessmentsTable;
  events: EventsTable;
  audit_log: AuditLogTable;
  queries: QueriesTable;
  query_steps: QueryStepsTable;
  sdv_marks: SdvMarksTable;
  data_locks: DataLocksTable;
  signatures: SignaturesTable;
  notification_preferences: NotificationPreferencesTable;
  notifications: NotificationsTable;
  mail_outbox: MailOutboxTable;
  job_runs: JobRunsTable;
}

export interface QueriesTable {
  id: Generated<number>;
  trial_id: string;
  centre: string;
  participant_id: number;
  record_type: string | null;
  record_id: number | null;
  field: string | null;
  origin: 'manual' | 'auto';
  rule: string | null;
  auto_key: string | null;
  status: 'open' | 'answered' | 'closed';
  opened_at: string;
  opened_by: number | null;
  opened_by_name: string;
  opened_role: string | null;
  first_answered_at: string | null;
  closed_at: string | null;
  updated_at: string;
}

export interface QueryStepsTable {
  id: Generated<number>;
  query_id: number;
  at: string;
  kind: string;
  user_id: number | null;
  user_name: string;
  role: string | null;
  text: string | null;
  system_key: string | null;
  system_params: string | null;
  correction_seq: number | null;
}

export interface SdvMarksTable {
  id: Generated<number>;
  trial_id: string;
  centre: string;
  participant_id: number;
  record_type: string;
  record_id: number;
  field: Generated<string>;
  verified_at: string;
  verified_by: number | null;
  verified_by_name: string;
  invalidated_at: string | null;
  invalidated_by: number | null;
  invalidated_by_name: string | null;
  invalidated_cause: string | null;
  invalidated_fields: string | null;
  synthetic: Generated<number>;
}

export interface DataLocksTable {
  id: Generated<number>;
  trial_id: string;
  scope: string;
  target: string;
  centre: string | null;
  participant_id: number | null;
  record_type: string | null;
  record_id: number | null;
  reason: string;
  locked_at: string;
  locked_by: number | null;
  locked_by_name: string;
  unlocked_at: string | null;
  unlocked_by: number | null;
  unlocked_by_name: string | null;
  unlock_reason: string | null;
  synthetic: Generated<number>;
}

export interface SignaturesTable {
  id: Generated<number>;
  trial_id: string;
  kind: string;
  entity_id: string;
  centre: string | null;
  participant_id: number | null;
  meaning: string;
  data_hash: string;
  signer_id: number | null;
  signer_name: string;
  signer_role: string;
  signed_at: string;
  synthetic: Generated<number>;
}

/** Optional mails a user switched off (mail = 0) or on again (migration 017). */
export interface NotificationPreferencesTable {
  user_id: number;
  kind: string;
  mail: number;
  updated_at: string;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  trial_id: string | null;
  kind: string;
  /** JSON of the kind's parameters (study ID, query number, due instant…); words are made on reading. */
  params: string;
  link: string | null;
  dedupe_key: string | null;
  created_at: string;
  read_at: string | null;
}

export interface MailOutboxTable {
  id: Generated<number>;
  notification_id: number | null;
  user_id: number;
  to_address: string;
  lang: string;
  subject: string;
  body: string;
  message_id: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: Generated<number>;
  next_attempt_at: string;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface JobRunsTable {
  job: string;
  run_key: string;
  started_at: string;
  instance: string;
  result: string | null;
}

export type UserRow = Selectable<UsersTable>;
export type AuditRow = Selectable<AuditLogTable>;
