// The logged-in user's notifications (the bell and its page) and mail settings, and the administrator's
// view of the mail outbox. A notification's words are made in the reader's language when it is read.
import {
  countOutbox,
  countUnread,
  listNotifications,
  listOutbox,
  markNotificationsRead,
} from '@trialdesk/db';
import {
  notificationKinds,
  renderNotification,
  type NotificationKind,
  type NotificationParams,
} from '@trialdesk/domain';
import { z } from 'zod';
import { trialsWith } from '../../access/trial-access.js';
import { nowIso } from '../../context.js';
import { authedProcedure, procedureWith, router } from '../../trpc.js';
import {
  listInput,
  listOutput,
  markReadInput,
  outboxInput,
  outboxOutput,
  saveSettingsInput,
  settingsOutput,
} from '../../use-cases/notifications/schemas.js';
import { loadSettings, saveOwnSettings } from '../../use-cases/notifications/settings.js';

const isKind = (k: string): k is NotificationKind => (notificationKinds as readonly string[]).includes(k);

export const notificationsRouter = router({
  /** The newest notifications of the logged-in user, in their language, and how many are unread. */
  list: authedProcedure
    .input(listInput)
    .output(listOutput)
    .query(async ({ ctx, input }) => {
      // Only the trials the reader is a member of now: a notice of a trial they left names its participants.
      const trials = await trialsWith(ctx.db, ctx.user, 'trial:read');
      const rows = await listNotifications(ctx.db, ctx.user.id, input.limit, trials);
      const items = rows.flatMap((n) => {
        if (!isKind(n.kind)) return [];
        const text = renderNotification(n.kind, n.params as NotificationParams, ctx.lang);
        return [
          {
            id: n.id,
            kind: n.kind,
            trialId: n.trialId,
            title: text.subject,
            body: text.body,
            link: n.link,
            createdAt: n.createdAt,
            read: n.readAt !== null,
          },
        ];
      });
      return { unread: await countUnread(ctx.db, ctx.user.id, trials), items };
    }),

  /**
   * Marks the user's own notifications read (these ids, or all). Not audited: it is the reader's own view
   * of their list, like a session's last-seen time, and changes nothing anyone else sees.
   */
  markRead: authedProcedure
    .input(markReadInput)
    .output(z.object({ marked: z.number() }))
    .mutation(async ({ ctx, input }) => ({
      marked: await markNotificationsRead(ctx.db, ctx.user.id, input.ids ?? null, nowIso(ctx)),
    })),

  /** The user's address, mail language and which kinds are mailed (mandatory kinds always are). */
  settings: authedProcedure.output(settingsOutput).query(({ ctx }) => loadSettings(ctx.db, ctx.user.id)),

  saveSettings: authedProcedure
    .input(saveSettingsInput)
    .output(settingsOutput)
    .mutation(({ ctx, input }) => saveOwnSettings(ctx, input)),

  /** Every mail Trialdesk meant to send, newest first: in demo mode (no SMTP_URL) this is where they are. */
  outbox: procedureWith('user:manage')
    .input(outboxInput)
    .output(outboxOutput)
    .query(async ({ ctx, input }) => {
      const [items, counts] = await Promise.all([
        listOutbox(ctx.db, { status: input.status, before: input.before, limit: input.limit }),
        countOutbox(ctx.db),
      ]);
      return { delivery: ctx.mailDelivery, counts, items };
    }),
});
