import { verifyAuditChain } from '@trialdesk/db';
import { z } from 'zod';
import { procedureWith } from '../../trpc.js';

/** Walks the whole chain and names the first broken link. */
export const verifyAuditProcedure = procedureWith('audit:read')
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
  });
