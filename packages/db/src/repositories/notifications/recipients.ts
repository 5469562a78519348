// Who a notification goes to: the active accounts whose current membership of the trial has the role (and,
// for coordinators, the centre). Administrators are not members of trials and get none of these.
import type { MemberRole } from '@trialdesk/domain';
import type { Db } from '../../database.js';

export interface Recipient {
  userId: number;
  email: string | null;
  lang: 'en' | 'nl';
}

export async function listTrialRecipients(
  db: Db,
  trialId: string,
  role: MemberRole,
  centre?: string | null,
): Promise<Recipient[]> {
  let q = db
    .selectFrom('trial_memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.mail_lang'])
    .where('m.trial_id', '=', trialId)
    .where('m.role', '=', role)
    .where('m.ended_at', 'is', null)
    .where('u.active', '=', 1)
    .orderBy('u.id');
  if (centre) q = q.where('m.centre', '=', centre);
  const rows = await q.execute();
  return rows.map((r) => ({
    userId: Number(r.id),
    email: r.email,
    lang: r.mail_lang === 'nl' ? 'nl' : 'en',
  }));
}

/** One account as a recipient (for a notice to a named person, such as a query's opener). */
export async function findRecipient(db: Db, userId: number): Promise<Recipient | undefined> {
  const r = await db
    .selectFrom('users')
    .select(['id', 'email', 'mail_lang', 'active'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!r || r.active !== 1) return undefined;
  return { userId: Number(r.id), email: r.email, lang: r.mail_lang === 'nl' ? 'nl' : 'en' };
}

/** The optional kinds each of these users switched off. */
export async function mailOffByUser(db: Db, userIds: number[]): Promise<Map<number, Set<string>>> {
  const out = new Map<number, Set<string>>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['user_id', 'kind'])
    .where('user_id', 'in', userIds)
    .where('mail', '=', 0)
    .execute();
  for (const r of rows) {
    const id = Number(r.user_id);
    if (!out.has(id)) out.set(id, new Set());
    out.get(id)!.add(r.kind);
  }
  return out;
}
