// Audit payloads of the notification settings, spread into the one audit union (audit-events.ts). Who may be
// reached where is part of the record: an address set by an administrator or by its owner, and which
// optional mails a person switched off. Deliveries themselves are the outbox's own history, not audit rows.
import { z } from 'zod';
import { mailLangs, notificationKinds } from './kinds.js';

const text = z.string();
const envelope = {
  entityId: text.nullable(),
  trialId: text.nullable(),
  centre: text.nullable(),
  participant: text.nullable(),
  reason: text.nullable(),
};
const user = z.literal('user');
const settings = z.strictObject({
  lang: z.enum(mailLangs),
  mailOff: z.array(z.enum(notificationKinds)),
});

export const notificationAuditEvents = [
  z.strictObject({
    action: z.literal('user.email_changed'),
    entityType: user,
    ...envelope,
    before: z.strictObject({ email: text.nullable() }),
    after: z.strictObject({ email: text.nullable() }),
  }),
  z.strictObject({
    action: z.literal('notification.settings_changed'),
    entityType: user,
    ...envelope,
    before: settings,
    after: settings,
  }),
] as const;

export const notificationAuditActions = {
  'user.email_changed':
    "An account's email address was set, changed or removed (by an administrator or its owner).",
  'notification.settings_changed':
    'A user changed their mail language or switched optional notification mails on or off.',
} as const;
