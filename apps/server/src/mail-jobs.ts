// The instance's scheduled work: the weekly overdue-visit digest, the SAE and SUSAR reports coming due, then delivery of the mail outbox when
// SMTP_URL is set (without it, mails stay in the outbox for the administrator: demo mode). Every instance
// runs this; the database decides which instance does each piece (job_runs for the digest, the outbox's
// claim with FOR UPDATE SKIP LOCKED on PostgreSQL for the mails).
import os from 'node:os';
import {
  deliverDueMails,
  runOverdueDigest,
  runSaeDueNotices,
  smtpTransport,
  startScheduler,
} from '@trialdesk/api';
import type { Db } from '@trialdesk/db';
import type { Config } from './config.js';

export function startMailJobs(db: Db, clock: () => Date, config: Config): () => void {
  if (config.SCHEDULER_SECONDS === 0) return () => undefined;
  const instance = `${os.hostname()}:${process.pid}`;
  const transport = config.SMTP_URL ? smtpTransport(config.SMTP_URL) : null;
  const scheduler = startScheduler(
    [
      { name: 'digest.overdue_visits', run: () => runOverdueDigest({ db, clock, instance }) },
      { name: 'sae.due', run: () => runSaeDueNotices({ db, clock, instance }) },
      ...(transport
        ? [
            {
              name: 'mail.delivery',
              run: () =>
                deliverDueMails(db, clock, transport, {
                  from: config.MAIL_FROM,
                  appUrl: config.APP_URL ?? null,
                }),
            },
          ]
        : []),
    ],
    config.SCHEDULER_SECONDS * 1000,
  );
  void scheduler.tick();
  return () => {
    scheduler.stop();
    transport?.close();
  };
}
