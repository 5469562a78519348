// medianFollowUp against R's quantile(survfit(Surv(time, 1 - event) ~ 1)), to 1e-6.
import { describe, expect, it } from 'vitest';
import { kaplanMeier, medianFollowUp } from '../src/index.js';
import type { SurvivalObservation } from '../src/index.js';
import { committeeReference } from './committee-reference.js';
import { Comparison, observations } from './reference.js';

describe.each(committeeReference.medianFollowUp)('medianFollowUp: $name', ({ data, fits }) => {
  const obs = observations(data);
  it.each(fits)('matches R with conf.type $confType at $confLevel', (fit) => {
    const result = medianFollowUp(obs, { confType: fit.confType, confLevel: fit.confLevel });
    const c = new Comparison();
    c.value('estimate', result.estimate, fit.estimate);
    c.value('lower', result.lower, fit.lower);
    c.value('upper', result.upper, fit.upper);
    expect(c.mismatches).toEqual([]);
  });
});

describe('medianFollowUp', () => {
  it('covers the R data sets and the edge cases', () => {
    const names = committeeReference.medianFollowUp.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['lung', 'veteran', 'mgus2', 'all_events', 'all_censored']));
  });

  it('is the Kaplan-Meier median of the censoring times, not of the events', () => {
    // Events at 1, 2, 3 and censorings at 10, 20, 30: follow-up is long although events are
    // early (R gives 20 for this; the naive median of all times would be 6.5).
    const data = [1, 2, 3].map((time) => ({ time, event: true }));
    data.push({ time: 10, event: false }, { time: 20, event: false }, { time: 30, event: false });
    expect(medianFollowUp(data).estimate).toBe(20);
    // The ordinary median sits on the flat at one half from 3 to the end: R gives (3 + 30) / 2.
    expect(kaplanMeier(data).median.estimate).toBe(16.5);
  });

  it('has no median without data', () => {
    expect(medianFollowUp([])).toEqual({ estimate: null, lower: null, upper: null });
  });

  it('refuses a 0/1 status instead of flipping it', () => {
    const bad = [{ time: 1, event: 0 }] as unknown as SurvivalObservation[];
    expect(() => medianFollowUp(bad)).toThrow(/data\[0\]\.event must be a boolean/);
  });

  it('refuses bad times and options as kaplanMeier does', () => {
    expect(() => medianFollowUp([{ time: -1, event: false }])).toThrow(/data\[0\]\.time/);
    expect(() => medianFollowUp([{ time: 1, event: false }], { confLevel: 1 })).toThrow(/confLevel/);
  });
});
