// The procedure every data-entry call is built on: a permission from the table, and zod's input errors
// returned per field in the user's language (the same words the web form shows). The permission check
// still runs before the input is parsed.
import { localizeIssues, type Permission } from '@trialdesk/domain';
import { ZodError } from 'zod';
import { invalidInput } from '../../errors.js';
import { procedureWith } from '../../trpc.js';

export function entryProcedure(permission: Permission) {
  return procedureWith(permission).use(async ({ ctx, next }) => {
    const result = await next();
    if (!result.ok && result.error.code === 'BAD_REQUEST' && result.error.cause instanceof ZodError)
      throw invalidInput(localizeIssues(result.error.cause.issues, ctx.lang));
    return result;
  });
}
