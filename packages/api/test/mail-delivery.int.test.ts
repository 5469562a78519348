// Mail delivery against a real SMTP server started in this test process (smtp-server on 127.0.0.1, a free
// port), through nodemailer with an smtp:// URL as the server uses it: what arrives (recipient, subject,
// language, no participant data beyond the study ID), retries with backoff, no duplicates, failures kept.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backoffMs, deliverDueMails } from '../src/mail/deliver.js';
import { smtpTransport } from '../src/mail/transport.js';
import { runOverdueDigest } from '../src/jobs/overdue-digest.js';
import { createHarness, type Harness } from './harness.js';

interface Received {
  to: string[];
  mail: ParsedMail;
}

let h: Harness;
let server: SMTPServer;
let port: number;
const received: Received[] = [];
/** Recipients the server refuses: 'temporary' (451) or 'permanent' (550). */
const refuse = new Map<string, 'temporary' | 'permanent'>();

beforeAll(async () => {
  h = await createHarness();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const how = refuse.get(address.address);
      if (!how) return callback();
      const error = Object.assign(new Error(how === 'permanent' ? 'No such mailbox' : 'Try again later'), {
        responseCode: how === 'permanent' ? 550 : 451,
      });
      callback(error);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as { port: number }).port;
  // The demo's own synthetic mails wait in the outbox (demo mode): they go out first, so each test counts its own.
  await deliver();
  received.length = 0;
});
afterEach(() => {
  received.length = 0;
  refuse.clear();
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await h.close();
});

const transport = () => smtpTransport(`smtp://127.0.0.1:${port}?ignoreTLS=true`);
const options = { from: 'Trialdesk <trialdesk@test.example>', appUrl: 'https://trialdesk.example.nl' };
const deliver = () => deliverDueMails(h.open.db, () => h.clock.now, transport(), options);

async function statusOf(to: string) {
  return h.rows<{ status: string; attempts: number; last_error: string | null; next_attempt_at: string }>(
    'SELECT status, attempts, last_error, next_attempt_at FROM mail_outbox WHERE to_address = ? ORDER BY id',
    to,
  );
}

