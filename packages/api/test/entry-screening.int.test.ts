// The screening log: numbers per centre without gaps, the outcome's companions, the list and the funnel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from './harness.js';
import { asDutch, fieldsOf, lastAudit, refusedUnchanged } from './entry-helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const base = { trialId: 'artery-2', screeningDate: '2026-11-24' };

describe('entry.screening.record', () => {
  it('numbers screenings per centre and trial without gaps, and audits each', async () => {
    const coord = await h.as('coord-emc');
    // The demo's ARTERY-2 log at Erasmus MC runs to SCR-EMC-041; PUMP-III's to SCR-EMC-034.
    const a = await coord.entry.screening.record({
      ...base,
      outcome: 'not_eligible',
      failedCriteria: ['ecog', 'platelets'],
    });
    const b = await coord.entry.screening.record({ ...base, outcome: 'declined' });
    const c = await coord.entry.screening.record({
      ...base,
      trialId: 'pump-iii',
      outcome: 'other',
      reason: 'Enrolled in another trial',
    });
    expect([a, b, c].map((x) => x.screeningNumber)).toEqual(['SCR-EMC-042', 'SCR-EMC-043', 'SCR-EMC-035']);
    const audit = await lastAudit(h);
    expect(audit).toMatchObject({
      action: 'screening.recorded',
      entity_id: 'SCR-EMC-035',
      centre: 'EMC',
      trial_id: 'pump-iii',
    });
    expect(JSON.parse(audit.after ?? '')).toMatchObject({
      outcome: 'other',
      reason: 'Enrolled in another trial',
    });
  });

  it('refuses the PI, steering and monitor, and a coordinator writing for another centre', async () => {
    for (const u of ['pi', 'steering', 'monitor'])
      await refusedUnchanged(
        h,
        (await h.as(u)).entry.screening.record({ ...base, centre: 'EMC', outcome: 'declined' }),
        'FORBIDDEN',
      );
    await refusedUnchanged(
      h,
      (await h.as('coord-emc')).entry.screening.record({ ...base, centre: 'IJS', outcome: 'declined' }),
      'FORBIDDEN',
    );
  });

  it.each([
    ['a future date', { screeningDate: '2026-11-27', outcome: 'declined' }, 'screeningDate'],
    ['an impossible date', { screeningDate: '2026-02-29', outcome: 'declined' }, 'screeningDate'],
    ['not eligible without criteria', { outcome: 'not_eligible' }, 'failedCriteria'],
    [
      'a criterion the protocol does not have',
      { outcome: 'not_eligible', failedCriteria: ['hb'] },
      'failedCriteria',
    ],
    ['criteria with another outcome', { outcome: 'declined', failedCriteria: ['ecog'] }, 'failedCriteria'],
    ['other without a reason', { outcome: 'other' }, 'reason'],
    ['an unknown outcome', { outcome: 'maybe' }, 'outcome'],
    ['a blank reason', { outcome: 'other', reason: '   ' }, 'reason'],
  ])('refuses %s on its field', async (_label, change, field) => {
    const e = await refusedUnchanged(
      h,
      (await h.as('coord-emc')).entry.screening.record({ ...base, ...change } as never),
      'BAD_REQUEST',
    );
    expect(Object.keys(fieldsOf(e))).toContain(field);
  });

  it('makes an administrator name a centre of the trial', async () => {
    const admin = await h.as('admin');
    await refusedUnchanged(h, admin.entry.screening.record({ ...base, outcome: 'declined' }), 'BAD_REQUEST');
    await refusedUnchanged(
      h,
      admin.entry.screening.record({ ...base, centre: 'UMCU', outcome: 'declined' }),
      'BAD_REQUEST',
    );
    const r = await admin.entry.screening.record({ ...base, centre: 'IJS', outcome: 'declined' });
    expect(r.screeningNumber).toBe('SCR-IJS-007');
  });
});

