// Server-side sessions. The cookie carries a random token; the database keeps only its SHA-256, so a
// copy of the database does not yield usable sessions.
import { createHash, hash, randomBytes } from 'node:crypto';
import type { Db } from '../database.js';
import { compiledStatement } from '../engine/compiled-statement.js';
import { writeTransaction } from './entry/write-transaction.js';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionIdOf(token: string): string {
  // The one-shot hash: no Hash object per request (the same digest as createHash's).
  return hash('sha256', token, 'hex');
}

export async function createSession(
  db: Db,
  s: {
    token: string;
    userId: number;
    now: string;
    expiresAt: string;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: sessionIdOf(s.token),
      user_id: s.userId,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent?.slice(0, 300) ?? null,
      ended_at: null,
      end_reason: null,
    })
    .execute();
}

export async function findSession(db: Db, token: string) {
  return findSessionById(db, sessionIdOf(token));
}

/** Looked up on every request: compiled once (engine/compiled-statement.ts). */
const sessionById = compiledStatement(['sessionId'], (db, p: { sessionId: string }) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId',
      'sessions.created_at as createdAt',
      'sessions.last_seen_at as lastSeenAt',
      'sessions.expires_at as expiresAt',
      'sessions.ended_at as endedAt',
      'users.id as userId',
      'users.username',
      'users.display_name as displayName',
      'users.role',
      'users.centre',
      'users.active',
      'users.must_change_password as mustChangePassword',
    ])
    .where('sessions.id', '=', p.sessionId),
);

/** A session by its id (the token's SHA-256), with its account as it is now. */
export async function findSessionById(db: Db, sessionId: string) {
  return sessionById.first(db, { sessionId });
}

const touch = compiledStatement(['sessionId', 'now'], (db, p: { sessionId: string; now: string }) =>
  db.updateTable('sessions').set({ last_seen_at: p.now }).where('id', '=', p.sessionId),
);

export async function touchSession(db: Db, sessionId: string, now: string): Promise<void> {
  await touch.all(db, { sessionId, now });
}

export async function endSession(db: Db, sessionId: string, now: string, reason: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ ended_at: now, end_reason: reason })
    .where('id', '=', sessionId)
    .where('ended_at', 'is', null)
    .execute();
}

/** Ends every open session of a user (password change, reset, deactivation, role change). */
export async function endUserSessions(
  db: Db,
  userId: number,
  now: string,
  reason: string,
  exceptSessionId?: string,
): Promise<number> {
  let q = db
    .updateTable('sessions')
    .set({ ended_at: now, end_reason: reason })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/**
 * Failed logins are counted per typed username, known or not (else the limit would tell which accounts
 * exist), but the name is kept only as a SHA-256: people type passwords into the username box.
 */
export function loginFailureKey(username: string): string {
  return `sha256:${createHash('sha256').update(username, 'utf8').digest('hex')}`;
}

export async function countLoginFailures(
  db: Db,
  by: { username?: string; ip?: string },
  since: string,
): Promise<number> {
  let q = db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('at', '>=', since);
  if (by.username !== undefined) q = q.where('username', '=', loginFailureKey(by.username));
  if (by.ip !== undefined) q = q.where('ip', '=', by.ip);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function clearLoginFailures(db: Db, username: string): Promise<void> {
  // login_failures are security telemetry, not clinical data; a successful login resets the account's count.
  await db.deleteFrom('login_failures').where('username', '=', loginFailureKey(username)).execute();
}

export interface LoginAttemptLimits {
  /** Attempts from this time on count. */
  since: string;
  maxPerAccount: number;
  maxPerAddress: number;
}

/**
 * Reserves one login attempt before the password is checked: counts the account's and the address's
 * attempts and records this one in the same write transaction (the database's write lock, on every
 * instance), so N parallel attempts see each other and never more than the limit reach the password check.
 * A refused attempt is recorded too (it counts). The reservation is the failure record: a wrong password
 * leaves it, a right one releases it (clearLoginFailures, or releaseLoginAttempt for one row).
 */
export async function reserveLoginAttempt(
  db: Db,
  attempt: { username: string; ip: string; at: string },
  limits: LoginAttemptLimits,
): Promise<{ id: number; limited: boolean }> {
  return writeTransaction(db, async (trx) => {
    const byAccount = await countLoginFailures(trx, { username: attempt.username }, limits.since);
    const byAddress = await countLoginFailures(trx, { ip: attempt.ip }, limits.since);
    const row = await trx
      .insertInto('login_failures')
      .values({ username: loginFailureKey(attempt.username), ip: attempt.ip, at: attempt.at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      id: Number(row.id),
      limited: byAccount >= limits.maxPerAccount || byAddress >= limits.maxPerAddress,
    };
  });
}

/** Releases one reserved attempt (the password was right). */
export async function releaseLoginAttempt(db: Db, id: number): Promise<void> {
  await db.deleteFrom('login_failures').where('id', '=', id).execute();
}
