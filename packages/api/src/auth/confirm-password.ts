// Re-entering one's password at the moment of signing (21 CFR Part 11 §11.200(a)(1)(i): each signing after
// the first in a session uses at least the password). A wrong password counts towards the same per-account
// limit as failed logins and is audited like one, so a borrowed session cannot be used to guess it.
import { findUserById, releaseLoginAttempt, reserveLoginAttempt, verifyPassword } from '@trialdesk/db';
import { entryMessage } from '@trialdesk/domain';
import { nowIso } from '../context.js';
import { AppError } from '../errors.js';
import { audit, type AuthedContext } from '../trpc.js';
import { tooManyFailures } from './login.js';

export async function confirmPassword(ctx: AuthedContext, password: string): Promise<void> {
  const now = ctx.clock();
  const since = new Date(now.getTime() - ctx.auth.failureWindowMinutes * 60_000).toISOString();
  // Reserved before the check, like a login (login.ts): parallel guesses never check more than the limit.
  const attempt = await reserveLoginAttempt(
    ctx.db,
    { username: ctx.user.username, ip: ctx.ip ?? 'unknown', at: nowIso(ctx) },
    { since, maxPerAccount: ctx.auth.maxFailuresPerAccount, maxPerAddress: Number.MAX_SAFE_INTEGER },
  );
  if (attempt.limited) throw tooManyFailures(ctx.auth.failureWindowMinutes);
  const user = await findUserById(ctx.db, ctx.user.id);
  if (user && user.active && (await verifyPassword(password, user.passwordHash))) {
    await releaseLoginAttempt(ctx.db, attempt.id);
    return;
  }
  // The reserved attempt is the failure record; the refusal only audits it.
  await ctx.db.transaction().execute(async (trx) => {
    await audit(ctx, trx, {
      action: 'auth.login_failed',
      entityType: 'user',
      entityId: String(ctx.user.id),
      trialId: null,
      centre: ctx.user.centre,
      participant: null,
      before: null,
      after: { username: ctx.user.username, reason: 'wrong_signing_password' },
      reason: null,
    });
  });
  const message = entryMessage('signature.password', ctx.lang);
  throw new AppError('BAD_REQUEST', 'signature.wrong_password', message, {
    fields: { password: [message] },
  });
}
