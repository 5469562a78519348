// Imports from the web page: the data manager (permission `data:import`) sends the file as base64 with the
// mapping, gets the starting mapping, a dry run's report, and commits. The same runs as the CLI's
// (import/run-import.ts, csv-import.ts): every record through the entry use cases, all or nothing, audited
// as one import. `format` says which file it is: an ODM export (an item mapping) or a CSV file (a column
// mapping, whose columns and first rows csvPreview shows first).
import {
  csvMappingSchema,
  csvPreviewInput,
  importFileInput,
  importRunInput,
  type ImportRunInput,
} from '@trialdesk/domain';
import { z } from 'zod';
import {
  csvColumns,
  reportCsv,
  runCsvImport,
  runOdmImport,
  startingCsvMapping,
  startingCsvMappingWithProblems,
  startingMapping,
} from '../../import/index.js';
import type { ImportReport } from '../../import/report.js';
import { router } from '../../trpc.js';
import type { UseCaseDeps } from '../../use-cases/deps.js';
import { entryProcedure } from '../entry/procedure.js';
import {
  csvPreviewOutput,
  csvValueProblemOutput,
  importMappingOutput,
  importReportOutput,
} from './outputs.js';

const bytesOf = (content: string) => new Uint8Array(Buffer.from(content, 'base64'));

async function run(deps: UseCaseDeps, input: ImportRunInput, commit: boolean): Promise<ImportReport> {
  const req = { trialId: input.trialId, fileName: input.fileName, bytes: bytesOf(input.content), commit };
  if (input.format === 'odm') return runOdmImport(deps, { ...req, mapping: input.mapping });
  // Without a mapping a CSV file imports by its starting mapping, as an ODM file does by its generated one.
  const mapping = input.mapping ?? (await startingCsvMapping(deps, input.trialId, req.bytes));
  return runCsvImport(deps, { ...req, mapping });
}

/** The report, and the same report as the CSV file the page offers for download. */
const withCsv = (report: ImportReport) => ({ report, csv: reportCsv(report) });

export const importsRouter = router({
  /**
   * The mapping generated from the file's own metadata, for the data manager to check and edit; for a CSV
   * file also the values of mapped columns it cannot read (by column and value, in the caller's language).
   */
  startingMapping: entryProcedure('data:import')
    .input(importFileInput)
    .output(
      z.object({
        mapping: z.union([importMappingOutput, csvMappingSchema]),
        problems: z.array(csvValueProblemOutput),
      }),
    )
    .mutation(async ({ ctx, input }) =>
      input.format === 'odm'
        ? { mapping: await startingMapping(ctx.deps, input.trialId, bytesOf(input.content)), problems: [] }
        : await startingCsvMappingWithProblems(ctx.deps, input.trialId, bytesOf(input.content)),
    ),

  /** A CSV file's columns and first rows, as the file has them, for the mapping step. */
  csvPreview: entryProcedure('data:import')
    .input(csvPreviewInput)
    .output(csvPreviewOutput)
    .mutation(({ ctx, input }) => csvColumns(ctx.deps, bytesOf(input.content))),

  /** What the import would do, record by record and field by field; nothing is written. */
  dryRun: entryProcedure('data:import')
    .input(importRunInput)
    .output(z.object({ report: importReportOutput, csv: z.string() }))
    .mutation(async ({ ctx, input }) => withCsv(await run(ctx.deps, input, false))),

  /**
   * The import: all or nothing. With any refused record nothing is written and the report says why
   * (committed false); the audit entry is the one `import.committed` entry, null when nothing was written.
   */
  commit: entryProcedure('data:import')
    .input(importRunInput)
    .output(z.object({ report: importReportOutput, csv: z.string(), auditEntryId: z.number().nullable() }))
    .mutation(async ({ ctx, input }) => {
      const report = await run(ctx.deps, input, true);
      return { ...withCsv(report), auditEntryId: report.auditSeq };
    }),
});
