import { z } from 'zod';
import { procedureWith } from '../../trpc.js';
import { createUser } from '../../use-cases/users/create-user.js';
import { createUserInput } from '../../use-cases/users/schemas.js';

export const createUserProcedure = procedureWith('user:manage')
  .input(createUserInput)
  .output(z.object({ id: z.number() }))
  .mutation(({ ctx, input }) => createUser(ctx.deps, input));
