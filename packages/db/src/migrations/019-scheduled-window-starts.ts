// The first overview of a new day carries the day before's figures over and counts only the assessment
// slots whose state the day changed (issue 17; overview-parts.ts): those whose window ended (the state
// index of 001 ranges over window_end) and those whose window started. For the second there was no index
// by window_start that does not first split by centre, so counting them went through every open slot of the
// trial. Partial on open slots, the only ones whose state moves with the date: done and missed slots
// (most of an older trial's) take no room in it.
const statements = `
CREATE INDEX assessment_slots_open_starts ON assessment_slots(trial_id, window_start, centre) WHERE status = 'scheduled';
`;

export const scheduledWindowStartsSqlite = statements;
export const scheduledWindowStartsPostgres = statements;
