// The Stata and SPSS syntax beside the CSV files of a data-cut export. No Stata or SPSS runs here, so the
// text is checked against the data dictionary read from the zip itself: every column of every table is
// read, converted by its type and labelled with its description, and every coded value is a value label
// in the dictionary's order, in both files.
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stataLabelName } from '../src/reports/stata-script.js';
import { createHarness, type Harness } from './harness.js';

let h: Harness;
let files: Record<string, string>;
beforeAll(async () => {
  h = await createHarness();
  const pi = await h.as('pi');
  const cut = await pi.committee.dataCuts.create({
    trialId: 'pump-iii',
    label: 'Stata cut',
    asOf: '2026-11-26',
  });
  const file = await pi.committee.exports.csv({ trialId: 'pump-iii', cutId: cut.id });
  files = Object.fromEntries(
    Object.entries(unzipSync(Buffer.from(file.base64, 'base64'))).map(([n, b]) => [n, strFromU8(b)]),
  );
});
afterAll(() => h.close());

interface DictRow {
  table: string;
  column: string;
  type: string;
  description: string;
  values: string[];
}

/** data_dictionary.csv, read independently of the writer (RFC 4180 with quoted cells). */
function dictionary(): DictRow[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const text = files['data_dictionary.csv'] ?? '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows.slice(1).map(([table = '', column = '', type = '', description = '', values = '']) => ({
    table,
    column,
    type,
    description,
    values: values ? values.split(';') : [],
  }));
}

/** The block of one table in a script: from its comment line to the next table's. */
function block(script: string, table: string, start: string): string {
  const from = script.indexOf(`${start} ${table}: `);
  expect(from, `${table} in script`).toBeGreaterThan(-1);
  const next = script.indexOf(`\r\n${start} `, from + 1);
  return script.slice(from, next === -1 ? undefined : next);
}

describe('read_export.do (Stata)', () => {
  it('reads every table, converts, labels every column and every coded value', () => {
    const script = files['read_export.do'] ?? '';
    const dict = dictionary();
    expect(new Set(dict.map((d) => d.table)).size).toBeGreaterThanOrEqual(7);
    const defined = [...script.matchAll(/^label define (\S+) (.*), replace$/gm)].map((m) => [m[1], m[2]]);
    for (const table of new Set(dict.map((d) => d.table))) {
      const b = block(script, table, '*');
      expect(b).toContain(`import delimited using "${table}.csv"`);
      expect(b).toContain(`save "${table}.dta", replace`);
      const cols = dict.filter((d) => d.table === table);
      expect(b).toContain(`confirm variable ${cols.map((c) => c.column).join(' ')}, exact`);
      for (const c of cols) {
        expect(c.column.length, c.column).toBeLessThanOrEqual(32);
        const labelled = b.split('\r\n').find((l) => l.startsWith(`label variable ${c.column} `));
        expect(labelled, `${table}.${c.column}`).toContain(c.description.slice(0, 70));
        if (c.values.length > 0) {
          const encode = new RegExp(
            `^encode ${c.column}, generate\\(_td\\) label\\((\\S+)\\) noextend$`,
            'm',
          );
          const name = encode.exec(b)?.[1];
          expect(name, `${table}.${c.column} encoded`).toMatch(/^L\d+_/);
          const values = defined.find(([n]) => n === name)?.[1] ?? '';
          expect(values).toBe(c.values.map((v, i) => `${i + 1} \`"${v}"'`).join(' '));
        } else if (c.type === 'date') expect(b).toContain(`format ${c.column} %td`);
        else if (c.type === 'integer' || c.type === 'float')
          expect(b).toContain(`destring ${c.column}, replace`);
        else if (c.type === 'boolean') expect(b).toContain(`label values ${c.column} td_bool`);
      }
    }
    // Value label names are unique and valid (at most 32 characters).
    const names = defined.map(([n]) => n);
    expect(new Set(names).size).toBe(names.length);
    expect(stataLabelName(123, 'a_very_long_column_name_that_goes_on')).toHaveLength(32);
  });
});

describe('read_export.sps (SPSS)', () => {
  it('reads every table, converts, labels every column and every coded value', () => {
    const script = files['read_export.sps'] ?? '';
    const dict = dictionary();
    const reserved = new Set([
      'all',
      'and',
      'by',
      'eq',
      'ge',
      'gt',
      'le',
      'lt',
      'ne',
      'not',
      'or',
      'to',
      'with',
    ]);
    for (const table of new Set(dict.map((d) => d.table))) {
      const b = block(script, table, '*');
      expect(b).toContain(`/FILE='${table}.csv'`);
      expect(b).toContain(`SAVE OUTFILE='${table}.sav'.`);
      const cols = dict.filter((d) => d.table === table);
      // GET DATA reads the columns in the file's order, each with an input format.
      const variables = b.slice(b.indexOf('/VARIABLES='), b.indexOf('\r\n.\r\n'));
      expect(
        variables
          .split('\r\n')
          .slice(1)
          .map((l) => l.trim().split(' ')[0]),
      ).toEqual(cols.map((c) => c.column));
      for (const c of cols) {
        expect(reserved.has(c.column.toLowerCase()), c.column).toBe(false);
        expect(b, `${table}.${c.column} label`).toContain(
          `${c.column} '${c.description.replaceAll("'", "''")}'`,
        );
        if (c.values.length > 0) {
          expect(b).toContain(
            `RECODE ${c.column} ${c.values.map((v, i) => `('${v}'=${i + 1})`).join(' ')} (ELSE=SYSMIS) INTO ${c.column}_td.`,
          );
          expect(b).toContain(
            `VALUE LABELS ${c.column} ${c.values.map((v, i) => `${i + 1} '${v}'`).join(' ')}.`,
          );
        } else if (c.type === 'date') expect(variables).toContain(`${c.column} SDATE10`);
        else if (c.type === 'boolean') expect(b).toContain(`VALUE LABELS ${c.column} 0 'false' 1 'true'.`);
      }
    }
  });

  it('the zip README names both files', () => {
    expect(files['README.txt']).toContain('read_export.do (Stata) and read_export.sps (SPSS)');
  });
});
