// Times kaplanMeier and the committee's statistics on 100 000 random observations. Run from the repository root:
//   node --import tsx packages/analysis/bench.ts
import { coxPh, cumulativeIncidence, kaplanMeier, medianFollowUp } from './src/index.js';
import type { SurvivalObservation } from './src/index.js';

const N = 100_000;
const RUNS = 20;
const WARMUP = 5;

// mulberry32: a small fixed-seed PRNG, so every run times the same data.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

function bench(name: string, label: string, run: () => string): void {
  for (let i = 0; i < WARMUP; i++) run();
  const times: number[] = [];
  let size = '';
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    size = run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${name}, n = ${N}, ${label} (${size}), ${RUNS} runs after ${WARMUP} warm-up: ` +
      `median ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms, ` +
      `min ${times[0]!.toFixed(1)} ms`,
  );
}

const random = mulberry32(20240611);
// Exponential follow-up, mean one year, about 30% censored.
const follow = (): SurvivalObservation => ({ time: -Math.log(1 - random()) * 365, event: random() < 0.7 });
const continuous = Array.from({ length: N }, follow);
// The same recorded to a tenth of a day, so that many subjects share a time.
const rounded = continuous.map((o) => ({ time: Math.round(o.time * 10) / 10, event: o.event }));

bench('kaplanMeier', 'times to 0.1 day', () => `${kaplanMeier(rounded).steps.length} steps`);
bench(
  'kaplanMeier',
  'continuous times (nearly all distinct: the worst case)',
  () => `${kaplanMeier(continuous).steps.length} steps`,
);
bench('medianFollowUp', 'times to 0.1 day', () => `median ${medianFollowUp(rounded).estimate?.toFixed(1)}`);

// Two competing causes and three centres, on the same times.
const withCause = rounded.map((o) => ({ time: o.time, cause: o.event ? (random() < 0.5 ? 1 : 2) : 0 }));
bench(
  'cumulativeIncidence',
  'times to 0.1 day, 2 causes',
  () => `${cumulativeIncidence(withCause).steps.length} steps`,
);
const centres = ['EMC', 'AVL', 'IJS'];
const withGroup = rounded.map((o, i) => ({ ...o, group: centres[i % 3]! }));
bench('coxPh', 'times to 0.1 day, 3 groups (Efron)', () => `${coxPh(withGroup).iterations} iterations`);
