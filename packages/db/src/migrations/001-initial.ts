// The first schema. Every trial table carries trial_id; dates are ISO-8601 text ('YYYY-MM-DD' for calendar
// dates, full UTC timestamps for instants) so that the same repositories run on both engines.
// Clinical rows are never deleted: wrong records are voided (voided_at, voided_by, void_reason).
// The PostgreSQL form (below) is the same schema in that engine's types: see postgres-types.md.
export const initialSqlite = `
CREATE TABLE centres (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  city TEXT NOT NULL
);

CREATE TABLE trials (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  definition TEXT NOT NULL,
  synthetic INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'pi', 'coordinator', 'steering', 'monitor')),
  centre TEXT REFERENCES centres(code),
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  password_changed_at TEXT NOT NULL,
  CHECK ((role = 'coordinator') = (centre IS NOT NULL))
);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ended_at TEXT,
  end_reason TEXT,
  ip TEXT,
  user_agent TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_failures (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL,
  ip TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX login_failures_username ON login_failures(username, at);
CREATE INDEX login_failures_ip ON login_failures(ip, at);

CREATE TABLE study_id_counters (
  trial_id TEXT NOT NULL REFERENCES trials(id),
  centre TEXT NOT NULL REFERENCES centres(code),
  last_seq INTEGER NOT NULL,
  PRIMARY KEY (trial_id, centre)
);

CREATE TABLE participants (
  id INTEGER PRIMARY KEY,
  trial_id TEXT NOT NULL REFERENCES trials(id),
  centre TEXT NOT NULL REFERENCES centres(code),
  study_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  inclusion_date TEXT NOT NULL,
  consent_date TEXT NOT NULL,
  age_at_inclusion INTEGER NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('female', 'male')),
  eligibility TEXT NOT NULL,
  surgery_date TEXT,
  pump_date TEXT,
  time_zero TEXT,
  follow_up_end TEXT,
  off_study_date TEXT,
  off_study_reason TEXT CHECK (off_study_reason IN ('died', 'withdrawn', 'lost_to_follow_up')),
  synthetic INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  voided_at TEXT,
  voided_by INTEGER REFERENCES users(id),
  void_reason TEXT,
  UNIQUE (trial_id, study_id),
  UNIQUE (trial_id, centre, seq)
);
CREATE INDEX participants_inclusion ON participants(trial_id, inclusion_date);
CREATE INDEX participants_centre ON participants(trial_id, centre, inclusion_date);
CREATE INDEX participants_time_zero ON participants(trial_id, time_zero);

CREATE TABLE screenings (
  id INTEGER PRIMARY KEY,
  trial_id TEXT NOT NULL REFERENCES trials(id),
  centre TEXT NOT NULL REFERENCES centres(code),
  screening_number TEXT NOT NULL,
  screening_date TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('included', 'not_eligible', 'declined', 'other')),
  failed_criteria TEXT NOT NULL DEFAULT '[]',
  reason TEXT,
  participant_id INTEGER REFERENCES participants(id),
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  voided_at TEXT,
  voided_by INTEGER REFERENCES users(id),
  void_reason TEXT,
  UNIQUE (trial_id, screening_number)
);
CREATE INDEX screenings_centre ON screenings(trial_id, centre, screening_date);

CREATE TABLE treatment_cycles (
  id INTEGER PRIMARY KEY,
  trial_id TEXT NOT NULL REFERENCES trials(id),
  participant_id INTEGER NOT NULL REFERENCES participants(id),
  centre TEXT NOT NULL REFERENCES centres(code),
  cycle INTEGER NOT NULL CHECK (cycle >= 1),
  cycle_date TEXT NOT NULL,
  empty_date TEXT,
  flow_rate_ml_day REAL,
  returned_volume_ml REAL,
  dose_mg REAL,
  modification TEXT NOT NULL CHECK (modification IN ('none', 'reduced', 'delayed', 'skipped', 'stopped')),
  modification_reason TEXT,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  voided_at TEXT,
  voided_by INTEGER REFERENCES users(id),
  void_reason TEXT
);
CREATE UNIQUE INDEX treatment_cycles_current ON treatment_cycles(participant_id, cycle) WHERE voided_at IS NULL;
CREATE INDEX treatment_cycles_trial ON treatment_cycles(trial_id, centre);

CREATE TABLE assessment_slots (
  id INTEGER PRIMARY KEY,
  trial_id TEXT NOT NULL REFERENCES trials(id),
  participant_id INTEGER NOT NULL REFERENCES participants(id),
  centre TEXT NOT NULL REFERENCES centres(code),
  month INTEGER NOT NULL,
  due_date TEXT NOT NULL,
  window_start TEXT NOT NULL,
  window_end TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'done', 'missed', 'not_applicable', 'cancelled')),
  performed_date TEXT,
  late INTEGER NOT NULL DEFAULT 0,
  UNIQUE (participant_id, month)
);
CREATE INDEX assessment_slots_state ON assessment_slots(trial_id, status, window_end, window_start, centre);

CREATE TABLE assessments (
  id INTEGER PRIMARY KEY,
  trial_id TEXT NOT NULL REFERENCES trials(id),
  participant_id INTEGER NOT NULL REFERENCES participants(id),
  slot_id INTEGER NOT NULL REFERENCES assessment_slots(id),
  centre TEXT NOT NULL REFERENCES centres(code),
  status TEXT NOT NULL CHECK (status IN ('done', 'missed')),
  performed_date TEXT,
  cea REAL,
  imaging_result TEXT CHECK (imaging_result IN ('no_recurrence', 'hepatic', 'extrahepatic', 'both')),
  missed_reason TEXT,
  out_of_window INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  voided_at TEXT,
  voided_by INTEGER REFERENCES users(id),
  void_reason TEXT,
  CHECK ((status = 'done') = (performed_date IS NOT NULL))
);
CREATE UNIQUE INDEX assessments_current ON assessments(slot_id) WHERE voided_at IS NULL;
CREATE INDEX assessments_participant ON assessments(participant_id, performed_date);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  trial_id TEXT NOT NULL REFERENCES trials(id),
  participant_id INTEGER NOT NULL REFERENCES participants(id),
  centre TEXT NOT NULL REFERENCES centres(code),
  type TEXT NOT NULL CHECK (type IN ('recurrence', 'death', 'complication', 'withdrawal', 'lost_to_follow_up')),
  event_date TEXT NOT NULL,
  recurrence_site TEXT CHECK (recurrence_site IN ('hepatic', 'extrahepatic', 'both')),
  death_cause TEXT,
  complication_term TEXT,
  complication_category TEXT CHECK (complication_category IN ('surgical', 'pump', 'toxicity', 'other')),
  grade_scale TEXT CHECK (grade_scale IN ('clavien_dindo', 'ctcae')),
  grade TEXT,
  haip_related INTEGER,
  resolution_date TEXT,
  reason TEXT,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  voided_at TEXT,
  voided_by INTEGER REFERENCES users(id),
  void_reason TEXT
);
CREATE INDEX events_participant ON events(participant_id, type, event_date);
CREATE INDEX events_trial ON events(trial_id, type, centre);

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER,
  username TEXT,
  role TEXT,
  ip TEXT,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT,
  trial_id TEXT,
  centre TEXT,
  participant TEXT,
  before TEXT,
  after TEXT,
  reason TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_participant ON audit_log(participant, seq);
CREATE INDEX audit_log_user ON audit_log(username, seq);
CREATE INDEX audit_log_action ON audit_log(action, seq);
CREATE INDEX audit_log_at ON audit_log(at);

-- The audit trail is append-only: the database itself refuses to change or remove a row.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;

export const initialPostgres = `
CREATE TABLE centres (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  city TEXT NOT NULL
);

