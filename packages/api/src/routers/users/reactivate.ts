import { procedureWith } from '../../trpc.js';
import { accountChange, userIdInput } from '../../use-cases/users/schemas.js';
import { reactivateUser } from '../../use-cases/users/set-active.js';

export const reactivateUserProcedure = procedureWith('user:manage')
  .input(userIdInput)
  .output(accountChange)
  .mutation(({ ctx, input }) => reactivateUser(ctx.deps, input));
