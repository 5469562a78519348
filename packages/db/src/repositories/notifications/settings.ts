// An account's mail address, mail language and the optional mails it switched off.
import type { Db } from '../../database.js';

export interface MailSettings {
  email: string | null;
  lang: 'en' | 'nl';
  /** Kinds whose mail the user switched off. */
  mailOff: string[];
}

export async function loadMailSettings(db: Db, userId: number): Promise<MailSettings | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['email', 'mail_lang'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return undefined;
  const off = await db
    .selectFrom('notification_preferences')
    .select('kind')
    .where('user_id', '=', userId)
    .where('mail', '=', 0)
    .orderBy('kind')
    .execute();
  return {
    email: user.email,
    lang: user.mail_lang === 'nl' ? 'nl' : 'en',
    mailOff: off.map((r) => r.kind),
  };
}

export async function setUserEmail(db: Db, userId: number, email: string | null): Promise<void> {
  await db.updateTable('users').set({ email }).where('id', '=', userId).execute();
}

export async function setMailLang(db: Db, userId: number, lang: 'en' | 'nl'): Promise<void> {
  await db.updateTable('users').set({ mail_lang: lang }).where('id', '=', userId).execute();
}

/** One preference row per kind the user has ever set; `mail` false switches that kind's mail off. */
export async function setMailPreference(
  db: Db,
  userId: number,
  kind: string,
  mail: boolean,
  now: string,
): Promise<void> {
  await db
    .insertInto('notification_preferences')
    .values({ user_id: userId, kind, mail: mail ? 1 : 0, updated_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ mail: mail ? 1 : 0, updated_at: now }))
    .execute();
}
