// CLI: generate a large synthetic trial into a SQLite file.
//   pnpm bench:generate --centres 200 --participants 100000 --years 5 --out bench/.work/large.sqlite
import { parseArgs } from 'node:util';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildLargeTrial } from './large-trial.js';

const { values } = parseArgs({
  options: {
    centres: { type: 'string', default: '200' },
    participants: { type: 'string', default: '100000' },
    years: { type: 'string', default: '5' },
    seed: { type: 'string', default: '7' },
    out: { type: 'string', default: 'bench/.work/large.sqlite' },
  },
});
const centres = Number(values.centres);
const participants = Number(values.participants);
const years = Number(values.years);
if (![centres, participants, years].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('centres, participants and years must be positive integers');
  process.exit(2);
}
mkdirSync(path.dirname(values.out), { recursive: true });
const started = performance.now();
const { open } = await buildLargeTrial(values.out, {
  centres,
  participants,
  years,
  seed: Number(values.seed),
});
const counts = await Promise.all(
  (
    ['participants', 'assessment_slots', 'assessments', 'treatment_cycles', 'events', 'screenings'] as const
  ).map(async (t) => {
    const row = await open.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return `${t}=${row.n}`;
  }),
);
await open.close();
console.log(
  `Generated ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${counts.join(', ')}`,
);
