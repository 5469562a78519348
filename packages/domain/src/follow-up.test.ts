import { describe, expect, it } from 'vitest';
import { followUpPhase, followUpYearCutoffs, latestStartReaching } from './follow-up.js';

describe('follow-up year', () => {
  it('moves to the next year on the anniversary, not before', () => {
    expect(followUpPhase('2021-05-10', '2022-05-09', 60)).toEqual({ kind: 'year', year: 1 });
    expect(followUpPhase('2021-05-10', '2022-05-10', 60)).toEqual({ kind: 'year', year: 2 });
    expect(followUpPhase('2021-05-10', '2026-05-09', 60)).toEqual({ kind: 'year', year: 5 });
    expect(followUpPhase('2021-05-10', '2026-05-10', 60)).toEqual({ kind: 'completed' });
  });
  it('counts a leap-day start complete on 28 February', () => {
    expect(followUpPhase('2024-02-29', '2025-02-27', 60)).toEqual({ kind: 'year', year: 1 });
    expect(followUpPhase('2024-02-29', '2025-02-28', 60)).toEqual({ kind: 'year', year: 2 });
  });
  it('has not started before time zero or without one', () => {
    expect(followUpPhase(null, '2022-01-01', 60)).toEqual({ kind: 'not_started' });
    expect(followUpPhase('2022-01-02', '2022-01-01', 60)).toEqual({ kind: 'not_started' });
    expect(followUpPhase('2022-01-01', '2022-01-01', 60)).toEqual({ kind: 'year', year: 1 });
  });
});

describe('cutoffs for bucketing in SQL', () => {
  it('finds the latest start that has completed the months, including the leap-day case', () => {
    expect(latestStartReaching(12, '2025-02-28')).toBe('2024-02-29');
    expect(latestStartReaching(12, '2025-02-27')).toBe('2024-02-27');
    expect(latestStartReaching(12, '2026-11-26')).toBe('2025-11-26');
    expect(latestStartReaching(3, '2021-02-28')).toBe('2020-11-30');
  });
  it('agrees with followUpPhase for every start date over four years', () => {
    const today = '2025-02-28';
    const cutoffs = followUpYearCutoffs(today, 60);
    expect(cutoffs).toHaveLength(5);
    for (let d = '2019-01-01'; d <= today; d = nextDay(d)) {
      const phase = followUpPhase(d, today, 60);
      const bucket = cutoffs.findIndex((c) => d > c);
      const expected =
        bucket === -1
          ? { kind: 'completed' }
          : bucket === 0
            ? { kind: 'year', year: 1 }
            : { kind: 'year', year: bucket + 1 };
      expect(phase, d).toEqual(expected);
    }
  });
});

function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}
