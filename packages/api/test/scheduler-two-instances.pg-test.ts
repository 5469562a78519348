// Scheduled work runs once across instances: two schedulers (two pools, as two server processes have) on one
// PostgreSQL database tick at the same moment, many times; the week's digest is claimed by one of them, each
// coordinator is notified once, and each mail reaches the SMTP server once although both instances deliver.
import { openDatabase, type OpenDatabase } from '@trialdesk/db';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOverdueDigest } from '../src/jobs/overdue-digest.js';
import { startScheduler } from '../src/jobs/scheduler.js';
import { deliverDueMails } from '../src/mail/deliver.js';
import { smtpTransport } from '../src/mail/transport.js';
import { createHarness, type Harness } from './harness.js';

let h: Harness;
let second: OpenDatabase;
let smtp: SMTPServer;
let port: number;
const received: string[] = [];

beforeAll(async () => {
  h = await createHarness();
  const url = (h.open as OpenDatabase & { url?: string }).url;
  if (!url) throw new Error('scheduler-two-instances runs on the PostgreSQL pass only');
  second = await openDatabase({ engine: 'postgres', url }, { migrate: false, poolSize: 4 });
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received.push(...session.envelope.rcptTo.map((r) => r.address));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await second.close();
  await h.close();
});

describe('two scheduler instances on one PostgreSQL database', () => {
  it('send the weekly digest once', async () => {
    const admin = await h.as('admin');
    const coordinators = await h.rows<{ id: number; username: string }>(
      "SELECT id, username FROM users WHERE role = 'coordinator' ORDER BY id",
    );
    for (const c of coordinators)
      await admin.users.setEmail({ userId: Number(c.id), email: `${c.username}@example.nl` });
    // Monday 30 November 2026, 09:00 in Amsterdam.
    const clock = () => new Date('2026-11-30T08:00:00.000Z');
    const from = 'Trialdesk <trialdesk@test.example>';
    const schedulerOn = (open: OpenDatabase, instance: string) => {
      const transport = smtpTransport(`smtp://127.0.0.1:${port}?ignoreTLS=true`);
      return startScheduler(
        [
          { name: 'digest', run: () => runOverdueDigest({ db: open.db, clock, instance }) },
          { name: 'mail', run: () => deliverDueMails(open.db, clock, transport, { from }) },
        ],
        0,
        (message, error) => {
          throw new Error(`${message} ${String(error)}`);
        },
      );
    };
    const a = schedulerOn(h.open, 'instance-a');
    const b = schedulerOn(second, 'instance-b');
    // Both instances tick together, five times over.
    for (let round = 0; round < 5; round++) await Promise.all([a.tick(), b.tick()]);

    const runs = await h.rows<{ instance: string; result: string }>(
      "SELECT instance, result FROM job_runs WHERE job = 'digest.overdue_visits' AND run_key = '2026-11-30'",
    );
    expect(runs).toHaveLength(1);
    expect(['instance-a', 'instance-b']).toContain(runs[0]!.instance);
    // This week's digest (the demo seed holds last week's, already claimed).
    const digests = await h.rows<{ user_id: number; n: number }>(
      "SELECT user_id, count(*) AS n FROM notifications WHERE kind = 'digest.overdue_visits' AND dedupe_key LIKE '%:2026-11-30' GROUP BY user_id, trial_id",
    );
    expect(digests.length).toBeGreaterThan(0);
    expect(digests.every((d) => Number(d.n) === 1)).toBe(true);
    const mails = await h.rows<{ to_address: string; status: string }>(
      `SELECT o.to_address, o.status FROM mail_outbox o JOIN notifications n ON n.id = o.notification_id
        WHERE n.kind = 'digest.overdue_visits' AND n.dedupe_key LIKE '%:2026-11-30' ORDER BY o.id`,
    );
    expect(mails.length).toBe(digests.length);
    expect(mails.every((m) => m.status === 'sent')).toBe(true);
    // Every mail arrived exactly once (the demo's own waiting mails went out too, each once).
    const demoMails = await h.rows<{ to_address: string }>(
      "SELECT to_address FROM mail_outbox WHERE message_id LIKE '<demo-%'",
    );
    expect(received.slice().sort()).toEqual([...mails, ...demoMails].map((m) => m.to_address).sort());
  });
});
