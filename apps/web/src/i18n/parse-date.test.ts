import { describe, expect, it } from 'vitest';
import { formatCalendarDate } from './format';
import { monthFromName, parseTypedDate } from './parse-date';

describe('parseTypedDate', () => {
  it.each([
    ['29-11-2026', '2026-11-29'],
    ['29/11/2026', '2026-11-29'],
    ['29.11.2026', '2026-11-29'],
    ['1-2-2026', '2026-02-01'],
    [' 01 / 02 / 2026 ', '2026-02-01'],
    ['2026-11-29', '2026-11-29'],
    ['29 Nov 2026', '2026-11-29'],
    ['29 nov. 2026', '2026-11-29'],
    ['29 november 2026', '2026-11-29'],
    ['3 mrt 2026', '2026-03-03'],
    ['3 maart 2026', '2026-03-03'],
    ['3 Mar 2026', '2026-03-03'],
    ['12 mei 2025', '2025-05-12'],
    ['12 May 2025', '2025-05-12'],
    ['1 okt 2024', '2024-10-01'],
    ['1 Sept 2024', '2024-09-01'],
    ['1-sep-2024', '2024-09-01'],
    ['29 Feb 2024', '2024-02-29'],
  ])('reads %s as %s', (typed, iso) => {
    expect(parseTypedDate(typed)).toBe(iso);
  });

  it.each([
    '',
    '29',
    '29-11',
    '29-11-2',
    '29-11-202',
    '29-11-26',
    '31-02-2026',
    '29-02-2025',
    '32-01-2026',
    '10-13-2026',
    '0-1-2026',
    '11/29/2026',
    '29 ma 2026',
    '29 foo 2026',
    '2026-13-01',
    'yesterday',
  ])('does not read %j as a date', (typed) => {
    expect(parseTypedDate(typed)).toBeNull();
  });

  it('reads back every date the app writes, in both languages', () => {
    for (let month = 1; month <= 12; month++) {
      const iso = `2026-${String(month).padStart(2, '0')}-17`;
      for (const lang of ['en', 'nl'] as const) {
        expect(parseTypedDate(formatCalendarDate(iso, lang))).toBe(iso);
        expect(parseTypedDate(formatCalendarDate(iso, lang, 'numeric'))).toBe(iso);
      }
    }
  });
});

describe('monthFromName', () => {
  it('refuses a prefix that names no month or two months', () => {
    expect(monthFromName('ju')).toBeNull();
    expect(monthFromName('xyz')).toBeNull();
    expect(monthFromName('jun')).toBe(6);
    expect(monthFromName('juli')).toBe(7);
  });
});
