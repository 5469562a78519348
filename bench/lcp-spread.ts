// LCP of the overview alone (bench/lib/lcp.ts: five fresh browser contexts after one warm-up), without
// the whole bench, as built (pnpm build), the shell as before (OVERVIEW_HEADLINE=false: the app shell
// painted by the entry script) against the shell with the server's headline (issue 17), alternately in
// one run, twice each, with the load average and the element each LCP was:
//   node --import tsx bench/lcp-spread.ts [45|100000] [rounds, default 2]
import { existsSync } from 'node:fs';
import path from 'node:path';
import { demoDatabase, largeDatabase } from './lib/databases.js';
import { overviewLcp } from './lib/lcp.js';

const size = Number(process.argv[2] ?? 45);
const target = size === 45 ? await demoDatabase() : await largeDatabase(size, size >= 100_000 ? 200 : 50);
if (!existsSync(path.resolve('apps/web/dist/index.html'))) throw new Error('build first: pnpm build');
const show = (name: string, r: Awaited<ReturnType<typeof overviewLcp>>) => {
  const s = r.samples;
  const elements = [...new Set(r.phases.map((p) => p.element))].join(' | ');
  console.log(
    `${name.padEnd(30)} min ${Math.min(...s)} / median ${r.median} / max ${r.max} ms (runs ${s.join(', ')}); ` +
      `scripts in by ${r.phases.map((p) => p.scriptsMs).join(', ')}; load ${r.phases.map((p) => p.load).join(', ')}; ` +
      `LCP element ${elements}`,
  );
  for (const p of r.phases)
    console.log(
      `    candidates: ${p.candidates.map((c) => `${c.ms} ms ${c.size} px² ${c.element}`).join(' → ')}`,
    );
};
const rounds = Number(process.argv[3] ?? 2);
for (let round_ = 0; round_ < rounds; round_ += 1) {
  show(`${size}: shell as before`, await overviewLcp(target, 3927, { env: { OVERVIEW_HEADLINE: 'false' } }));
  show(`${size}: shell with the headline`, await overviewLcp(target, 3927));
}
