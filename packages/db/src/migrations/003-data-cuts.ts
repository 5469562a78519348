// Data cuts: a frozen, hashed snapshot of the participant-level data as they stood at an as-of date, for a
// steering committee meeting. A cut is never changed or removed: the database itself refuses (as for the
// audit log), so what was presented can always be shown again and checked against its hash.
export const dataCuts = `
CREATE TABLE data_cuts (
  id INTEGER PRIMARY KEY,
  trial_id TEXT NOT NULL REFERENCES trials(id),
  label TEXT NOT NULL,
  as_of TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_by_name TEXT,
  audit_seq INTEGER NOT NULL,
  participants INTEGER NOT NULL,
  snapshot TEXT NOT NULL,
  content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
  UNIQUE (trial_id, label)
);
CREATE INDEX data_cuts_trial ON data_cuts(trial_id, as_of);

CREATE TRIGGER data_cuts_no_update BEFORE UPDATE ON data_cuts
BEGIN SELECT RAISE(ABORT, 'data_cuts are immutable'); END;
CREATE TRIGGER data_cuts_no_delete BEFORE DELETE ON data_cuts
BEGIN SELECT RAISE(ABORT, 'data_cuts are immutable'); END;
`;
