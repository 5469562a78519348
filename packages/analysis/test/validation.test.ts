import { describe, expect, it } from 'vitest';
import { kaplanMeier, logRank, numberAtRisk, survivalAt } from '../src/index.js';
import type { ConfType, SurvivalObservation } from '../src/index.js';

const data: SurvivalObservation[] = [
  { time: 3, event: true },
  { time: 1, event: false },
  { time: 2, event: true },
];

describe('kaplanMeier input validation', () => {
  it.each([-1, NaN, Infinity, -Infinity])('rejects time %s with a RangeError', (time) => {
    expect(() => kaplanMeier([...data, { time, event: true }])).toThrow(RangeError);
    expect(() => kaplanMeier([{ time, event: false }])).toThrow(/data\[0\]\.time/);
  });

  it.each([0, 1, -0.5, 1.5, NaN])('rejects confLevel %s with a RangeError', (confLevel) => {
    expect(() => kaplanMeier(data, { confLevel })).toThrow(RangeError);
    expect(() => kaplanMeier(data, { confLevel })).toThrow(/confLevel/);
  });

  it('rejects an unknown confType with a RangeError', () => {
    expect(() => kaplanMeier(data, { confType: 'logit' as ConfType })).toThrow(RangeError);
    expect(() => kaplanMeier(data, { confType: 'logit' as ConfType })).toThrow(/confType/);
  });

  it('rejects a non-boolean event', () => {
    const bad = [{ time: 1, event: 1 }] as unknown as SurvivalObservation[];
    expect(() => kaplanMeier(bad)).toThrow(TypeError);
  });

  it('accepts time 0 and does not mutate its input', () => {
    const input = [{ time: 0, event: true }, ...data];
    const copy = structuredClone(input);
    expect(kaplanMeier(input).steps[0]).toMatchObject({ time: 0, atRisk: 4, events: 1 });
    expect(input).toEqual(copy);
  });

  it('uses 0.95 and log by default', () => {
    expect(kaplanMeier(data)).toEqual(kaplanMeier(data, { confLevel: 0.95, confType: 'log' }));
  });
});

describe('empty input', () => {
  it('gives no steps and no median', () => {
    expect(kaplanMeier([])).toEqual({ steps: [], median: { estimate: null, lower: null, upper: null } });
  });

  it('reads as survival 1 with nobody at risk', () => {
    expect(survivalAt(kaplanMeier([]), [0, 5])).toEqual([
      { time: 0, survival: 1, stdErr: null, lower: null, upper: null, atRisk: 0 },
      { time: 5, survival: 1, stdErr: null, lower: null, upper: null, atRisk: 0 },
    ]);
    expect(numberAtRisk([], [0, 5])).toEqual([0, 0]);
  });
});

describe('survivalAt and numberAtRisk', () => {
  it('rejects negative or non-finite times', () => {
    const fit = kaplanMeier(data);
    expect(() => survivalAt(fit, [1, -1])).toThrow(RangeError);
    expect(() => survivalAt(fit, [NaN])).toThrow(RangeError);
    expect(() => numberAtRisk(fit, [Infinity])).toThrow(RangeError);
    expect(() => numberAtRisk(data, [-2])).toThrow(RangeError);
  });

  it('answers in the order asked', () => {
    const fit = kaplanMeier(data);
    expect(survivalAt(fit, [3, 0, 2.5]).map((a) => a.time)).toEqual([3, 0, 2.5]);
    expect(numberAtRisk(fit, [3, 0, 2.5])).toEqual([1, 3, 1]);
  });
});

describe('logRank input validation', () => {
  it('needs at least two groups', () => {
    expect(() => logRank([])).toThrow(RangeError);
    expect(() => logRank([data])).toThrow(RangeError);
  });

  it('rejects invalid times', () => {
    expect(() => logRank([data, [{ time: -3, event: true }]])).toThrow(/groups\[1\]\[0\]\.time/);
  });

  it('reports df 0 and p 1 when there is nothing to compare', () => {
    const censored = [{ time: 4, event: false }];
    expect(logRank([censored, censored])).toMatchObject({ chiSquare: 0, df: 0, pValue: 1 });
    // Only one group has an expected death: R gives chisq 0 on 0 df, p = 1.
    expect(logRank([[{ time: 1, event: false }], [{ time: 3, event: true }]])).toMatchObject({
      chiSquare: 0,
      df: 0,
      pValue: 1,
    });
  });

  it('does not depend on which group comes first', () => {
    const a = [1, 4, 4, 6, 9].map((time, i) => ({ time, event: i !== 2 }));
    const b = [2, 3, 5, 5, 8, 10].map((time, i) => ({ time, event: i % 2 === 0 }));
    const c = [1, 2, 7, 7, 11].map((time) => ({ time, event: true }));
    const forward = logRank([a, b, c]);
    const backward = logRank([c, b, a]);
    expect(backward.chiSquare).toBeCloseTo(forward.chiSquare, 12);
    expect(backward.observed).toEqual([...forward.observed].reverse());
  });
});
