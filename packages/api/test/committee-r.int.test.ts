// The demo cohort's outcomes against R. src/reports/r-reference/dump-demo-endpoints.ts wrote the demo's
// (time, event) pairs; make-demo-reference.R ran survfit, quantile, summary and survdiff on them and wrote
// demo-r-values.json. Here: the pairs the API derives today are the pairs R was given, and the medians,
// landmark estimates, numbers at risk and log-rank statistics the committee sees agree with R to 1e-6.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';

interface RValues {
  n: number;
  events: number;
  median: number | null;
  medianLower: number | null;
  medianUpper: number | null;
  landmarkSurvival: number[];
  landmarkLower: number[];
  landmarkUpper: number[];
  atRisk: number[];
  logRankChiSquare: number;
  logRankCentres: string[];
}

const dir = new URL('../src/reports/r-reference/', import.meta.url);
const r = JSON.parse(readFileSync(new URL('demo-r-values.json', dir), 'utf8')) as Record<
  'hdfs' | 'dfs' | 'os',
  RValues
> & { survivalVersion: string };
const pairs = readFileSync(new URL('demo-endpoints.csv', dir), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => {
    const [endpoint = '', studyId = '', , time = '', event = ''] = l.split(',');
    return { endpoint, studyId, time: Number(time), event: event === '1' };
  });

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const close = (a: number | null | undefined, b: number | null) =>
  b === null ? expect(a).toBeNull() : expect(Math.abs((a ?? NaN) - b)).toBeLessThan(1e-6);

it('was produced by R survival 3.5', () => {
  expect(r.survivalVersion).toMatch(/^3\.5\./);
  expect(pairs).toHaveLength(135);
});

it('derives today exactly the (time, event) pairs R was given', async () => {
  const table = await (await h.as('pi')).committee.outcomes.participants({ trialId: 'pump-iii' });
  const derived = table.rows.flatMap((row) =>
    row.values.map((v) => ({ endpoint: v.kind, studyId: row.studyId, time: v.time, event: v.event })),
  );
  expect(derived).toHaveLength(pairs.length);
  for (const p of pairs) {
    const d = derived.find((x) => x.endpoint === p.endpoint && x.studyId === p.studyId);
    expect(d?.event).toBe(p.event);
    expect(Math.abs((d?.time ?? NaN) - p.time)).toBeLessThan(1e-12);
  }
});

describe.each(['hdfs', 'dfs', 'os'] as const)('%s', (kind) => {
  it('has R’s median, its 95% limits, the 1-, 2-, 3- and 5-year estimates and the numbers at risk', async () => {
    const { outcomes } = await (await h.as('steering')).committee.outcomes.get({ trialId: 'pump-iii' });
    const e = outcomes.endpoints.find((x) => x.kind === kind);
    const ref = r[kind];
    expect(e?.analysed).toBe(ref.n);
    expect(e?.events).toBe(ref.events);
    close(e?.median.estimate, ref.median);
    close(e?.median.lower, ref.medianLower);
    close(e?.median.upper, ref.medianUpper);
    ref.landmarkSurvival.forEach((s, i) => {
      close(e?.landmarks[i]?.survival, s);
      close(e?.landmarks[i]?.lower, ref.landmarkLower[i] ?? null);
      close(e?.landmarks[i]?.upper, ref.landmarkUpper[i] ?? null);
    });
    expect(e?.atRisk.map((a) => a.atRisk)).toEqual(ref.atRisk);
    close(e?.byCentre.test?.chiSquare, ref.logRankChiSquare);
    expect(e?.byCentre.groups.map((g) => g.centre).sort()).toEqual(ref.logRankCentres);
  });
});
