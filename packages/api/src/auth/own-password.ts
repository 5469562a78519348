// Checking the signed-in user's own password again (changing it, signing). Each check is reserved as a
// login attempt before the password is compared, so wrong guesses count towards the same per-account limit
// as failed logins (parallel guesses never check more than the limit), and a wrong one is audited like a
// failed login: a borrowed session cannot be used to guess the password.
import { findUserById, releaseLoginAttempt, reserveLoginAttempt, verifyPassword } from '@trialdesk/db';
import type { AuditEvent } from '@trialdesk/domain';
import { nowIso, type Context } from '../context.js';
import { audit, type AuthedContext } from '../trpc.js';
import { tooManyFailures } from './login.js';

type UserEvent = Extract<AuditEvent, { entityType: 'user' }>;
/** What an entry about one's own account decides: the action and its typed payload. */
export type OwnAccountEvent = UserEvent extends infer E
  ? E extends UserEvent
    ? Pick<E, 'action' | 'after'>
    : never
  : never;

/** An audit entry about the signed-in user's own account. */
export function auditOwnAccount(
  ctx: AuthedContext,
  trx: Context['db'],
  event: OwnAccountEvent,
): Promise<number> {
  // The spread rebuilds one member of the union; TypeScript cannot follow that through a Pick.
  return audit(ctx, trx, {
    ...event,
    entityType: 'user',
    entityId: String(ctx.user.id),
    trialId: null,
    centre: ctx.user.centre,
    participant: null,
    before: null,
    reason: null,
  } as AuditEvent);
}

/**
 * True when `password` is the user's current password. A wrong one is audited as `auth.login_failed` with
 * `reason`; too many failures in the window answer TOO_MANY_REQUESTS before any comparison.
 */
export async function checkOwnPassword(
  ctx: AuthedContext,
  password: string,
  reason: string,
): Promise<boolean> {
  const since = new Date(ctx.clock().getTime() - ctx.auth.failureWindowMinutes * 60_000).toISOString();
  const attempt = await reserveLoginAttempt(
    ctx.db,
    { username: ctx.user.username, ip: ctx.ip ?? 'unknown', at: nowIso(ctx) },
    // Only the account's limit applies here: the address limit is for logins of any account.
    { since, maxPerAccount: ctx.auth.maxFailuresPerAccount, maxPerAddress: Number.MAX_SAFE_INTEGER },
  );
  if (attempt.limited) throw tooManyFailures(ctx.auth.failureWindowMinutes);
  const user = await findUserById(ctx.db, ctx.user.id);
  if (user && user.active && (await verifyPassword(password, user.passwordHash))) {
    await releaseLoginAttempt(ctx.db, attempt.id);
    return true;
  }
  // The reserved attempt is the failure record; the refusal only audits it.
  await ctx.db.transaction().execute((trx) =>
    auditOwnAccount(ctx, trx, {
      action: 'auth.login_failed',
      after: { username: ctx.user.username, reason },
    }),
  );
  return false;
}
