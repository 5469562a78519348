// Serious adverse events through the API: the site reports on its own centre's events with the 24-hour
// clock settled at the instant of the report, SUSARs get their 7- or 15-day clock, a death is always an
// SAE, follow-up reports are kept in order, the PI reviews once, the steering committee sees counts only.
import { verifyAuditChain } from '@trialdesk/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, lastAudit, parsed } from './audit-helpers.js';
import { demoTrial, recordComplication, trialId, type Caller, type DemoTrial } from './demo-trial.js';
import { expectCode, type Harness } from './harness.js';

let h: Harness;
let coord: Caller;
let pi: Caller;
let steering: Caller;
let demo: DemoTrial;

beforeAll(async () => {
  demo = await demoTrial();
  h = demo.h;
  coord = await demo.as('coord-emc');
  pi = await demo.as('pi');
  steering = await demo.as('steering');
});
afterAll(() => h.close());

const notRelated = [
  { intervention: 'floxuridine', causality: 'not_related', expected: null },
  { intervention: 'pump', causality: 'possible', expected: true },
  { intervention: 'surgery', causality: 'unlikely', expected: null },
] as const;

function report(studyId: string, eventId: number, awareAt: string, extra: object = {}) {
  return {
    trialId,
    studyId,
    eventId,
    criteria: ['hospitalisation' as const],
    assessments: notRelated.map((a) => ({ ...a })),
    awareAt,
    description: 'Admitted for intravenous antibiotics',
    ...extra,
  };
}

describe('the initial report and its 24-hour clock', () => {
  it('is on time when it arrives exactly 24 hours after awareness, and audited with its clock', async () => {
    const studyId = demo.aParticipant();
    const eventId = await recordComplication(coord, studyId);
    // Awareness 09:15 in Amsterdam (winter: 08:15 UTC); the report arrives 24 hours later to the millisecond.
    h.clock.now = new Date('2026-11-25T08:15:00.000Z');
    const result = await coord.safety.reportSae(report(studyId, eventId, '2026-11-24T09:15'));
    expect(result).toMatchObject({ onTime: true, susar: false, dueAt: '2026-11-25T08:15:00.000Z' });
    const audit = await lastAudit(h, 'sae.reported');
    expect(audit.participant).toBe(studyId);
    expect(parsed(audit.after)).toMatchObject({
      eventId,
      awareAt: '2026-11-24T08:15:00.000Z',
      initialReportDueAt: '2026-11-25T08:15:00.000Z',
      onTime: true,
    });
    const listed = (await pi.safety.list({ trialId, studyId })).saes;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id: result.saeId,
      awareAtLocal: '2026-11-24T09:15',
      overdue: false,
      clocks: { initial: { state: 'on_time', dueAt: '2026-11-25T08:15:00.000Z' }, susar: null },
    });
    expect((await verifyAuditChain(h.open.db)).ok).toBe(true);
  });

  it('is late when it arrives one minute after the 24 hours', async () => {
    const studyId = demo.aParticipant();
    const eventId = await recordComplication(coord, studyId);
    h.clock.now = new Date('2026-11-25T08:16:00.000Z');
    const result = await coord.safety.reportSae(report(studyId, eventId, '2026-11-24T09:15'));
    expect(result.onTime).toBe(false);
    const [listed] = (await pi.safety.list({ trialId, studyId })).saes;
    expect(listed?.clocks.initial.state).toBe('late');
  });

  it('refuses awareness in the future, before the event, or in the hour summer time skips', async () => {
    const studyId = demo.aParticipant();
    const eventId = await recordComplication(coord, studyId, '2026-11-20');
    h.clock.now = new Date('2026-11-26T10:00:00.000Z');
    const before = await auditCount(h);
    const field = async (awareAt: string) =>
      (await expectCode(coord.safety.reportSae(report(studyId, eventId, awareAt)), 'BAD_REQUEST')).message;
    // 11:01 in Amsterdam is after 10:00 UTC.
    expect(await field('2026-11-26T11:01')).toMatch(/later than now/);
    expect(await field('2026-11-19T23:00')).toMatch(/precede the event/);
    expect(await field('2026-03-29T02:30')).toMatch(/does not exist/);
    expect(await auditCount(h)).toBe(before);
    expect((await pi.safety.list({ trialId, studyId })).saes).toHaveLength(0);
  });
});

