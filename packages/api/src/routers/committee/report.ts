// The committee report for live data or a data cut: on screen (the report object) and as a PDF download.
// Downloads travel through tRPC as base64 so that authorisation stays in one place; each is audited.
import { can, centreScope } from '@trialdesk/domain';
import { listMeetings } from '@trialdesk/db';
import type { z } from 'zod';
import { auditOutcomeView, mayViewOutcomes } from '../../access/outcome-access.js';
import { buildReport } from '../../reports/build-report.js';
import { renderReportPdf } from '../../reports/pdf/render-report-pdf.js';
import { audit, procedureWith, router } from '../../trpc.js';
import { resolveSource, sourceInput } from '../../reports/source.js';
import { aggregateOutput, downloadOutput } from '../declared-output.js';
import { nowIso } from '../../context.js';
import type { UseCaseDeps } from '../../use-cases/deps.js';
import { signatureSummary } from '../../use-cases/signatures/signature-status.js';

export type Download = z.infer<typeof downloadOutput>;

/**
 * The SAE clocks of a cut are read when it was frozen, of live data now; the SAE listing goes only to a role
 * that reads participants (the trial role: the steering committee gets the counts of the open part only).
 */
function safetyOptions(
  ctx: { deps: Pick<UseCaseDeps, 'actor' | 'clock'> },
  cut: { createdAt: string } | null,
) {
  return {
    readAt: cut ? cut.createdAt : nowIso(ctx.deps),
    saeListing: can(ctx.deps.actor.role, 'participant:read'),
    listingCentre: centreScope(ctx.deps.actor, 'participant:read'),
  };
}

export const reportRouter = router({
  get: procedureWith('aggregate:read')
    .input(sourceInput)
    .output(aggregateOutput<ReturnType<typeof buildReport>>())
    .query(async ({ ctx, input }) => {
      const s = await resolveSource(ctx, input);
      const closed = mayViewOutcomes(ctx.deps, s.trial);
      if (closed) await auditOutcomeView(ctx.deps, s, 'report');
      return buildReport(s.trial, s.data, s.cut, {
        closed,
        meetings: await listMeetings(ctx.db, s.trial.id),
        signatures: await signatureSummary(ctx.db, s.trial.id, s.cut?.id ?? null),
        ...safetyOptions(ctx, s.cut),
      });
    }),

  pdf: procedureWith('aggregate:read')
    .input(sourceInput)
    .output(downloadOutput)
    .mutation(async ({ ctx, input }): Promise<Download> => {
      const s = await resolveSource(ctx, input);
      // The PDF holds the closed part only for a role that may see outcomes; its download is audited below.
      const report = buildReport(s.trial, s.data, s.cut, {
        closed: mayViewOutcomes(ctx.deps, s.trial),
        meetings: await listMeetings(ctx.db, s.trial.id),
        signatures: await signatureSummary(ctx.db, s.trial.id, s.cut?.id ?? null),
        ...safetyOptions(ctx, s.cut),
      });
      const pdf = await renderReportPdf(report, ctx.lang);
      const filename = `${s.trial.definition.code}-report-${s.data.asOf}${s.cut ? `-cut-${s.cut.id}` : '-live'}.pdf`;
      await ctx.db.transaction().execute((trx) =>
        audit(ctx, trx, {
          action: 'export.created',
          entityType: s.cut ? 'data_cut' : 'trial',
          entityId: s.cut ? String(s.cut.id) : s.trial.id,
          trialId: s.trial.id,
          centre: null,
          participant: null,
          before: null,
          after: {
            format: 'pdf',
            filename,
            asOf: s.data.asOf,
            contentHash: report.meta.contentHash,
            bytes: pdf.length,
          },
          reason: null,
        }),
      );
      return { filename, mimeType: 'application/pdf', base64: pdf.toString('base64'), bytes: pdf.length };
    }),
});
