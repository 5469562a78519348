// A CSV import: the file read (csv-read.ts), its mapping checked against the file's header, every row of a
// participant gathered into that participant's subject, and each row's mapped cells handed to the same
// planning and the same run as an ODM file's item groups (plan-records.ts, run-planned.ts). A row is one
// item group: its columns of one group (none, or a wide file's "cycle 2") make at most one record of each
// kind, with the file's and the group's constants applied to them.
import {
  can,
  entryMessage,
  csvMappingSchema,
  importTargets,
  MAPPING_FORMAT,
  type CsvDateFormat,
  type CsvMapping,
  type ImportMapping,
  type Lang,
  type TrialDefinition,
} from '@trialdesk/domain';
import { loadTrial } from '../access/load-trial.js';
import { forbidden } from '../errors.js';
import type { UseCaseDeps } from '../use-cases/deps.js';
import { csvMappingProblems } from './check-csv-mapping.js';
import { readCsv, type CsvFile } from './csv-read.js';
import { importFileError } from './import-error.js';
import type { OdmGroupData, OdmSubject } from './odm-read.js';
import { planSubjects } from './plan-records.js';
import { decodeImportFile } from './read-file.js';
import type { ImportReport } from './report.js';
import { runPlannedImport, type ImportRequest } from './run-planned.js';

/** Reads a CSV file for an import (or its preview or starting mapping): size, encoding, CSV. */
export function readCsvImport(
  deps: Pick<UseCaseDeps, 'lang'>,
  bytes: Uint8Array,
  maxBytes?: number,
): CsvFile {
  return readCsv(deps.lang, decodeImportFile(deps.lang, bytes, maxBytes));
}

export function parseCsvMapping(
  deps: Pick<UseCaseDeps, 'lang'>,
  def: TrialDefinition,
  raw: unknown,
): CsvMapping {
  if (typeof raw === 'object' && raw !== null && (raw as { format?: unknown }).format === MAPPING_FORMAT)
    throw importFileError(deps.lang, 'import.csv.mappingFormat');
  const r = csvMappingSchema.safeParse(raw);
  if (!r.success) {
    const problem = r.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw importFileError(deps.lang, 'import.mapping.invalid', { problem });
  }
  if (r.data.trialId !== def.id)
    throw importFileError(deps.lang, 'import.mapping.otherTrial', { mapped: r.data.trialId, trial: def.id });
  const problems = csvMappingProblems(deps.lang, def, r.data);
  if (problems.length > 0)
    throw importFileError(deps.lang, 'import.mapping.wrong', { problems: problems.slice(0, 20).join(' ') });
  return r.data;
}

/** Every column the mapping names must be in the file: a renamed column is an error, not a silent gap. */
function checkColumns(lang: Lang, mapping: CsvMapping, csv: CsvFile): void {
  const named = [
    mapping.subjectColumn,
    ...(mapping.siteColumn === null ? [] : [mapping.siteColumn]),
    ...Object.keys(mapping.columns),
  ];
  const missing = [...new Set(named.filter((c) => !csv.headers.includes(c)))];
  if (missing.length > 0)
    throw importFileError(lang, 'import.csv.unknownColumn', {
      n: missing.length,
      columns: missing.map((c) => `“${c}”`).join(', '),
    });
}

/** A date cell in the file's date format, for the shared reader (ISO or day first): a US file's 03/14/2026 as ISO. */
export function readDateAs(format: CsvDateFormat, raw: string): string {
  if (format !== 'MM/DD/YYYY') return raw;
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(raw);
  return m ? `${m[3]}-${m[1]?.padStart(2, '0')}-${m[2]?.padStart(2, '0')}` : raw;
}

const GROUP = (group: string) => `csv-group:${group}`;

