// The `postgres` section of bench/results.json: the overview figures on PostgreSQL at each size, inclusions
// per second through the API with one and with two instances (two pools on one database, each writing in
// turn as fast as it can) beside SQLite's measured in the same run, and the overview's read throughput
// over HTTP of two server processes on one database against one.
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { createCaller, createContext, LiveBus, VersionedCache, type CookieJar } from '@trialdesk/api';
import { DEMO_PASSWORD, openDatabase, type OpenDatabase } from '@trialdesk/db';
import { dateInZone } from '@trialdesk/domain';
import { BENCH_PASSWORD, BENCH_USER, type BenchDatabase } from './databases.js';
import { overviewTiming } from './overview-timing.js';
import { copySqliteToPostgres, type BenchCluster } from './postgres-cluster.js';
import { startServer } from './server.js';
import { round } from './stats.js';
import { inclusionInput, inclusionWrites } from './writes.js';

async function writer(open: OpenDatabase, live: LiveBus) {
  const values = new Map<string, string>();
  const cookies: CookieJar = {
    get: (k) => values.get(k),
    set: (k, v) => void values.set(k, v),
    clear: (k) => void values.delete(k),
  };
  const cache = new VersionedCache();
  const caller = async () =>
    createCaller(await createContext({ db: open.db, clock: () => new Date(), live, cache, cookies }));
  await (await caller()).auth.login({ username: 'admin', password: DEMO_PASSWORD });
  return caller;
}

/** n inclusions per instance, each instance writing one after another, all instances at once. */
async function inclusionsPerSecond(url: string, instances: number, n: number): Promise<number> {
  const opened = await Promise.all(
    Array.from({ length: instances }, () => openDatabase({ engine: 'postgres', url }, { migrate: false })),
  );
  try {
    const buses = await Promise.all(opened.map((o) => LiveBus.connect(o.db, o.channel)));
    const callers = await Promise.all(opened.map((o, i) => writer(o, buses[i]!)));
    await (
      await callers[0]!()
    ).trials.setTarget({ trialId: 'artery-2', target: 100_000, reason: 'Benchmark: room for inclusions' });
    const today = dateInZone(new Date());
    for (let i = 0; i < 20; i += 1)
      await (await callers[0]!()).entry.inclusion.include(inclusionInput(i, today));
    const started = performance.now();
    await Promise.all(
      callers.map(async (caller) => {
        for (let i = 0; i < n; i += 1)
          await (await caller()).entry.inclusion.include(inclusionInput(i, today));
      }),
    );
    const perSecond = (instances * n) / ((performance.now() - started) / 1000);
    await Promise.all(buses.map((b) => b.close()));
    return perSecond;
  } finally {
    await Promise.all(opened.map((o) => o.close()));
  }
}

async function overviewRps(
  urls: string[],
  cookie: string,
  trialId: string,
  connections: number,
  seconds: number,
) {
  const path = `/trpc/overview.get?input=${encodeURIComponent(JSON.stringify({ trialId }))}`;
  const run = (url: string, duration: number) =>
    autocannon({ url: url + path, connections: connections / urls.length, duration, headers: { cookie } });
  await Promise.all(urls.map((u) => run(u, 2)));
  const results = await Promise.all(urls.map((u) => run(u, seconds)));
  for (const r of results)
    if (r.errors > 0 || r.non2xx > 0)
      throw new Error(`overview over HTTP: ${r.errors} errors, ${r.non2xx} non-2xx`);
  return round(results.reduce((s, r) => s + r.requests.average, 0));
}

export async function postgresSection(cluster: BenchCluster, sizes: BenchDatabase[], demo: BenchDatabase) {
  const load = loadavg()[0]!;
  const overviewP95Ms: Record<string, number> = {};
  const overviewColdMs: Record<string, number> = {};
  const overviewAfterWriteP95Ms: Record<string, number> = {};
  const urls: Record<string, string> = {};
  for (const target of sizes) {
    const started = performance.now();
    urls[target.size] = await copySqliteToPostgres(
      target.file,
      cluster.url,
      `trialdesk_bench_${target.size}`,
    );
    console.log(
      `  copied ${target.size} participants to PostgreSQL in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    const open = await openDatabase({ engine: 'postgres', url: urls[target.size]! }, { migrate: false });
    try {
      const t = await overviewTiming(target, 200, open);
      overviewP95Ms[target.size] = t.p95;
      overviewColdMs[target.size] = t.coldMedian;
      overviewAfterWriteP95Ms[target.size] = t.coldP95;
      console.log(
        `  overview at ${target.size}: p95 ${t.p95} ms (p50 ${t.p50}); right after each of 200 writes: median ${t.coldMedian} ms, p95 ${t.coldP95} ms`,
      );
    } finally {
      await open.close();
    }
  }

  const n = 300;
  const sqlite = (await inclusionWrites(demo, n)).inclusionWritesPerSecond;
  const one = round(
    await inclusionsPerSecond(await copySqliteToPostgres(demo.file, cluster.url, 'trialdesk_bench_w1'), 1, n),
  );
  const two = round(
    await inclusionsPerSecond(await copySqliteToPostgres(demo.file, cluster.url, 'trialdesk_bench_w2'), 2, n),
  );
  console.log(
    `  inclusions/s: SQLite ${sqlite}; PostgreSQL one instance ${one}, two instances ${two} (ratio to SQLite ${round(one / sqlite, 3)})`,
  );

  const big = sizes.at(-1)!;
  const servers = [
    await startServer('unused.sqlite', 3941, { DATABASE_URL: urls[big.size]! }),
    await startServer('unused.sqlite', 3942, { DATABASE_URL: urls[big.size]! }),
  ];
  let read: { oneInstanceRps: number; twoInstancesRps: number; ratio: number };
  try {
    // One login serves both: sessions live in the database.
    const cookie = await servers[0]!.login(BENCH_USER, BENCH_PASSWORD);
    const oneRps = await overviewRps([servers[0]!.url], cookie, big.trialId, 10, 8);
    const twoRps = await overviewRps(
      servers.map((s) => s.url),
      cookie,
      big.trialId,
      10,
      8,
    );
    read = { oneInstanceRps: oneRps, twoInstancesRps: twoRps, ratio: round(twoRps / oneRps, 3) };
    console.log(
      `  overview over HTTP at ${big.size}: one instance ${oneRps} req/s, two ${twoRps} req/s → ×${read.ratio}`,
    );
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
  return {
    server: 'PostgreSQL (own cluster, fsync and synchronous_commit on)',
    loadAverageAtStart: round(load, 1),
    overviewP95Ms,
    overviewColdMs,
    overviewAfterWriteP95Ms,
    inclusionWritesPerSecond: { oneInstance: one, twoInstances: two, sqliteSameRun: sqlite },
    writeVsSqliteRatio: round(one / sqlite, 3),
    readThroughput: { size: big.size, ...read },
  };
}
