// The newest audit row of one trial, found in one index step: the data version per trial that cached
// aggregates are keyed on.
export const auditTrialIndexSqlite = `
CREATE INDEX audit_log_trial ON audit_log(trial_id, seq);
`;

export const auditTrialIndexPostgres = `
CREATE INDEX audit_log_trial ON audit_log(trial_id, seq);
`;
