import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatCalendarMonth,
  formatDecimal,
  formatNumber,
  formatPercent,
  formatTimestamp,
} from './format';

describe('calendar dates', () => {
  it('shows 26 Nov 2026 in English and 26 nov 2026 in Dutch', () => {
    expect(formatCalendarDate('2026-11-26', 'en')).toBe('26 Nov 2026');
    expect(formatCalendarDate('2026-11-26', 'nl')).toBe('26 nov 2026');
  });

  it('has a numeric Dutch form 26-11-2026', () => {
    expect(formatCalendarDate('2026-11-26', 'nl', 'numeric')).toBe('26-11-2026');
    expect(formatCalendarDate('2026-11-26', 'en', 'numeric')).toBe('26/11/2026');
  });

  it('never shifts a date by a time zone: 1 January and a leap day stay themselves', () => {
    expect(formatCalendarDate('2021-01-01', 'en')).toBe('1 Jan 2021');
    expect(formatCalendarDate('2024-02-29', 'nl', 'numeric')).toBe('29-02-2024');
    expect(formatCalendarDate('2025-12-31', 'en', 'numeric')).toBe('31/12/2025');
  });

  it('returns anything that is not a calendar date unchanged', () => {
    expect(formatCalendarDate('not a date', 'en')).toBe('not a date');
  });

  it('formats months', () => {
    expect(formatCalendarMonth('2021-02', 'en')).toBe('Feb 2021');
    expect(formatCalendarMonth('2021-10', 'nl')).toBe('okt 2021');
  });
});

describe('timestamps in Europe/Amsterdam', () => {
  it('shows a UTC instant in winter time (UTC+1) and summer time (UTC+2)', () => {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam.
    // (The separator between date and time varies between ICU versions; the day and the hour must not.)
    expect(formatTimestamp('2025-12-31T23:30:00Z', 'nl')).toMatch(/^1 jan 2026,? 00:30$/);
    expect(formatTimestamp('2026-07-01T22:15:00Z', 'en')).toMatch(/^2 Jul 2026,? 00:15$/);
    expect(formatTimestamp('2026-01-15T10:00:00Z', 'en')).toMatch(/^15 Jan 2026,? 11:00$/);
  });
});

describe('numbers', () => {
  it('uses locale separators', () => {
    expect(formatNumber(12345.67, 'en')).toBe('12,345.7');
    expect(formatNumber(12345.67, 'nl')).toBe('12.345,7');
    expect(formatNumber(45, 'nl')).toBe('45');
  });

  it('shows measurements with fixed decimals', () => {
    expect(formatDecimal(3, 'en', 1)).toBe('3.0');
    expect(formatDecimal(0.54, 'nl', 1)).toBe('0,5');
    expect(formatDecimal(1.835, 'en', 2)).toBe('1.84');
  });

  it('formats fractions as percentages', () => {
    expect(formatPercent(0.5111, 'en')).toBe('51.1%');
    expect(formatPercent(1.125, 'nl')).toBe('112,5%');
    expect(formatPercent(0.2, 'nl')).toBe('20%');
  });
});
