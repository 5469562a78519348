// The committee's added analyses of the demo cohort against R: median follow-up (reverse Kaplan–Meier),
// Cox hazard ratios by centre against the largest, and the cumulative incidence of hepatic recurrence with
// death as a competing risk. dump-demo-endpoints.ts wrote the pairs, make-committee-demo-reference.R ran
// survival 3.5 on them into demo-committee-r-values.json; the API's numbers must agree to 1e-6.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';

interface CoxRef {
  reference: string;
  centres: string[];
  hazardRatio: number[];
  lower: number[];
  upper: number[];
  lrChiSquare: number;
  df: number;
  pValue: number;
}
interface RValues {
  survivalVersion: string;
  followUp: { n: number; median: number; lower: number; upper: number };
  cox_hdfs: CoxRef;
  cox_dfs: CoxRef;
  cox_os: CoxRef;
  incidence: {
    n: number;
    time: number[];
    atRisk: number[];
    recurrence: number[];
    recurrenceStdErr: number[];
    death: number[];
    deathStdErr: number[];
    landmarkRecurrence: number[];
    landmarkDeath: number[];
    hepaticRecurrences: number;
    competingDeaths: number;
  };
}

const r = JSON.parse(
  readFileSync(new URL('../src/reports/r-reference/demo-committee-r-values.json', import.meta.url), 'utf8'),
) as RValues;

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const close = (a: number | null | undefined, b: number) =>
  expect(Math.abs((a ?? NaN) - b)).toBeLessThan(1e-6);

async function outcomes() {
  return (await (await h.as('steering')).committee.outcomes.get({ trialId: 'pump-iii' })).outcomes;
}

it('was produced by R survival 3.5 from all 45 analysed', () => {
  expect(r.survivalVersion).toMatch(/^3\.5\./);
  expect(r.followUp.n).toBe(45);
  expect(r.incidence.n).toBe(45);
});

it('has R’s median follow-up and its 95% limits', async () => {
  const o = await outcomes();
  expect(o.followUp?.analysed).toBe(r.followUp.n);
  close(o.followUp?.median.estimate, r.followUp.median);
  close(o.followUp?.median.lower, r.followUp.lower);
  close(o.followUp?.median.upper, r.followUp.upper);
});

describe.each(['hdfs', 'dfs', 'os'] as const)('%s by centre', (kind) => {
  it('has R’s hazard ratios against the largest centre, their limits and the likelihood-ratio test', async () => {
    const e = (await outcomes()).endpoints.find((x) => x.kind === kind);
    const ref = r[`cox_${kind}`];
    const fit = e?.centreHazardRatios;
    expect(fit?.exploratory).toBe(true);
    expect(fit?.reference.centre).toBe(ref.reference);
    expect(fit?.terms.map((t) => t.centre)).toEqual(ref.centres);
    ref.centres.forEach((_, i) => {
      close(fit?.terms[i]?.hazardRatio, ref.hazardRatio[i] ?? NaN);
      close(fit?.terms[i]?.lower, ref.lower[i] ?? NaN);
      close(fit?.terms[i]?.upper, ref.upper[i] ?? NaN);
    });
    close(fit?.likelihoodRatio.chiSquare, ref.lrChiSquare);
    expect(fit?.likelihoodRatio.df).toBe(ref.df);
    close(fit?.likelihoodRatio.pValue, ref.pValue);
  });
});

describe('hepatic recurrence with death as a competing risk', () => {
  it('counts the hDFS events by type as R’s data hold them', async () => {
    const cr = (await outcomes()).competingRisks;
    expect(cr?.analysed).toBe(r.incidence.n);
    expect(cr?.hdfsEvents.hepaticRecurrence).toBe(r.incidence.hepaticRecurrences);
    expect(cr?.competingDeaths).toBe(r.incidence.competingDeaths);
    // PUMP-III counts death as an hDFS event: the events by type add up to the hDFS events.
    const hdfs = (await outcomes()).endpoints.find((x) => x.kind === 'hdfs');
    expect(cr?.hdfsEvents.total).toBe(hdfs?.events);
    expect((cr?.hdfsEvents.hepaticRecurrence ?? 0) + (cr?.hdfsEvents.death ?? 0)).toBe(hdfs?.events);
  });

  it('has R’s Aalen–Johansen incidence and standard errors at every time, and at the landmarks', async () => {
    const cr = (await outcomes()).competingRisks;
    const steps = cr?.curve.slice(1) ?? [];
    expect(steps).toHaveLength(r.incidence.time.length);
    r.incidence.time.forEach((time, i) => {
      const s = steps[i];
      close(s?.time, time);
      expect(s?.atRisk).toBe(r.incidence.atRisk[i]);
      close(s?.recurrence, r.incidence.recurrence[i] ?? NaN);
      close(s?.recurrenceStdErr, r.incidence.recurrenceStdErr[i] ?? NaN);
      close(s?.death, r.incidence.death[i] ?? NaN);
      close(s?.deathStdErr, r.incidence.deathStdErr[i] ?? NaN);
    });
    r.incidence.landmarkRecurrence.forEach((v, i) => {
      close(cr?.landmarks[i]?.recurrence, v);
      close(cr?.landmarks[i]?.death, r.incidence.landmarkDeath[i] ?? NaN);
    });
  });
});

it('cautions every landmark with fewer than 10 at risk, and only those', async () => {
  const o = await outcomes();
  expect(o.minAtRisk).toBe(10);
  const all = [...o.endpoints.flatMap((e) => e.landmarks), ...(o.competingRisks?.landmarks ?? [])];
  for (const l of all) expect(l.fewAtRisk).toBe(l.atRisk < 10);
  // The 5-year hDFS landmark rests on a handful: it carries the caution.
  const fiveYears = o.endpoints.find((e) => e.kind === 'hdfs')?.landmarks.find((l) => l.months === 60);
  expect(fiveYears?.fewAtRisk).toBe(true);
});

it('states the primary endpoint’s target from the trial definition, marked an assumption', async () => {
  const o = await outcomes();
  const hdfs = o.endpoints.find((e) => e.kind === 'hdfs');
  expect(hdfs?.target).toMatchObject({ medianMonths: 46, controlMedianMonths: 18, assumption: true });
  expect(o.endpoints.find((e) => e.kind === 'os')?.target).toBeNull();
});
