// Requests per second of the overview data against a trivial JSON endpoint on the same server, with the
// same load tool (autocannon), connections and duration. 1 is the physical limit.
import autocannon from 'autocannon';
import { BENCH_PASSWORD, BENCH_USER, type BenchDatabase } from './databases.js';
import { startServer } from './server.js';
import { round } from './stats.js';

async function load(url: string, cookie: string, connections: number, seconds: number) {
  const result = await autocannon({ url, connections, duration: seconds, headers: { cookie } });
  if (result.errors > 0 || result.non2xx > 0)
    throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

export async function overviewVsStatic(target: BenchDatabase, port: number, connections = 10, seconds = 8) {
  const server = await startServer(target.file, port);
  try {
    const cookie = await server.login(BENCH_USER, BENCH_PASSWORD);
    // What the web's overview page asks for: the first page of 25 centres in the per-centre tables.
    const overviewUrl = `${server.url}/trpc/overview.get?input=${encodeURIComponent(JSON.stringify({ trialId: target.trialId, centrePage: { page: 0, pageSize: 25 } }))}`;
    // Warm the cache and the JIT before measuring either.
    await load(overviewUrl, cookie, connections, 2);
    await load(`${server.url}/ping`, cookie, connections, 2);
    const ping = await load(`${server.url}/ping`, cookie, connections, seconds);
    const overview = await load(overviewUrl, cookie, connections, seconds);
    return {
      ratio: round(overview.rps / ping.rps, 3),
      overviewRps: round(overview.rps),
      staticRps: round(ping.rps),
      overviewP99Ms: overview.p99,
      staticP99Ms: ping.p99,
    };
  } finally {
    await server.stop();
  }
}
