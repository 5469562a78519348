// The column-mapping step of a CSV import as pure state changes: every column of the file is the study-ID
// column, the site column, or a column with a target (or none: read, not imported). Choosing a column as
// the study-ID or site column takes it out of the mapped columns and gives the one it replaces back, not
// imported, so no column is lost from the table and none is both. Codes, sites and constants are edited as
// typed; what they must be is the server's one check (check-csv-mapping.ts), whose words the page shows.
import type { CsvDateFormat, CsvMapping } from '@trialdesk/domain';

export function setColumnTarget(mapping: CsvMapping, column: string, target: string | null): CsvMapping {
  const current = mapping.columns[column];
  if (!current) return mapping;
  const { codes: _codes, guessed: _guessed, ...rest } = current;
  // Codes belong to the old target's values: a new target starts without them, and is no longer a guess.
  const next = target === current.target ? current : { ...rest, target };
  return { ...mapping, columns: { ...mapping.columns, [column]: next } };
}

/** The code a column's value reads as (the target's value it stands for); empty: the value as it is. */
export function setColumnCode(mapping: CsvMapping, column: string, value: string, code: string): CsvMapping {
  const current = mapping.columns[column];
  if (!current) return mapping;
  const { [value]: _old, ...others } = current.codes ?? {};
  const codes = code === '' ? others : { ...current.codes, [value]: code };
  const { codes: _codes, guessed: _guessed, ...rest } = current;
  const next = Object.keys(codes).length > 0 ? { ...rest, codes } : rest;
  return { ...mapping, columns: { ...mapping.columns, [column]: next } };
}

/** The centre a site value of the file stands for; empty: the site is not mapped. */
export function setSite(mapping: CsvMapping, site: string, centre: string): CsvMapping {
  const { [site]: _old, ...others } = mapping.sites;
  return { ...mapping, sites: centre === '' ? others : { ...mapping.sites, [site]: centre } };
}

/** A constant of every record of the file (`event.type` of a file of complications); empty: none. */
export function setConstant(mapping: CsvMapping, target: string, value: string): CsvMapping {
  const { [target]: _old, ...others } = mapping.constants;
  return { ...mapping, constants: value === '' ? others : { ...mapping.constants, [target]: value } };
}

function released(mapping: CsvMapping, column: string | null): CsvMapping['columns'] {
  if (column === null || mapping.columns[column]) return mapping.columns;
  return { ...mapping.columns, [column]: { target: null, label: column } };
}

function taken(columns: CsvMapping['columns'], column: string | null): CsvMapping['columns'] {
  if (column === null) return columns;
  const { [column]: _gone, ...rest } = columns;
  return rest;
}

export function setSubjectColumn(mapping: CsvMapping, column: string): CsvMapping {
  if (column === mapping.subjectColumn) return mapping;
  const siteColumn = mapping.siteColumn === column ? null : mapping.siteColumn;
  return {
    ...mapping,
    subjectColumn: column,
    siteColumn,
    sites: siteColumn === null ? {} : mapping.sites,
    columns: taken(released(mapping, mapping.subjectColumn), column),
  };
}

export function setSiteColumn(mapping: CsvMapping, column: string | null): CsvMapping {
  if (column === mapping.siteColumn || column === mapping.subjectColumn) return mapping;
  return {
    ...mapping,
    siteColumn: column,
    sites: column === null ? {} : mapping.sites,
    columns: taken(released(mapping, mapping.siteColumn), column),
  };
}

export const setDateFormat = (mapping: CsvMapping, dateFormat: CsvDateFormat): CsvMapping => ({
  ...mapping,
  dateFormat,
});

/** A chosen file is read as CSV by its extension, as the CLI does (`.csv`, `.tsv`, `.txt`). */
export const isCsvName = (name: string) => /\.(csv|tsv|txt)$/i.test(name);
