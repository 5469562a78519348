// The filtered trail as CSV (RFC 4180, formula-safe), oldest first; the export is itself audited.
import { iterateAudit } from '@trialdesk/db';
import { z } from 'zod';
import { today } from '../../context.js';
import { audit, procedureWith } from '../../trpc.js';
import { csvRow } from '../../reports/csv.js';
import { auditableTrials, auditFilterInput, toRepositoryFilter } from './filters.js';

const CSV_COLUMNS = [
  'seq',
  'at_utc',
  'username',
  'role',
  'ip',
  'action',
  'entity_type',
  'entity_id',
  'trial_id',
  'centre',
  'participant',
  'reason',
  'before',
  'after',
  'prev_hash',
  'hash',
] as const;

/** The filtered trail as CSV, oldest first. A mutation because the export is itself recorded. */
export const exportAuditCsvProcedure = procedureWith('audit:read')
  .input(auditFilterInput)
  .output(z.object({ filename: z.string(), csv: z.string(), rows: z.number() }))
  .mutation(({ ctx, input }) =>
    ctx.db.transaction().execute(async (trx) => {
      const parts = [csvRow(CSV_COLUMNS)];
      const trialIds = await auditableTrials({ ...ctx, db: trx }, input);
      for await (const r of iterateAudit(trx, { ...toRepositoryFilter(input), trialIds }))
        parts.push(
          csvRow([
            r.seq,
            r.at,
            r.username,
            r.role,
            r.ip,
            r.action,
            r.entity_type,
            r.entity_id,
            r.trial_id,
            r.centre,
            r.participant,
            r.reason,
            r.before,
            r.after,
            r.prev_hash,
            r.hash,
          ]),
        );
      const rows = parts.length - 1;
      await audit(ctx, trx, {
        action: 'export.created',
        entityType: 'audit_log',
        entityId: null,
        trialId: input.trialId ?? null,
        centre: null,
        participant: input.participant ?? null,
        before: null,
        after: { format: 'csv', filters: input, rows },
        reason: null,
      });
      return { filename: `trialdesk-audit-${today(ctx)}.csv`, csv: parts.join(''), rows };
    }),
  );
