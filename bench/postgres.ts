// pnpm bench:postgres: only the `postgres` section of bench/results.json (pnpm bench runs it too), on
// BENCH_DATABASE_URL or a throwaway cluster of our own. Requires a build (pnpm build) for the HTTP figures.
// BENCH_QUICK=1 skips the 100 000-participant size.
import { readFileSync, writeFileSync } from 'node:fs';
import { demoDatabase, largeDatabase } from './lib/databases.js';
import { postgresSection } from './lib/postgres-bench.js';
import { startBenchCluster } from './lib/postgres-cluster.js';

const quick = process.env.BENCH_QUICK === '1';
const cluster = startBenchCluster();
if (!cluster) {
  console.log(
    'PostgreSQL is not installed (apt-get install -y postgresql) and BENCH_DATABASE_URL is not set.',
  );
  process.exit(1);
}
try {
  console.log('Preparing databases…');
  const demo = await demoDatabase();
  const sizes = [
    demo,
    await largeDatabase(10_000, 50),
    ...(quick ? [] : [await largeDatabase(100_000, 200)]),
  ];
  console.log('PostgreSQL…');
  const section = await postgresSection(cluster, sizes, demo);
  const results = JSON.parse(readFileSync('bench/results.json', 'utf8')) as Record<string, unknown>;
  results.postgres = { date: new Date().toISOString(), ...section };
  writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
  console.log('\nWritten the postgres section of bench/results.json');
} finally {
  cluster.stop();
}
