// The audit trail for administrators and the PI ('audit:read'): a filtered, keyset-paginated list, a CSV
// export (itself audited), and the hash-chain verification behind the status badge.
import { iterateAudit, listAudit, verifyAuditChain, type AuditRow } from '@trialdesk/db';
import { z } from 'zod';
import { today } from '../../context.js';
import { audit, procedureWith, router } from '../../trpc.js';
import { csvRow } from './csv.js';
import { auditFilterInput, auditFilterShape, checkRange, toRepositoryFilter } from './filters.js';

/** before/after are stored as canonical JSON; a value that no longer parses is shown as the raw text. */
function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export const auditEntryView = z.object({
  seq: z.number(),
  at: z.string(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  trialId: z.string().nullable(),
  centre: z.string().nullable(),
  participant: z.string().nullable(),
  reason: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

function toView(r: AuditRow): z.infer<typeof auditEntryView> {
  return {
    seq: r.seq,
    at: r.at,
    username: r.username,
    role: r.role,
    ip: r.ip,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    trialId: r.trial_id,
    centre: r.centre,
    participant: r.participant,
    reason: r.reason,
    before: parseJson(r.before),
    after: parseJson(r.after),
  };
}

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

export const auditRouter = router({
  list: procedureWith('audit:read')
    .input(
      z
        .object({
          ...auditFilterShape,
          /** The last seq of the previous page; the next page holds older entries. */
          cursor: z.number().int().positive().optional(),
          limit: z.number().int().min(1).max(200).default(50),
        })
        .superRefine(checkRange),
    )
    .output(z.object({ rows: z.array(auditEntryView), nextCursor: z.number().nullable() }))
    .query(async ({ ctx, input }) => {
      // One extra row tells whether another page exists without a count over the whole trail.
      const rows = await listAudit(ctx.db, toRepositoryFilter(input), {
        limit: input.limit + 1,
        beforeSeq: input.cursor,
      });
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        rows: page.map(toView),
        nextCursor: rows.length > input.limit && last ? last.seq : null,
      };
    }),

  /** The filtered trail as CSV, oldest first. A mutation because the export is itself recorded. */
  exportCsv: procedureWith('audit:read')
    .input(auditFilterInput)
    .output(z.object({ filename: z.string(), csv: z.string(), rows: z.number() }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (trx) => {
        const parts = [csvRow(CSV_COLUMNS)];
        for await (const r of iterateAudit(trx, toRepositoryFilter(input)))
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
    ),

  /** Walks the whole chain and names the first broken link. */
  verify: procedureWith('audit:read')
    .output(
      z.object({
        ok: z.boolean(),
        rows: z.number(),
        brokenAt: z.number().optional(),
        problem: z.enum(['missing_row', 'content_changed', 'chain_broken']).optional(),
      }),
    )
    .query(async ({ ctx }) => {
      const result = await verifyAuditChain(ctx.db);
      return result.ok
        ? { ok: true, rows: result.rows }
        : { ok: false, rows: result.rows, brokenAt: result.brokenAt, problem: result.problem };
    }),
});
