// Participant-level exports of a data cut for statisticians and registries (admin and PI): CSV tables
// with a data dictionary (zip), CDISC ODM 1.3.2 XML and a FHIR R4 Bundle. Every export is audited.
import { trialAuditTrail } from '@trialdesk/db';
import { requireOutcomeAccess } from '../../access/outcome-access.js';
import type { UseCaseDeps } from '../../use-cases/deps.js';
import { z } from 'zod';
import { nowIso } from '../../context.js';
import { csvZip } from '../../reports/csv-export.js';
import { exportTables, withCentreColumn } from '../../reports/export-tables.js';
import { rScript } from '../../reports/r-script.js';
import { spssScript } from '../../reports/spss-script.js';
import { stataScript } from '../../reports/stata-script.js';
import { fhirBundle } from '../../reports/fhir-export.js';
import { odmXml } from '../../reports/odm-export.js';
import { audit, procedureWith, router, type AuthedContext } from '../../trpc.js';
import { loadTrial, trialIdSchema } from '../../access/load-trial.js';
import type { Download } from './report.js';
import { downloadOutput } from '../declared-output.js';
import { cutIdSchema, loadCut, parseSnapshot } from '../../reports/source.js';
import { cutExportSignatures, signatureTable } from '../../reports/signature-export.js';

const exportInput = z.strictObject({ trialId: trialIdSchema, cutId: cutIdSchema });

async function prepare(ctx: AuthedContext & { deps: UseCaseDeps }, input: z.infer<typeof exportInput>) {
  const trial = await loadTrial(ctx, input.trialId);
  // Participant-level data hold every event: closed like the outcomes before the primary analysis.
  requireOutcomeAccess(ctx.deps, trial);
  const cut = await loadCut(ctx, trial.id, input.cutId);
  const data = parseSnapshot(cut);
  // Signatures of the cut's casebooks and of the cut, with their state at this moment (issue 14).
  const signatures = await cutExportSignatures(
    ctx.db,
    trial.id,
    cut.id,
    data.participants.map((p) => p.studyId),
  );
  return { trial, cut, data, signatures };
}

async function audited(
  ctx: AuthedContext,
  p: Awaited<ReturnType<typeof prepare>>,
  format: 'csv' | 'odm' | 'fhir',
  file: { filename: string; mimeType: string; bytes: Buffer },
): Promise<Download> {
  await ctx.db.transaction().execute((trx) =>
    audit(ctx, trx, {
      action: 'export.created',
      entityType: 'data_cut',
      entityId: String(p.cut.id),
      trialId: p.trial.id,
      centre: null,
      participant: null,
      before: null,
      after: {
        format,
        filename: file.filename,
        asOf: p.cut.asOf,
        contentHash: p.cut.contentHash,
        participants: p.data.participants.length,
        bytes: file.bytes.length,
      },
      reason: null,
    }),
  );
  return {
    filename: file.filename,
    mimeType: file.mimeType,
    base64: file.bytes.toString('base64'),
    bytes: file.bytes.length,
  };
}

const baseName = (p: Awaited<ReturnType<typeof prepare>>) =>
  `${p.trial.definition.code}-cut-${p.cut.id}-${p.cut.asOf}`;

export const exportsRouter = router({
  csv: procedureWith('export:data')
    .input(exportInput)
    .output(downloadOutput)
    .mutation(async ({ ctx, input }) => {
      const p = await prepare(ctx, input);
      const readme = [
        `${p.trial.definition.code}: export of data cut "${p.cut.label}" (id ${p.cut.id})`,
        `As-of date: ${p.cut.asOf}`,
        `Frozen at: ${p.cut.createdAt}`,
        `Content hash (SHA-256 of the canonical JSON snapshot): ${p.cut.contentHash}`,
        p.data.synthetic ? 'SYNTHETIC DATA: no real participants.' : '',
        'Files: one CSV per table (RFC 4180, UTF-8, comma-separated) and data_dictionary.csv.',
        'signatures.csv: electronic signatures of the casebooks and of this cut, with their state (valid or no longer valid) at the moment of this export.',
        'Every participant-level row names its centre (site) in the column "centre".',
        "read_export.R reads every table in R with the dictionary's types, factor levels and labels.",
        "read_export.do (Stata) and read_export.sps (SPSS) read every table with the dictionary's types, value labels and variable labels, and save each as TABLE.dta or TABLE.sav.",
        'Survival times are in months: days / (365.25 / 12).',
        '',
      ].join('\r\n');
      const centreOf = new Map(p.data.participants.map((x) => [x.studyId, x.centre]));
      const tables = [
        ...exportTables(p.trial.definition, p.data),
        withCentreColumn(signatureTable(p.signatures), centreOf),
      ];
      const title = `${p.trial.definition.code}: data cut "${p.cut.label}" (id ${p.cut.id})`;
      const zip = csvZip(tables, readme, {
        'read_export.R': rScript(tables, title),
        'read_export.do': stataScript(tables, title),
        'read_export.sps': spssScript(tables, title),
      });
      return audited(ctx, p, 'csv', {
        filename: `${baseName(p)}-csv.zip`,
        mimeType: 'application/zip',
        bytes: Buffer.from(zip),
      });
    }),

  odm: procedureWith('export:data')
    .input(exportInput)
    .output(downloadOutput)
    .mutation(async ({ ctx, input }) => {
      const p = await prepare(ctx, input);
      const xml = odmXml({
        def: p.trial.definition,
        data: p.data,
        cut: p.cut,
        audit: await trialAuditTrail(ctx.db, p.trial.id, p.cut.auditSeq),
        signatures: p.signatures,
        createdAt: nowIso(ctx),
      });
      return audited(ctx, p, 'odm', {
        filename: `${baseName(p)}-odm.xml`,
        mimeType: 'application/xml',
        bytes: Buffer.from(xml, 'utf8'),
      });
    }),

  fhir: procedureWith('export:data')
    .input(exportInput)
    .output(downloadOutput)
    .mutation(async ({ ctx, input }) => {
      const p = await prepare(ctx, input);
      const bundle = fhirBundle({
        def: p.trial.definition,
        data: p.data,
        cut: p.cut,
        signatures: p.signatures,
        createdAt: nowIso(ctx),
      });
      return audited(ctx, p, 'fhir', {
        filename: `${baseName(p)}-fhir.json`,
        mimeType: 'application/fhir+json',
        bytes: Buffer.from(JSON.stringify(bundle, null, 2), 'utf8'),
      });
    }),
});
