// LCP of the overview alone (bench/lib/lcp.ts: five fresh browser contexts after one warm-up), without
// the whole bench, as built (pnpm build) and, in the same run, with the build's manifest hidden so the
// server sends the shell without the overview's preloads (as before issue 17's change):
//   node --import tsx bench/lcp-spread.ts [45|100000]
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoDatabase, largeDatabase } from './lib/databases.js';
import { overviewLcp } from './lib/lcp.js';

const size = Number(process.argv[2] ?? 45);
const target = size === 45 ? await demoDatabase() : await largeDatabase(size, size >= 100_000 ? 200 : 50);
const built = path.resolve('apps/web/dist');
if (!existsSync(path.join(built, '.vite', 'manifest.json'))) throw new Error('build first: pnpm build');
const bare = mkdtempSync(path.join(os.tmpdir(), 'trialdesk-web-bare-'));
cpSync(built, bare, { recursive: true });
rmSync(path.join(bare, '.vite'), { recursive: true, force: true });
const show = (name: string, r: Awaited<ReturnType<typeof overviewLcp>>) => {
  const s = r.samples;
  console.log(
    `${name.padEnd(34)} min ${Math.min(...s)} / median ${r.median} / max ${r.max} ms (runs ${s.join(', ')}); scripts in by ${r.phases.map((p) => p.scriptsMs).join(', ')}; load ${r.phases.map((p) => p.load).join(', ')}`,
  );
};
try {
  for (let round_ = 0; round_ < 2; round_ += 1) {
    process.env.WEB_DIST = bare;
    show(`${size}: shell without preloads`, await overviewLcp(target, 3927));
    process.env.WEB_DIST = built;
    show(`${size}: shell with the overview's preloads`, await overviewLcp(target, 3927));
  }
} finally {
  rmSync(bare, { recursive: true, force: true });
}
