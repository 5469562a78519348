// Personal API tokens. A token is `tdk_<8 characters>_<43 characters>`: the first part (the prefix) is kept in
// clear to find the row and to name the token in lists; the whole token is kept only as its SHA-256, so a copy
// of the database holds no usable token. 256 random bits make a single SHA-256 enough (no password stretching
// needed: nothing to guess). Tokens are revoked, never deleted.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../database.js';

const TOKEN_PATTERN = /^(tdk_[A-Za-z0-9_-]{8})_([A-Za-z0-9_-]{43})$/;

export interface NewApiToken {
  token: string;
  prefix: string;
  hash: string;
}

export function newApiToken(): NewApiToken {
  const prefix = `tdk_${randomBytes(6).toString('base64url')}`;
  const token = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, prefix, hash: apiTokenHash(token) };
}

export function apiTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The prefix of a well-formed token, or null for anything else (never looked up). */
export function apiTokenPrefix(token: string): string | null {
  return TOKEN_PATTERN.exec(token)?.[1] ?? null;
}

export interface ApiTokenRecord {
  id: number;
  userId: number;
  username: string;
  displayName: string;
  prefix: string;
  label: string;
  scope: 'read';
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const columns = [
  'api_tokens.id',
  'api_tokens.user_id',
  'users.username',
  'users.display_name',
  'api_tokens.prefix',
  'api_tokens.label',
  'api_tokens.scope',
  'api_tokens.created_at',
  'api_tokens.expires_at',
  'api_tokens.last_used_at',
  'api_tokens.revoked_at',
] as const;

type Row = {
  id: number;
  user_id: number;
  username: string;
  display_name: string;
  prefix: string;
  label: string;
  scope: 'read';
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};

const record = (r: Row): ApiTokenRecord => ({
  id: Number(r.id),
  userId: Number(r.user_id),
  username: r.username,
  displayName: r.display_name,
  prefix: r.prefix,
  label: r.label,
  scope: r.scope,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

export async function insertApiToken(
  db: Db,
  t: { userId: number; prefix: string; hash: string; label: string; now: string; expiresAt: string },
  createdBy: number | null,
): Promise<number> {
  const row = await db
    .insertInto('api_tokens')
    .values({
      user_id: t.userId,
      prefix: t.prefix,
      token_hash: t.hash,
      label: t.label,
      scope: 'read',
      created_at: t.now,
      created_by: createdBy,
      expires_at: t.expiresAt,
      last_used_at: null,
      revoked_at: null,
      revoked_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Tokens newest first: one user's, or (userId null) everyone's. */
export async function listApiTokens(db: Db, userId: number | null): Promise<ApiTokenRecord[]> {
  let q = db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(columns)
    .orderBy('api_tokens.created_at', 'desc')
    .orderBy('api_tokens.id', 'desc');
  if (userId !== null) q = q.where('api_tokens.user_id', '=', userId);
  return (await q.execute()).map(record);
}

export async function findApiToken(db: Db, id: number): Promise<ApiTokenRecord | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(columns)
    .where('api_tokens.id', '=', id)
    .executeTakeFirst();
  return row && record(row);
}

/**
 * The token a bearer presents, with its account as it is now; undefined for a malformed or unknown token or a
 * wrong secret (compared in constant time). Revocation, expiry and the account's state are the caller's checks.
 */
export async function findApiTokenBySecret(db: Db, token: string) {
  const prefix = apiTokenPrefix(token);
  if (prefix === null) return undefined;
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      ...columns,
      'api_tokens.token_hash',
      'users.role',
      'users.centre',
      'users.active',
      'users.must_change_password',
    ])
    .where('api_tokens.prefix', '=', prefix)
    .executeTakeFirst();
  if (!row) return undefined;
  const given = Buffer.from(apiTokenHash(token), 'hex');
  const stored = Buffer.from(row.token_hash, 'hex');
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return undefined;
  return {
    ...record(row),
    role: row.role,
    centre: row.centre,
    active: Number(row.active) === 1,
    mustChangePassword: Number(row.must_change_password) === 1,
  };
}

/** Revokes a token not yet revoked; false when it was already. */
export async function revokeApiToken(db: Db, id: number, now: string, by: number | null): Promise<boolean> {
  const res = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Records a use of the token unless one was recorded since `since`: true when this call recorded it (and so
 * the caller audits it). A conditional update, so two requests at once record (and audit) one use.
 */
export async function markApiTokenUsed(db: Db, id: number, now: string, since: string): Promise<boolean> {
  const res = await db
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', since)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
