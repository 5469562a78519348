// What the mapping step of a CSV import starts from: the file's columns with their first rows (the preview),
// and a starting mapping with one entry per column, guessed by header name against the trial definition's
// fields the way an ODM item's name is (generate-mapping.ts). Columns nobody could place keep target null:
// they are listed for the data manager to map or leave out.
import {
  CSV_MAPPING_FORMAT,
  importTargets,
  type CsvColumnMapping,
  type CsvDateFormat,
  type CsvMapping,
} from '@trialdesk/domain';
import { loadTrial } from '../access/load-trial.js';
import type { UseCaseDeps } from '../use-cases/deps.js';
import { readCsvImport } from './csv-import.js';
import type { CsvFile } from './csv-read.js';
import { guessCentre, guessCodes, guessTarget } from './generate-mapping.js';

export interface CsvPreview {
  delimiter: CsvFile['delimiter'];
  headers: string[];
  /** The first rows, as the file has them. */
  rows: string[][];
  rowCount: number;
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

export async function startingCsvMapping(
  deps: UseCaseDeps,
  trialId: string,
  bytes: Uint8Array,
): Promise<CsvMapping> {
  const def = (await loadTrial(deps, trialId)).definition;
  const csv = readCsvImport(deps, bytes);
  const targets = importTargets(def);
  const subjectColumn = pick(csv.headers, SUBJECT) ?? csv.headers[0] ?? '';
  const siteColumn = pick(csv.headers, SITE) ?? null;
  const columns: Record<string, CsvColumnMapping> = {};
  const dates: string[] = [];
  for (const [i, header] of csv.headers.entries()) {
    if (header === subjectColumn || header === siteColumn) continue;
    const values = distinct(csv, i);
    const item = {
      oid: header,
      name: header,
      dataType: 'text',
      question: null,
      codeList: values.map((v) => ({ code: v, decode: v })),
    };
    const target = guessTarget(item, def, targets);
    const type = target ? targets.get(target) : undefined;
    if (type?.kind === 'date') dates.push(...values);
    const codes = type?.kind === 'code' || type?.kind === 'boolean' ? guessCodes(item, type) : undefined;
    columns[header] = { target, label: header, ...(codes ? { codes } : {}) };
  }
  const sites: Record<string, string> = {};
  if (siteColumn !== null)
    for (const site of distinct(csv, csv.headers.indexOf(siteColumn))) {
      const centre = guessCentre(def, site, '');
      if (centre) sites[site] = centre;
    }
  return {
    format: CSV_MAPPING_FORMAT,
    trialId: def.id,
    subjectColumn,
    siteColumn,
    sites,
    dateFormat: guessDateFormat(dates),
    constants: {},
    groups: {},
    columns,
  };
}
