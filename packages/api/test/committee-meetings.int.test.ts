// Committee meeting records: written by the PI or a steering committee member on a frozen data cut (its hash
// copied in), signed by the chair re-entering their password, immutable after signing (the database
// refuses), never deleted, listed for every role that reads aggregates; every step audited.
import { DEMO_PASSWORD } from '@trialdesk/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, lastAudit, parsed } from './audit-helpers.js';
import { fieldsOf } from './auth-helpers.js';
import { createHarness, expectCode, type Harness } from './harness.js';

const trialId = 'pump-iii';
let h: Harness;
let cut: { id: number; contentHash: string };
beforeAll(async () => {
  h = await createHarness();
  cut = await (
    await h.as('pi')
  ).committee.dataCuts.create({ trialId, label: 'DSMB meeting test', asOf: '2026-10-31' });
});
afterAll(() => h.close());

const draft = (over: Record<string, unknown> = {}) => ({
  trialId,
  meetingDate: '2026-11-20',
  attendees: ['Dr A. Chair', 'Dr B. Member'],
  cutId: cut.id,
  recommendation: 'continue' as const,
  minutes: 'Accrual complete; safety acceptable. Continue unchanged.',
  ...over,
});

describe('writing a record', () => {
  it('binds the cut and its hash, and is audited', async () => {
    const steering = await h.as('steering');
    const m = await steering.committee.meetings.record(draft());
    expect(m).toMatchObject({
      cutId: cut.id,
      cutHash: cut.contentHash,
      signature: null,
      recommendation: 'continue',
    });
    const entry = await lastAudit(h, 'meeting.recorded');
    expect(entry.entity_id).toBe(String(m.id));
    expect(parsed(entry.after)).toMatchObject({
      cutHash: cut.contentHash,
      attendees: ['Dr A. Chair', 'Dr B. Member'],
    });
    const list = await (await h.as('coord-emc')).committee.meetings.list({ trialId });
    expect(list.meetings.some((x) => x.id === m.id)).toBe(true);
  });

  it('is refused to coordinators, monitors and the administrator', async () => {
    for (const u of ['coord-emc', 'monitor', 'admin'])
      await expectCode((await h.as(u)).committee.meetings.record(draft()), 'FORBIDDEN');
  });

  it('refuses bad input with a reason per field, and writes nothing', async () => {
    const pi = await h.as('pi');
    const before = (await auditRows(h, 'meeting.recorded')).length;
    const bad: [Record<string, unknown>, string][] = [
      [{ attendees: [] }, 'attendees'],
      [{ attendees: ['Dr A', 'dr a'] }, 'attendees'],
      [{ recommendation: 'halt' }, 'recommendation'],
      [{ minutes: '   ' }, 'minutes'],
      [{ meetingDate: '2026-02-30' }, 'meetingDate'],
      [{ meetingDate: '2027-01-01' }, 'meetingDate'],
      [{ meetingDate: '2026-10-01' }, 'meetingDate'], // before the cut's as-of date
      [{ cutId: 999_999 }, 'cutId'],
    ];
    for (const [over, field] of bad) {
      const e = await expectCode(pi.committee.meetings.record(draft(over)), 'BAD_REQUEST');
      expect(Object.keys(fieldsOf(e)), JSON.stringify(over)).toContain(field);
    }
    expect((await auditRows(h, 'meeting.recorded')).length).toBe(before);
  });
});

describe('signing', () => {
  it('needs the signer’s own password; a wrong one signs nothing and counts as a failed login', async () => {
    const steering = await h.as('steering');
    const m = await steering.committee.meetings.record(draft({ recommendation: 'modify' }));
    const failures = (await auditRows(h, 'auth.login_failed')).length;
    await expectCode(
      steering.committee.meetings.sign({ trialId, meetingId: m.id, password: 'not-it' }),
      'BAD_REQUEST',
    );
    expect((await auditRows(h, 'auth.login_failed')).length).toBe(failures + 1);
    const still = (await steering.committee.meetings.list({ trialId })).meetings.find((x) => x.id === m.id);
    expect(still?.signature).toBeNull();
  });

  it('signs once over a hash of the record, then the record is immutable', async () => {
    const steering = await h.as('steering');
    const m = await steering.committee.meetings.record(draft({ recommendation: 'pause' }));
    const signed = await steering.committee.meetings.sign({
      trialId,
      meetingId: m.id,
      password: DEMO_PASSWORD,
    });
    expect(signed.signature?.hash).toMatch(/^[0-9a-f]{64}$/);
    const entry = await lastAudit(h, 'meeting.signed');
    expect(parsed(entry.after)).toMatchObject({
      signatureHash: signed.signature?.hash,
      cutHash: cut.contentHash,
    });
    // Signing again is a conflict; the database itself refuses a change or a deletion.
    await expectCode(
      (await h.as('pi')).committee.meetings.sign({ trialId, meetingId: m.id, password: DEMO_PASSWORD }),
      'CONFLICT',
    );
    // The database's own refusal of changes and deletions: meetings.int.test.ts in packages/db.
    expect(await (await h.as('admin')).audit.verify()).toMatchObject({ ok: true });
  });

  it('answers another trial’s record as a missing one', async () => {
    const steering = await h.as('steering');
    const m = await steering.committee.meetings.record(draft());
    await expectCode(
      steering.committee.meetings.sign({ trialId: 'artery-2', meetingId: m.id, password: DEMO_PASSWORD }),
      'NOT_FOUND',
    );
  });
});
