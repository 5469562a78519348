import { listMemberships } from '@trialdesk/db';
import { z } from 'zod';
import { procedureWith } from '../../trpc.js';
import { loadUser } from '../../use-cases/users/account-rules.js';
import { membershipSchema, userIdInput } from '../../use-cases/users/schemas.js';

/** An account's trial memberships: the current ones, then the ended ones (who made and ended each, when). */
export const membershipsProcedure = procedureWith('user:manage')
  .input(userIdInput)
  .output(z.array(membershipSchema))
  .query(async ({ ctx, input }) => listMemberships(ctx.db, (await loadUser(ctx.db, input.userId)).id));