CREATE TABLE trials (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  definition TEXT NOT NULL,
  synthetic integer NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE users (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'pi', 'coordinator', 'steering', 'monitor')),
  centre TEXT REFERENCES centres(code),
  active integer NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  password_changed_at TEXT NOT NULL,
  CHECK ((role = 'coordinator') = (centre IS NOT NULL))
);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ended_at TEXT,
  end_reason TEXT,
  ip TEXT,
  user_agent TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_failures (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  username TEXT NOT NULL,
  ip TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX login_failures_username ON login_failures(username, at);
CREATE INDEX login_failures_ip ON login_failures(ip, at);

CREATE TABLE study_id_counters (
  trial_id TEXT NOT NULL REFERENCES trials(id),
  centre TEXT NOT NULL REFERENCES centres(code),
  last_seq integer NOT NULL,
  PRIMARY KEY (trial_id, centre)
);

CREATE TABLE participants (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  trial_id TEXT NOT NULL REFERENCES trials(id),
  centre TEXT NOT NULL REFERENCES centres(code),
  study_id TEXT NOT NULL,
  seq integer NOT NULL,
  inclusion_date TEXT NOT NULL,
  consent_date TEXT NOT NULL,
  age_at_inclusion integer NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('female', 'male')),
  eligibility TEXT NOT NULL,
  surgery_date TEXT,
  pump_date TEXT,
  time_zero TEXT,
  follow_up_end TEXT,
  off_study_date TEXT,
  off_study_reason TEXT CHECK (off_study_reason IN ('died', 'withdrawn', 'lost_to_follow_up')),
  synthetic integer NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  created_by bigint REFERENCES users(id),
  voided_at TEXT,
  voided_by bigint REFERENCES users(id),
  void_reason TEXT,
  UNIQUE (trial_id, study_id),
  UNIQUE (trial_id, centre, seq)
);
CREATE INDEX participants_inclusion ON participants(trial_id, inclusion_date);
CREATE INDEX participants_centre ON participants(trial_id, centre, inclusion_date);
CREATE INDEX participants_time_zero ON participants(trial_id, time_zero);

