import { listUsers } from '@trialdesk/db';
import { z } from 'zod';
import { procedureWith } from '../../trpc.js';
import { userSchema } from '../../use-cases/users/schemas.js';

/** Every account, for administrators; never a password hash. */
export const listUsersProcedure = procedureWith('user:manage')
  .output(z.array(userSchema))
  .query(({ ctx }) => listUsers(ctx.db));
