// A user changes their own password. The current password is required; wrong guesses count towards the
// same per-account limit as failed logins (own-password.ts).
import { endUserSessions, hashPassword, updateUser } from '@trialdesk/db';
import { nowIso } from '../context.js';
import { AppError } from '../errors.js';
import type { AuthedContext } from '../trpc.js';
import { auditOwnAccount, checkOwnPassword } from './own-password.js';

export async function changePassword(
  ctx: AuthedContext,
  input: { currentPassword: string; newPassword: string },
): Promise<{ ok: true; sessionsEnded: number }> {
  if (!(await checkOwnPassword(ctx, input.currentPassword, 'wrong_current_password')))
    throw new AppError('BAD_REQUEST', 'auth.wrong_current_password', 'The current password is not right.', {
      fields: { currentPassword: ['The current password is not right.'] },
    });
  // Keeping the same password would keep one an administrator set (and knows) while lifting the hold.
  if (input.newPassword === input.currentPassword)
    throw new AppError(
      'BAD_REQUEST',
      'auth.same_password',
      'Choose a password different from the current one.',
      {
        fields: { newPassword: ['Choose a password different from the current one.'] },
      },
    );
  const hash = await hashPassword(input.newPassword);
  const sessionsEnded = await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, ctx.user.id, { passwordHash: hash, mustChangePassword: false }, nowIso(ctx));
    // The session that made the change stays; every other one (another browser, a stolen cookie) ends.
    const ended = await endUserSessions(
      trx,
      ctx.user.id,
      nowIso(ctx),
      'password_changed',
      ctx.user.sessionId,
    );
    await auditOwnAccount(ctx, trx, { action: 'auth.password_changed', after: { sessionsEnded: ended } });
    return ended;
  });
  return { ok: true as const, sessionsEnded };
}
