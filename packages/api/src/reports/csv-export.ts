// CSV export of a data cut: one RFC 4180 file per table, a data dictionary and a README with the cut's
// identity and hash, zipped together.
import { strToU8, zipSync } from 'fflate';
import { toCsv } from './csv.js';
import type { ExportTable } from './export-tables.js';

export function dataDictionary(tables: readonly ExportTable[]): string {
  return toCsv(
    ['table', 'column', 'type', 'description', 'allowed_values', 'table_description'],
    tables.flatMap((t) =>
      t.columns.map((c) => [t.name, c.name, c.type, c.description, c.values?.join(';') ?? '', t.description]),
    ),
  );
}

export function csvZip(
  tables: readonly ExportTable[],
  readme: string,
  /** Further text files beside the tables (the R script). */
  extra: Record<string, string> = {},
): Uint8Array {
  const files: Record<string, Uint8Array> = { 'README.txt': strToU8(readme) };
  for (const [name, text] of Object.entries(extra)) files[name] = strToU8(text);
  for (const t of tables)
    files[`${t.name}.csv`] = strToU8(
      toCsv(
        t.columns.map((c) => c.name),
        t.rows,
      ),
    );
  files['data_dictionary.csv'] = strToU8(dataDictionary(tables));
  // A fixed timestamp keeps the archive byte-identical for the same cut.
  return zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}
