import { verifyAuditChain } from '@trialdesk/db';
import { z } from 'zod';
import { procedureWith } from '../../trpc.js';

const auditProblem = z.enum(['missing_row', 'content_changed', 'chain_broken']);

/** Walks the whole chain and names every broken link (the first MAX_LISTED_BREAKS of them, all counted). */
export const verifyAuditProcedure = procedureWith('audit:read')
  .output(
    z.object({
      ok: z.boolean(),
      rows: z.number(),
      total: z.number(),
      brokenAt: z.number().optional(),
      problem: auditProblem.optional(),
      breakCount: z.number().optional(),
      breaks: z
        .array(z.object({ seq: z.number(), problem: auditProblem, missing: z.number().optional() }))
        .optional(),
    }),
  )
  .query(async ({ ctx }) => {
    const r = await verifyAuditChain(ctx.db);
    return r.ok
      ? { ok: true, rows: r.rows, total: r.total }
      : {
          ok: false,
          rows: r.rows,
          total: r.total,
          brokenAt: r.brokenAt,
          problem: r.problem,
          breakCount: r.breakCount,
          breaks: r.breaks,
        };
  });
