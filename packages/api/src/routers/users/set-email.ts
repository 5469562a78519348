import { z } from 'zod';
import { procedureWith } from '../../trpc.js';
import { setEmailInput } from '../../use-cases/notifications/schemas.js';
import { setAccountEmail } from '../../use-cases/notifications/settings.js';

/** An administrator sets (or, with null, removes) an account's email address; audited user.email_changed. */
export const setEmailProcedure = procedureWith('user:manage')
  .input(setEmailInput)
  .output(z.object({ userId: z.number(), changed: z.boolean() }))
  .mutation(({ ctx, input }) => setAccountEmail(ctx.deps, input));
