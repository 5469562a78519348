// "An SAE or SUSAR report is coming due": the scheduled job, with a fixed clock at each boundary, tells the
// trial's PIs and the reporting centre's coordinators once when a running report is coming due and once when it
// is overdue, in the app and by mail (checked at a real SMTP server in this process), never twice across runs
// or instances, and never for a report already made.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runSaeDueNotices } from '../src/jobs/sae-due-notices.js';
import { deliverDueMails } from '../src/mail/deliver.js';
import { smtpTransport } from '../src/mail/transport.js';
import { demoTrial, reportHepatitisSusar, trialId, type Caller, type DemoTrial } from './demo-trial.js';
import type { Harness } from './harness.js';

let h: Harness;
let coord: Caller;
let pi: Caller;
let smtp: SMTPServer;
let port: number;
let demo: DemoTrial;
const received: { to: string[]; mail: ParsedMail }[] = [];

beforeAll(async () => {
  demo = await demoTrial();
  h = demo.h;
  coord = await demo.as('coord-emc');
  pi = await demo.as('pi');
  await pi.notifications.saveSettings({ email: 'pi@pump3.example.org', lang: 'en', mailOff: [] });
  await coord.notifications.saveSettings({ email: 'coord@emc.example.nl', lang: 'nl', mailOff: [] });
  const avl = await demo.as('coord-avl');
  await avl.notifications.saveSettings({ email: 'coord@avl.example.nl', lang: 'en', mailOff: [] });
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as { port: number }).port;
});
afterEach(() => {
  received.length = 0;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await h.close();
});

const at = (iso: string) => {
  h.clock.now = new Date(iso);
};
const tick = (instance = 'test') => runSaeDueNotices({ db: h.open.db, clock: () => h.clock.now, instance });
const deliver = () =>
  deliverDueMails(h.open.db, () => h.clock.now, smtpTransport(`smtp://127.0.0.1:${port}?ignoreTLS=true`), {
    from: 'Trialdesk <trialdesk@test.example>',
    appUrl: 'https://trialdesk.example.nl',
  });

/** The 'sae.due' notices of one clock (its key), per recipient and threshold. */
async function noticesOf(clockKey: string) {
  const rows = await h.rows<{ username: string; dedupe_key: string; link: string }>(
    `SELECT u.username, n.dedupe_key, n.link FROM notifications n JOIN users u ON u.id = n.user_id
      WHERE n.kind = 'sae.due' AND n.dedupe_key LIKE ? ORDER BY u.username, n.id`,
    `sae.due:${trialId}:${clockKey}:%`,
  );
  return rows.map((r) => `${r.username} ${r.dedupe_key.slice(r.dedupe_key.lastIndexOf(':') + 1)}`);
}

/** The 'report coming due' mails about a participant (not the new-SAE mail the report itself sent). */
const mailsAbout = (studyId: string) =>
  received.filter((r) => r.mail.subject?.includes(studyId) && /report for|rapport voor/.test(r.mail.subject));

/** The 15-day SUSAR every test here starts from (demo-trial.ts); its id. */
async function susar(studyId: string): Promise<number> {
  const r = await reportHepatitisSusar(h, coord, studyId);
  expect(r.susar).toBe(true);
  return r.saeId;
}