describe('an "included" screening outcome', () => {
  it('cannot be logged: inclusion goes through the Include page, in English and Dutch', async () => {
    const e = await refusedUnchanged(
      h,
      (await h.as('coord-emc')).entry.screening.record({ ...base, outcome: 'included' }),
      'BAD_REQUEST',
    );
    expect(fieldsOf(e).outcome).toEqual([
      'An inclusion is recorded on the Include page, which logs its screening itself: choose not eligible, declined or other here',
    ]);
    const nl = await refusedUnchanged(
      h,
      (await asDutch(h, 'coord-emc')).entry.screening.record({ ...base, outcome: 'included' }),
      'BAD_REQUEST',
    );
    expect(fieldsOf(nl).outcome?.[0]).toMatch(/^Een inclusie registreert u op de pagina Includeren/);
  });

  it('cannot be given to a logged screening by a correction', async () => {
    const coord = await h.as('coord-emc');
    const s = await coord.entry.screening.record({ ...base, outcome: 'declined', reason: 'Declined' });
    const e = await refusedUnchanged(
      h,
      coord.entry.corrections.correct({
        trialId: 'artery-2',
        target: { record: 'screening', screeningNumber: s.screeningNumber, changes: { outcome: 'included' } },
        reason: 'Wanted to include',
      }),
      'BAD_REQUEST',
    );
    expect(Object.keys(fieldsOf(e))).toEqual(['target.changes.outcome']);
  });

  it('never counts in the funnel without a participant: included = participants', async () => {
    const steering = await h.as('steering');
    const before = await steering.entry.screening.funnel({ trialId: 'pump-iii' });
    // A row logged as included before this rule existed, with no participant behind it.
    await h.run(
      `INSERT INTO screenings (trial_id, centre, screening_number, screening_date, outcome, failed_criteria,
         created_at) VALUES ('pump-iii', 'AVL', 'SCR-AVL-900', '2022-06-01', 'included', '[]', '2022-06-01T10:00:00Z')`,
    );
    const after = await steering.entry.screening.funnel({ trialId: 'pump-iii' });
    const participants = Number(
      (await h.row<{ n: number }>(
        `SELECT COUNT(*) AS n FROM participants WHERE trial_id = 'pump-iii' AND voided_at IS NULL`,
      ))!.n,
    );
    expect(after.total.included).toBe(participants);
    expect(after.total.included).toBe(before.total.included);
    expect(after.total.other).toBe(before.total.other + 1);
    expect(after.total.screened).toBe(before.total.screened + 1);
    for (const c of after.centres) expect(c.included + c.notEligible + c.declined + c.other).toBe(c.screened);
    // CONSORT counts the same inclusions.
    const { flow } = await steering.committee.consort.get({ trialId: 'pump-iii' });
    expect(flow.screening.included).toBe(after.total.included);
    expect(flow.screening.screened).toBe(after.total.screened);
  });
});

describe('entry.screening.list and funnel', () => {
  it('lists a coordinator’s own centre only', async () => {
    const coord = await h.as('coord-emc');
    const list = await coord.entry.screening.list({ trialId: 'artery-2', pageSize: 200 });
    expect(new Set(list.rows.map((r) => r.centre))).toEqual(new Set(['EMC']));
    // Newest first: the centre's highest number, whatever other tests logged before this one.
    const newest = (await h.row<{ n: string }>(
      `SELECT screening_number AS n FROM screenings WHERE trial_id = 'artery-2' AND centre = 'EMC'
       ORDER BY screening_date DESC, id DESC LIMIT 1`,
    ))!;
    expect(list.rows[0]?.screeningNumber).toBe(newest.n);
    expect(list.synthetic).toBe(true);
    await expectCode(coord.entry.screening.list({ trialId: 'artery-2', centre: 'AVL' }), 'FORBIDDEN');
    await expectCode((await h.as('steering')).entry.screening.list({ trialId: 'artery-2' }), 'FORBIDDEN');
  });

  it('adds up per centre and counts each failing criterion', async () => {
    const pi = await h.as('pi');
    const before = await pi.entry.screening.funnel({ trialId: 'artery-2' });
    await (
      await h.as('coord-emc')
    ).entry.screening.record({ ...base, outcome: 'not_eligible', failedCriteria: ['egfr', 'labDate'] });
    const after = await (await h.as('steering')).entry.screening.funnel({ trialId: 'artery-2' });
    const emc = (f: typeof before) => f.centres.find((c) => c.centre === 'EMC');
    expect(emc(after)?.notEligible).toBe((emc(before)?.notEligible ?? 0) + 1);
    const count = (f: typeof before, id: string) =>
      emc(f)?.notEligibleByCriterion.find((c) => c.criterionId === id)?.count ?? 0;
    expect(count(after, 'egfr')).toBe(count(before, 'egfr') + 1);
    expect(count(after, 'labDate')).toBe(count(before, 'labDate') + 1);
    // Reasons read as what was wrong, not as the requirement ("eGFR ≥ 45 mL/min").
    const text = (id: string) => emc(after)?.notEligibleByCriterion.find((c) => c.criterionId === id)?.text;
    expect(text('egfr')).toEqual({ en: 'eGFR < 45 mL/min', nl: 'eGFR < 45 mL/min' });
    expect(text('labDate')?.en).toBe('Laboratory values older than 28 days or taken after inclusion');
    for (const c of after.centres) expect(c.included + c.notEligible + c.declined + c.other).toBe(c.screened);
    // PUMP-III: the 45 included participants (PROTOCOL.md: 45/45) each have an included screening.
    const pump = await pi.entry.screening.funnel({ trialId: 'pump-iii' });
    expect(pump.total.included).toBe(45);
    expect(pump.centres.map((c) => c.name)).toEqual([
      'Erasmus MC',
      'IJsselland Ziekenhuis',
      'Antoni van Leeuwenhoek',
    ]);
  });
});
