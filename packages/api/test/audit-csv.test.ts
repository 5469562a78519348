// RFC 4180 quoting and spreadsheet-formula neutralisation, cell by cell (expected values written by hand).
import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '../src/reports/csv.js';

describe('csvCell', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['plain', 'plain'],
    [42, '42'],
    [true, 'true'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['lf\nonly', '"lf\nonly"'],
    ['=1+2', "'=1+2"],
    ['+31 10 123', "'+31 10 123"],
    ['-5', "'-5"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tcmd', "'\tcmd"],
    ['=HYPERLINK("x","y")', '"\'=HYPERLINK(""x"",""y"")"'],
    ['a=b', 'a=b'],
    [{ a: 1 }, '"{""a"":1}"'],
  ])('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('leaves numbers alone, even negative ones (a number is never a formula)', () => {
    expect(csvCell(-3)).toBe('-3');
  });
});

describe('csvRow', () => {
  it('joins with commas and ends with CRLF', () => {
    expect(csvRow([1, 'a', null, 'b,c'])).toBe('1,a,,"b,c"\r\n');
  });
});
