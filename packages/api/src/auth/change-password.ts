// A user changes their own password. The current password is required, and wrong guesses count towards
// the same per-account limit as failed logins, so a borrowed session cannot be used to guess it.
import {
  endUserSessions,
  findUserById,
  hashPassword,
  releaseLoginAttempt,
  reserveLoginAttempt,
  updateUser,
  verifyPassword,
} from '@trialdesk/db';
import { nowIso } from '../context.js';
import { AppError } from '../errors.js';
import { audit, type AuthedContext } from '../trpc.js';
import { tooManyFailures } from './login.js';

export async function changePassword(
  ctx: AuthedContext,
  input: { currentPassword: string; newPassword: string },
): Promise<{ ok: true; sessionsEnded: number }> {
  const now = ctx.clock();
  const since = new Date(now.getTime() - ctx.auth.failureWindowMinutes * 60_000).toISOString();
  // Reserved before the check, like a login (login.ts): parallel guesses never check more than the limit.
  const attempt = await reserveLoginAttempt(
    ctx.db,
    { username: ctx.user.username, ip: ctx.ip ?? 'unknown', at: nowIso(ctx) },
    // Only the account's limit applies here: the address limit is for logins of any account.
    { since, maxPerAccount: ctx.auth.maxFailuresPerAccount, maxPerAddress: Number.MAX_SAFE_INTEGER },
  );
  if (attempt.limited) throw tooManyFailures(ctx.auth.failureWindowMinutes);
  const user = await findUserById(ctx.db, ctx.user.id);
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await ctx.db.transaction().execute(async (trx) => {
      await audit(ctx, trx, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: String(ctx.user.id),
        trialId: null,
        centre: ctx.user.centre,
        participant: null,
        before: null,
        after: { username: ctx.user.username, reason: 'wrong_current_password' },
        reason: null,
      });
    });
    throw new AppError('BAD_REQUEST', 'auth.wrong_current_password', 'The current password is not right.', {
      fields: { currentPassword: ['The current password is not right.'] },
    });
  }
  await releaseLoginAttempt(ctx.db, attempt.id);
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
    await audit(ctx, trx, {
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: String(ctx.user.id),
      trialId: null,
      centre: ctx.user.centre,
      participant: null,
      before: null,
      after: { sessionsEnded: ended },
      reason: null,
    });
    return ended;
  });
  return { ok: true as const, sessionsEnded };
}
