// The "report coming due" job runs once across instances: two schedulers (two pools, as two server processes
// have) on one PostgreSQL database tick together, many times, at the SUSAR's "coming due" and again at its
// "overdue" instant; each threshold is claimed once in job_runs, each person notified once per threshold, and
// each mail reaches the SMTP server once although both instances deliver.
import { openDatabase, type OpenDatabase } from '@trialdesk/db';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSaeDueNotices } from '../src/jobs/sae-due-notices.js';
import { startScheduler } from '../src/jobs/scheduler.js';
import { deliverDueMails } from '../src/mail/deliver.js';
import { smtpTransport } from '../src/mail/transport.js';
import { demoTrial, reportHepatitisSusar, trialId, type DemoTrial } from './demo-trial.js';
import type { Harness } from './harness.js';

let demo: DemoTrial;
let h: Harness;
let second: OpenDatabase;
let smtp: SMTPServer;
let port: number;
const received: { to: string; subject: string }[] = [];

beforeAll(async () => {
  demo = await demoTrial();
  h = demo.h;
  const url = (h.open as OpenDatabase & { url?: string }).url;
  if (!url) throw new Error('sae-due-two-instances runs on the PostgreSQL pass only');
  second = await openDatabase({ engine: 'postgres', url }, { migrate: false, poolSize: 4 });
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          for (const r of session.envelope.rcptTo)
            received.push({ to: r.address, subject: mail.subject ?? '' });
          callback();
        })
        .catch(callback);
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
  it('send each "report coming due" mail once per threshold', async () => {
    const pi = await demo.as('pi');
    const coord = await demo.as('coord-emc');
    await pi.notifications.saveSettings({ email: 'pi@pump3.example.org', lang: 'en', mailOff: [] });
    await coord.notifications.saveSettings({ email: 'coord@emc.example.nl', lang: 'en', mailOff: [] });
    const studyId = demo.aParticipant();
    const { saeId, susar } = await reportHepatitisSusar(h, coord, studyId);
    expect(susar).toBe(true);

    const clock = () => h.clock.now;
    const from = 'Trialdesk <trialdesk@test.example>';
    const schedulerOn = (open: OpenDatabase, instance: string) => {
      const transport = smtpTransport(`smtp://127.0.0.1:${port}?ignoreTLS=true`);
      return startScheduler(
        [
          { name: 'sae.due', run: () => runSaeDueNotices({ db: open.db, clock, instance }) },
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
    // Coming due (2 days before 5 December 09:00 Amsterdam), then overdue: both instances tick together, five
    // times over, at each.
    for (const now of ['2026-12-03T08:00:00.000Z', '2026-12-05T08:00:00.001Z']) {
      h.clock.now = new Date(now);
      for (let round = 0; round < 5; round++) await Promise.all([a.tick(), b.tick()]);
    }

    const runs = await h.rows<{ run_key: string; instance: string }>(
      "SELECT run_key, instance FROM job_runs WHERE job = 'sae.due' AND run_key LIKE ? ORDER BY run_key",
      `${trialId}:sae:${saeId}:%`,
    );
    expect(runs.map((r) => r.run_key)).toEqual([
      `${trialId}:sae:${saeId}:susar:coming_due`,
      `${trialId}:sae:${saeId}:susar:overdue`,
    ]);
    const notices = await h.rows<{ username: string; n: number }>(
      `SELECT u.username, count(*) AS n FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.kind = 'sae.due' AND n.dedupe_key LIKE ? GROUP BY u.username ORDER BY u.username`,
      `sae.due:${trialId}:sae:${saeId}:%`,
    );
    expect(notices.map((r) => [r.username, Number(r.n)])).toEqual([
      ['coord-emc', 2],
      ['pi', 2],
    ]);
    const mine = received
      .filter((r) => r.subject.includes(studyId) && r.subject.includes('SUSAR report'))
      .map((r) => `${r.to} ${r.subject}`)
      .sort();
    expect(mine).toEqual([
      `coord@emc.example.nl [PUMP-III] SUSAR report for ${studyId} is coming due`,
      `coord@emc.example.nl [PUMP-III] SUSAR report for ${studyId} is overdue`,
      `pi@pump3.example.org [PUMP-III] SUSAR report for ${studyId} is coming due`,
      `pi@pump3.example.org [PUMP-III] SUSAR report for ${studyId} is overdue`,
    ]);
  });
});