/** The rows of the file as the subjects of an ODM file: one item group per row and column group. */
export function csvSubjects(
  lang: Lang,
  def: TrialDefinition,
  mapping: CsvMapping,
  csv: CsvFile,
): { subjects: OdmSubject[]; siteConflicts: Map<string, [string, string]> } {
  const targets = importTargets(def);
  const at = new Map(csv.headers.map((h, i) => [h, i]));
  const subjectAt = at.get(mapping.subjectColumn) ?? 0;
  const siteAt = mapping.siteColumn === null ? undefined : at.get(mapping.siteColumn);
  const bySubject = new Map<string, OdmSubject>();
  const siteConflicts = new Map<string, [string, string]>();
  for (const row of csv.rows) {
    const key = (row.cells[subjectAt] ?? '').trim();
    if (key === '')
      throw importFileError(lang, 'import.csv.noSubject', { line: row.line, column: mapping.subjectColumn });
    const site = siteAt === undefined ? '' : (row.cells[siteAt] ?? '').trim();
    let subject = bySubject.get(key);
    if (!subject) bySubject.set(key, (subject = { key, site: site || null, groups: [] }));
    else if (site && subject.site === null) subject.site = site;
    else if (site && subject.site !== site && !siteConflicts.has(key))
      siteConflicts.set(key, [subject.site ?? '', site]);
    const groups = new Map<string, OdmGroupData>();
    for (const [column, m] of Object.entries(mapping.columns)) {
      const raw = row.cells[at.get(column) ?? -1] ?? '';
      if (m.target === null || raw.trim() === '') continue;
      const group = m.group ?? '';
      let g = groups.get(group);
      if (!g)
        groups.set(
          group,
          (g = {
            studyEvent: GROUP(group),
            eventRepeat: null,
            form: '',
            formRepeat: null,
            group: '',
            groupRepeat: null,
            items: [],
            where: group ? `line ${row.line} (${group})` : `line ${row.line}`,
          }),
        );
      const isDate = targets.get(m.target)?.kind === 'date';
      g.items.push({
        oid: column,
        value: isDate ? readDateAs(mapping.dateFormat, raw) : raw,
      });
    }
    subject.groups.push(...groups.values());
  }
  return { subjects: [...bySubject.values()], siteConflicts };
}

/** The CSV mapping in the shape the shared planner reads: columns as items, groups as study events. */
function asItemMapping(mapping: CsvMapping): ImportMapping {
  const groups = new Set(['', ...Object.keys(mapping.groups)]);
  return {
    format: MAPPING_FORMAT,
    trialId: mapping.trialId,
    sites: mapping.sites,
    studyEvents: Object.fromEntries(
      [...groups].map((g) => [GROUP(g), { ...mapping.constants, ...(mapping.groups[g] ?? {}) }]),
    ),
    items: Object.fromEntries(
      Object.entries(mapping.columns).map(([c, { target, codes }]) => [
        c,
        { target, ...(codes ? { codes } : {}) },
      ]),
    ),
  };
}

export async function runCsvImport(
  deps: UseCaseDeps,
  req: ImportRequest & { mapping: CsvMapping },
): Promise<ImportReport> {
  if (!can(deps.actor.role, 'data:import')) throw forbidden();
  const def = (await loadTrial(deps, req.trialId)).definition;
  const csv = readCsvImport(deps, req.bytes, req.maxBytes);
  const mapping = parseCsvMapping(deps, def, req.mapping);
  checkColumns(deps.lang, mapping, csv);
  const { subjects, siteConflicts } = csvSubjects(deps.lang, def, mapping, csv);
  const plans = planSubjects(deps.lang, def, asItemMapping(mapping), subjects);
  for (const plan of plans) {
    const conflict = siteConflicts.get(plan.key);
    if (conflict)
      plan.problems.push({
        source: mapping.siteColumn ?? '',
        target: null,
        raw: conflict[1],
        message: entryMessage('import.value.conflict', deps.lang, {
          first: conflict[0],
          second: conflict[1],
        }),
      });
  }
  return runPlannedImport(deps, def, req, { format: 'csv', mapping, plans });
}
