// Reads a CSV file for an import: RFC 4180 (quoted cells, doubled quotes, CRLF or LF), the separator found
// from the header row (comma, semicolon as Dutch spreadsheets write it, or tab), every row as long as the
// header. A cell is only ever text: a cell that looks like a spreadsheet formula ("=…", "+…", "@…") is data,
// read as the characters it holds, never evaluated. Anything that is not such a file is refused, with the
// line, before a single value is looked at.
import type { Lang } from '@trialdesk/domain';
import { importFileError } from './import-error.js';

export interface CsvFile {
  delimiter: ',' | ';' | '\t';
  headers: string[];
  /** Data rows, each as long as the header, with the line (1-based, the header is line 1) it starts on. */
  rows: { line: number; cells: string[] }[];
}

function pickDelimiter(text: string): CsvFile['delimiter'] {
  // The header row up to its first line break outside quotes: the separator that occurs most in it.
  let head = '';
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    if (!quoted) head += c;
  }
  const count = (d: string) => head.split(d).length - 1;
  const found = ([',', ';', '\t'] as const).map((d) => [d, count(d)] as const).sort((a, b) => b[1] - a[1]);
  return found[0]?.[1] ? found[0][0] : ',';
}

/** Splits the text into records of cells; throws on a quote that is never closed. */
function records(lang: Lang, text: string, d: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let quoteLine = 1;
  const end = () => {
    cells.push(cell);
    // A line with nothing on it (a trailing newline, a blank line between rows) is no row.
    if (!(cells.length === 1 && cells[0] === '')) out.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === d) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      end();
      line++;
      start = line;
    } else cell += c;
  }
  if (quoted) throw importFileError(lang, 'import.csv.quote', { line: quoteLine });
  if (cell !== '' || cells.length > 0) end();
  return out;
}

/** Parses the text of a CSV file; throws a clear error for anything that is not one. */
export function readCsv(lang: Lang, text: string): CsvFile {
  const body = text.replace(/^\uFEFF/, '');
  if (/^\s*</.test(body)) throw importFileError(lang, 'import.csv.looksXml');
  const delimiter = pickDelimiter(body);
  const all = records(lang, body, delimiter);
  const [header, ...rows] = all;
  if (!header) throw importFileError(lang, 'import.file.empty');
  const headers = header.cells.map((h) => h.trim());
  const seen = new Set<string>();
  for (const [i, h] of headers.entries()) {
    if (h === '') throw importFileError(lang, 'import.csv.header', { column: i + 1 });
    if (seen.has(h)) throw importFileError(lang, 'import.csv.duplicate', { column: h });
    seen.add(h);
  }
  for (const r of rows)
    if (r.cells.length !== headers.length)
      throw importFileError(lang, 'import.csv.ragged', {
        line: r.line,
        found: r.cells.length,
        expected: headers.length,
      });
  if (rows.length === 0) throw importFileError(lang, 'import.csv.noRows');
  return { delimiter, headers, rows };
}
