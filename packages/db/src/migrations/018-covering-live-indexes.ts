// Live-participant indexes that SQLite can really use as covering (issue 17). The partial indexes of 004
// leave voided_at out of their columns, and SQLite does not count a partial index's WHERE as covering the
// column it tests: for `voided_at IS NULL` it went to the table for every row, or chose another index
// altogether (the import source-key index of 015 for the monthly and follow-up-end aggregates, with a table
// lookup per participant). On a 100 000-participant trial the overview's whole-trial aggregates took
// 0.5-0.9 s each and the follow-up matrix counted its rows in 245 ms. With voided_at in the columns (always
// NULL inside these partial indexes, so a few bytes a row) each is one covering index scan: 15-250 ms
// whole-trial, well under a millisecond for one centre. The matrix's own index pages live participants in
// study-ID order. The same on PostgreSQL, where the column is redundant but harmless.
const statements = `
CREATE INDEX participants_live_centre_cover ON participants(trial_id, centre, inclusion_date, voided_at) WHERE voided_at IS NULL;
CREATE INDEX participants_live_follow_up_cover ON participants(trial_id, centre, time_zero, follow_up_end, off_study_date, off_study_reason, voided_at) WHERE voided_at IS NULL;
CREATE INDEX participants_live_study ON participants(trial_id, study_id, voided_at) WHERE voided_at IS NULL;
DROP INDEX participants_live_centre;
DROP INDEX participants_live_follow_up;
`;

export const coveringLiveIndexesSqlite = statements;
export const coveringLiveIndexesPostgres = statements;