describe('a SUSAR report coming due (15 days: due 5 December 2026, 09:00 Amsterdam)', () => {
  it('tells the PI and the site once at 2 days before, once when overdue, in the app and by mail', async () => {
    const studyId = demo.aParticipant();
    const saeId = await susar(studyId);
    const key = `sae:${saeId}:susar`;

    at('2026-12-03T07:59:59.999Z');
    await tick();
    expect(await noticesOf(key)).toEqual([]);

    at('2026-12-03T08:00:00.000Z');
    await tick();
    expect(await noticesOf(key)).toEqual(['coord-emc coming_due', 'pi coming_due']);
    await deliver();
    const first = mailsAbout(studyId);
    expect(first.map((r) => r.to).sort()).toEqual([['coord@emc.example.nl'], ['pi@pump3.example.org']]);
    const en = first.find((r) => r.to.includes('pi@pump3.example.org'))!.mail;
    expect(en.subject).toBe(`[PUMP-III] SUSAR report for ${studyId} is coming due`);
    expect(en.text).toContain('is due by 5 Dec 2026, 09:00 (Europe/Amsterdam)');
    expect(en.text).toContain(`https://trialdesk.example.nl/trials/${trialId}/participants/${studyId}`);
    expect(en.text).not.toContain('jaundice');
    const nl = first.find((r) => r.to.includes('coord@emc.example.nl'))!.mail;
    expect(nl.subject).toBe(`[PUMP-III] SUSAR-rapport voor ${studyId} moet binnenkort klaar zijn`);
    received.length = 0;

    // Another run, another instance, and the due instant itself (still on time): nothing new.
    await tick('other');
    at('2026-12-05T08:00:00.000Z');
    await tick();
    expect(await noticesOf(key)).toHaveLength(2);

    at('2026-12-05T08:00:00.001Z');
    await tick();
    expect(await noticesOf(key)).toEqual([
      'coord-emc coming_due',
      'coord-emc overdue',
      'pi coming_due',
      'pi overdue',
    ]);
    await tick('other');
    at('2026-12-09T08:00:00.000Z');
    await tick();
    expect(await noticesOf(key)).toHaveLength(4);
    await deliver();
    const overdue = mailsAbout(studyId);
    expect(overdue).toHaveLength(2);
    const piMail = overdue.find((r) => r.to.includes('pi@pump3.example.org'))!.mail;
    expect(piMail.subject).toBe(`[PUMP-III] SUSAR report for ${studyId} is overdue`);
    expect(piMail.text).toContain('was due by 5 Dec 2026, 09:00 (Europe/Amsterdam) and is overdue');
    // The other centre's coordinator hears nothing of it.
    expect(received.flatMap((r) => r.to)).not.toContain('coord@avl.example.nl');
    // The in-app list shows the same words.
    const listed = await pi.notifications.list({ limit: 50 });
    expect(listed.items.map((n) => n.title)).toContain(`[PUMP-III] SUSAR report for ${studyId} is overdue`);
  });

  it('says nothing once the SUSAR is reported to the authorities', async () => {
    const studyId = demo.aParticipant();
    const saeId = await susar(studyId);
    at('2026-12-03T08:00:00.000Z');
    await tick();
    expect(await noticesOf(`sae:${saeId}:susar`)).toHaveLength(2);
    await pi.safety.reportSusar({ trialId, saeId, reference: 'EU-EC-2026-0077' });
    at('2026-12-06T08:00:00.000Z');
    await tick();
    expect(await noticesOf(`sae:${saeId}:susar`)).toEqual(['coord-emc coming_due', 'pi coming_due']);
  });

  it('a clock first read when overdue gets only the overdue notice', async () => {
    const studyId = demo.aParticipant();
    const saeId = await susar(studyId);
    at('2026-12-10T08:00:00.000Z');
    await tick();
    expect(await noticesOf(`sae:${saeId}:susar`)).toEqual(['coord-emc overdue', 'pi overdue']);
  });
});

describe('a recorded death without an SAE report (24 hours from when it was entered)', () => {
  it('is coming due 6 hours before, overdue after; an SAE report stops it', async () => {
    const studyId = demo.aParticipant();
    at('2026-11-26T10:00:00.000Z');
    const { id: eventId } = await coord.entry.events.record({
      trialId,
      studyId,
      event: { type: 'death', date: '2026-11-25', cause: 'Liver failure' },
    });
    const key = `death:${eventId}:initial`;
    at('2026-11-27T03:59:59.999Z');
    await tick();
    expect(await noticesOf(key)).toEqual([]);
    at('2026-11-27T04:00:00.000Z');
    await tick();
    expect(await noticesOf(key)).toEqual(['coord-emc coming_due', 'pi coming_due']);
    await deliver();
    const [nl] = mailsAbout(studyId).filter((r) => r.to.includes('coord@emc.example.nl'));
    expect(nl?.mail.subject).toBe(`[PUMP-III] Eerste SAE-rapport voor ${studyId} moet binnenkort klaar zijn`);
    expect(nl?.mail.text).toContain('moet uiterlijk 27 nov 2026, 11:00 (Europe/Amsterdam) klaar zijn');
    at('2026-11-27T10:00:00.001Z');
    await tick();
    expect(await noticesOf(key)).toHaveLength(4);

    await coord.safety.reportSae({
      trialId,
      studyId,
      eventId,
      criteria: ['death'],
      assessments: [
        { intervention: 'floxuridine', causality: 'unlikely', expected: null },
        { intervention: 'pump', causality: 'not_related', expected: null },
        { intervention: 'surgery', causality: 'not_related', expected: null },
      ],
      awareAt: '2026-11-26T10:00',
      description: 'Died at home',
    });
    at('2026-11-30T10:00:00.000Z');
    await tick();
    expect(await noticesOf(key)).toHaveLength(4);
    const again = await tick('other');
    expect(again).toEqual({ claimed: 0, notified: 0, mailed: 0 });
  });
});
