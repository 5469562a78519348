// Delivery of the outbox, after commit: claim the mails that are due (a lease, so a second instance does
// not take them), hand each to the SMTP transport, and record what happened. A refused or unreachable send is
// retried with exponential backoff (1, 2, 4 … minutes, at most 6 hours apart) up to MAIL_MAX_ATTEMPTS; a
// permanent refusal (an SMTP 5xx such as "no such mailbox") fails at once. A failed mail stays in the outbox,
// visible to the administrator, with its last error. An instance that dies mid-send leaves the mail
// 'sending' until its lease runs out; it is then sent again with the same Message-ID, so the one case where
// a mail can arrive twice is recognisable as the same mail by any mail client.
import { claimDueMails, markMailAttemptFailed, markMailSent, type Db, type OutboxMail } from '@trialdesk/db';
import { MAIL_LINK_PREFIX } from '../use-cases/notifications/notify.js';

/** What delivery needs from nodemailer (a Transporter fits), so tests can also pass their own. */
export interface MailTransport {
  sendMail(mail: {
    from: string;
    to: string;
    subject: string;
    text: string;
    messageId: string;
    headers: Record<string, string>;
  }): Promise<unknown>;
}

export interface DeliveryOptions {
  from: string;
  /** The app's public address; links in mails are made absolute with it. */
  appUrl?: string | null;
  maxAttempts?: number;
  /** How long a claimed mail is this instance's to send before another may take it. */
  leaseMs?: number;
  batchSize?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 8;
const MAX_BACKOFF_MS = 6 * 60 * 60_000;

/** The wait before attempt n + 1 after n failed attempts: 1 minute, doubling, at most 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** Math.max(0, attempts - 1));
}

function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function describe(error: unknown): string {
  const e = error as { response?: unknown; message?: unknown };
  const text = typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : '';
  return text || String(error);
}

export function mailText(mail: OutboxMail, appUrl: string | null | undefined): string {
  if (!appUrl) return mail.body;
  return mail.body
    .split('\n')
    .map((line) =>
      line.startsWith(`${MAIL_LINK_PREFIX}/`)
        ? MAIL_LINK_PREFIX + new URL(line.slice(MAIL_LINK_PREFIX.length), appUrl).toString()
        : line,
    )
    .join('\n');
}

export interface DeliveryRound {
  sent: number;
  retried: number;
  failed: number;
}

/** One round: sends every mail due now (in batches) and answers what happened. */
export async function deliverDueMails(
  db: Db,
  clock: () => Date,
  transport: MailTransport,
  options: DeliveryOptions,
): Promise<DeliveryRound> {
  const round: DeliveryRound = { sent: 0, retried: 0, failed: 0 };
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  for (;;) {
    const now = clock();
    const claimed = await claimDueMails(
      db,
      now.toISOString(),
      new Date(now.getTime() + (options.leaseMs ?? 5 * 60_000)).toISOString(),
      options.batchSize ?? 20,
    );
    if (claimed.length === 0) return round;
    for (const mail of claimed) {
      try {
        await transport.sendMail({
          from: options.from,
          to: mail.to,
          subject: mail.subject,
          text: mailText(mail, options.appUrl),
          messageId: mail.messageId,
          headers: { 'Content-Language': mail.lang, 'Auto-Submitted': 'auto-generated' },
        });
        await markMailSent(db, mail.id, clock().toISOString());
        round.sent += 1;
      } catch (error) {
        const last = isPermanent(error) || mail.attempts >= maxAttempts;
        const retryAt = last ? null : new Date(clock().getTime() + backoffMs(mail.attempts)).toISOString();
        await markMailAttemptFailed(db, mail.id, describe(error), retryAt);
        if (last) round.failed += 1;
        else round.retried += 1;
      }
    }
  }
}
