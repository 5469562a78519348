import { describe, expect, it } from 'vitest';
import { bucketOrder, followUpSummary, milestoneMark, monthRange, monthSeries } from './summary';

describe('monthRange', () => {
  it('runs across a year boundary, both ends included', () => {
    expect(monthRange('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('is one month when both ends are equal and empty when reversed', () => {
    expect(monthRange('2026-03', '2026-03')).toEqual(['2026-03']);
    expect(monthRange('2026-04', '2026-03')).toEqual([]);
  });
});

describe('monthSeries', () => {
  it('fills months without counts with 0 and splits at the as-of month', () => {
    const series = monthSeries(
      [
        { month: '2026-10', count: 2 },
        { month: '2027-01', count: 3 },
      ],
      '2026-11',
    );
    expect(series).toEqual([
      { month: '2026-10', reached: 2, ahead: 0 },
      { month: '2026-11', reached: 0, ahead: 0 },
      { month: '2026-12', reached: 0, ahead: 0 },
      { month: '2027-01', reached: 0, ahead: 3 },
    ]);
  });

  it('is empty without points', () => {
    expect(monthSeries([], '2026-11')).toEqual([]);
  });
});

describe('followUpSummary', () => {
  it('groups the buckets into in follow-up, completed and off study', () => {
    // PUMP-III demo as of 26 Nov 2026: 5 in year 4, 12 in year 5, 9 completed, 16 died, 2 withdrawn, 1 lost.
    const total = { year4: 5, year5: 12, completed: 9, died: 16, withdrawn: 2, lost_to_follow_up: 1 };
    expect(followUpSummary(total, 5)).toEqual({ inFollowUp: 17, completed: 9, offStudy: 19, notStarted: 0 });
  });

  it('counts only the years the trial has', () => {
    expect(followUpSummary({ year1: 1, year2: 2, year3: 4 }, 2).inFollowUp).toBe(3);
  });
});

describe('bucketOrder', () => {
  it('lists the years, then completed, not started and the off-study reasons', () => {
    expect(bucketOrder(2)).toEqual([
      'year1',
      'year2',
      'completed',
      'not_started',
      'died',
      'withdrawn',
      'lost_to_follow_up',
    ]);
  });
});

describe('milestoneMark', () => {
  it('ticks only a milestone the data show as done', () => {
    expect(milestoneMark({ reached: true, basis: 'actual' })).toBe('✓');
    expect(milestoneMark({ reached: false, basis: 'due' })).toBe('!');
    // Even if a server said "reached" for a due analysis, the page would not tick it.
    expect(milestoneMark({ reached: true, basis: 'due' })).toBe('!');
    expect(milestoneMark({ reached: false, basis: 'projected' })).toBe('…');
    expect(milestoneMark({ reached: false, basis: 'unknown' })).toBe('?');
  });
});
