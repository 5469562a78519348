// Imports from another EDC (Castor, REDCap, OpenClinica) know a participant by that system's subject key
// ("110001", "SS_PUMP3001"). Trialdesk gives every inclusion its own gap-free study ID, so the import keeps
// the source key beside it: a repeated import finds the participant it created and changes nothing.
export const importSourceKeysSqlite = `
ALTER TABLE participants ADD COLUMN source_key TEXT;
CREATE UNIQUE INDEX participants_source_key ON participants(trial_id, source_key);
`;

export const importSourceKeysPostgres = `
ALTER TABLE participants ADD COLUMN source_key text;
CREATE UNIQUE INDEX participants_source_key ON participants(trial_id, source_key);
`;
