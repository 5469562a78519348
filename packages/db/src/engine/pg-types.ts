// How PostgreSQL values arrive in JavaScript. pg returns int8 (bigint columns, COUNT(*), SUM of integers)
// and numeric as strings, because not every value fits a double. Ours are ids, counters, the audit
// sequence and counts: they are parsed to numbers when they fit exactly (|n| ≤ 2^53 − 1), and a value
// that does not fit is an error rather than a silently rounded number. numeric (SUM of bigint, AVG) is
// parsed as a double, which is what SQLite returns for the same expressions. Dates stay text: the schema
// stores ISO-8601 text on both engines, so no timestamp parser is involved.
import pg from 'pg';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

export function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n))
    throw new RangeError(`int8 value ${text} does not fit a JavaScript number exactly`);
  return n;
}

export function parseNumeric(text: string): number {
  const n = Number(text);
  if (Number.isNaN(n)) throw new RangeError(`numeric value ${text} is not a number`);
  return n;
}

/** Per-pool parsers (pg.types stays untouched, so another pg user in the process is not affected). */
const defaultParser = pg.types.getTypeParser.bind(pg.types) as (oid: number, format?: string) => unknown;

export const trialdeskTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown => {
    if (format !== 'binary') {
      if (oid === INT8_OID) return parseInt8;
      if (oid === NUMERIC_OID) return parseNumeric;
    }
    return defaultParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};
