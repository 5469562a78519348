// The report of an import, dry run or commit: one row per record (the participant, its surgery, each cycle,
// assessment and clinical event) and, in it, one line per field: what would be (or was) created, changed,
// left unchanged or refused, and why. The same report is shown in the app, printed by the CLI and downloaded.
import type { CsvMapping, ImportMapping } from '@trialdesk/domain';

export type ImportAction = 'create' | 'change' | 'unchanged' | 'refused';

export interface ImportField {
  field: string;
  /** Item OID, CSV column, or the mapping constant the value came from. */
  source: string;
  value: string;
  before?: string;
  status: ImportAction;
  message?: string;
}

export interface ImportRow {
  subject: string;
  studyId: string | null;
  record: 'participant' | 'surgery' | 'cycle' | 'assessment' | 'event';
  key: string;
  where: string;
  action: ImportAction;
  fields: ImportField[];
  messages: string[];
}

export interface ImportCounts {
  create: number;
  change: number;
  unchanged: number;
  refused: number;
}

export interface ImportReport {
  trialId: string;
  format: 'odm' | 'csv';
  file: { name: string; sha256: string; bytes: number };
  /** The mapping used: an ODM mapping, or a CSV mapping for format csv. */
  mapping: ImportMapping | CsvMapping;
  /** True when this run wrote nothing on purpose (no --commit). */
  dryRun: boolean;
  committed: boolean;
  /** The audit entry of the committed import, when one was written. */
  auditSeq: number | null;
  subjects: number;
  counts: ImportCounts;
  rows: ImportRow[];
}

export function countRows(rows: readonly ImportRow[]): ImportCounts {
  const counts: ImportCounts = { create: 0, change: 0, unchanged: 0, refused: 0 };
  for (const r of rows) counts[r.action] += 1;
  return counts;
}

const csvCell = (v: string) => (/[",\n\r;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The report as CSV, one line per field (a record without fields gets one line), for download. */
export function reportCsv(report: ImportReport): string {
  const head = [
    'subject',
    'study_id',
    'record',
    'key',
    'where',
    'record_action',
    'field',
    'source',
    'value',
    'saved_value',
    'field_action',
    'message',
  ];
  const lines = [head.join(',')];
  for (const r of report.rows) {
    const base = [r.subject, r.studyId ?? '', r.record, r.key, r.where, r.action];
    const fields = r.fields.length ? r.fields : [null];
    for (const f of fields)
      lines.push(
        [
          ...base,
          f?.field ?? '',
          f?.source ?? '',
          f?.value ?? '',
          f?.before ?? '',
          f?.status ?? '',
          [f?.message, ...(f === fields[0] ? r.messages : [])].filter(Boolean).join(' | '),
        ]
          .map(csvCell)
          .join(','),
      );
  }
  return `${lines.join('\n')}\n`;
}