describe('what an SAE must say', () => {
  it('asks for every intervention of the trial definition and refuses unknown ones', async () => {
    const studyId = demo.aParticipant();
    const eventId = await recordComplication(coord, studyId);
    const missing = await expectCode(
      coord.safety.reportSae(report(studyId, eventId, '2026-11-25T08:00', { assessments: [notRelated[0]] })),
      'BAD_REQUEST',
    );
    expect(missing.message).toMatch(/Implanted infusion pump, Surgery with pump placement/);
    const unknown = await expectCode(
      coord.safety.reportSae(
        report(studyId, eventId, '2026-11-25T08:00', {
          assessments: [
            ...notRelated,
            { intervention: 'radiotherapy', causality: 'not_related', expected: null },
          ],
        }),
      ),
      'BAD_REQUEST',
    );
    expect(unknown.message).toMatch(/no such study intervention/);
  });

  it('makes a death an SAE with the criterion death, and death a criterion only of a recorded death', async () => {
    const studyId = demo.aParticipant();
    const eventId = await recordComplication(coord, studyId);
    await expectCode(
      coord.safety.reportSae(report(studyId, eventId, '2026-11-25T08:00', { criteria: ['death'] })),
      'BAD_REQUEST',
    );
    h.clock.now = new Date('2026-11-26T10:00:00.000Z');
    const death = await coord.entry.events.record({
      trialId,
      studyId,
      event: { type: 'death', date: '2026-11-25', cause: 'Liver failure' },
    });
    // Unreported, the death is listed at once with its clock from when it was entered.
    const pending = (await pi.safety.list({ trialId, studyId })).saes.find((s) => s.eventId === death.id);
    expect(pending).toMatchObject({
      id: null,
      awarenessFromRecord: true,
      clocks: { initial: { state: 'due', dueAt: '2026-11-27T10:00:00.000Z' } },
    });
    h.clock.now = new Date('2026-11-27T10:00:00.001Z');
    const overdue = (await pi.safety.list({ trialId, studyId })).saes.find((s) => s.eventId === death.id);
    expect(overdue?.overdue).toBe(true);
    await expectCode(coord.safety.reportSae(report(studyId, death.id, '2026-11-26T09:00')), 'BAD_REQUEST');
    const ok = await coord.safety.reportSae(
      report(studyId, death.id, '2026-11-26T09:00', { criteria: ['death', 'hospitalisation'] }),
    );
    expect(ok.onTime).toBe(false);
    await expectCode(
      coord.safety.reportSae(report(studyId, death.id, '2026-11-26T09:00', { criteria: ['death'] })),
      'CONFLICT',
    );
  });
});

