import { procedureWith } from '../../trpc.js';
import { accountChanged, updateUserInput } from '../../use-cases/users/schemas.js';
import { updateAccount } from '../../use-cases/users/update-user.js';

export const updateUserProcedure = procedureWith('user:manage')
  .input(updateUserInput)
  .output(accountChanged)
  .mutation(({ ctx, input }) => updateAccount(ctx.deps, input));
