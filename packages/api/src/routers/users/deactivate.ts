import { procedureWith } from '../../trpc.js';
import { accountChange, userIdInput } from '../../use-cases/users/schemas.js';
import { deactivateUser } from '../../use-cases/users/set-active.js';

export const deactivateUserProcedure = procedureWith('user:manage')
  .input(userIdInput)
  .output(accountChange)
  .mutation(({ ctx, input }) => deactivateUser(ctx.deps, input));
