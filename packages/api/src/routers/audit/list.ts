import { listAudit, listUsers } from '@trialdesk/db';
import { z } from 'zod';
import { procedureWith } from '../../trpc.js';
import { auditEntryView, toView } from './entry-view.js';
import { auditableTrials, auditFilterShape, checkRange, toRepositoryFilter } from './filters.js';

/** The filtered trail, newest first, a keyset page at a time. */
export const listAuditProcedure = procedureWith('audit:read')
  .input(
    z
      .strictObject({
        ...auditFilterShape,
        /** The last seq of the previous page; the next page holds older entries. */
        cursor: z.number().int().positive().optional(),
        /** Sent by tRPC's infinite queries (the Audit page); pages are always newest first. */
        direction: z.enum(['forward', 'backward']).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .superRefine(checkRange),
  )
  .output(z.object({ rows: z.array(auditEntryView), nextCursor: z.number().nullable() }))
  .query(async ({ ctx, input }) => {
    // One extra row tells whether another page exists without a count over the whole trail.
    const trialIds = await auditableTrials(ctx, input);
    const rows = await listAudit(
      ctx.db,
      { ...toRepositoryFilter(input), trialIds },
      {
        limit: input.limit + 1,
        beforeSeq: input.cursor,
      },
    );
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    // A user's id says nothing to a reader; their name does (a handful of accounts: one read).
    const users = page.some((r) => r.entity_type === 'user')
      ? new Map((await listUsers(ctx.db)).map((u) => [String(u.id), `${u.displayName} (${u.username})`]))
      : new Map<string, string>();
    return {
      rows: page.map((r) => toView(r, { users })),
      nextCursor: rows.length > input.limit && last ? last.seq : null,
    };
  });
