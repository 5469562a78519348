// Calendar days in Europe/Amsterdam turned into UTC instants, across both DST changes (worked out by
// hand: CET is UTC+1, CEST UTC+2; in 2026 CEST runs from 29 March 01:00 UTC to 25 October 01:00 UTC).
import { describe, expect, it } from 'vitest';
import { auditFilterInput, startOfDayUtc, toRepositoryFilter } from '../src/routers/audit/filters.js';

describe('startOfDayUtc', () => {
  it.each([
    ['2026-01-15', '2026-01-14T23:00:00.000Z'],
    ['2026-07-01', '2026-06-30T22:00:00.000Z'],
    ['2026-03-29', '2026-03-28T23:00:00.000Z'], // the day summer time starts: midnight is still CET
    ['2026-03-30', '2026-03-29T22:00:00.000Z'],
    ['2026-10-25', '2026-10-24T22:00:00.000Z'], // the day summer time ends: midnight is still CEST
    ['2026-10-26', '2026-10-25T23:00:00.000Z'],
    ['2024-02-29', '2024-02-28T23:00:00.000Z'],
    ['2027-01-01', '2026-12-31T23:00:00.000Z'],
  ])('%s starts at %s', (day, instant) => {
    expect(startOfDayUtc(day)).toBe(instant);
  });
});

describe('toRepositoryFilter', () => {
  it('includes the whole last day and normalises names', () => {
    const input = auditFilterInput.parse({
      from: '2026-10-25',
      to: '2026-10-25',
      username: ' PI ',
      participant: 'pump3-emc-007',
    });
    expect(toRepositoryFilter(input)).toEqual({
      fromAt: '2026-10-24T22:00:00.000Z',
      untilAt: '2026-10-25T23:00:00.000Z', // the 25th lasts 25 hours
      username: 'pi',
      participant: 'PUMP3-EMC-007',
      action: undefined,
      trialId: undefined,
    });
  });

  it('refuses an end before the start and impossible dates', () => {
    expect(auditFilterInput.safeParse({ from: '2026-05-02', to: '2026-05-01' }).success).toBe(false);
    expect(auditFilterInput.safeParse({ from: '2026-02-29' }).success).toBe(false);
    expect(auditFilterInput.safeParse({ from: '2026-05-01', to: '2026-05-01' }).success).toBe(true);
  });
});
