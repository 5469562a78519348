// Re-entering one's password at the moment of signing (21 CFR Part 11 §11.200(a)(1)(i): each signing after
// the first in a session uses at least the password). A wrong password counts towards the same per-account
// limit as failed logins and is audited like one (own-password.ts).
import { entryMessage } from '@trialdesk/domain';
import { AppError } from '../errors.js';
import type { AuthedContext } from '../trpc.js';
import { checkOwnPassword } from './own-password.js';

export async function confirmPassword(ctx: AuthedContext, password: string): Promise<void> {
  if (await checkOwnPassword(ctx, password, 'wrong_signing_password')) return;
  const message = entryMessage('signature.password', ctx.lang);
  throw new AppError('BAD_REQUEST', 'signature.wrong_password', message, {
    fields: { password: [message] },
  });
}
