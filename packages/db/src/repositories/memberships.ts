// Trial memberships: an account's role (and, for a coordinator, centre) in one trial. A change or a removal
// ends the current row and keeps it, so the history of who could see what is never lost; at most one row per
// account and trial is current (a unique index on the rows not ended).
import type { MemberRole, TrialMembership } from '@trialdesk/domain';
import type { Db } from '../database.js';
import { compiledStatement } from '../engine/compiled-statement.js';

/** A membership as the administrator sees it: current or ended, with who made and who ended it. */
export interface MembershipRecord extends TrialMembership {
  id: number;
  userId: number;
  trialCode: string;
  createdAt: string;
  /** Username of the administrator who made it; null for memberships made by a migration or the demo seed. */
  createdBy: string | null;
  endedAt: string | null;
  endedBy: string | null;
}

/** Read on every call about a trial (the caller's role there): compiled once (engine/compiled-statement.ts). */
const membershipOf = compiledStatement(['userId', 'trialId'], (db, p: { userId: number; trialId: string }) =>
  db
    .selectFrom('trial_memberships')
    .select(['id', 'trial_id', 'role', 'centre'])
    .where('user_id', '=', p.userId)
    .where('trial_id', '=', p.trialId)
    .where('ended_at', 'is', null),
);

/** The current membership of an account in a trial, if any. */
export async function findMembership(
  db: Db,
  userId: number,
  trialId: string,
): Promise<(TrialMembership & { id: number }) | undefined> {
  const row = await membershipOf.first(db, { userId, trialId });
  return row && { id: row.id, trialId: row.trial_id, role: row.role, centre: row.centre };
}

/** An account's current memberships, by trial id. */
export async function listCurrentMemberships(
  db: Db,
  userId: number,
): Promise<(TrialMembership & { id: number })[]> {
  const rows = await db
    .selectFrom('trial_memberships')
    .select(['id', 'trial_id', 'role', 'centre'])
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .orderBy('trial_id')
    .execute();
  return rows.map((r) => ({ id: r.id, trialId: r.trial_id, role: r.role, centre: r.centre }));
}

/** Every membership an account ever had: current ones first, then the ended ones, newest first. */
export async function listMemberships(db: Db, userId: number): Promise<MembershipRecord[]> {
  const rows = await db
    .selectFrom('trial_memberships as m')
    .innerJoin('trials as t', 't.id', 'm.trial_id')
    .leftJoin('users as creator', 'creator.id', 'm.created_by')
    .leftJoin('users as ender', 'ender.id', 'm.ended_by')
    .select([
      'm.id',
      'm.user_id',
      'm.trial_id',
      't.code as trial_code',
      'm.role',
      'm.centre',
      'm.created_at',
      'creator.username as created_by',
      'm.ended_at',
      'ender.username as ended_by',
    ])
    .where('m.user_id', '=', userId)
    .orderBy('m.id', 'desc')
    .execute();
  const records = rows.map((r): MembershipRecord => ({
    id: r.id,
    userId: r.user_id,
    trialId: r.trial_id,
    trialCode: r.trial_code,
    role: r.role,
    centre: r.centre,
    createdAt: r.created_at,
    createdBy: r.created_by,
    endedAt: r.ended_at,
    endedBy: r.ended_by,
  }));
  const current = records
    .filter((m) => m.endedAt === null)
    .sort((a, b) => a.trialCode.localeCompare(b.trialCode));
  return [...current, ...records.filter((m) => m.endedAt !== null)];
}

export async function insertMembership(
  db: Db,
  membership: {
    userId: number;
    trialId: string;
    role: MemberRole;
    centre: string | null;
    createdBy: number | null;
  },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('trial_memberships')
    .values({
      user_id: membership.userId,
      trial_id: membership.trialId,
      role: membership.role,
      centre: membership.centre,
      created_at: now,
      created_by: membership.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Ends a current membership; the row stays as history. */
export async function endMembership(db: Db, id: number, endedBy: number, now: string): Promise<void> {
  await db
    .updateTable('trial_memberships')
    .set({ ended_at: now, ended_by: endedBy })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .execute();
}
