import type { Role } from '@trialdesk/domain';
import type { Db } from '../database.js';
import type { UserRow } from '../schema.js';

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  centre: string | null;
  active: boolean;
  createdAt: string;
  passwordChangedAt: string;
}

export function toUserRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    centre: row.centre,
    active: row.active === 1,
    createdAt: row.created_at,
    passwordChangedAt: row.password_changed_at,
  };
}

/** Usernames are compared case-insensitively; they are stored lower-case. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', normaliseUsername(username))
    .executeTakeFirst();
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Db): Promise<UserRecord[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(toUserRecord);
}

export async function insertUser(
  db: Db,
  user: { username: string; displayName: string; passwordHash: string; role: Role; centre: string | null },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      username: normaliseUsername(user.username),
      display_name: user.displayName,
      password_hash: user.passwordHash,
      role: user.role,
      centre: user.centre,
      created_at: now,
      password_changed_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(
  db: Db,
  id: number,
  changes: Partial<{
    displayName: string;
    role: Role;
    centre: string | null;
    active: boolean;
    passwordHash: string;
  }>,
  now: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      ...(changes.displayName !== undefined && { display_name: changes.displayName }),
      ...(changes.role !== undefined && { role: changes.role }),
      ...(changes.centre !== undefined && { centre: changes.centre }),
      ...(changes.active !== undefined && { active: changes.active ? 1 : 0 }),
      ...(changes.passwordHash !== undefined && {
        password_hash: changes.passwordHash,
        password_changed_at: now,
      }),
    })
    .where('id', '=', id)
    .execute();
}
