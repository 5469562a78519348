// A pump visit keeps the window it was due in and whether it was given outside it (a protocol deviation),
// so the deviation stays with the record wherever the cycle is shown. Written by the application from the
// trial definition (domain cycle-timing.ts) on every change to a participant's cycles or pump date; rows
// from before this migration are filled at start-up (backfillCycleTimings).
export const cycleTimingSqlite = `
ALTER TABLE treatment_cycles ADD COLUMN planned_date TEXT;
ALTER TABLE treatment_cycles ADD COLUMN window_start TEXT;
ALTER TABLE treatment_cycles ADD COLUMN window_end TEXT;
ALTER TABLE treatment_cycles ADD COLUMN out_of_window INTEGER NOT NULL DEFAULT 0;
`;

export const cycleTimingPostgres = `
ALTER TABLE treatment_cycles ADD COLUMN planned_date text;
ALTER TABLE treatment_cycles ADD COLUMN window_start text;
ALTER TABLE treatment_cycles ADD COLUMN window_end text;
ALTER TABLE treatment_cycles ADD COLUMN out_of_window integer NOT NULL DEFAULT 0;
`;