describe('SUSARs', () => {
  it('flags serious + related + unexpected and runs 7 days for a life-threatening one', async () => {
    const studyId = demo.aParticipant();
    const eventId = await recordComplication(coord, studyId);
    h.clock.now = new Date('2026-11-26T10:00:00.000Z');
    const assessments = [
      { intervention: 'floxuridine', causality: 'probable', expected: false },
      { intervention: 'pump', causality: 'not_related', expected: null },
      { intervention: 'surgery', causality: 'not_related', expected: null },
    ];
    const r = await coord.safety.reportSae(
      report(studyId, eventId, '2026-11-26T08:00', { criteria: ['life_threatening'], assessments }),
    );
    expect(r.susar).toBe(true);
    const [listed] = (await pi.safety.list({ trialId, studyId })).saes;
    expect(listed?.clocks.susar).toMatchObject({ state: 'due', dueAt: '2026-12-03T07:00:00.000Z' });
    await expectCode(coord.safety.reportSusar({ trialId, saeId: r.saeId, reference: 'EV-1' }), 'FORBIDDEN');
    h.clock.now = new Date('2026-12-03T07:00:00.000Z');
    expect(
      await pi.safety.reportSusar({ trialId, saeId: r.saeId, reference: 'EU-EC-2026-0042' }),
    ).toMatchObject({
      onTime: true,
    });
    await expectCode(pi.safety.reportSusar({ trialId, saeId: r.saeId, reference: 'again' }), 'CONFLICT');
    expect(parsed((await lastAudit(h, 'sae.susar_reported')).after)).toEqual({
      reference: 'EU-EC-2026-0042',
      dueAt: '2026-12-03T07:00:00.000Z',
      onTime: true,
    });
  });

  it('refuses a SUSAR report for an SAE that is no SUSAR', async () => {
    const studyId = demo.aParticipant();
    const eventId = await recordComplication(coord, studyId);
    h.clock.now = new Date('2026-11-26T10:00:00.000Z');
    const r = await coord.safety.reportSae(report(studyId, eventId, '2026-11-26T08:00'));
    await expectCode(pi.safety.reportSusar({ trialId, saeId: r.saeId, reference: 'EV-2' }), 'CONFLICT');
  });
});

describe('follow-up reports, the review, scope', () => {
  it('numbers follow-ups in order and lets the PI review once', async () => {
    const studyId = demo.aParticipant();
    const eventId = await recordComplication(coord, studyId);
    h.clock.now = new Date('2026-11-26T10:00:00.000Z');
    const { saeId } = await coord.safety.reportSae(report(studyId, eventId, '2026-11-26T08:00'));
    expect((await coord.safety.addFollowUp({ trialId, saeId, text: 'Discharged on day 5' })).seq).toBe(1);
    expect((await coord.safety.addFollowUp({ trialId, saeId, text: 'Pump pocket healed' })).seq).toBe(2);
    await expectCode(pi.safety.addFollowUp({ trialId, saeId, text: 'PI note' }), 'FORBIDDEN');
    await expectCode(coord.safety.review({ trialId, saeId }), 'FORBIDDEN');
    await pi.safety.review({ trialId, saeId, comment: 'Agree: pump-related, expected' });
    await expectCode(pi.safety.review({ trialId, saeId, comment: null }), 'CONFLICT');
    const [listed] = (await pi.safety.list({ trialId, studyId })).saes;
    expect(listed?.followUps.map((f) => [f.seq, f.text])).toEqual([
      [1, 'Discharged on day 5'],
      [2, 'Pump pocket healed'],
    ]);
    expect(listed?.review).toMatchObject({ comment: 'Agree: pump-related, expected' });
    expect((await verifyAuditChain(h.open.db)).ok).toBe(true);
  });

  it("answers another centre's participant and SAE exactly as missing ones", async () => {
    const avl = (await h.row<{ study_id: string; id: number }>(
      `SELECT p.study_id, e.id FROM events e JOIN participants p ON p.id = e.participant_id
       WHERE p.trial_id = ? AND p.centre = 'AVL' AND e.type = 'complication' AND e.voided_at IS NULL`,
      trialId,
    ))!;
    const other = await expectCode(
      coord.safety.reportSae(report(avl.study_id, Number(avl.id), '2026-11-25T08:00')),
      'FORBIDDEN',
    );
    const missing = await expectCode(
      coord.safety.reportSae(report('PUMP3-EMC-999', 1, '2026-11-25T08:00')),
      'FORBIDDEN',
    );
    expect(other.message).toBe(missing.message);
    // An AVL SAE reported by the data manager is, for the EMC coordinator, no SAE at all.
    const admin = await demo.as('admin');
    h.clock.now = new Date('2026-11-26T10:00:00.000Z');
    const { saeId } = await admin.safety.reportSae(
      report(avl.study_id, Number(avl.id), '2026-11-26T08:00', { criteria: ['important_medical_event'] }),
    );
    const a = await expectCode(coord.safety.addFollowUp({ trialId, saeId, text: 'x' }), 'NOT_FOUND');
    const b = await expectCode(coord.safety.addFollowUp({ trialId, saeId: 999_999, text: 'x' }), 'NOT_FOUND');
    expect(a.message.replace(String(saeId), '#')).toBe(b.message.replace('999999', '#'));
    expect((await coord.safety.list({ trialId })).saes.every((s) => s.centre === 'EMC')).toBe(true);
    await expectCode(coord.safety.list({ trialId, centre: 'AVL' }), 'FORBIDDEN');
  });

  it('gives the steering committee counts and no participant', async () => {
    await expectCode(steering.safety.list({ trialId }), 'FORBIDDEN');
    const summary = await steering.safety.summary({ trialId });
    expect(summary.total).toBeGreaterThan(0);
    expect(JSON.stringify(summary)).not.toMatch(/PUMP3-/);
    expect(summary.byCentre.map((c) => c.centre).sort()).toEqual(['AVL', 'EMC', 'IJS']);
    expect(summary.byCentre.reduce((n, c) => n + c.saes, 0)).toBe(summary.total);
  });

  it('refuses smuggled fields', async () => {
    const studyId = demo.aParticipant();
    const err = await coord.safety
      .reportSae({ ...report(studyId, 1, '2026-11-26T08:00'), criteria: [], extra: 1 } as never)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe('BAD_REQUEST');
  });
});