describe('a query opened for a site arrives at its coordinator', () => {
  it('in their language, with the study ID and nothing else about the participant, once', async () => {
    const coord = await h.as('coord-ijsselland');
    await coord.notifications.saveSettings({ email: 'coord@ijsselland.example.nl', lang: 'nl', mailOff: [] });
    const coordEn = await h.as('coord-emc');
    await coordEn.notifications.saveSettings({ email: 'coord@emc.example.nl', lang: 'en', mailOff: [] });
    const monitor = await h.as('monitor');
    const participants = await monitor.participants.list({ trialId: 'pump-iii', centre: 'IJS', pageSize: 1 });
    const studyId = participants.rows[0]!.studyId;
    const { queryId } = await monitor.queries.open({
      trialId: 'pump-iii',
      studyId,
      text: 'Mevrouw De Vries, geboren 12-03-1954: klopt de datum?',
    });

    expect(await deliver()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(received).toHaveLength(1);
    const [{ to, mail }] = received as [Received];
    expect(to).toEqual(['coord@ijsselland.example.nl']);
    expect(mail.subject).toBe(`[PUMP-III] Datavraag ${queryId} over ${studyId}`);
    expect(mail.from?.value).toEqual([{ name: 'Trialdesk', address: 'trialdesk@test.example' }]);
    expect(mail.headers.get('content-language')).toBe('nl');
    expect(mail.text).toContain(studyId);
    expect(mail.text).toContain('https://trialdesk.example.nl/trials/pump-iii/queries');
    for (const leak of ['De Vries', '1954', '12-03']) expect(mail.text).not.toContain(leak);
    // The EMC coordinator was not addressed: the participant is not theirs.
    expect(received.flatMap((r) => r.to)).not.toContain('coord@emc.example.nl');

    // A second round sends nothing again.
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(received).toHaveLength(1);
    expect((await statusOf('coord@ijsselland.example.nl')).at(-1)?.status).toBe('sent');
  });
});

describe('retries and failures', () => {
  async function queueMailTo(address: string) {
    const admin = await h.as('admin');
    const id = Number((await h.row<{ id: number }>("SELECT id FROM users WHERE username = 'coord-avl'"))!.id);
    await admin.users.setEmail({ userId: id, email: address });
    const monitor = await h.as('monitor');
    const list = await monitor.participants.list({ trialId: 'pump-iii', centre: 'AVL', pageSize: 1 });
    await monitor.queries.open({ trialId: 'pump-iii', studyId: list.rows[0]!.studyId, text: 'Check' });
  }

  it('a temporary refusal is retried later with backoff, then sent once', async () => {
    await queueMailTo('later@avl.example.nl');
    refuse.set('later@avl.example.nl', 'temporary');
    expect(await deliver()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [row] = await statusOf('later@avl.example.nl');
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.last_error).toContain('Try again later');
    expect(Date.parse(row!.next_attempt_at) - h.clock.now.getTime()).toBe(backoffMs(1));
    // Not before its time…
    refuse.clear();
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });
    // …and then once.
    h.clock.now = new Date(h.clock.now.getTime() + backoffMs(1));
    expect(await deliver()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(received.filter((r) => r.to.includes('later@avl.example.nl'))).toHaveLength(1);
    expect((await statusOf('later@avl.example.nl'))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('a permanent refusal fails at once and stays visible to the administrator', async () => {
    await queueMailTo('nobody@avl.example.nl');
    refuse.set('nobody@avl.example.nl', 'permanent');
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 1 });
    const box = await (await h.as('admin')).notifications.outbox({ status: 'failed', limit: 10 });
    const failed = box.items.find((m) => m.to === 'nobody@avl.example.nl');
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed?.lastError).toContain('No such mailbox');
  });

  it('an unreachable server is retried until the last attempt, then failed', async () => {
    await queueMailTo('unreachable@avl.example.nl');
    const dead = smtpTransport('smtp://127.0.0.1:9?ignoreTLS=true&connectionTimeout=2000');
    const round = () => deliverDueMails(h.open.db, () => h.clock.now, dead, { ...options, maxAttempts: 3 });
    for (let attempt = 1; attempt <= 3; attempt++) {
      const result = await round();
      expect(result.sent).toBe(0);
      const [row] = await statusOf('unreachable@avl.example.nl');
      expect(row?.attempts).toBe(attempt);
      expect(row?.status).toBe(attempt < 3 ? 'pending' : 'failed');
      h.clock.now = new Date(h.clock.now.getTime() + backoffMs(attempt));
    }
  });
});

describe('the weekly digest of overdue visits', () => {
  it('reaches each centre’s coordinator once a week, in their language, listing study IDs only', async () => {
    // Monday 30 November 2026, 08:00 in Amsterdam: the week's digest is due.
    h.clock.now = new Date('2026-11-30T07:00:00.000Z');
    const run = await runOverdueDigest({ db: h.open.db, clock: () => h.clock.now, instance: 'test' });
    expect(run).toMatchObject({ week: '2026-11-30', ran: true });
    expect(run.notified).toBeGreaterThan(0);
    // A second tick the same week does nothing.
    expect(
      await runOverdueDigest({ db: h.open.db, clock: () => h.clock.now, instance: 'other' }),
    ).toMatchObject({ ran: false, notified: 0 });
    await deliver();
    const digests = received.filter((r) => r.mail.subject?.includes('PUMP-III'));
    const toNl = digests.find((r) => r.to.includes('coord@ijsselland.example.nl'));
    expect(toNl?.mail.subject).toMatch(/^\[PUMP-III\] \d+ achterstallige? bezoek(en)? in /);
    expect(toNl?.mail.text).toMatch(/PUMP3-IJS-\d{3}: maand \d+, venster tot /);
    expect(toNl?.mail.text).not.toMatch(/PUMP3-(EMC|AVL)-/);
    const toEn = digests.find((r) => r.to.includes('coord@emc.example.nl'));
    expect(toEn?.mail.subject).toMatch(/^\[PUMP-III\] \d+ overdue visits? at /);
    expect(toEn?.mail.text).toContain('https://trialdesk.example.nl/trials/pump-iii/worklist');
  });
});
