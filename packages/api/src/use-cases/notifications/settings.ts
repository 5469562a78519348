// Email addresses and mail settings. An administrator sets any account's address (users.setEmail); each
// user sets their own address, mail language and which optional mails they want (notifications.saveSettings).
// Every change is audited in its transaction; saving what is already stored writes nothing.
import {
  loadMailSettings,
  setMailLang,
  setMailPreference,
  setUserEmail,
  writeTransaction,
  type Db,
  type MailSettings,
} from '@trialdesk/db';
import {
  entryMessage,
  isOptionalKind,
  notificationKinds,
  type AuditEvent,
  type NotificationKind,
} from '@trialdesk/domain';
import type { z } from 'zod';
import { nowIso } from '../../context.js';
import { invalidInput } from '../../errors.js';
import { audit, type AuthedContext } from '../../trpc.js';
import { writeAudit, type UseCaseDeps } from '../deps.js';
import { loadUser } from '../users/account-rules.js';
import type { saveSettingsInput, setEmailInput, settingsOutput } from './schemas.js';

function emailEvent(userId: number, centre: string | null, before: string | null, after: string | null) {
  return {
    action: 'user.email_changed',
    entityType: 'user',
    entityId: String(userId),
    trialId: null,
    centre,
    participant: null,
    reason: null,
    before: { email: before },
    after: { email: after },
  } as const satisfies AuditEvent;
}

export function setAccountEmail(
  deps: UseCaseDeps,
  input: z.output<typeof setEmailInput>,
): Promise<{ userId: number; changed: boolean }> {
  return writeTransaction(deps.db, async (trx) => {
    const user = await loadUser(trx, input.userId);
    if (user.email === input.email) return { userId: user.id, changed: false };
    await setUserEmail(trx, user.id, input.email);
    await writeAudit(deps, trx, emailEvent(user.id, user.centre, user.email, input.email));
    return { userId: user.id, changed: true };
  });
}

export function describeSettings(s: MailSettings): z.output<typeof settingsOutput> {
  const off = new Set(s.mailOff);
  return {
    email: s.email,
    lang: s.lang,
    kinds: notificationKinds.map((kind) => ({
      kind,
      optional: isOptionalKind(kind),
      mail: !isOptionalKind(kind) || !off.has(kind),
    })),
  };
}

export async function loadSettings(db: Db, userId: number) {
  const s = await loadMailSettings(db, userId);
  if (!s) throw new Error(`account ${userId} vanished`);
  return describeSettings(s);
}

export async function saveOwnSettings(
  ctx: AuthedContext,
  input: z.output<typeof saveSettingsInput>,
): Promise<z.output<typeof settingsOutput>> {
  const mandatory = input.mailOff.filter((k) => !isOptionalKind(k));
  if (mandatory.length > 0)
    throw invalidInput(
      { mailOff: mandatory.map((kind) => entryMessage('notify.kind.mandatory', ctx.lang, { kind })) },
      'notify.kind.mandatory',
    );
  const { user } = ctx;
  return writeTransaction(ctx.db, async (trx) => {
    const before = await loadMailSettings(trx, user.id);
    if (!before) throw new Error(`account ${user.id} vanished`);
    if (before.email !== input.email) {
      await setUserEmail(trx, user.id, input.email);
      await audit(ctx, trx, emailEvent(user.id, user.centre, before.email, input.email));
    }
    const wantOff = [...new Set(input.mailOff)].sort();
    const wasOff = before.mailOff.filter((k): k is NotificationKind =>
      (notificationKinds as readonly string[]).includes(k),
    );
    if (before.lang !== input.lang || wantOff.join() !== wasOff.join()) {
      const now = nowIso(ctx);
      await setMailLang(trx, user.id, input.lang);
      for (const kind of notificationKinds.filter(isOptionalKind))
        if (wantOff.includes(kind) !== wasOff.includes(kind))
          await setMailPreference(trx, user.id, kind, !wantOff.includes(kind), now);
      await audit(ctx, trx, {
        action: 'notification.settings_changed',
        entityType: 'user',
        entityId: String(user.id),
        trialId: null,
        centre: user.centre,
        participant: null,
        reason: null,
        before: { lang: before.lang, mailOff: wasOff },
        after: { lang: input.lang, mailOff: wantOff },
      });
    }
    return loadSettings(trx, user.id);
  });
}
