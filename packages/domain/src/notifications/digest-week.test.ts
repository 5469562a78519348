import { describe, expect, it } from 'vitest';
import { dueDigestWeek, mondayOf } from './digest-week.js';

describe('weekly digest week', () => {
  it('names a week by its Monday, whatever the weekday', () => {
    // 2026-11-23 is a Monday (checked against a calendar), 2026-11-29 the Sunday of that week.
    for (const d of ['2026-11-23', '2026-11-24', '2026-11-26', '2026-11-29'])
      expect(mondayOf(d)).toBe('2026-11-23');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2024-02-29')).toBe('2024-02-26');
    expect(mondayOf('1970-01-01')).toBe('1969-12-29');
  });

  it('is due from Monday 07:00 in Amsterdam (CET in November: 06:00 UTC)', () => {
    expect(dueDigestWeek(new Date('2026-11-30T05:59:59Z'))).toBeNull();
    expect(dueDigestWeek(new Date('2026-11-30T06:00:00Z'))).toBe('2026-11-30');
    // Sunday night in UTC is already Monday in Amsterdam, before 07:00: not yet.
    expect(dueDigestWeek(new Date('2026-11-29T23:30:00Z'))).toBeNull();
    expect(dueDigestWeek(new Date('2026-11-29T22:30:00Z'))).toBe('2026-11-23');
    // Summer time (CEST): 07:00 Amsterdam is 05:00 UTC.
    expect(dueDigestWeek(new Date('2026-06-01T04:59:00Z'))).toBeNull();
    expect(dueDigestWeek(new Date('2026-06-01T05:00:00Z'))).toBe('2026-06-01');
  });
});
