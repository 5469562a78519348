// Times kaplanMeier on 100 000 random observations. Run from the repository root:
//   node --import tsx packages/analysis/bench.ts
import { kaplanMeier } from './src/index.js';
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

function bench(label: string, data: readonly SurvivalObservation[]): void {
  for (let i = 0; i < WARMUP; i++) kaplanMeier(data);
  const times: number[] = [];
  let steps = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    steps = kaplanMeier(data).steps.length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `kaplanMeier, n = ${N}, ${label} (${steps} steps), ${RUNS} runs after ${WARMUP} warm-up: ` +
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

bench('times to 0.1 day', rounded);
bench('continuous times (nearly all distinct: the worst case)', continuous);
