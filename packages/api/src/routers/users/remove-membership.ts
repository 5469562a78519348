import { procedureWith } from '../../trpc.js';
import { removeMembership } from '../../use-cases/users/memberships.js';
import { membershipKey, membershipRemoved } from '../../use-cases/users/schemas.js';

/** Ends an account's membership of a trial; it stays in the history. */
export const removeMembershipProcedure = procedureWith('user:manage')
  .input(membershipKey)
  .output(membershipRemoved)
  .mutation(({ ctx, input }) => removeMembership(ctx.deps, input));
