// The overview over HTTP against tRPC's own floor, in one run, on one size (issue 17), without the whole
// bench: the built server (pnpm build) under autocannon, `GET /trpc/overview.get` as the web asks for it
// (first page of centres) and whole, against `/ping` on the same server; and a tRPC query returning a
// constant on a bare Express (bench/lib/trpc-floor.ts). To see where the server's time goes:
//   SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' node --import tsx bench/http-profile.ts 45
//   node --import tsx bench/profile-top.ts /tmp/prof/<largest>.cpuprofile
// Old and new in one run: SERVER_MAINS=apps/server/dist/old/main.js=bench/.work/old.sqlite,apps/server/dist/main.js
// measures each build in turn, twice (old, new, old, new), each on its own database file when one is
// given after `=` (an older build refuses a database a newer one migrated), with the floor measured once.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { BENCH_PASSWORD, BENCH_USER, demoDatabase, largeDatabase } from './lib/databases.js';
import { startServer } from './lib/server.js';
import { round } from './lib/stats.js';
import { trpcFloor } from './lib/trpc-floor.js';

const size = Number(process.argv[2] ?? 45);
const seconds = Number(process.argv[3] ?? 8);
const target = size === 45 ? await demoDatabase() : await largeDatabase(size, size >= 100_000 ? 200 : 50);
const mains = (process.env.SERVER_MAINS ?? 'apps/server/dist/main.js').split(',');
const rounds = mains.length > 1 ? 2 : 1;
const floor = await trpcFloor();
console.log(
  `${size} participants; tRPC constant vs its /ping: ${floor.trpcConstantRps} vs ${floor.staticRps} → ${floor.ratio} (load ${round(os.loadavg()[0]!, 1)})`,
);
for (let r = 0; r < rounds; r += 1)
  for (const main of mains) {
    const [bundle, file] = main.split('=');
    process.env.SERVER_MAIN = bundle;
    await measure(bundle!, file ?? target.file);
  }

/**
 * The server process's CPU time (user + system) in ms, from /proc (Linux). Unlike requests per second,
 * CPU time per request hardly moves with the machine's load: a busy machine makes the server wait for a
 * core, not work longer (caches aside), so old and new builds compare even while others run suites.
 */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function measure(main: string, file: string) {
  const server = await startServer(file, 3907);
  const loadAtStart = round(os.loadavg()[0]!, 1);
  const rps = async (path: string, headers: Record<string, string> = {}) => {
    const cpuBefore = cpuMs(server.process.pid!);
    const r = await autocannon({ url: server.url + path, connections: 10, duration: seconds, headers });
    if (r.errors > 0 || r.non2xx > 0) throw new Error(`${path}: ${r.errors} errors, ${r.non2xx} non-2xx`);
    return {
      rps: round(r.requests.average),
      bytesPerRequest: Math.round(r.throughput.average / r.requests.average),
      cpuUsPerRequest: Math.round(((cpuMs(server.process.pid!) - cpuBefore) * 1000) / r.requests.total),
    };
  };
  try {
    const cookie = await server.login(BENCH_USER, BENCH_PASSWORD);
    const input = (x: unknown) => `/trpc/overview.get?input=${encodeURIComponent(JSON.stringify(x))}`;
    const paged = input({ trialId: target.trialId, centrePage: { page: 0, pageSize: 25 } });
    const whole = input({ trialId: target.trialId });
    await rps(paged, { cookie });
    await rps('/ping');
    const ping = await rps('/ping');
    const page = await rps(paged, { cookie });
    const all = await rps(whole, { cookie });
    const gzip = await rps(paged, { cookie, 'accept-encoding': 'gzip' });
    console.log(`${main}: load ${loadAtStart} at the start, ${round(os.loadavg()[0]!, 1)} at the end`);
    console.log(
      `  /ping                          ${ping.rps} req/s, server CPU ${ping.cpuUsPerRequest} µs/request`,
    );
    console.log(
      `  overview.get, first page       ${page.rps} req/s, ${page.bytesPerRequest} B → ${round(page.rps / ping.rps, 3)} of /ping; server CPU ${page.cpuUsPerRequest} µs/request`,
    );
    console.log(
      `  overview.get, every centre     ${all.rps} req/s, ${all.bytesPerRequest} B → ${round(all.rps / ping.rps, 3)} of /ping; server CPU ${all.cpuUsPerRequest} µs/request`,
    );
    console.log(`  overview.get, first page, gzip ${gzip.rps} req/s, ${gzip.bytesPerRequest} B`);
    console.log(`  overview (first page) vs the floor: ${round(page.rps / ping.rps / floor.ratio, 3)}`);
  } finally {
    await server.stop();
  }
}
