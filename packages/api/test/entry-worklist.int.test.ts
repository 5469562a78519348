// A coordinator's home. Demo facts (ARTERY-2, synthetic, today 2026-11-26): ART2-EMC-002's month-12 slot
// closed 2026-04-10 unrecorded; ART2-EMC-018's month-9 window is open; ART2-EMC-025 got a pump on
// 2026-11-07 and ART2-EMC-024 had cycle 2 on 2026-11-08.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('entry.worklist.get', () => {
  it('shows the coordinator’s assessments and cycles due this month and overdue', async () => {
    const w = await (await h.as('coord-emc')).entry.worklist.get({ trialId: 'artery-2' });
    expect(w).toMatchObject({ asOf: '2026-11-26', monthEnd: '2026-11-30', centre: 'EMC' });
    const t = w.trials[0]!;
    const all = [
      ...t.assessments.overdue,
      ...t.assessments.dueThisMonth,
      ...t.cycles.overdue,
      ...t.cycles.dueThisMonth,
    ];
    expect(new Set(all.map((x) => x.centre))).toEqual(new Set(['EMC']));
    expect(t.assessments.overdue).toContainEqual(
      expect.objectContaining({ studyId: 'ART2-EMC-002', month: 12, windowEnd: '2026-04-10' }),
    );
    expect(t.assessments.dueThisMonth).toContainEqual(
      expect.objectContaining({ studyId: 'ART2-EMC-018', month: 9 }),
    );
    // Cycle 1 is planned 21 days after the pump (2026-11-28) and on time until day 56 (2027-01-02);
    // cycle 3 of EMC-024 is 21 days after cycle 2 (2026-11-29), on time until 2 days later.
    expect(t.cycles.dueThisMonth).toEqual([
      {
        studyId: 'ART2-EMC-025',
        centre: 'EMC',
        cycle: 1,
        plannedDate: '2026-11-28',
        dueBy: '2027-01-02',
        state: 'due_this_month',
        daysOverdue: 0,
      },
      {
        studyId: 'ART2-EMC-024',
        centre: 'EMC',
        cycle: 3,
        plannedDate: '2026-11-29',
        dueBy: '2026-12-01',
        state: 'due_this_month',
        daysOverdue: 0,
      },
    ]);
  });

  it('drops a visit once it is recorded', async () => {
    const coord = await h.as('coord-emc');
    await coord.entry.cycles.record({
      trialId: 'artery-2',
      studyId: 'ART2-EMC-025',
      cycle: 1,
      cycleDate: '2026-11-26',
      doseMg: 40,
      modification: 'none',
    });
    const t = (await coord.entry.worklist.get({ trialId: 'artery-2' })).trials[0]!;
    // Cycle 2 is now planned 2026-12-17: not this month.
    expect(t.cycles.dueThisMonth.map((c) => c.studyId)).toEqual(['ART2-EMC-024']);
  });

  it('covers every trial by default, and all centres for the PI', async () => {
    const w = await (await h.as('coord-emc')).entry.worklist.get({});
    expect(w.trials.map((t) => t.trialId).sort()).toEqual(['artery-2', 'pump-iii']);
    const pi = await (await h.as('pi')).entry.worklist.get({ trialId: 'artery-2' });
    expect(pi.centre).toBeNull();
    expect(new Set(pi.trials[0]!.assessments.dueThisMonth.map((a) => a.centre)).size).toBeGreaterThan(1);
  });

  it('refuses another centre, the steering committee and an unknown trial', async () => {
    await expectCode((await h.as('coord-emc')).entry.worklist.get({ centre: 'AVL' }), 'FORBIDDEN');
    await expectCode((await h.as('steering')).entry.worklist.get({}), 'FORBIDDEN');
    await expectCode((await h.as('coord-emc')).entry.worklist.get({ trialId: 'nope' }), 'NOT_FOUND');
  });
});
