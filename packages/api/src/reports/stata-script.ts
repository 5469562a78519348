// A ready Stata do-file beside the CSV files of a data-cut export (read_export.do), the Stata twin of
// read_export.R: every table read as text (so no value is guessed), then numbers destrung, dates made Stata
// dates, booleans 0/1 and coded columns encoded with the data dictionary's values in its order as value
// labels (noextend: a value outside the dictionary stops the script instead of growing a label), each
// column labelled with its description, and each table saved as TABLE.dta. Generated from the same table
// definitions as the CSV files and the dictionary (export-tables.ts), so it cannot drift from them.
import type { ColumnDef, ExportTable } from './export-tables.js';

/** Stata's compound quotes take any text but a `"' pair, which no description or code holds. */
const q = (s: string) => `\`"${s.replaceAll('"\'', '"')}"'`;
/** Stata caps variable labels at 80 characters. */
const label80 = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}...` : s);

/** A value label's name: at most 32 characters, unique in the file by its number. */
export const stataLabelName = (n: number, column: string) => `L${n}_${column}`.slice(0, 32);

function convert(c: ColumnDef, labelName: string): string[] {
  const v = c.name;
  if (c.values)
    return [
      `label define ${labelName} ${c.values.map((x, i) => `${i + 1} ${q(x)}`).join(' ')}, replace`,
      `encode ${v}, generate(_td) label(${labelName}) noextend`,
      `drop ${v}`,
      `rename _td ${v}`,
    ];
  switch (c.type) {
    case 'integer':
    case 'float':
      return [`destring ${v}, replace`];
    case 'date':
      return [`generate double _td = date(${v}, "YMD")`, `drop ${v}`, `rename _td ${v}`, `format ${v} %td`];
    case 'boolean':
      return [
        `generate byte _td = cond(${v} == "true", 1, cond(${v} == "false", 0, .))`,
        `drop ${v}`,
        `rename _td ${v}`,
        `label values ${v} td_bool`,
      ];
    case 'text':
      return [
        `replace ${v} = substr(${v}, 2, .) if substr(${v}, 1, 1) == "'" & strpos("=+-@" + char(9) + char(13), substr(${v}, 2, 1)) > 0`,
      ];
  }
}

function readTable(t: ExportTable, next: () => number): string[] {
  const names = t.columns.map((c) => c.name);
  return [
    `* ${t.name}: ${t.description}`,
    `import delimited using "${t.name}.csv", varnames(1) case(preserve) stringcols(_all) bindquote(strict) encoding("utf-8") clear`,
    `confirm variable ${names.join(' ')}, exact`,
    ...t.columns.flatMap((c) => [
      ...convert(c, stataLabelName(next(), c.name)),
      `label variable ${c.name} ${q(label80(c.description))}`,
    ]),
    `order ${names.join(' ')}`,
    `label data ${q(label80(t.description))}`,
    `save "${t.name}.dta", replace`,
    '',
  ];
}

export function stataScript(tables: readonly ExportTable[], title: string): string {
  let n = 0;
  const next = () => ++n;
  return [
    `* ${title}`,
    '* Reads the CSV files of this export with the types, value labels and variable labels of',
    '* data_dictionary.csv, and saves every table as TABLE.dta. Run it from the folder that holds the CSV',
    '* files: do read_export.do (Stata 14 or newer, for UTF-8).',
    '* Text that started with = + - @ was written with a leading apostrophe (spreadsheet safety); it is removed.',
    'version 14',
    'clear all',
    'set more off',
    'label define td_bool 0 "false" 1 "true", replace',
    '',
    ...tables.flatMap((t) => readTable(t, next)),
  ].join('\r\n');
}
