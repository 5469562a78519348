// cumulativeIncidence against R's survfit(Surv(time, factor(cause)) ~ 1), to 1e-6.
import { describe, expect, it } from 'vitest';
import { cumulativeIncidence, kaplanMeier } from '../src/index.js';
import type { CompetingRisksObservation } from '../src/index.js';
import { committeeReference } from './committee-reference.js';
import { Comparison } from './reference.js';

const toObs = (d: { time: number[]; cause: number[] }): CompetingRisksObservation[] =>
  d.time.map((time, i) => ({ time, cause: d.cause[i]! }));

describe.each(committeeReference.cumulativeIncidence)('cumulativeIncidence: $name', (set) => {
  const obs = toObs(set.data);

  it('matches survfit: times, number at risk, pstate and std.err of every cause', () => {
    const { steps } = cumulativeIncidence(obs, { causes: set.causes });
    const c = new Comparison();
    c.array(
      'time',
      steps.map((s) => s.time),
      set.steps.time,
    );
    c.array(
      'n.risk',
      steps.map((s) => s.atRisk),
      set.steps.nRisk,
    );
    for (let k = 0; k < set.causes; k++) {
      c.array(
        `pstate[cause ${k + 1}]`,
        steps.map((s) => s.incidence[k] ?? null),
        set.steps.incidence[k]!,
      );
      c.array(
        `std.err[cause ${k + 1}]`,
        steps.map((s) => s.stdErr[k] ?? null),
        set.steps.stdErr[k]!,
      );
    }
    expect(c.count).toBeGreaterThan(2 * set.causes);
    expect(c.mismatches).toEqual([]);
  });

  it('does not depend on the order of the input', () => {
    expect(cumulativeIncidence([...obs].reverse(), { causes: set.causes })).toEqual(
      cumulativeIncidence(obs, { causes: set.causes }),
    );
  });
});

describe('cumulativeIncidence', () => {
  it('covers the R data sets and the edge cases', () => {
    const names = committeeReference.cumulativeIncidence.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'mgus2',
        'lung_by_sex',
        'veteran_by_celltype',
        'all_censored',
        'only_cause_two',
      ]),
    );
  });

  it('with one cause is one minus Kaplan-Meier', () => {
    const obs = [3, 1, 4, 1, 5, 9, 2, 6].map((time, i) => ({ time, cause: i % 3 === 0 ? 0 : 1 }));
    const km = kaplanMeier(obs.map((o) => ({ time: o.time, event: o.cause === 1 })));
    const ci = cumulativeIncidence(obs);
    expect(ci.steps).toHaveLength(km.steps.length);
    ci.steps.forEach((s, i) => expect(s.incidence[0]).toBeCloseTo(1 - km.steps[i]!.survival, 14));
  });

  it('counts causes from the data unless told, and refuses a cause beyond the number asked for', () => {
    const obs = [
      { time: 1, cause: 2 },
      { time: 2, cause: 0 },
    ];
    expect(cumulativeIncidence(obs).steps[0]!.incidence).toEqual([0, 0.5]);
    expect(cumulativeIncidence([{ time: 1, cause: 0 }]).steps[0]!.incidence).toEqual([0]);
    expect(cumulativeIncidence(obs, { causes: 3 }).steps[0]!.incidence).toEqual([0, 0.5, 0]);
    expect(() => cumulativeIncidence(obs, { causes: 1 })).toThrow(/data\[0\]\.cause is 2/);
  });

  it('gives no steps without data', () => {
    expect(cumulativeIncidence([])).toEqual({ steps: [] });
  });

  it.each([-1, 1.5, NaN, '1', true])('refuses cause %s', (cause) => {
    const bad = [{ time: 1, cause }] as unknown as CompetingRisksObservation[];
    expect(() => cumulativeIncidence(bad)).toThrow(/data\[0\]\.cause must be 0 \(censored\) or a cause/);
  });

  it.each([-1, NaN, Infinity])('refuses time %s', (time) => {
    expect(() => cumulativeIncidence([{ time, cause: 1 }])).toThrow(/data\[0\]\.time/);
  });

  it.each([0, 1.5, -2])('refuses causes = %s', (causes) => {
    expect(() => cumulativeIncidence([{ time: 1, cause: 1 }], { causes })).toThrow(
      /causes must be a positive integer/,
    );
  });

  it('runs in linear time on 100 000 subjects', () => {
    // An O(n²) influence matrix, as survfit keeps it, would take minutes here; this is a
    // behaviour check (it must finish and stay a probability), not a timing.
    const obs = Array.from({ length: 100_000 }, (_, i) => ({ time: (i * 7919) % 5000, cause: i % 3 }));
    const { steps } = cumulativeIncidence(obs);
    const last = steps.at(-1)!;
    expect(steps).toHaveLength(5000);
    expect(last.incidence[0]! + last.incidence[1]!).toBeLessThanOrEqual(1);
    expect(last.stdErr.every((s) => s > 0 && s < 0.5)).toBe(true);
  });
});
