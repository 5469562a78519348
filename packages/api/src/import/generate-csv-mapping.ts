// What the mapping step of a CSV import starts from: the file's columns with their first rows (the preview),
// and a starting mapping with one entry per column, guessed by header name against the trial definition's
// fields the way an ODM item's name is (generate-mapping.ts). Columns nobody could place keep target null:
// they are listed for the data manager to map or leave out.
import {
  CSV_MAPPING_FORMAT,
  entryMessage,
  importTargets,
  type CsvColumnMapping,
  type CsvDateFormat,
  type CsvMapping,
  type Lang,
  type TrialDefinition,
} from '@trialdesk/domain';
import { loadTrial } from '../access/load-trial.js';
import type { UseCaseDeps } from '../use-cases/deps.js';
import { convertValue } from './convert-value.js';
import { readCsvImport, readDateAs } from './csv-import.js';
import type { CsvFile } from './csv-read.js';
import { guessCentre, guessTarget } from './generate-mapping.js';
import { codesFromValues, criterionFromShorthand } from './guess-csv-values.js';

export interface CsvPreview {
  delimiter: CsvFile['delimiter'];
  headers: string[];
  /** The first rows, as the file has them. */
  rows: string[][];
  rowCount: number;
  /** Each column's distinct values (the first 50 or so), for the codes and sites the page lets a person type. */
  values: Record<string, string[]>;
}

const PREVIEW_ROWS = 10;

