// Writes the demo cohort's baseline values (as the committee report reads them) for
// make-baseline-reference.R to summarise in R. Run from the repository root:
//   node --import tsx packages/api/src/reports/r-reference/dump-demo-baseline.ts
//   Rscript packages/api/src/reports/r-reference/make-baseline-reference.R
import { writeFileSync } from 'node:fs';
import { findTrial, loadTrialDataset, openSqlite, seedDemo } from '@trialdesk/db';

const AS_OF = '2026-11-26';
const dir = new URL('.', import.meta.url).pathname;
const open = openSqlite(':memory:');
await seedDemo(open.db, { asOf: AS_OF, now: `${AS_OF}T10:00:00.000Z` });
const trial = await findTrial(open.db, 'pump-iii');
if (!trial) throw new Error('The demo has no PUMP-III');
const data = await loadTrialDataset(open.db, trial, AS_OF);
const measures = trial.definition.eligibility.inclusion.flatMap((c) =>
  c.kind === 'measure' && c.id !== 'age' ? [c.id] : [],
);
const lines = [['study_id', 'centre', 'age', 'sex', ...measures].join(',')];
for (const p of data.participants)
  lines.push(
    [
      p.studyId,
      p.centre,
      p.ageAtInclusion,
      p.sex,
      ...measures.map((id) => (p.baseline?.[id] === undefined ? 'NA' : String(p.baseline[id]))),
    ].join(','),
  );
writeFileSync(`${dir}demo-baseline.csv`, lines.join('\n') + '\n');
await open.close();
console.log(`wrote ${lines.length - 1} rows`);
