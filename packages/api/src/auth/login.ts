// Login with rate limiting per account and per address. Unknown users, wrong passwords and inactive
// accounts get the same answer after the same work, so the answer does not reveal which accounts exist.
import {
  clearLoginFailures,
  createSession,
  endSession,
  findUserByUsername,
  newSessionToken,
  normaliseUsername,
  releaseLoginAttempt,
  reserveLoginAttempt,
  UNUSABLE_PASSWORD_HASH,
  verifyPassword,
} from '@trialdesk/db';
import { AppError } from '../errors.js';
import { nowIso, SESSION_COOKIE, type Context } from '../context.js';
import { audit } from '../trpc.js';
import { loadProfile } from './profile.js';

export const tooManyFailures = (minutes: number) =>
  new AppError(
    'TOO_MANY_REQUESTS',
    'auth.rate_limited',
    `Too many failed logins. Try again in ${minutes} minutes.`,
    { params: { minutes } },
  );

export async function login(ctx: Context, input: { username: string; password: string }) {
  const username = normaliseUsername(input.username);
  const ip = ctx.ip ?? 'unknown';
  const now = ctx.clock();
  const since = new Date(now.getTime() - ctx.auth.failureWindowMinutes * 60_000).toISOString();
  const user = await findUserByUsername(ctx.db, username);
  // The attempt is counted before the password is checked, atomically with reading the count: parallel
  // attempts cannot all read "4 failures" and all go on to check a password.
  const attempt = await reserveLoginAttempt(
    ctx.db,
    { username, ip, at: nowIso(ctx) },
    {
      since,
      maxPerAccount: ctx.auth.maxFailuresPerAccount,
      maxPerAddress: ctx.auth.maxFailuresPerAddress,
    },
  );
  // The reserved attempt is the failure record; a refusal only audits it.
  const refuse = async (reason: string) => {
    await ctx.db.transaction().execute(async (trx) => {
      await audit(ctx, trx, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: null,
        trialId: null,
        centre: null,
        participant: null,
        before: null,
        // The typed name only when it is an account: an unknown "username" is often a password typed
        // into the wrong box, and the audit trail keeps everything for ever.
        after: { username: user ? username : null, reason },
        reason: null,
      });
    });
  };
  if (attempt.limited) {
    await refuse('rate_limited');
    throw tooManyFailures(ctx.auth.failureWindowMinutes);
  }
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? UNUSABLE_PASSWORD_HASH);
  if (!user || !passwordOk || !user.active) {
    await refuse(!user ? 'unknown_user' : !passwordOk ? 'wrong_password' : 'inactive');
    throw new AppError('UNAUTHORIZED', 'auth.invalid_credentials', 'Wrong username or password.');
  }
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + ctx.auth.absoluteHours * 3_600_000).toISOString();
  // A login that fails through the server's fault (a write refused) is no wrong password: its reservation is
  // released, so it neither counts towards the limit nor stays behind.
  const releaseOnFailure = async (error: unknown): Promise<never> => {
    await releaseLoginAttempt(ctx.db, attempt.id).catch(() => undefined);
    throw error;
  };
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      // A login from a browser that still holds a session replaces it rather than leaving it open.
      if (ctx.user) await endSession(trx, ctx.user.sessionId, now.toISOString(), 'replaced');
      // Releases this attempt's reservation with the account's earlier failures.
      await clearLoginFailures(trx, username);
      await createSession(trx, {
        token,
        userId: user.id,
        now: now.toISOString(),
        expiresAt,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
      });
      await audit(
        {
          ...ctx,
          user: {
            id: user.id,
            username: user.username,
            displayName: user.displayName,
            role: user.role,
            centre: user.centre,
            mustChangePassword: user.mustChangePassword,
            sessionId: '',
          },
        },
        trx,
        {
          action: 'auth.login',
          entityType: 'user',
          entityId: String(user.id),
          trialId: null,
          centre: user.centre,
          participant: null,
          before: null,
          after: null,
          reason: null,
        },
      );
    })
    .catch(releaseOnFailure);
  ctx.cookies.set(SESSION_COOKIE, token, { maxAgeSeconds: ctx.auth.absoluteHours * 3600 });
  return loadProfile(ctx.db, user);
}
