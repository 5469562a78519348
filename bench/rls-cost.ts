// What row-level security costs on PostgreSQL (issue 13), as figures to compare between two builds: run it
// on main before the policies and on the branch with them, alternately, on the same cluster. Measures
// through the real router: the overview computed afresh (a new cache per call) and served from the cache,
// each as the PI (scope 'all') and as a coordinator (one centre), and coordinator inclusions per second.
// Usage: BENCH_DATABASE_URL=postgres://… node --import tsx bench/rls-cost.ts LABEL [sizes, e.g. 45,10000]
import { createCaller, createContext, LiveBus, VersionedCache, type CookieJar } from '@trialdesk/api';
import {
  DEMO_PASSWORD,
  findUserByUsername,
  hashPassword,
  insertMembership,
  insertUser,
  openDatabase,
  type OpenDatabase,
} from '@trialdesk/db';
import { dateInZone } from '@trialdesk/domain';
import { BENCH_PASSWORD, BENCH_USER, demoDatabase, largeDatabase } from './lib/databases.js';
import { copySqliteToPostgres, startBenchCluster } from './lib/postgres-cluster.js';
import { inclusionInput } from './lib/writes.js';

const label = process.argv[2] ?? 'run';
const sizes = (process.argv[3] ?? '45').split(',').map(Number);
const COLD = 15;
const WARM = 40;
const INCLUSIONS = 30;
const COORDINATOR = 'rls-coordinator';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]! * 100) / 100;
};

function session(open: OpenDatabase, live: LiveBus) {
  const values = new Map<string, string>();
  const cookies: CookieJar = {
    get: (k) => values.get(k),
    set: (k, v) => void values.set(k, v),
    clear: (k) => void values.delete(k),
  };
  return (cache = new VersionedCache()) =>
    createContext({ db: open.db, clock: () => new Date(), live, cache, cookies }).then(createCaller);
}

/** A coordinator of the trial's first centre (the large trials have none of their own). */
async function ensureCoordinator(open: OpenDatabase, trialId: string): Promise<void> {
  if (await findUserByUsername(open.db, COORDINATOR)) return;
  const first = await open.db
    .selectFrom('participants')
    .select('centre')
    .where('trial_id', '=', trialId)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  await insertUser(
    open.db,
    {
      username: COORDINATOR,
      displayName: 'RLS cost coordinator',
      passwordHash: await hashPassword(BENCH_PASSWORD),
      role: 'coordinator',
      centre: first.centre,
    },
    now,
  );
  const user = await findUserByUsername(open.db, COORDINATOR);
  await insertMembership(
    open.db,
    { userId: user!.id, trialId, role: 'coordinator', centre: first.centre, createdBy: null },
    now,
  );
  if (trialId !== 'artery-2')
    await insertMembership(
      open.db,
      { userId: user!.id, trialId: 'artery-2', role: 'coordinator', centre: 'EMC', createdBy: null },
      now,
    ).catch(() => undefined);
}

async function timeEach(n: number, fn: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

const cluster = startBenchCluster();
if (!cluster) throw new Error('No PostgreSQL: set BENCH_DATABASE_URL');
const out: Record<string, unknown> = { label, at: new Date().toISOString() };
try {
  for (const size of sizes) {
    const bench = size === 45 ? await demoDatabase() : await largeDatabase(size, 50);
    const url = await copySqliteToPostgres(bench.file, cluster.url, `rls_cost_${label}_${size}`);
    const open = await openDatabase({ engine: 'postgres', url }, { migrate: false });
    const live = new LiveBus();
    try {
      await ensureCoordinator(open, bench.trialId);
      const pi = session(open, live);
      const coord = session(open, live);
      await (await pi()).auth.login({ username: BENCH_USER, password: BENCH_PASSWORD });
      await (await coord()).auth.login({ username: COORDINATOR, password: BENCH_PASSWORD });
      const input = { trialId: bench.trialId };
      const piCache = new VersionedCache();
      const coordCache = new VersionedCache();
      const figures = {
        overviewColdPiMs: await timeEach(COLD, async () => (await pi()).overview.get(input)),
        overviewColdCoordinatorMs: await timeEach(COLD, async () => (await coord()).overview.get(input)),
        overviewWarmPiMs: await timeEach(WARM, async () => (await pi(piCache)).overview.get(input)),
        overviewWarmCoordinatorMs: await timeEach(WARM, async () =>
          (await coord(coordCache)).overview.get(input),
        ),
        participantListCoordinatorMs: await timeEach(WARM, async () =>
          (await coord()).participants.list({ trialId: bench.trialId }),
        ),
        coordinatorInclusionsPerSecond: 0,
      };
      if (size === 45) {
        const admin = session(open, live);
        await (await admin()).auth.login({ username: 'admin', password: DEMO_PASSWORD });
        await (
          await admin()
        ).trials.setTarget({ trialId: 'artery-2', target: 100_000, reason: 'RLS cost: room' });
        const today = dateInZone(new Date());
        const t = performance.now();
        for (let i = 0; i < INCLUSIONS; i += 1) {
          const { centre: _ignored, ...own } = inclusionInput(i, today);
          await (await coord()).entry.inclusion.include(own);
        }
        figures.coordinatorInclusionsPerSecond =
          Math.round((INCLUSIONS / ((performance.now() - t) / 1000)) * 10) / 10;
      }
      out[String(size)] = figures;
    } finally {
      await live.close();
      await open.close();
    }
  }
  console.log(JSON.stringify(out));
} finally {
  cluster.stop();
}
