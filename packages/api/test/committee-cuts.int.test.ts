// Data cuts: who may freeze one, what is refused, the audit entry, the frozen content and its hash,
// views of a cut staying as they were after the live data move on, and comparing two cuts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const trialId = 'pump-iii';

describe('creating a data cut', () => {
  it('is allowed to the PI and the administrator only', async () => {
    for (const u of ['steering', 'coord-emc', 'monitor'])
      await expectCode(
        (await h.as(u)).committee.dataCuts.create({ trialId, label: `Cut by ${u}`, asOf: '2024-01-01' }),
        'FORBIDDEN',
      );
    const admin = await h.as('admin');
    const cut = await admin.committee.dataCuts.create({ trialId, label: 'Admin cut', asOf: '2024-01-01' });
    expect(cut.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a future as-of date, an invalid date, a taken label and a short label, writing nothing', async () => {
    const pi = await h.as('pi');
    const before = await pi.committee.dataCuts.list({ trialId });
    const future = await expectCode(
      pi.committee.dataCuts.create({ trialId, label: 'Future', asOf: '2026-11-27' }),
      'BAD_REQUEST',
    );
    expect((future as unknown as { fields?: Record<string, string[]> }).fields?.asOf).toHaveLength(1);
    await expectCode(
      pi.committee.dataCuts.create({ trialId, label: 'Bad date', asOf: '2024-02-30' }),
      'BAD_REQUEST',
    );
    await expectCode(
      pi.committee.dataCuts.create({ trialId, label: 'x', asOf: '2024-01-01' }),
      'BAD_REQUEST',
    );
    await expectCode(
      pi.committee.dataCuts.create({ trialId, label: 'Admin cut', asOf: '2024-02-01' }),
      'BAD_REQUEST',
    );
    expect((await pi.committee.dataCuts.list({ trialId })).cuts).toHaveLength(before.cuts.length);
  });

  it('freezes the data at the as-of date, audits it and verifies its hash', async () => {
    const pi = await h.as('pi');
    const cut = await pi.committee.dataCuts.create({ trialId, label: 'DSMB 2022-06', asOf: '2022-06-30' });
    const included = (await h.row<{ n: number }>(
      `SELECT COUNT(*) AS n FROM participants WHERE trial_id = ? AND inclusion_date <= '2022-06-30'`,
      trialId,
    ))!;
    expect(cut.participants).toBe(included.n);
    const entry = await h.row<{ username: string; after: string }>(
      `SELECT * FROM audit_log WHERE action = 'datacut.created' AND entity_id = ?`,
      String(cut.id),
    );
    expect(entry?.username).toBe('pi');
    expect(JSON.parse(entry?.after ?? '{}')).toMatchObject({
      asOf: '2022-06-30',
      contentHash: cut.contentHash,
    });
    const got = await (await h.as('steering')).committee.dataCuts.get({ trialId, cutId: cut.id });
    const events = (await h.row<{ n: number }>(
      `SELECT COUNT(*) AS n FROM events WHERE trial_id = ? AND event_date <= '2022-06-30'`,
      trialId,
    ))!;
    expect(got).toMatchObject({
      label: 'DSMB 2022-06',
      asOf: '2022-06-30',
      contentHash: cut.contentHash,
      synthetic: true,
    });
    expect(got.counts).toMatchObject({ participants: included.n, events: events.n });
    expect(got.createdBy).toBe('Demo principal investigator');
    const v = await (await h.as('steering')).committee.dataCuts.verify({ trialId, cutId: cut.id });
    expect(v).toMatchObject({
      ok: true,
      canonical: true,
      storedHash: cut.contentHash,
      computedHash: cut.contentHash,
    });
  });

  it('shows a cut as frozen after the live data change, while live views move on', async () => {
    const pi = await h.as('pi');
    const cut = await pi.committee.dataCuts.create({
      trialId,
      label: 'Before new death',
      asOf: '2026-11-26',
    });
    const frozen = await pi.committee.outcomes.get({ trialId, cutId: cut.id });
    // A death recorded after the freeze (directly, as data entry would) for someone alive in the cut.
    const alive = (await h.row<{ id: number; centre: string }>(
      `SELECT id, centre FROM participants WHERE trial_id = ? AND off_study_date IS NULL AND time_zero IS NOT NULL ORDER BY id LIMIT 1`,
      trialId,
    ))!;
    await h.run(
      `INSERT INTO events (trial_id, participant_id, centre, type, event_date, death_cause, created_at)
       VALUES (?, ?, ?, 'death', '2026-11-20', 'Other cause', '2026-11-26T11:00:00Z')`,
      trialId,
      alive.id,
      alive.centre,
    );
    const again = await pi.committee.outcomes.get({ trialId, cutId: cut.id });
    const live = await pi.committee.outcomes.get({ trialId });
    const osEvents = (o: typeof frozen) => o.outcomes.endpoints.find((e) => e.kind === 'os')?.events ?? -1;
    expect(again).toEqual(frozen);
    expect(osEvents(live)).toBe(osEvents(frozen) + 1);
    expect((await pi.committee.dataCuts.verify({ trialId, cutId: cut.id })).ok).toBe(true);
    const cmp = await pi.committee.dataCuts.compare({ trialId, fromCutId: cut.id });
    expect(cmp.comparison.added.total.events.death).toBe(1);
    expect(cmp.comparison.added.byCentre.find((c) => c.centre === alive.centre)?.events.death).toBe(1);
    expect(cmp.comparison.added.total.inclusions).toBe(0);
  });

  it('is never updated or deleted: the database refuses', async () => {
    const { cuts } = await (await h.as('pi')).committee.dataCuts.list({ trialId });
    const id = cuts[0]?.id ?? -1;
    await expect(h.run(`UPDATE data_cuts SET as_of = '2020-01-01' WHERE id = ?`, id)).rejects.toThrow(
      /immutable/,
    );
    await expect(h.run(`DELETE FROM data_cuts WHERE id = ?`, id)).rejects.toThrow(/immutable/);
  });
});

describe('comparing two cuts', () => {
  it('counts the inclusions, assessments and events that are new since the earlier cut, by centre', async () => {
    const pi = await h.as('pi');
    const a = await pi.committee.dataCuts.create({ trialId, label: 'Meeting A', asOf: '2022-01-31' });
    const b = await pi.committee.dataCuts.create({ trialId, label: 'Meeting B', asOf: '2022-07-31' });
    const { comparison } = await (
      await h.as('steering')
    ).committee.dataCuts.compare({
      trialId,
      fromCutId: a.id,
      toCutId: b.id,
    });
    const q = async (sqlText: string) => (await h.row<{ n: number }>(sqlText, trialId))!.n;
    expect(comparison.added.total.inclusions).toBe(
      await q(
        `SELECT COUNT(*) AS n FROM participants WHERE trial_id = ? AND inclusion_date > '2022-01-31' AND inclusion_date <= '2022-07-31'`,
      ),
    );
    expect(comparison.added.total.assessments).toBe(
      (await q(
        `SELECT COUNT(*) AS n FROM assessments WHERE trial_id = ? AND status = 'done' AND performed_date > '2022-01-31' AND performed_date <= '2022-07-31'`,
      )) +
        (await q(
          `SELECT COUNT(*) AS n FROM assessments a JOIN assessment_slots s ON s.id = a.slot_id WHERE a.trial_id = ? AND a.status = 'missed' AND s.window_end > '2022-01-31' AND s.window_end <= '2022-07-31'`,
        )),
    );
    expect(comparison.added.total.events.complication).toBe(
      await q(
        `SELECT COUNT(*) AS n FROM events WHERE trial_id = ? AND type = 'complication' AND event_date > '2022-01-31' AND event_date <= '2022-07-31'`,
      ),
    );
    const sum = comparison.added.byCentre.reduce((n, c) => n + c.inclusions, 0);
    expect(sum).toBe(comparison.added.total.inclusions);
    expect(comparison.removed.inclusions).toBe(0);
  });

  it('refuses an unknown cut and bad input', async () => {
    const pi = await h.as('pi');
    await expectCode(pi.committee.dataCuts.compare({ trialId, fromCutId: 9999 }), 'NOT_FOUND');
    await expectCode(pi.committee.dataCuts.verify({ trialId, cutId: 0 }), 'BAD_REQUEST');
  });
});
