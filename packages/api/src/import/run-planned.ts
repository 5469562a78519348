// The planned subjects of an import (ODM or CSV alike), run as one import. Dry run and commit are the same
// run: every subject goes through the entry use cases inside one transaction; a dry run, or any refused
// record, rolls it all back, so the report of a dry run is exactly what a commit would do and a commit is
// all or nothing. A committed import is audited as one entry (format, file name, SHA-256, mapping, counts)
// beside each record's own entry.
import { createHash } from 'node:crypto';
import { entryMessage, type CsvMapping, type ImportMapping, type TrialDefinition } from '@trialdesk/domain';
import { writeTransaction } from '@trialdesk/db';
import { LiveBus } from '../live.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../use-cases/deps.js';
import { applySubject } from './apply-subject.js';
import type { PlannedSubject } from './plan-records.js';
import { countRows, type ImportReport, type ImportRow } from './report.js';

export interface ImportRequest {
  trialId: string;
  fileName: string;
  bytes: Uint8Array;
  /** The data manager's mapping (parsed JSON); without one, the starting mapping generated from the file. */
  mapping?: unknown;
  commit: boolean;
  maxBytes?: number;
  /** Called after each subject (the CLI's progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** A file name as it may appear in a reason and the audit trail: its last part, printable, bounded. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? name;
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return (clean || 'import').slice(0, 120);
}

class RollBack extends Error {}

export type PlannedImport =
  | { format: 'odm'; mapping: ImportMapping; plans: PlannedSubject[] }
  | { format: 'csv'; mapping: CsvMapping; plans: PlannedSubject[] };

export async function runPlannedImport(
  deps: UseCaseDeps,
  def: TrialDefinition,
  req: Omit<ImportRequest, 'mapping'>,
  planned: PlannedImport,
): Promise<ImportReport> {
  const { format, mapping, plans } = planned;
  const sha256 = createHash('sha256').update(req.bytes).digest('hex');
  const fileName = safeFileName(req.fileName);
  const reason = entryMessage('import.reason', deps.lang, { file: fileName, sha: sha256.slice(0, 16) });
  const report: ImportReport = {
    trialId: def.id,
    format,
    file: { name: fileName, sha256, bytes: req.bytes.length },
    mapping,
    dryRun: !req.commit,
    committed: false,
    auditSeq: null,
    subjects: plans.length,
    counts: { create: 0, change: 0, unchanged: 0, refused: 0 },
    rows: [],
  };
  // Inside the import the use cases announce nothing (a rolled-back change must not reach a dashboard);
  // the import announces itself once, after it committed.
  const quiet: UseCaseDeps = { ...deps, live: new LiveBus() };
  try {
    await writeTransaction(deps.db, async (trx) => {
      const ctx = { deps: { ...quiet, db: trx }, trx, def, reason };
      const rows: ImportRow[] = [];
      for (const [i, plan] of plans.entries()) {
        rows.push(...(await applySubject(ctx, plan)));
        req.onProgress?.(i + 1, plans.length);
      }
      report.rows = rows;
      report.counts = countRows(rows);
      const writes = report.counts.create + report.counts.change;
      if (!req.commit || report.counts.refused > 0 || writes === 0) throw new RollBack();
      const created = rows.filter((r) => r.record === 'participant' && r.action === 'create');
      report.auditSeq = await writeAudit(ctx.deps, trx, {
        action: 'import.committed',
        entityType: 'trial',
        entityId: def.id,
        trialId: def.id,
        centre: null,
        participant: null,
        before: null,
        after: {
          format,
          filename: fileName,
          sha256,
          bytes: req.bytes.length,
          mapping,
          subjects: plans.length,
          created: report.counts.create,
          changed: report.counts.change,
          unchanged: report.counts.unchanged,
          participants: Object.fromEntries(created.map((r) => [r.subject, r.studyId ?? ''])),
        },
        reason: null,
      });
      report.committed = true;
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  if (report.committed) publishChange(deps, def.id, 'inclusion', null);
  return report;
}
