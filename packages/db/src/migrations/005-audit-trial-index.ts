// The newest audit row of one trial, found in one index step: the data version per trial that cached
// aggregates are keyed on.
export const auditTrialIndex = `
CREATE INDEX audit_log_trial ON audit_log(trial_id, seq);
`;
