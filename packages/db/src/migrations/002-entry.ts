// Data entry: a pump that could not be placed is recorded with its reason (pump_date stays empty), so
// that "not placed" differs from "not yet recorded".
export const entrySqlite = `
ALTER TABLE participants ADD COLUMN pump_not_placed_reason TEXT;
CREATE INDEX treatment_cycles_participant ON treatment_cycles(participant_id, cycle);
CREATE INDEX assessments_slot ON assessments(slot_id);
`;

export const entryPostgres = `
ALTER TABLE participants ADD COLUMN pump_not_placed_reason TEXT;
CREATE INDEX treatment_cycles_participant ON treatment_cycles(participant_id, cycle);
CREATE INDEX assessments_slot ON assessments(slot_id);
`;
