import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dateInZone, diffDays, isIsoDate, monthsBetween } from './dates.js';

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2021-04-31')).toBe(false);
    expect(isIsoDate('2021-13-01')).toBe(false);
    expect(isIsoDate('21-01-01')).toBe(false);
    expect(isIsoDate('2021-1-01')).toBe(false);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2021-01-31', 1)).toBe('2021-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addDays('2021-03-01', -1)).toBe('2021-02-28');
    expect(diffDays('2021-02-01', '2023-01-31')).toBe(729);
  });

  it('clamps to the end of the month when adding months', () => {
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2021-08-31', 3)).toBe('2021-11-30');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2021-03-15', -3)).toBe('2020-12-15');
    expect(addMonths('2021-11-30', 60)).toBe('2026-11-30');
  });

  it('counts whole months elapsed', () => {
    expect(monthsBetween('2021-01-31', '2021-02-27')).toBe(0);
    expect(monthsBetween('2021-01-31', '2021-02-28')).toBe(1);
    expect(monthsBetween('2024-02-29', '2025-02-27')).toBe(11);
    expect(monthsBetween('2024-02-29', '2025-02-28')).toBe(12);
    expect(monthsBetween('2021-05-10', '2026-05-09')).toBe(59);
    expect(monthsBetween('2021-05-10', '2026-05-10')).toBe(60);
  });

  it('gives the Amsterdam calendar date of an instant', () => {
    // 23:30 UTC on 31 Dec is already 1 January in Amsterdam (UTC+1 in winter).
    expect(dateInZone(new Date('2022-12-31T23:30:00Z'))).toBe('2023-01-01');
    // 22:30 UTC in summer is 00:30 the next day (UTC+2).
    expect(dateInZone(new Date('2023-06-30T22:30:00Z'))).toBe('2023-07-01');
    expect(dateInZone(new Date('2023-06-30T21:30:00Z'))).toBe('2023-06-30');
  });
});
