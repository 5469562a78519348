// A ready R script beside the CSV files of a data-cut export: it reads every table with the column types of
// the data dictionary (dates as Date, integers, numbers, TRUE/FALSE), coded columns as factors with the
// dictionary's levels in its order, and each column's description as its "label" attribute (the convention
// of Hmisc, labelled and haven, which RStudio's viewer shows). Generated from the same table definitions as
// the CSV files and the dictionary (export-tables.ts), so it cannot drift from them. Base R only.
import type { ColumnDef, ExportTable } from './export-tables.js';

const rString = (s: string) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

const colClass: Record<ColumnDef['type'], string> = {
  text: 'character',
  integer: 'integer',
  float: 'numeric',
  date: 'character',
  boolean: 'logical',
};

function readTable(t: ExportTable): string {
  const v = t.name;
  const lines = [
    `# ${t.name}: ${t.description}`,
    `${v} <- read_export_csv(${rString(`${t.name}.csv`)}, c(`,
    t.columns.map((c) => `  ${rString(c.name)} = ${rString(colClass[c.type])}`).join(',\n'),
    `))`,
  ];
  for (const c of t.columns) {
    if (c.type === 'date') lines.push(`${v}$${c.name} <- as.Date(${v}$${c.name})`);
    if (c.values)
      lines.push(`${v}$${c.name} <- factor(${v}$${c.name}, levels = c(${c.values.map(rString).join(', ')}))`);
    lines.push(`attr(${v}$${c.name}, "label") <- ${rString(c.description)}`);
  }
  return lines.join('\n');
}

export function rScript(tables: readonly ExportTable[], title: string): string {
  return [
    `# ${title}`,
    '# Reads the CSV files of this export with the types, factor levels and labels of data_dictionary.csv.',
    '# Run it from the folder that holds the CSV files: source("read_export.R"). Base R only.',
    '# Text that started with = + - @ was written with a leading apostrophe (spreadsheet safety); it is removed.',
    '',
    'read_export_csv <- function(file, classes) {',
    '  x <- utils::read.csv(file, colClasses = classes, na.strings = "", encoding = "UTF-8",',
    '                       fileEncoding = "UTF-8", check.names = FALSE, stringsAsFactors = FALSE)',
    '  stopifnot(identical(names(x), names(classes)))',
    '  for (n in names(classes)[classes == "character"]) x[[n]] <- sub("^\'([=+@\\t\\r-])", "\\\\1", x[[n]])',
    '  x',
    '}',
    '',
    ...tables.map(readTable).flatMap((block) => [block, '']),
  ].join('\n');
}
