// Writes the (time, event) pairs of the demo cohort's endpoints, as the committee views derive them, for
// make-demo-reference.R to analyse with R's survival package. Run from the repository root:
//   node --import tsx packages/api/src/reports/r-reference/dump-demo-endpoints.ts
//   Rscript packages/api/src/reports/r-reference/make-demo-reference.R
//   Rscript packages/api/src/reports/r-reference/make-committee-demo-reference.R
import { writeFileSync } from 'node:fs';
import { deriveEndpoints, hdfsCompetingRisks } from '@trialdesk/domain';
import { findTrial, loadTrialDataset, openSqlite, seedDemo } from '@trialdesk/db';

const AS_OF = '2026-11-26';
const dir = new URL('.', import.meta.url).pathname;
const open = openSqlite(':memory:');
await seedDemo(open.db, { asOf: AS_OF, now: `${AS_OF}T10:00:00.000Z` });
const trial = await findTrial(open.db, 'pump-iii');
if (!trial) throw new Error('The demo has no PUMP-III');
const d = deriveEndpoints(trial.definition, await loadTrialDataset(open.db, trial, AS_OF));
const lines = ['endpoint,study_id,centre,time,event'];
for (const a of d.analysed)
  for (const e of d.endpoints) {
    const v = a.values[e.kind];
    if (v) lines.push(`${e.kind},${a.studyId},${a.centre},${v.time.toPrecision(17)},${v.event ? 1 : 0}`);
  }
writeFileSync(`${dir}demo-endpoints.csv`, lines.join('\n') + '\n');
// hDFS as competing risks (1 hepatic recurrence, 2 death without it, 0 censored) for the cumulative
// incidence that make-committee-demo-reference.R computes.
const cr = hdfsCompetingRisks(d);
const crLines = ['study_id,centre,time,cause'];
for (const p of cr?.participants ?? [])
  crLines.push(`${p.studyId},${p.centre},${p.time.toPrecision(17)},${p.cause}`);
writeFileSync(`${dir}demo-competing.csv`, crLines.join('\n') + '\n');
await open.close();
console.log(`wrote ${lines.length - 1} rows`);