describe('the PI hears of a new SAE at once', () => {
  it('in the app and by mail (a kind nobody can switch off), with the clock and never the description', async () => {
    const admin = await demo.as('admin');
    const pis = await h.rows<{ id: number }>(
      `SELECT u.id FROM users u JOIN trial_memberships m ON m.user_id = u.id
        WHERE m.trial_id = ? AND m.role = 'pi' AND u.active = 1 ORDER BY u.id`,
      trialId,
    );
    expect(pis.length).toBeGreaterThan(0);
    const piId = Number(pis[0]!.id);
    await admin.users.setEmail({ userId: piId, email: 'pi.pump3@example.org' });
    const studyId = demo.aParticipant();
    const eventId = await recordComplication(coord, studyId);
    h.clock.now = new Date('2026-11-25T10:00:00.000Z');
    const result = await coord.safety.reportSae(report(studyId, eventId, '2026-11-25T09:00'));

    for (const pi of pis) {
      const notices = await h.rows<{ link: string | null; dedupe_key: string | null }>(
        "SELECT link, dedupe_key FROM notifications WHERE user_id = ? AND kind = 'sae.new'",
        pi.id,
      );
      expect(notices).toContainEqual({
        link: `/trials/${trialId}/participants/${studyId}`,
        dedupe_key: `sae.new:${result.saeId}`,
      });
    }
    const mails = await h.rows<{ to_address: string; subject: string; body: string }>(
      'SELECT to_address, subject, body FROM mail_outbox WHERE user_id = ? ORDER BY id',
      piId,
    );
    const mail = mails.at(-1);
    expect(mail?.to_address).toBe('pi.pump3@example.org');
    expect(mail?.subject).toContain(studyId);
    expect(mail?.body).toContain('(Europe/Amsterdam)');
    expect(mail?.body).not.toContain('Admitted for intravenous antibiotics');
    // No coordinator is told: the mail is for the PI.
    const coordNotices = await h.row<{ n: number }>(
      "SELECT count(*) AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'coord-emc' AND n.kind = 'sae.new'",
    );
    expect(Number(coordNotices?.n)).toBe(0);
  });
});
