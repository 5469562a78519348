// A ready SPSS syntax file beside the CSV files of a data-cut export (read_export.sps), the SPSS twin of
// read_export.R: every table read with GET DATA in the data dictionary's types (numbers, dates, text),
// booleans and coded columns recoded to numbers with the dictionary's values, in its order, as value labels
// (a value outside the dictionary becomes system-missing, as it becomes NA in R's factor()), each
// column labelled with its description, and each table saved as TABLE.sav. Generated from the same table
// definitions as the CSV files and the dictionary (export-tables.ts), so it cannot drift from them.
import type { ColumnDef, ExportTable } from './export-tables.js';

const s = (text: string) => `'${text.replaceAll("'", "''")}'`;
/** SPSS caps variable labels at 256 bytes; descriptions are short, but a cap keeps a long one valid. */
const label = (text: string) => s(Buffer.byteLength(text) > 250 ? `${text.slice(0, 120)}...` : text);

function inputFormat(c: ColumnDef): string {
  if (c.values) return 'A64';
  switch (c.type) {
    case 'integer':
      return 'F8.0';
    case 'float':
      return 'F16.6';
    case 'date':
      return 'SDATE10';
    case 'boolean':
      return 'A5';
    case 'text':
      return 'A4000';
  }
}

/** Recodes a text column into numbers 1, 2, … (booleans 0/1) with the values as labels. */
function recode(v: string, codes: readonly (readonly [string, number])[]): string[] {
  return [
    `RECODE ${v} ${codes.map(([text, n]) => `(${s(text)}=${n})`).join(' ')} (ELSE=SYSMIS) INTO ${v}_td.`,
    'EXECUTE.',
    `DELETE VARIABLES ${v}.`,
    `RENAME VARIABLES (${v}_td=${v}).`,
    `FORMATS ${v} (F2.0).`,
    `VALUE LABELS ${v} ${codes.map(([text, n]) => `${n} ${s(text)}`).join(' ')}.`,
  ];
}

function convert(c: ColumnDef): string[] {
  const v = c.name;
  if (c.values)
    return recode(
      v,
      c.values.map((x, i) => [x, i + 1] as const),
    );
  if (c.type === 'boolean')
    return recode(v, [
      ['false', 0],
      ['true', 1],
    ]);
  if (c.type === 'text')
    return [
      `IF (CHAR.SUBSTR(${v}, 1, 1) = "'" AND CHAR.INDEX("=+-@", CHAR.SUBSTR(${v}, 2, 1)) > 0) ${v} = CHAR.SUBSTR(${v}, 2).`,
    ];
  if (c.type === 'date') return [`FORMATS ${v} (SDATE10).`];
  return [];
}

function readTable(t: ExportTable): string[] {
  const names = t.columns.map((c) => c.name);
  return [
    `* ${t.name}: ${t.description}.`,
    'GET DATA',
    '  /TYPE=TXT',
    `  /FILE=${s(`${t.name}.csv`)}`,
    "  /ENCODING='UTF8'",
    '  /ARRANGEMENT=DELIMITED',
    '  /DELCASE=LINE',
    '  /FIRSTCASE=2',
    "  /DELIMITERS=','",
    `  /QUALIFIER='"'`,
    '  /VARIABLES=',
    ...t.columns.map((c) => `    ${c.name} ${inputFormat(c)}`),
    '.',
    `DATASET NAME ${t.name}.`,
    ...t.columns.flatMap(convert),
    'EXECUTE.',
    `ADD FILES /FILE=* /KEEP=${names.join(' ')}.`,
    `VARIABLE LABELS ${t.columns.map((c) => `${c.name} ${label(c.description)}`).join('\r\n  /')}.`,
    `SAVE OUTFILE=${s(`${t.name}.sav`)}.`,
    '',
  ];
}

export function spssScript(tables: readonly ExportTable[], title: string): string {
  return [
    '* Encoding: UTF-8.',
    `* ${title}.`,
    '* Reads the CSV files of this export with the types, value labels and variable labels of',
    '* data_dictionary.csv, and saves every table as TABLE.sav. Open it from the folder that holds the CSV',
    '* files (File > Open > Syntax), or set that folder with CD first, then Run All.',
    '* Text that started with = + - @ was written with a leading apostrophe (spreadsheet safety); it is removed.',
    '* A line break inside a text cell ends the case in GET DATA: such texts are rare (free-text reasons).',
    'NEW FILE.',
    'SET UNICODE=ON.',
    '',
    ...tables.flatMap(readTable),
  ].join('\r\n');
}
