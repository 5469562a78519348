// Covering indexes for the overview aggregates, so that each is one index scan grouped in index order
// (no table lookups, no temporary B-tree). Partial on live rows: voided rows never count.
export const overviewIndexesSqlite = `
CREATE INDEX participants_live_centre ON participants(trial_id, centre, inclusion_date) WHERE voided_at IS NULL;
CREATE INDEX participants_live_follow_up ON participants(trial_id, centre, time_zero, follow_up_end, off_study_date, off_study_reason) WHERE voided_at IS NULL;
CREATE INDEX assessment_slots_counts ON assessment_slots(trial_id, centre, status, late, window_start, window_end);
`;

export const overviewIndexesPostgres = `
CREATE INDEX participants_live_centre ON participants(trial_id, centre, inclusion_date) WHERE voided_at IS NULL;
CREATE INDEX participants_live_follow_up ON participants(trial_id, centre, time_zero, follow_up_end, off_study_date, off_study_reason) WHERE voided_at IS NULL;
CREATE INDEX assessment_slots_counts ON assessment_slots(trial_id, centre, status, late, window_start, window_end);
`;
