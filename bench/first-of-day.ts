// The first overview of a new day on one size (issue 17), old and new in one run:
//   node --import tsx bench/first-of-day.ts [participants=100000] [rounds=5]
// Old: every centre recomputed for the new day (what the per-centre store did before it carried days
// over). New: the day before's parts carried over (overview-parts.ts, carryOverDay), through the store as
// the server runs it. Each step of the carry-over is timed alone too. Load average beside each figure.
import os from 'node:os';
import { dataVersion, findTrial, openSqlite, openSlotDayShifts, withAllCentres } from '@trialdesk/db';
import { addDays, dateInZone } from '@trialdesk/domain';
import { carryOverDay, loadOverviewParts } from '../packages/api/src/reports/overview-parts.js';
import { OverviewStore } from '../packages/api/src/reports/overview-store.js';
import { demoDatabase, largeDatabase } from './lib/databases.js';
import { percentile, round, timeMs } from './lib/stats.js';

const size = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 5);
const target = size === 45 ? await demoDatabase() : await largeDatabase(size, size >= 100_000 ? 200 : 50);
const open = openSqlite(target.file);
const db = open.db;
const trial = (await findTrial(db, target.trialId))!;
const def = trial.definition;
const version = await dataVersion(db, def.id);
const today = dateInZone(new Date());

const times: Record<string, number[]> = {};
const timed = async (name: string, fn: () => Promise<unknown>) => {
  (times[name] ??= []).push(await timeMs(fn));
};
const loads: number[] = [];
for (let i = 0; i < rounds; i += 1) {
  loads.push(os.loadavg()[0]!);
  // Different days each round, so no round reads only what the one before left in the page cache.
  const to = addDays(today, i);
  const from = addDays(to, -1);
  await timed('old: every centre recomputed', () => loadOverviewParts(db, def, to));
  const before = await loadOverviewParts(db, def, from);
  await timed('new: carried over (carryOverDay)', () => carryOverDay(db, def, before, from, to));
  const store = new OverviewStore();
  await withAllCentres(db, (all) => store.build(all, trial, from, version));
  await timed('new: through the store (first request of the day)', () =>
    withAllCentres(db, (all) => store.build(all, trial, to, version)),
  );
  await timed('  step: open slots whose window ended or started', () =>
    openSlotDayShifts(db, def.id, from, to),
  );
}
console.log(
  `${size} participants; load ${round(Math.min(...loads), 1)}–${round(Math.max(...loads), 1)} during, ${rounds} rounds`,
);
for (const [name, t] of Object.entries(times))
  console.log(`  ${name.padEnd(52)} median ${round(percentile(t, 50))} ms, max ${round(Math.max(...t))} ms`);
await open.close();
