// pnpm bench: measures Trialdesk against its targets on this machine, in one run, and writes
// bench/results.json and a readable summary (printed). Requires a build (pnpm build) for the HTTP,
// bundle and browser figures. Set BENCH_QUICK=1 to skip the 100 000-participant size.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { demoDatabase, largeDatabase } from './lib/databases.js';
import { overviewVsStatic } from './lib/http-ratio.js';
import { kaplanMeierTiming } from './lib/kaplan-meier.js';
import { overviewTiming } from './lib/overview-timing.js';
import { initialJsGzipKb } from './lib/web-size.js';
import { inclusionWrites } from './lib/writes.js';
import { overviewLcp } from './lib/lcp.js';
import { trpcFloor } from './lib/trpc-floor.js';
import { round } from './lib/stats.js';
import { postgresSection } from './lib/postgres-bench.js';
import { startBenchCluster } from './lib/postgres-cluster.js';

const quick = process.env.BENCH_QUICK === '1';
const loadAtStart = round(os.loadavg()[0]!, 1);
console.log(`Load average at the start: ${loadAtStart}`);
const targets = {
  overviewP95Ms: 50,
  overviewVsStaticRatio: 0.5,
  overviewAfterWriteP95Ms: { 100000: 50 },
  overviewVsTrpcFloorRatio: 0.8,
  writeVsRawRatio: 0.5,
  kaplanMeier100kMs: 50,
  webInitialJsGzipKb: 250,
  overviewLcpMs: { 45: 1000, 100000: 1000 },
};

console.log('Preparing databases…');
const demo = await demoDatabase();
const sizes = [demo, await largeDatabase(10_000, 50), ...(quick ? [] : [await largeDatabase(100_000, 200)])];

console.log('Overview, server side (auth.me + trials.list + overview.get + followUp.matrix page 1)…');
const overview: Record<string, Awaited<ReturnType<typeof overviewTiming>>> = {};
for (const db of sizes) {
  overview[db.size] = await overviewTiming(db, 200);
  console.log(
    `  ${db.size}: p95 ${overview[db.size]!.p95} ms (p50 ${overview[db.size]!.p50}); right after each of 200 writes at one centre: median ${overview[db.size]!.coldMedian} ms, p95 ${overview[db.size]!.coldP95} ms, max ${overview[db.size]!.coldMax} ms; after a trial-wide write: median ${overview[db.size]!.afterTrialWideWriteMedian} ms`,
  );
}

console.log('HTTP: overview data vs a trivial JSON endpoint (autocannon, 10 connections)…');
const http: Record<string, Awaited<ReturnType<typeof overviewVsStatic>>> = {};
for (const db of [sizes[0]!, sizes.at(-1)!]) {
  http[db.size] = await overviewVsStatic(db, 3901);
  console.log(
    `  ${db.size} participants: ${http[db.size]!.overviewRps} vs ${http[db.size]!.staticRps} req/s → ratio ${http[db.size]!.ratio}`,
  );
}

const floor = await trpcFloor();
console.log(
  `  for reference, a tRPC query returning a constant on the same stack: ${floor.trpcConstantRps} vs ${floor.staticRps} req/s → ratio ${floor.ratio}`,
);
console.log(`  overview vs the tRPC floor (45): ${round(http[45]!.ratio / floor.ratio, 3)}`);

console.log(
  'Inclusions through the API vs plain better-sqlite3 inserts of the same rows (WAL, synchronous=FULL)…',
);
const writes = await inclusionWrites(demo, 1000);
console.log(
  `  ${writes.inclusionWritesPerSecond} inclusions/s vs ${writes.rawPerSecond} raw (${writes.rowsPerInclusion} rows each) → ratio ${writes.writeVsRawRatio}`,
);

console.log('Kaplan–Meier on 100 000 observations…');
const km = await kaplanMeierTiming();
console.log(
  `  times in days (ties): median ${km.days} ms, p95 ${km.daysP95}; all distinct: median ${km.distinct} ms, p95 ${km.distinctP95}`,
);

const web = initialJsGzipKb();
console.log(`Initial JavaScript: ${web.kb} KB gzip (${web.files.length} files)`);

console.log('Largest contentful paint of the overview in headless Chromium (fresh context each run)…');
const lcp: Record<string, Awaited<ReturnType<typeof overviewLcp>>> = {};
for (const db of [sizes[0]!, sizes.at(-1)!]) {
  lcp[db.size] = await overviewLcp(db, 3921);
  console.log(`  ${db.size}: median ${lcp[db.size]!.median} ms (runs ${lcp[db.size]!.samples.join(', ')})`);
  for (const p of lcp[db.size]!.phases)
    console.log(
      `    LCP ${p.lcp} ms: scripts in by ${p.scriptsMs} ms, API answers by ${p.apiMs} ms, load ${p.load}`,
    );
}

// Written now and again below: the PostgreSQL section takes minutes on a busy machine.
const save = (postgres: unknown) =>
  writeFileSync('bench/results.json', JSON.stringify({ ...resultsOf(), postgres }, null, 2) + '\n');
save('not measured yet: the run stopped before its PostgreSQL section');

console.log('PostgreSQL: the same figures on one database, one and two instances…');
const cluster = startBenchCluster();
let postgres: Awaited<ReturnType<typeof postgresSection>> | string;
if (cluster) {
  try {
    postgres = await postgresSection(cluster, sizes, demo);
  } finally {
    cluster.stop();
  }
} else {
  postgres = 'not measured: PostgreSQL is not installed here and BENCH_DATABASE_URL is not set';
  console.log(`  ${postgres}`);
}

function resultsOf() {
  return {
    machine: {
      cpus: os.cpus().length,
      node: process.version,
      date: new Date().toISOString(),
      // The machine is shared: the load average at the start and at the end say how far to trust the figures.
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: round(os.loadavg()[0]!, 1),
    },
    overviewP95Ms: Object.fromEntries(Object.entries(overview).map(([k, v]) => [k, v.p95])),
    overviewColdMs: Object.fromEntries(Object.entries(overview).map(([k, v]) => [k, v.coldMedian])),
    overviewAfterWriteP95Ms: Object.fromEntries(Object.entries(overview).map(([k, v]) => [k, v.coldP95])),
    // A trial-wide write (a new target) still recomputes every centre: reported beside, not a target.
    overviewAfterTrialWideWriteMs: Object.fromEntries(
      Object.entries(overview).map(([k, v]) => [k, v.afterTrialWideWriteMedian]),
    ),
    // The headline ratio is at the real trial's size; the largest size is reported beside it.
    overviewVsStaticRatio: http[45]!.ratio,
    overviewVsStaticRatioBySize: Object.fromEntries(Object.entries(http).map(([k, v]) => [k, v.ratio])),
    overviewHttp: http,
    trpcConstantVsStaticRatio: floor.ratio,
    // The overview against the framework's own floor: each ratio is taken against the plain Express route
    // measured right beside it, so the machine's speed at that moment cancels out of the quotient.
    overviewVsTrpcFloorRatio: round(http[45]!.ratio / floor.ratio, 3),
    inclusionWritesPerSecond: writes.inclusionWritesPerSecond,
    writeVsRawRatio: writes.writeVsRawRatio,
    writes,
    kaplanMeier100kMs: km.days,
    kaplanMeier100kDistinctMs: km.distinct,
    webInitialJsGzipKb: web.kb,
    overviewLcpMs: Object.fromEntries(Object.entries(lcp).map(([k, v]) => [k, v.median])),
    overviewLcp: lcp,
    targets,
  };
}
save(postgres);
console.log('\nWritten bench/results.json');
