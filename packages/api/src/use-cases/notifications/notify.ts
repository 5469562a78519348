// notify(): the one way a change tells people about itself. Call it inside the transaction of the change
// (the one that writes its audit entry): the in-app notification and, where the person has an address and
// wants this kind by mail, an outbox row are written there, so they exist exactly when the change committed
// and never for a change that rolled back. Delivery happens after commit, from the outbox (mail-delivery.ts).
//
//   await notify(trx, deps, {
//     kind: 'sae.new', trialId, recipients: await recipientsInTrial(trx, trialId, 'pi'),
//     params: { trial: 'PUMP-III', studyId, due }, link: `/trials/${trialId}/…`, dedupeKey: `sae:${id}`,
//   });
import { randomUUID } from 'node:crypto';
import {
  insertNotification,
  insertOutboxMail,
  listTrialRecipients,
  mailOffByUser,
  type Db,
  type Recipient,
} from '@trialdesk/db';
import {
  mailWanted,
  renderNotification,
  type MemberRole,
  type NotificationKind,
  type NotificationParams,
} from '@trialdesk/domain';

export type { Recipient } from '@trialdesk/db';

export interface NotifyRequest {
  kind: NotificationKind;
  trialId: string | null;
  recipients: readonly Recipient[];
  params: NotificationParams;
  /** Where the notice leads in the app (a path such as /trials/pump-iii/queries). */
  link: string | null;
  /**
   * The same key never notifies the same person twice (a rule that runs again, a job on two instances).
   * Null: every call notifies.
   */
  dedupeKey?: string | null;
}

export interface NotifyResult {
  notified: number;
  mailed: number;
}

/** The line a mail ends with; delivery makes the path absolute when APP_URL is set. */
export const MAIL_LINK_PREFIX = 'Trialdesk: ';

export async function notify(
  trx: Db,
  deps: { clock: () => Date },
  request: NotifyRequest,
): Promise<NotifyResult> {
  const at = deps.clock().toISOString();
  const recipients = uniqueRecipients(request.recipients);
  const off = await mailOffByUser(
    trx,
    recipients.map((r) => r.userId),
  );
  let notified = 0;
  let mailed = 0;
  for (const r of recipients) {
    const notificationId = await insertNotification(trx, {
      userId: r.userId,
      trialId: request.trialId,
      kind: request.kind,
      params: request.params,
      link: request.link,
      dedupeKey: request.dedupeKey ?? null,
      createdAt: at,
    });
    if (notificationId === null) continue;
    notified += 1;
    if (!r.email || !mailWanted(request.kind, off.get(r.userId) ?? new Set())) continue;
    const text = renderNotification(request.kind, request.params, r.lang);
    await insertOutboxMail(trx, {
      notificationId,
      userId: r.userId,
      to: r.email,
      lang: r.lang,
      subject: text.subject,
      body: request.link ? `${text.body}\n\n${MAIL_LINK_PREFIX}${request.link}` : text.body,
      messageId: `<${randomUUID()}@trialdesk>`,
      createdAt: at,
    });
    mailed += 1;
  }
  return { notified, mailed };
}

/** The active members of a trial with this role (coordinators: of this centre), as recipients. */
export function recipientsInTrial(
  trx: Db,
  trialId: string,
  role: MemberRole,
  centre?: string | null,
): Promise<Recipient[]> {
  return listTrialRecipients(trx, trialId, role, centre);
}

function uniqueRecipients(list: readonly Recipient[]): Recipient[] {
  const seen = new Map<number, Recipient>();
  for (const r of list) if (!seen.has(r.userId)) seen.set(r.userId, r);
  return [...seen.values()];
}
