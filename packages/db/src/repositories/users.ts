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
  /** The password was set by an administrator and must be changed at the next login. */
  mustChangePassword: boolean;
  /** Where notifications are mailed; null: in the app only. */
  email: string | null;
  /** The language of the account's mails. */
  mailLang: 'en' | 'nl';
}

/** An account with its password hash: for checking a password, never for an answer. */
export interface UserAccount extends UserRecord {
  passwordHash: string;
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
    mustChangePassword: row.must_change_password === 1,
    email: row.email,
    mailLang: row.mail_lang === 'nl' ? 'nl' : 'en',
  };
}

/** Usernames are compared case-insensitively; they are stored lower-case. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

const toAccount = (row: UserRow): UserAccount => ({ ...toUserRecord(row), passwordHash: row.password_hash });

export async function findUserByUsername(db: Db, username: string): Promise<UserAccount | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', normaliseUsername(username))
    .executeTakeFirst();
  return row && toAccount(row);
}

export async function findUserById(db: Db, id: number): Promise<UserAccount | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toAccount(row);
}

/** Every account, with the time of its latest login (sessions are never deleted, so this is exact). */
export async function listUsers(db: Db): Promise<(UserRecord & { lastLoginAt: string | null })[]> {
  const rows = await db
    .selectFrom('users')
    .selectAll('users')
    .select((eb) =>
      eb
        .selectFrom('sessions')
        .select((s) => s.fn.max('sessions.created_at').as('last'))
        .whereRef('sessions.user_id', '=', 'users.id')
        .as('last_login_at'),
    )
    .orderBy('username')
    .execute();
  return rows.map((r) => ({ ...toUserRecord(r), lastLoginAt: r.last_login_at ?? null }));
}

/** Active administrators, optionally leaving one out (the account about to lose the role or be deactivated). */
export async function countActiveAdmins(db: Db, exceptId?: number): Promise<number> {
  let q = db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function centreExists(db: Db, code: string): Promise<boolean> {
  const row = await db.selectFrom('centres').select('code').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

export async function insertUser(
  db: Db,
  user: {
    username: string;
    displayName: string;
    passwordHash: string;
    role: Role;
    centre: string | null;
    /** True when an administrator chose the password (users.create); false for the CLI's own admin and the demo. */
    mustChangePassword?: boolean;
  },
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
      must_change_password: user.mustChangePassword ? 1 : 0,
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
    /** With a new password: true when an administrator set it, false when the user chose it. */
    mustChangePassword: boolean;
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
      ...(changes.mustChangePassword !== undefined && {
        must_change_password: changes.mustChangePassword ? 1 : 0,
      }),
    })
    .where('id', '=', id)
    .execute();
}