export function csvColumns(
  deps: Pick<UseCaseDeps, 'lang'>,
  bytes: Uint8Array,
  maxBytes?: number,
): CsvPreview {
  const csv = readCsvImport(deps, bytes, maxBytes);
  return {
    delimiter: csv.delimiter,
    headers: csv.headers,
    rows: csv.rows.slice(0, PREVIEW_ROWS).map((r) => r.cells),
    rowCount: csv.rows.length,
    values: Object.fromEntries(csv.headers.map((h, i) => [h, distinct(csv, i)])),
  };
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');

const SUBJECT = [
  'studyid',
  'participantid',
  'participant',
  'subjectid',
  'subjectkey',
  'subject',
  'studysubjectid',
  'recordid',
  'patientid',
  'studienummer',
  'deelnemer',
];
const SITE = [
  'site',
  'sitecode',
  'siteid',
  'centre',
  'center',
  'centrecode',
  'centercode',
  'institute',
  'dataaccessgroup',
  'redcapdataaccessgroup',
  'centrum',
];

const pick = (headers: string[], words: string[]) =>
  words.map((w) => headers.find((h) => norm(h) === w)).find((h) => h !== undefined);

function distinct(csv: CsvFile, column: number): string[] {
  const out = new Set<string>();
  for (const r of csv.rows) {
    const v = (r.cells[column] ?? '').trim();
    if (v) out.add(v);
    if (out.size > 50) break;
  }
  return [...out];
}

/** Day first unless a date's middle number cannot be a month; ISO when no date has slashes or dashes first. */
function guessDateFormat(values: string[]): CsvDateFormat {
  const dmy = values
    .map((v) => /^(\d{1,2})[-/.](\d{1,2})[-/.]\d{4}$/.exec(v.trim()))
    .filter((m) => m !== null);
  if (dmy.length === 0) return 'YYYY-MM-DD';
  return dmy.some((m) => Number(m[2]) > 12) ? 'MM/DD/YYYY' : 'DD-MM-YYYY';
}

/** A value of the mapping's column that the import could not read, in the request's language. */
export interface CsvValueProblem {
  column: string;
  value: string;
  message: string;
}

export interface StartingCsvMapping {
  mapping: CsvMapping;
  /** Values of mapped columns that the starting mapping cannot read: named for the data manager. */
  problems: CsvValueProblem[];
}

/** A grade column's header names its scale ("Clavien-Dindo grade"): the file's records carry that scale. */
function scaleOf(header: string): string | null {
  const h = norm(header);
  if (h.includes('clavien') || h.includes('dindo')) return 'clavien_dindo';
  return h.includes('ctcae') ? 'ctcae' : null;
}

export async function startingCsvMapping(
  deps: UseCaseDeps,
  trialId: string,
  bytes: Uint8Array,
): Promise<CsvMapping> {
  return (await startingCsvMappingWithProblems(deps, trialId, bytes)).mapping;
}

/**
 * One entry per column: the target guessed from the header (or, for an eligibility question's shorthand,
 * from the header and the values together), the codes from the values, each guess marked `guessed`; the
 * sites matched to centres, the date format read from the dates, and the grade scale a grade column names.
 */
export async function startingCsvMappingWithProblems(
  deps: UseCaseDeps,
  trialId: string,
  bytes: Uint8Array,
): Promise<StartingCsvMapping> {
  const def = (await loadTrial(deps, trialId)).definition;
  const csv = readCsvImport(deps, bytes);
  const targets = importTargets(def);
  const subjectColumn = pick(csv.headers, SUBJECT) ?? csv.headers[0] ?? '';
  const siteColumn = pick(csv.headers, SITE) ?? null;
  const columns: Record<string, CsvColumnMapping> = {};
  const constants: CsvMapping['constants'] = {};
  const dates: string[] = [];
  const taken = new Set<string>();
  const valuesOf = new Map<string, string[]>();
  const unmapped: [string, string][] = [];
  for (const [i, header] of csv.headers.entries()) {
    if (header === subjectColumn || header === siteColumn) continue;
    const values = distinct(csv, i);
    valuesOf.set(header, values);
    const item = { oid: header, name: header, dataType: 'text', question: null, codeList: null };
    const byName = guessTarget(item, def, targets);
    const byShorthand = byName ? null : criterionFromShorthand(def, header, values, taken);
    const target = byName ?? (byShorthand ? `eligibility.${byShorthand}` : null);
    if (target?.startsWith('eligibility.')) taken.add(target.slice('eligibility.'.length));
    const type = target ? targets.get(target) : undefined;
    if (type?.kind === 'date') dates.push(...values);
    const coded = type ? codesFromValues(type, values) : null;
    for (const value of coded?.unmapped ?? []) unmapped.push([header, value]);
    const codes = coded && Object.keys(coded.codes).length > 0 ? coded.codes : undefined;
    if (target === 'event.grade' && !csv.headers.some((h) => norm(h) === 'gradescale')) {
      const scale = scaleOf(header);
      if (scale) constants['event.gradeScale'] = scale;
    }
    columns[header] = {
      target,
      label: byShorthand ? `${header}: ${byShorthand}` : header,
      ...(codes ? { codes } : {}),
      ...(target ? { guessed: true } : {}),
    };
  }
  const sites: Record<string, string> = {};
  if (siteColumn !== null)
    for (const site of distinct(csv, csv.headers.indexOf(siteColumn))) {
      const centre = guessCentre(def, site, '');
      if (centre) sites[site] = centre;
    }
  const mapping: CsvMapping = {
    format: CSV_MAPPING_FORMAT,
    trialId: def.id,
    subjectColumn,
    siteColumn,
    sites,
    dateFormat: guessDateFormat(dates),
    constants,
    groups: {},
    columns,
  };
  return { mapping, problems: csvValueProblems(deps.lang, def, mapping, valuesOf) };
}

/**
 * Every distinct value of every mapped column read as the import reads it (codes, the date format, decimal
 * commas), and each one that fails named by column and value: what the dry run would refuse, said up front.
 */
export function csvValueProblems(
  lang: Lang,
  def: TrialDefinition,
  mapping: CsvMapping,
  valuesOf: ReadonlyMap<string, readonly string[]>,
): CsvValueProblem[] {
  const targets = importTargets(def);
  const out: CsvValueProblem[] = [];
  for (const [column, m] of Object.entries(mapping.columns)) {
    const type = m.target === null ? undefined : targets.get(m.target);
    if (!type) continue;
    for (const value of valuesOf.get(column) ?? []) {
      const raw = type.kind === 'date' ? readDateAs(mapping.dateFormat, value) : value;
      const read = convertValue(lang, type, raw, m.codes);
      if (!read.ok)
        out.push({
          column,
          value,
          message: entryMessage('import.csv.valueProblem', lang, { column, problem: read.message }),
        });
    }
  }
  return out;
}
