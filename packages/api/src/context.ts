// The context is split: an inner context of plain values (database, clock, the logged-in user) that tests
// build directly, and the request adapter in apps/server that reads cookies and addresses.
import { dateInZone, type IsoDate, type Role } from '@trialdesk/domain';
import {
  endSession,
  findSession,
  findSessionById,
  isStorageFull,
  touchSession,
  type Db,
} from '@trialdesk/db';
import { VersionedCache } from './cache.js';
import type { LiveBus } from './live.js';
import { bearerToken, resolveApiToken } from './auth/api-token.js';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  centre: string | null;
  /** An administrator set the password: only the session's own procedures are open until it is changed. */
  mustChangePassword: boolean;
  sessionId: string;
  /** Set when the request carried a personal API token instead of a session: it may only read. */
  tokenId?: number;
}

export interface CookieOptions {
  maxAgeSeconds?: number;
}

/** What a procedure may do with cookies; the server adapter and the tests each implement it. */
export interface CookieJar {
  get(name: string): string | undefined;
  set(name: string, value: string, options?: CookieOptions): void;
  clear(name: string): void;
}

export interface AuthSettings {
  /** A session ends after this many minutes without a request. */
  idleMinutes: number;
  /** …and this many hours after login, whatever happens. */
  absoluteHours: number;
  /** Failed logins allowed per account, and per address, within the window before further tries are refused. */
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  failureWindowMinutes: number;
}

export const defaultAuthSettings: AuthSettings = {
  idleMinutes: 30,
  absoluteHours: 12,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
  failureWindowMinutes: 15,
};

export const SESSION_COOKIE = 'trialdesk_session';

export interface Context {
  db: Db;
  clock: () => Date;
  live: LiveBus;
  /** Aggregates computed for the current data version, shared by all requests of one server. */
  cache: VersionedCache;
  auth: AuthSettings;
  cookies: CookieJar;
  user: SessionUser | null;
  ip: string | null;
  userAgent: string | null;
  lang: 'en' | 'nl';
  /** How mail leaves: 'smtp' when SMTP_URL is set, otherwise 'outbox' (kept for the administrator to read). */
  mailDelivery: 'smtp' | 'outbox';
}

export interface ContextInput {
  db: Db;
  clock: () => Date;
  live: LiveBus;
  cookies: CookieJar;
  cache?: VersionedCache;
  auth?: AuthSettings;
  ip?: string | null;
  userAgent?: string | null;
  lang?: string | null;
  /** The Authorization header: a personal API token acts as its user when no session cookie is sent. */
  authorization?: string | null;
  mailDelivery?: 'smtp' | 'outbox';
}

export function today(ctx: Pick<Context, 'clock'>): IsoDate {
  return dateInZone(ctx.clock());
}

export function nowIso(ctx: Pick<Context, 'clock'>): string {
  return ctx.clock().toISOString();
}

/**
 * The last-seen time is written at most once per touch interval, to keep reads from each being a write.
 * The interval is a thirtieth of the idle limit (at most a minute: 60 s at 30 minutes, 2 s at 1 minute),
 * and the idle check allows that interval on top of the limit: a request may have come up to one interval
 * after the stored time, so a session used within the limit is never ended, and one left alone ends at
 * most one interval late.
 */
export function touchIntervalMs(auth: Pick<AuthSettings, 'idleMinutes'>): number {
  return Math.min(60_000, Math.floor((auth.idleMinutes * 60_000) / 30));
}

/**
 * A session's own bookkeeping (its last-seen time, ending one found expired) is not worth refusing a read
 * for: when the disk is full it is skipped, so reads go on being served; the session's limits are computed
 * from the stored times on every request, so an ended session stays ended all the same.
 */
async function unlessStorageFull(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (error) {
    if (!isStorageFull(error)) throw error;
  }
}

type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

/**
 * Whether a session still counts: not ended, the account active, neither the idle nor the absolute limit
 * passed. A session found expired or deactivated is ended on the spot.
 */
async function liveSession(db: Db, s: SessionRow | undefined, now: Date, auth: AuthSettings) {
  if (!s || s.endedAt !== null) return null;
  const nowIsoStr = now.toISOString();
  const idleLimit = new Date(
    Date.parse(s.lastSeenAt) + auth.idleMinutes * 60_000 + touchIntervalMs(auth),
  ).toISOString();
  if (s.active !== 1) {
    await unlessStorageFull(endSession(db, s.sessionId, nowIsoStr, 'deactivated'));
    return null;
  }
  if (nowIsoStr >= s.expiresAt || nowIsoStr >= idleLimit) {
    await unlessStorageFull(
      endSession(db, s.sessionId, nowIsoStr, nowIsoStr >= s.expiresAt ? 'expired' : 'idle'),
    );
    return null;
  }
  return s;
}

function userOf(s: SessionRow): SessionUser {
  return {
    id: s.userId,
    username: s.username,
    displayName: s.displayName,
    role: s.role as Role,
    centre: s.centre,
    mustChangePassword: s.mustChangePassword === 1,
    sessionId: s.sessionId,
  };
}

/**
 * Resolves the session cookie to a user (sessions.ts, liveSession), and records the request as use of the
 * session at most once per touch interval.
 */
export async function resolveSession(
  db: Db,
  token: string | undefined,
  now: Date,
  auth: AuthSettings,
): Promise<SessionUser | null> {
  if (!token || token.length > 200) return null;
  const s = await liveSession(db, await findSession(db, token), now, auth);
  if (!s) return null;
  if (now.getTime() - Date.parse(s.lastSeenAt) >= touchIntervalMs(auth))
    await unlessStorageFull(touchSession(db, s.sessionId, now.toISOString()));
  return userOf(s);
}

/**
 * The session's user as it stands now, without counting this as use (an open live stream is not a request):
 * null once the session has ended for any reason (logout, deactivation, password change or reset, expiry).
 */
export async function currentSessionUser(
  db: Db,
  sessionId: string,
  now: Date,
  auth: AuthSettings,
): Promise<SessionUser | null> {
  const s = await liveSession(db, await findSessionById(db, sessionId), now, auth);
  return s ? userOf(s) : null;
}

export async function createContext(input: ContextInput): Promise<Context> {
  const auth = input.auth ?? defaultAuthSettings;
  const sessionToken = input.cookies.get(SESSION_COOKIE);
  const bearer = bearerToken(input.authorization);
  const user =
    sessionToken === undefined && bearer !== null
      ? await resolveApiToken(input.db, bearer, input.clock(), { surface: 'api', ip: input.ip ?? null })
      : await resolveSession(input.db, sessionToken, input.clock(), auth);
  return {
    db: input.db,
    clock: input.clock,
    live: input.live,
    // Without a shared cache (a test's one-off context) every call computes afresh.
    cache: input.cache ?? new VersionedCache(),
    auth,
    cookies: input.cookies,
    user,
    ip: input.ip ?? null,
    userAgent: input.userAgent ?? null,
    lang: input.lang === 'nl' ? 'nl' : 'en',
    mailDelivery: input.mailDelivery ?? 'outbox',
  };
}
