// The mail outbox: every mail Trialdesk means to send, written in the transaction of the change that caused
// it, and the queue that delivery works from after commit. A mail is pending until an instance claims it
// (status 'sending' with a lease), then sent, or pending again with a later attempt time, or failed after
// the last attempt; a failed mail stays in the outbox for the administrator to see. Claiming takes rows
// with FOR UPDATE SKIP LOCKED on PostgreSQL, so two instances never claim the same mail; on SQLite one
// process writes at a time. Nothing is ever deleted.
import { engineOf } from '../../engine/locks.js';
import type { Db } from '../../database.js';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxMail {
  id: number;
  notificationId: number | null;
  userId: number;
  to: string;
  lang: 'en' | 'nl';
  subject: string;
  body: string;
  messageId: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface NewOutboxMail {
  notificationId: number | null;
  userId: number;
  to: string;
  lang: 'en' | 'nl';
  subject: string;
  body: string;
  messageId: string;
  createdAt: string;
}

function toMail(r: {
  id: number;
  notification_id: number | null;
  user_id: number;
  to_address: string;
  lang: string;
  subject: string;
  body: string;
  message_id: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}): OutboxMail {
  return {
    id: Number(r.id),
    notificationId: r.notification_id === null ? null : Number(r.notification_id),
    userId: Number(r.user_id),
    to: r.to_address,
    lang: r.lang === 'nl' ? 'nl' : 'en',
    subject: r.subject,
    body: r.body,
    messageId: r.message_id,
    status: r.status,
    attempts: Number(r.attempts),
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

export async function insertOutboxMail(db: Db, m: NewOutboxMail): Promise<number> {
  const row = await db
    .insertInto('mail_outbox')
    .values({
      notification_id: m.notificationId,
      user_id: m.userId,
      to_address: m.to,
      lang: m.lang,
      subject: m.subject,
      body: m.body,
      message_id: m.messageId,
      status: 'pending',
      next_attempt_at: m.createdAt,
      created_at: m.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export interface OutboxFilter {
  status?: OutboxStatus | undefined;
  limit: number;
  /** Rows with an id below this one (paging backwards, newest first). */
  before?: number | undefined;
}

export async function listOutbox(db: Db, filter: OutboxFilter): Promise<OutboxMail[]> {
  let q = db.selectFrom('mail_outbox').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.before !== undefined) q = q.where('id', '<', filter.before);
  return (await q.execute()).map(toMail);
}

export async function countOutbox(db: Db): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const out: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

/**
 * Claims up to `limit` mails that are due (pending and due, or 'sending' with an expired lease: the
 * instance that claimed them died) for this caller: status 'sending', the lease, one more attempt.
 */
export async function claimDueMails(
  db: Db,
  now: string,
  leaseUntil: string,
  limit: number,
): Promise<OutboxMail[]> {
  return db.transaction().execute(async (trx) => {
    let due = trx
      .selectFrom('mail_outbox')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
          eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
        ]),
      )
      .orderBy('id')
      .limit(limit);
    if (engineOf(trx) === 'postgres') due = due.forUpdate().skipLocked();
    const ids = (await due.execute()).map((r) => Number(r.id));
    if (ids.length === 0) return [];
    const rows = await trx
      .updateTable('mail_outbox')
      .set((eb) => ({ status: 'sending', lease_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', ids)
      .returningAll()
      .execute();
    return rows.map(toMail).sort((a, b) => a.id - b.id);
  });
}

export async function markMailSent(db: Db, id: number, now: string): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ status: 'sent', sent_at: now, lease_until: null, last_error: null })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}

/** A failed attempt: pending again at `retryAt`, or failed for good when retryAt is null. */
export async function markMailAttemptFailed(
  db: Db,
  id: number,
  error: string,
  retryAt: string | null,
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({
      status: retryAt ? 'pending' : 'failed',
      next_attempt_at: retryAt ?? undefined,
      lease_until: null,
      last_error: error.slice(0, 500),
    })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}
