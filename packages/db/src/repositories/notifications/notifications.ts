// In-app notifications: one row per recipient, written in the transaction of the change that caused it.
// A dedupe key (per recipient) makes a second write of the same notice a no-op, so a rule that runs again,
// or a second instance running the same job, never notifies twice.
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../schema.js';
import type { Db } from '../../database.js';

export interface NotificationRecord {
  id: number;
  userId: number;
  trialId: string | null;
  kind: string;
  params: unknown;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NewNotification {
  userId: number;
  trialId: string | null;
  kind: string;
  params: unknown;
  link: string | null;
  dedupeKey: string | null;
  createdAt: string;
}

/** The new row's id, or null when the recipient already has a notification with this dedupe key. */
export async function insertNotification(db: Db, n: NewNotification): Promise<number | null> {
  const row = await db
    .insertInto('notifications')
    .values({
      user_id: n.userId,
      trial_id: n.trialId,
      kind: n.kind,
      params: JSON.stringify(n.params),
      link: n.link,
      dedupe_key: n.dedupeKey,
      created_at: n.createdAt,
    })
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

/**
 * The trials whose notices a reader still sees: null for every trial (an administrator), else the trials
 * they are a member of now. A notice of a trial they left stays stored but is no longer shown: its study ID
 * and link belong to a trial that, for them, does not exist any more.
 */
export type NoticeTrials = readonly string[] | null;

const inTrials = (trials: readonly string[]) => (eb: ExpressionBuilder<Database, 'notifications'>) =>
  trials.length === 0
    ? eb('trial_id', 'is', null)
    : eb.or([eb('trial_id', 'is', null), eb('trial_id', 'in', [...trials])]);

export async function listNotifications(
  db: Db,
  userId: number,
  limit: number,
  trials: NoticeTrials = null,
): Promise<NotificationRecord[]> {
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .$if(trials !== null, (q) => q.where(inTrials(trials ?? [])))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    userId: Number(r.user_id),
    trialId: r.trial_id,
    kind: r.kind,
    params: JSON.parse(r.params) as unknown,
    link: r.link,
    createdAt: r.created_at,
    readAt: r.read_at,
  }));
}

export async function countUnread(db: Db, userId: number, trials: NoticeTrials = null): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .$if(trials !== null, (q) => q.where(inTrials(trials ?? [])))
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the user's own notifications read (all of them when ids is null); answers how many changed. */
export async function markNotificationsRead(
  db: Db,
  userId: number,
  ids: number[] | null,
  now: string,
): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids) q = q.where('id', 'in', ids.length ? ids : [-1]);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
