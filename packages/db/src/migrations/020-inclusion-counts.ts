// The number of included (not voided) participants per trial, kept by triggers on participants (issue 17).
// An inclusion checks it against the target under the write lock; a count(*) over the trial's participants
// grew with the trial (100 000 rows read per inclusion). Triggers keep it right on every path that writes
// participants (an inclusion, a void, the demo's and an import's bulk inserts, a correction that touches
// the trial or the void columns), in the same statement as the change, so no writer can forget it and a
// rolled-back write takes its count back with it. Backfilled from the participants already there.
// Not participant-level (one row per trial, no centre): no row-level security policy.
export const inclusionCountsSqlite = `
CREATE TABLE trial_inclusion_counts (
  trial_id TEXT PRIMARY KEY REFERENCES trials(id),
  included INTEGER NOT NULL CHECK (included >= 0)
);
INSERT INTO trial_inclusion_counts (trial_id, included)
SELECT id, (SELECT COUNT(*) FROM participants p WHERE p.trial_id = t.id AND p.voided_at IS NULL) FROM trials t;
CREATE TRIGGER participants_count_insert AFTER INSERT ON participants WHEN NEW.voided_at IS NULL
BEGIN
  INSERT INTO trial_inclusion_counts (trial_id, included) VALUES (NEW.trial_id, 1)
  ON CONFLICT (trial_id) DO UPDATE SET included = included + 1;
END;
CREATE TRIGGER participants_count_update AFTER UPDATE OF trial_id, voided_at ON participants
WHEN (OLD.voided_at IS NULL) <> (NEW.voided_at IS NULL) OR OLD.trial_id <> NEW.trial_id
BEGIN
  UPDATE trial_inclusion_counts SET included = included - 1
  WHERE trial_id = OLD.trial_id AND OLD.voided_at IS NULL;
  INSERT INTO trial_inclusion_counts (trial_id, included) SELECT NEW.trial_id, 1 WHERE NEW.voided_at IS NULL
  ON CONFLICT (trial_id) DO UPDATE SET included = included + 1;
END;
CREATE TRIGGER participants_count_delete AFTER DELETE ON participants WHEN OLD.voided_at IS NULL
BEGIN
  UPDATE trial_inclusion_counts SET included = included - 1 WHERE trial_id = OLD.trial_id;
END;
`;

export const inclusionCountsPostgres = `
CREATE TABLE trial_inclusion_counts (
  trial_id TEXT PRIMARY KEY REFERENCES trials(id),
  included integer NOT NULL CHECK (included >= 0)
);
INSERT INTO trial_inclusion_counts (trial_id, included)
SELECT id, (SELECT COUNT(*) FROM participants p WHERE p.trial_id = t.id AND p.voided_at IS NULL) FROM trials t;
CREATE FUNCTION trialdesk_count_inclusions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.voided_at IS NULL THEN
    UPDATE trial_inclusion_counts SET included = included - 1 WHERE trial_id = OLD.trial_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.voided_at IS NULL THEN
    INSERT INTO trial_inclusion_counts (trial_id, included) VALUES (NEW.trial_id, 1)
    ON CONFLICT (trial_id) DO UPDATE SET included = trial_inclusion_counts.included + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER participants_count_insert AFTER INSERT ON participants
FOR EACH ROW WHEN (NEW.voided_at IS NULL) EXECUTE FUNCTION trialdesk_count_inclusions();
CREATE TRIGGER participants_count_update AFTER UPDATE OF trial_id, voided_at ON participants
FOR EACH ROW WHEN ((OLD.voided_at IS NULL) IS DISTINCT FROM (NEW.voided_at IS NULL) OR OLD.trial_id IS DISTINCT FROM NEW.trial_id)
EXECUTE FUNCTION trialdesk_count_inclusions();
CREATE TRIGGER participants_count_delete AFTER DELETE ON participants
FOR EACH ROW WHEN (OLD.voided_at IS NULL) EXECUTE FUNCTION trialdesk_count_inclusions();
`;
