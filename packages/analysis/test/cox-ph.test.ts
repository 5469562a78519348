// coxPh against R's coxph(Surv(time, event) ~ factor(group)), to 1e-6.
import { describe, expect, it } from 'vitest';
import { coxPh, logRank } from '../src/index.js';
import type { CoxObservation } from '../src/index.js';
import { committeeReference } from './committee-reference.js';
import { Comparison } from './reference.js';

const sets = new Map(
  committeeReference.coxData.map((d) => [
    d.name,
    d.time.map((time, i): CoxObservation => ({ time, event: d.event[i]!, group: d.group[i]! })),
  ]),
);

describe.each(committeeReference.coxPh)('coxPh: $set, $ties, reference $reference, $confLevel', (fit) => {
  const data = sets.get(fit.set)!;
  const result = coxPh(data, {
    ties: fit.ties,
    confLevel: fit.confLevel,
    ...(fit.reference === null ? {} : { reference: fit.reference }),
  });

  it('has R’s reference group and terms in R’s order', () => {
    expect(result.reference).toBe(fit.resultReference);
    expect(result.terms.map((t) => t.group)).toEqual(fit.terms.group);
  });

  it('matches the coefficients, standard errors, hazard ratios and limits', () => {
    const c = new Comparison();
    const t = result.terms;
    c.array(
      'coef',
      t.map((x) => x.coefficient),
      fit.terms.coefficient,
    );
    c.array(
      'se',
      t.map((x) => x.stdErr),
      fit.terms.stdErr,
    );
    // Limits of a coefficient that may be infinite are 0 or Inf in R and so here.
    c.array(
      'exp(coef)',
      t.map((x) => x.hazardRatio),
      fit.terms.hazardRatio,
    );
    c.array(
      'lower',
      t.map((x) => x.lower),
      fit.terms.lower,
    );
    c.array(
      'upper',
      t.map((x) => x.upper),
      fit.terms.upper,
    );
    expect(c.mismatches).toEqual([]);
  });

  it('matches the three tests and their degrees of freedom', () => {
    const c = new Comparison();
    c.value('wald', result.waldChiSquare, fit.waldChiSquare);
    c.value('lr', result.likelihoodRatioChiSquare, fit.likelihoodRatioChiSquare);
    c.value('score', result.scoreChiSquare, fit.scoreChiSquare);
    c.value('df', result.df, fit.df);
    c.value('iter', result.iterations, fit.iterations);
    expect(c.mismatches).toEqual([]);
  });

  it('says what R warns: no convergence, or a coefficient that may be infinite', () => {
    expect(result.converged).toBe(fit.converged);
    // R names the variables only when it converged.
    if (fit.converged) expect(result.terms.map((t) => t.mayBeInfinite)).toEqual(fit.terms.mayBeInfinite);
  });
});

describe('coxPh', () => {
  it('covers the R data sets and the edge cases with both ties methods', () => {
    const runs = committeeReference.coxPh.map((f) => `${f.set}/${f.ties}`);
    for (const set of [
      'lung_by_sex',
      'veteran_by_celltype',
      'mgus2_by_sex',
      'zero_event_group',
      'all_censored',
    ]) {
      expect(runs).toEqual(expect.arrayContaining([`${set}/efron`, `${set}/breslow`]));
    }
  });

  it('gives the log-rank statistic as its Breslow score test without ties', () => {
    // With no tied death times the score test of one factor is the log-rank test.
    const data: CoxObservation[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((time) => ({
      time,
      event: time % 4 !== 0,
      group: time % 3 === 0 ? 'B' : 'A',
    }));
    const lr = logRank([data.filter((d) => d.group === 'A'), data.filter((d) => d.group === 'B')]);
    expect(coxPh(data, { ties: 'breslow' }).scoreChiSquare).toBeCloseTo(lr.chiSquare, 12);
  });

  it('does not depend on the order of the input', () => {
    const data = sets.get('random_centres')!;
    expect(coxPh([...data].reverse())).toEqual(coxPh(data));
  });

  it('sorts numeric groups numerically and string groups by code point, as R in the C locale', () => {
    const mk = (groups: (string | number)[]): CoxObservation[] =>
      groups.map((group, i) => ({ time: i + 1, event: i % 2 === 0, group }));
    expect(coxPh(mk([10, 2, 10, 2, 9, 9])).reference).toBe(2);
    expect(coxPh(mk(['b', 'B', 'a', 'b', 'B', 'a'])).terms.map((t) => t.group)).toEqual(['a', 'b']);
  });

  it('refuses one group, as R does', () => {
    const one = [1, 2, 3].map((time) => ({ time, event: true, group: 'EMC' }));
    expect(() => coxPh(one)).toThrow(/at least two groups; got 1/);
    expect(() => coxPh([])).toThrow(/at least two groups; got 0/);
  });

  it('refuses bad input with a message that names it', () => {
    const ok: CoxObservation[] = [
      { time: 1, event: true, group: 'a' },
      { time: 2, event: false, group: 'b' },
    ];
    const bad = (obs: unknown) => [ok[0], obs, ok[1]] as CoxObservation[];
    expect(() => coxPh(bad({ time: -1, event: true, group: 'a' }))).toThrow(/data\[1\]\.time/);
    expect(() => coxPh(bad({ time: 1, event: 1, group: 'a' }))).toThrow(/data\[1\]\.event must be a boolean/);
    expect(() => coxPh(bad({ time: 1, event: true, group: null }))).toThrow(
      /data\[1\]\.group must be a string/,
    );
    expect(() => coxPh(bad({ time: 1, event: true, group: NaN }))).toThrow(/data\[1\]\.group/);
    expect(() => coxPh(bad({ time: 1, event: true, group: 3 }))).toThrow(/use one kind/);
    expect(() => coxPh(ok, { reference: 'c' })).toThrow(/reference "c" is not one of the groups \(a, b\)/);
    expect(() => coxPh(ok, { ties: 'exact' as 'efron' })).toThrow(/ties must be one of efron, breslow/);
    expect(() => coxPh(ok, { confLevel: 1 })).toThrow(/confLevel/);
  });

  it('does not mutate its input', () => {
    const data = sets.get('aml_by_x')!;
    const copy = structuredClone(data);
    coxPh(data);
    expect(data).toEqual(copy);
  });
});
