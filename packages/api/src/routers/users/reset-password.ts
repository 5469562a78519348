import { procedureWith } from '../../trpc.js';
import { resetPassword } from '../../use-cases/users/reset-password.js';
import { accountChange, resetPasswordInput } from '../../use-cases/users/schemas.js';

export const resetPasswordProcedure = procedureWith('user:manage')
  .input(resetPasswordInput)
  .output(accountChange)
  .mutation(({ ctx, input }) => resetPassword(ctx.deps, input));
