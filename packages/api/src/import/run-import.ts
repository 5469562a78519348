// An import, from the file's bytes to the report. Dry run and commit are the same run: every subject goes
// through the entry use cases inside one transaction; a dry run, or any refused record, rolls it all back,
// so the report of a dry run is exactly what a commit would do and a commit is all or nothing. A committed
// import is audited as one entry (file name, SHA-256, mapping, counts) beside each record's own entry.
import { createHash } from 'node:crypto';
import {
  can,
  entryMessage,
  importMappingSchema,
  type ImportMapping,
  type TrialDefinition,
} from '@trialdesk/domain';
import { writeTransaction } from '@trialdesk/db';
import { loadTrial } from '../access/load-trial.js';
import { forbidden } from '../errors.js';
import { LiveBus } from '../live.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../use-cases/deps.js';
import { applySubject } from './apply-subject.js';
import { generateMapping } from './generate-mapping.js';
import { importFileError } from './import-error.js';
import { readOdm, type OdmFile } from './odm-read.js';
import { planSubjects } from './plan-records.js';
import { decodeImportFile } from './read-file.js';
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

class RollBack extends Error {}

/** A file name as it may appear in a reason and the audit trail: its last part, printable, bounded. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? name;
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return (clean || 'import').slice(0, 120);
}

export function parseMapping(
  deps: Pick<UseCaseDeps, 'lang'>,
  def: TrialDefinition,
  raw: unknown,
): ImportMapping {
  const r = importMappingSchema.safeParse(raw);
  if (!r.success) {
    const problem = r.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw importFileError(deps.lang, 'import.mapping.invalid', { problem });
  }
  if (r.data.trialId !== def.id)
    throw importFileError(deps.lang, 'import.mapping.otherTrial', { mapped: r.data.trialId, trial: def.id });
  return r.data;
}

/** Reads an ODM file for an import (or for generating its mapping): size, encoding, XML, ODM. */
export function readOdmImport(
  deps: Pick<UseCaseDeps, 'lang'>,
  bytes: Uint8Array,
  maxBytes?: number,
): OdmFile {
  const odm = readOdm(deps.lang, decodeImportFile(deps.lang, bytes, maxBytes));
  if (odm.subjects.length === 0) throw importFileError(deps.lang, 'import.file.noClinicalData');
  return odm;
}

export async function startingMapping(
  deps: UseCaseDeps,
  trialId: string,
  bytes: Uint8Array,
): Promise<ImportMapping> {
  const def = (await loadTrial(deps, trialId)).definition;
  return generateMapping(def, readOdm(deps.lang, decodeImportFile(deps.lang, bytes)));
}

export async function runOdmImport(deps: UseCaseDeps, req: ImportRequest): Promise<ImportReport> {
  if (!can(deps.actor.role, 'data:import')) throw forbidden();
  const def = (await loadTrial(deps, req.trialId)).definition;
  const odm = readOdmImport(deps, req.bytes, req.maxBytes);
  const mapping =
    req.mapping === undefined ? generateMapping(def, odm) : parseMapping(deps, def, req.mapping);
  const plans = planSubjects(deps.lang, def, mapping, odm.subjects);
  const sha256 = createHash('sha256').update(req.bytes).digest('hex');
  const fileName = safeFileName(req.fileName);
  const reason = entryMessage('import.reason', deps.lang, { file: fileName, sha: sha256.slice(0, 16) });
  const report: ImportReport = {
    trialId: def.id,
    format: 'odm',
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
          format: 'odm',
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
