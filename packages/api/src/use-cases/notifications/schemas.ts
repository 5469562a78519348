// The boundary of the notification procedures: what a user or an administrator may send, and what leaves.
import { emailSchema, mailLangs, notificationKinds } from '@trialdesk/domain';
import { z } from 'zod';

const kind = z.enum(notificationKinds);
/** An address, or null to remove it (mail then stops; the in-app list goes on). */
const emailOrNone = emailSchema.nullable();

export const setEmailInput = z.strictObject({ userId: z.number().int().positive(), email: emailOrNone });

export const saveSettingsInput = z.strictObject({
  email: emailOrNone,
  lang: z.enum(mailLangs),
  /** The optional kinds whose mail is off; every other kind is mailed. */
  mailOff: z.array(kind).max(notificationKinds.length),
});

export const settingsOutput = z.object({
  email: z.string().nullable(),
  lang: z.enum(mailLangs),
  kinds: z.array(z.object({ kind, optional: z.boolean(), mail: z.boolean() })),
});

export const listInput = z
  .strictObject({ limit: z.number().int().min(1).max(200).default(50) })
  .default({ limit: 50 });

export const notificationOutput = z.object({
  id: z.number(),
  kind,
  trialId: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});

export const listOutput = z.object({ unread: z.number(), items: z.array(notificationOutput) });

export const markReadInput = z.strictObject({
  /** The notifications to mark read; omitted: all of the user's. */
  ids: z.array(z.number().int().positive()).max(200).optional(),
});

const outboxStatus = z.enum(['pending', 'sending', 'sent', 'failed']);
export const outboxInput = z
  .strictObject({
    status: outboxStatus.optional(),
    before: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .default({ limit: 50 });

export const outboxOutput = z.object({
  /** 'smtp' when SMTP_URL is set; 'outbox' in demo mode (mails are kept here, not sent). */
  delivery: z.enum(['smtp', 'outbox']),
  counts: z.object({ pending: z.number(), sending: z.number(), sent: z.number(), failed: z.number() }),
  items: z.array(
    z.object({
      id: z.number(),
      to: z.string(),
      lang: z.enum(mailLangs),
      subject: z.string(),
      body: z.string(),
      status: outboxStatus,
      attempts: z.number(),
      nextAttemptAt: z.string(),
      lastError: z.string().nullable(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
});
