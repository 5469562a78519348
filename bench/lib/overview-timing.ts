// Server-side time of everything the overview page asks for (who am I, the trials, the overview
// aggregates and the first page of the follow-up matrix), through the real router with a shared cache,
// as the server runs it. Steady state (cached until the next write), right after a write to one centre
// (the overview recomputes that centre only), and right after a trial-wide write (everything recomputed).
import { appendAudit, findTrial, openSqlite, type OpenDatabase } from '@trialdesk/db';
import { createCaller, createContext, LiveBus, VersionedCache, type CookieJar } from '@trialdesk/api';
import { BENCH_PASSWORD, BENCH_USER, type BenchDatabase } from './databases.js';
import { percentile, round, timeMs } from './stats.js';

class Jar implements CookieJar {
  private readonly values = new Map<string, string>();
  get = (n: string) => this.values.get(n);
  set = (n: string, v: string) => void this.values.set(n, v);
  clear = (n: string) => void this.values.delete(n);
}

/** On the target's SQLite file, or on the given database (left open) for the PostgreSQL figures. */
export async function overviewTiming(
  target: BenchDatabase,
  iterations: number,
  database?: OpenDatabase,
  afterWrites = 200,
) {
  const open = database ?? openSqlite(target.file);
  const live = new LiveBus();
  const cache = new VersionedCache();
  const jar = new Jar();
  const clock = () => new Date();
  const caller = async () =>
    createCaller(await createContext({ db: open.db, clock, live, cache, cookies: jar, ip: '127.0.0.1' }));
  await (await caller()).auth.login({ username: BENCH_USER, password: BENCH_PASSWORD });
  const page = async () => {
    const c = await caller();
    await Promise.all([
      c.auth.me(),
      c.trials.list(),
      c.overview.get({ trialId: target.trialId, centrePage: { page: 0, pageSize: 25 } }),
      c.followUp.matrix({ trialId: target.trialId, page: 0, pageSize: 50 }),
    ]);
  };
  const cold: number[] = [];
  const centres = (await findTrial(open.db, target.trialId))!.definition.centres.map((c) => c.code);
  // An audited write at one centre, as an inclusion, screening, correction or void is (each audited with
  // its participant's centre); round the centres in turn. centre null is a trial-wide write instead.
  const write = (centre: string | null) =>
    appendAudit(
      open.db,
      { userId: null, username: 'bench', role: null, ip: null },
      new Date().toISOString(),
      {
        action: centre === null ? 'trial.settings_changed' : 'record.corrected',
        entityType: 'bench',
        entityId: null,
        // A write to this trial: it moves the trial's data version, so the next overview recomputes.
        trialId: target.trialId,
        centre,
        participant: null,
        before: null,
        after: { tick: true },
        reason: centre === null ? null : 'Benchmark write',
      },
    );
  // Issue 17: the overview requested right after each of `afterWrites` audited writes to the trial.
  for (let i = 0; i < afterWrites; i += 1) {
    await write(centres[i % centres.length]!);
    cold.push(await timeMs(page));
  }
  // A trial-wide write (a new target, a few a year): every centre recomputed, as every write did before.
  const full: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    await write(null);
    full.push(await timeMs(page));
  }
  const warm: number[] = [];
  for (let i = 0; i < iterations; i += 1) warm.push(await timeMs(page));
  if (!database) await open.close();
  return {
    p50: round(percentile(warm, 50), 2),
    p95: round(percentile(warm, 95), 2),
    coldMedian: round(percentile(cold, 50)),
    coldP95: round(percentile(cold, 95)),
    coldMax: round(Math.max(...cold)),
    afterTrialWideWriteMedian: round(percentile(full, 50)),
  };
}
