// The one CSV writer of every export (the data-cut zip's tables and data dictionary, the audit CSV).
// RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, quote, CR or LF,
// quotes doubled. Text that a spreadsheet would run as a formula (starting with = + - @, or tab/CR, as
// OWASP lists) gets a leading apostrophe, so opening an export can never execute what a user typed.
// Only text is neutralised: a number (a JavaScript number, e.g. -3 in a numeric column) is written as it
// is, because a spreadsheet reads it as a number, never as a formula, and a statistician needs it numeric.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'string') text = FORMULA_START.test(value) ? `'${value}` : value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else return csvCell(JSON.stringify(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A whole CSV file: the header row, then the rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map(csvRow).join('');
}
