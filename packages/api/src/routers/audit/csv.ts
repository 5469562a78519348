// RFC 4180 CSV: comma-separated, CRLF line ends, a field quoted when it holds a comma, quote, CR or LF,
// quotes doubled. Text that a spreadsheet would run as a formula (starting with = + - @, or tab/CR, as
// OWASP lists) gets a leading apostrophe, so opening an export can never execute what a user typed.
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