CREATE TABLE screenings (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  trial_id TEXT NOT NULL REFERENCES trials(id),
  centre TEXT NOT NULL REFERENCES centres(code),
  screening_number TEXT NOT NULL,
  screening_date TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('included', 'not_eligible', 'declined', 'other')),
  failed_criteria TEXT NOT NULL DEFAULT '[]',
  reason TEXT,
  participant_id bigint REFERENCES participants(id),
  created_at TEXT NOT NULL,
  created_by bigint REFERENCES users(id),
  voided_at TEXT,
  voided_by bigint REFERENCES users(id),
  void_reason TEXT,
  UNIQUE (trial_id, screening_number)
);
CREATE INDEX screenings_centre ON screenings(trial_id, centre, screening_date);

CREATE TABLE treatment_cycles (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  trial_id TEXT NOT NULL REFERENCES trials(id),
  participant_id bigint NOT NULL REFERENCES participants(id),
  centre TEXT NOT NULL REFERENCES centres(code),
  cycle integer NOT NULL CHECK (cycle >= 1),
  cycle_date TEXT NOT NULL,
  empty_date TEXT,
  flow_rate_ml_day double precision,
  returned_volume_ml double precision,
  dose_mg double precision,
  modification TEXT NOT NULL CHECK (modification IN ('none', 'reduced', 'delayed', 'skipped', 'stopped')),
  modification_reason TEXT,
  created_at TEXT NOT NULL,
  created_by bigint REFERENCES users(id),
  voided_at TEXT,
  voided_by bigint REFERENCES users(id),
  void_reason TEXT
);
CREATE UNIQUE INDEX treatment_cycles_current ON treatment_cycles(participant_id, cycle) WHERE voided_at IS NULL;
CREATE INDEX treatment_cycles_trial ON treatment_cycles(trial_id, centre);

CREATE TABLE assessment_slots (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  trial_id TEXT NOT NULL REFERENCES trials(id),
  participant_id bigint NOT NULL REFERENCES participants(id),
  centre TEXT NOT NULL REFERENCES centres(code),
  month integer NOT NULL,
  due_date TEXT NOT NULL,
  window_start TEXT NOT NULL,
  window_end TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'done', 'missed', 'not_applicable', 'cancelled')),
  performed_date TEXT,
  late integer NOT NULL DEFAULT 0,
  UNIQUE (participant_id, month)
);
CREATE INDEX assessment_slots_state ON assessment_slots(trial_id, status, window_end, window_start, centre);

CREATE TABLE assessments (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  trial_id TEXT NOT NULL REFERENCES trials(id),
  participant_id bigint NOT NULL REFERENCES participants(id),
  slot_id bigint NOT NULL REFERENCES assessment_slots(id),
  centre TEXT NOT NULL REFERENCES centres(code),
  status TEXT NOT NULL CHECK (status IN ('done', 'missed')),
  performed_date TEXT,
  cea double precision,
  imaging_result TEXT CHECK (imaging_result IN ('no_recurrence', 'hepatic', 'extrahepatic', 'both')),
  missed_reason TEXT,
  out_of_window integer NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  created_by bigint REFERENCES users(id),
  voided_at TEXT,
  voided_by bigint REFERENCES users(id),
  void_reason TEXT,
  CHECK ((status = 'done') = (performed_date IS NOT NULL))
);
CREATE UNIQUE INDEX assessments_current ON assessments(slot_id) WHERE voided_at IS NULL;
CREATE INDEX assessments_participant ON assessments(participant_id, performed_date);

CREATE TABLE events (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  trial_id TEXT NOT NULL REFERENCES trials(id),
  participant_id bigint NOT NULL REFERENCES participants(id),
  centre TEXT NOT NULL REFERENCES centres(code),
  type TEXT NOT NULL CHECK (type IN ('recurrence', 'death', 'complication', 'withdrawal', 'lost_to_follow_up')),
  event_date TEXT NOT NULL,
  recurrence_site TEXT CHECK (recurrence_site IN ('hepatic', 'extrahepatic', 'both')),
  death_cause TEXT,
  complication_term TEXT,
  complication_category TEXT CHECK (complication_category IN ('surgical', 'pump', 'toxicity', 'other')),
  grade_scale TEXT CHECK (grade_scale IN ('clavien_dindo', 'ctcae')),
  grade TEXT,
  haip_related integer,
  resolution_date TEXT,
  reason TEXT,
  created_at TEXT NOT NULL,
  created_by bigint REFERENCES users(id),
  voided_at TEXT,
  voided_by bigint REFERENCES users(id),
  void_reason TEXT
);
CREATE INDEX events_participant ON events(participant_id, type, event_date);
CREATE INDEX events_trial ON events(trial_id, type, centre);

CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at TEXT NOT NULL,
  user_id bigint,
  username TEXT,
  role TEXT,
  ip TEXT,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT,
  trial_id TEXT,
  centre TEXT,
  participant TEXT,
  before TEXT,
  after TEXT,
  reason TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_participant ON audit_log(participant, seq);
CREATE INDEX audit_log_user ON audit_log(username, seq);
CREATE INDEX audit_log_action ON audit_log(action, seq);
CREATE INDEX audit_log_at ON audit_log(at);

-- The audit trail is append-only: the database itself refuses to change or remove a row.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
`;
