import { procedureWith } from '../../trpc.js';
import { setMembership } from '../../use-cases/users/memberships.js';
import { membershipSet, setMembershipInput } from '../../use-cases/users/schemas.js';

/** Gives an account a role (and, for a coordinator, a centre) in a trial, or changes it. */
export const setMembershipProcedure = procedureWith('user:manage')
  .input(setMembershipInput)
  .output(membershipSet)
  .mutation(({ ctx, input }) => setMembership(ctx.deps, input));
