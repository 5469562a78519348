// An ODM import, from the file's bytes to the report: the file read, the mapping checked (or generated from
// the file's metadata), the subjects planned, and the plans run as one import (run-planned.ts).
import { can, importMappingSchema, type ImportMapping, type TrialDefinition } from '@trialdesk/domain';
import { loadTrial } from '../access/load-trial.js';
import { forbidden } from '../errors.js';
import { generateMapping } from './generate-mapping.js';
import { importFileError } from './import-error.js';
import { readOdm, type OdmFile } from './odm-read.js';
import { planSubjects } from './plan-records.js';
import type { ImportReport } from './report.js';
import { runPlannedImport, type ImportRequest } from './run-planned.js';
import type { UseCaseDeps } from '../use-cases/deps.js';
import { decodeImportFile } from './read-file.js';

export { safeFileName, type ImportRequest } from './run-planned.js';

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
  return runPlannedImport(deps, def, req, { format: 'odm', mapping, plans });
}
