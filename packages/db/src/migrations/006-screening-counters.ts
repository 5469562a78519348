// Screening numbers come from a counter per trial and centre, like study IDs: taking the next one is one
// indexed step instead of sorting the centre's whole screening log on every inclusion and screening.
// The counters start from the numbers already issued (SCR-<centre>-<n>).
export const screeningCountersSqlite = `
CREATE TABLE screening_counters (
  trial_id TEXT NOT NULL REFERENCES trials(id),
  centre TEXT NOT NULL REFERENCES centres(code),
  last_seq INTEGER NOT NULL,
  PRIMARY KEY (trial_id, centre)
);
INSERT INTO screening_counters (trial_id, centre, last_seq)
SELECT trial_id, centre, MAX(CAST(SUBSTR(screening_number, LENGTH(centre) + 6) AS INTEGER))
FROM screenings
GROUP BY trial_id, centre;
`;

export const screeningCountersPostgres = `
CREATE TABLE screening_counters (
  trial_id TEXT NOT NULL REFERENCES trials(id),
  centre TEXT NOT NULL REFERENCES centres(code),
  last_seq integer NOT NULL,
  PRIMARY KEY (trial_id, centre)
);
INSERT INTO screening_counters (trial_id, centre, last_seq)
SELECT trial_id, centre, MAX(CAST(SUBSTR(screening_number, LENGTH(centre) + 6) AS integer))
FROM screenings
GROUP BY trial_id, centre;
`;
