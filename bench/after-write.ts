// The overview right after one audited write at one centre, step by step, on one size (issue 17). A small
// script to profile and compare while the machine is busy, instead of the whole `pnpm bench`:
//   node --import tsx bench/after-write.ts [participants=100000] [writes=40]
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/after-write.ts   (then bench/profile-top.ts)
// It prints, in one run: the page's overview.get after a write at one centre through the router (as the
// server runs it), each step of that path timed alone, and a full recomputation (what every write cost
// before the per-centre store), so old and new are compared under the same load.
import os from 'node:os';
import {
  appendAudit,
  changedCentresSince,
  dataVersion,
  findTrial,
  openSqlite,
  withAllCentres,
} from '@trialdesk/db';
import { createCaller, createContext, LiveBus, VersionedCache, type CookieJar } from '@trialdesk/api';
import { buildOverview, assembleOverview } from '../packages/api/src/reports/build-overview.js';
import { loadOverviewParts, replaceCentres } from '../packages/api/src/reports/overview-parts.js';
import { BENCH_PASSWORD, BENCH_USER, demoDatabase, largeDatabase } from './lib/databases.js';
import { percentile, round } from './lib/stats.js';

const size = Number(process.argv[2] ?? 100_000);
const writes = Number(process.argv[3] ?? 40);
const target = size === 45 ? await demoDatabase() : await largeDatabase(size, size >= 100_000 ? 200 : 50);
const open = openSqlite(target.file);
const db = open.db;

class Jar implements CookieJar {
  private readonly values = new Map<string, string>();
  get = (n: string) => this.values.get(n);
  set = (n: string, v: string) => void this.values.set(n, v);
  clear = (n: string) => void this.values.delete(n);
}
const jar = new Jar();
const cache = new VersionedCache();
const live = new LiveBus();
const clock = () => new Date();
const caller = async () =>
  createCaller(await createContext({ db, clock, live, cache, cookies: jar, ip: '127.0.0.1' }));
await (await caller()).auth.login({ username: BENCH_USER, password: BENCH_PASSWORD });
const trial = (await findTrial(db, target.trialId))!;
const centres = trial.definition.centres.map((c) => c.code);
const today = new Date().toISOString().slice(0, 10);

const write = (centre: string) =>
  appendAudit(db, { userId: null, username: 'bench', role: null, ip: null }, new Date().toISOString(), {
    action: 'record.corrected',
    entityType: 'bench',
    entityId: null,
    trialId: target.trialId,
    centre,
    participant: null,
    before: null,
    after: { tick: true },
    reason: 'Benchmark write',
  });

const steps: Record<string, number[]> = {};
const timed = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
  const start = performance.now();
  const out = await fn();
  (steps[name] ??= []).push(performance.now() - start);
  return out;
};

// The first request of the day computes everything; the writes below are measured after it.
await timed('first request (everything)', async () =>
  (await caller()).overview.get({ trialId: target.trialId }),
);
const prevParts = await loadOverviewParts(db, trial.definition, today);
let prevVersion = await dataVersion(db, target.trialId);
for (let i = 0; i < writes; i += 1) {
  const centre = centres[(i * 7) % centres.length]!;
  await write(centre);
  await timed('overview.get after a write (router)', async () =>
    (await caller()).overview.get({ trialId: target.trialId }),
  );
  // The rest of what the page asks for (the bench's overviewAfterWriteP95Ms times all four at once).
  await write(centre);
  await timed('the page after a write (4 requests)', async () => {
    const c = await caller();
    await Promise.all([
      c.auth.me(),
      c.trials.list(),
      c.overview.get({ trialId: target.trialId }),
      c.followUp.matrix({ trialId: target.trialId, page: 0, pageSize: 50 }),
    ]);
  });
  await write(centre);
  await timed('  followUp.matrix page 1 after a write', async () =>
    (await caller()).followUp.matrix({ trialId: target.trialId, page: 0, pageSize: 50 }),
  );
  await timed('  auth.me + trials.list', async () => {
    const c = await caller();
    await Promise.all([c.auth.me(), c.trials.list()]);
  });
  // The same path, each step alone (the router's steps, in its order).
  const version = await timed('  dataVersion', () => dataVersion(db, target.trialId));
  const t = await timed('  findTrial', () => withAllCentres(db, (all) => findTrial(all, target.trialId)));
  await timed('  JSON.stringify(definition)', () => JSON.stringify(t!.definition));
  const changed = await timed('  changedCentresSince', () =>
    changedCentresSince(db, target.trialId, prevVersion, version),
  );
  const fresh = await timed('  loadOverviewParts(one centre)', () =>
    loadOverviewParts(db, t!.definition, today, changed.centres),
  );
  const parts = await timed('  replaceCentres', () => replaceCentres(prevParts, fresh, changed.centres));
  await timed('  assembleOverview', () => assembleOverview(t!, today, parts));
  await timed('  cached get + JSON.stringify', async () =>
    JSON.stringify(await (await caller()).overview.get({ trialId: target.trialId })),
  );
  prevVersion = version;
  if (i % 8 === 0) await timed('full recomputation (before the store)', () => buildOverview(db, t!, today));
}

console.log(
  `${size} participants, ${centres.length} centres, ${writes} writes at one centre each; load ${round(os.loadavg()[0]!, 1)}`,
);
for (const [name, xs] of Object.entries(steps))
  console.log(
    `${name.padEnd(42)} median ${String(round(percentile(xs, 50), 2)).padStart(8)} ms  p95 ${String(round(percentile(xs, 95), 2)).padStart(8)} ms  (n=${xs.length})`,
  );
await open.close();
