// The worklist's rules against hand-computed dates. ARTERY-2 counts from inclusion: a participant included
// 2026-11-25 has month 1 due 2026-12-25 (window ±14 days: 2026-12-11 … 2027-01-08), surgery planned within
// 21 days (by 2026-12-16), and with a pump on 2026-11-26 cycle 1 planned 21 days later (2026-12-17) and on
// time until day 56 (2027-01-21). Each test opens its own database, so none depends on another.
import { describe, expect, it } from 'vitest';
import { arteryInclusion } from './entry-helpers.js';
import { createHarness, type Harness } from './harness.js';

const at = (h: Harness, day: string) => (h.clock.now = new Date(`${day}T10:00:00.000Z`));

async function includeTwo(h: Harness) {
  const coord = await h.as('coord-emc');
  const waiting = (await coord.entry.inclusion.include(arteryInclusion())).studyId;
  const treated = (await coord.entry.inclusion.include(arteryInclusion())).studyId;
  await coord.entry.surgery.record({
    trialId: 'artery-2',
    studyId: treated,
    surgeryDate: '2026-11-26',
    pump: { placed: true, date: '2026-11-26' },
  });
  return { waiting, treated };
}

async function emcWork(h: Harness) {
  return (await (await h.as('coord-emc')).entry.worklist.get({ trialId: 'artery-2' })).trials[0]!;
}

const ids = (t: Awaited<ReturnType<typeof emcWork>>) =>
  new Set(
    [
      ...t.assessments.overdue,
      ...t.assessments.dueThisMonth,
      ...t.cycles.overdue,
      ...t.cycles.dueThisMonth,
      ...t.records,
    ].map((x) => x.studyId),
  );

describe('entry.worklist.get rules', () => {
  it('counts days overdue from the window’s end: 0 on its last day, 1 the day after', async () => {
    const h = await createHarness();
    try {
      const { waiting, treated } = await includeTwo(h);
      at(h, '2026-11-30');
      let t = await emcWork(h);
      // Month 1's window opens 2026-12-11, after this month's end: not yet on the list.
      expect(t.assessments.dueThisMonth.filter((a) => a.studyId === treated)).toEqual([]);
      // Surgery is asked from inclusion on, on time until 2026-12-16.
      expect(t.records.find((r) => r.studyId === waiting)).toEqual({
        studyId: waiting,
        centre: 'EMC',
        record: 'surgery',
        since: '2026-11-25',
        dueBy: '2026-12-16',
        daysOverdue: 0,
      });
      at(h, '2026-12-01');
      t = await emcWork(h);
      expect(t.assessments.dueThisMonth.find((a) => a.studyId === treated)).toMatchObject({
        month: 1,
        dueDate: '2026-12-25',
        windowStart: '2026-12-11',
        windowEnd: '2027-01-08',
        dueBy: '2027-01-08',
        daysOverdue: 0,
      });
      at(h, '2026-12-16');
      expect((await emcWork(h)).records.find((r) => r.studyId === waiting)?.daysOverdue).toBe(0);
      at(h, '2026-12-17');
      expect((await emcWork(h)).records.find((r) => r.studyId === waiting)?.daysOverdue).toBe(1);
      at(h, '2027-01-08');
      t = await emcWork(h);
      expect(t.assessments.dueThisMonth.find((a) => a.studyId === treated)?.daysOverdue).toBe(0);
      expect(t.assessments.overdue.find((a) => a.studyId === treated)).toBeUndefined();
      at(h, '2027-01-09');
      t = await emcWork(h);
      expect(t.assessments.overdue.find((a) => a.studyId === treated)?.daysOverdue).toBe(1);
      at(h, '2027-01-21');
      t = await emcWork(h);
      expect(t.cycles.dueThisMonth.find((c) => c.studyId === treated)).toMatchObject({
        cycle: 1,
        plannedDate: '2026-12-17',
        dueBy: '2027-01-21',
        daysOverdue: 0,
      });
      at(h, '2027-01-22');
      t = await emcWork(h);
      expect(t.cycles.overdue.find((c) => c.studyId === treated)?.daysOverdue).toBe(1);
      // 2026-12-16 → 2027-01-22: 15 days in December and 22 in January.
      expect(t.records.find((r) => r.studyId === waiting)?.daysOverdue).toBe(37);
      expect(t.assessments.overdue.find((a) => a.studyId === treated)?.daysOverdue).toBe(14);
    } finally {
      await h.close();
    }
  });

  it('sorts most overdue first and leaves out the demo’s deceased participants', async () => {
    const h = await createHarness();
    try {
      const t = await emcWork(h);
      // ART2-EMC-002's month-12 window closed 2026-04-10: 20 + 31 + 30 + 31 + 31 + 30 + 31 + 26 = 230 days.
      expect(t.assessments.overdue[0]).toMatchObject({ studyId: 'ART2-EMC-002', daysOverdue: 230 });
      const days = t.assessments.overdue.map((a) => a.daysOverdue);
      expect(days).toEqual([...days].sort((a, b) => b - a));
      expect(days.every((d) => d > 0)).toBe(true);
      // ART2-EMC-009 died 2026-10-21 with month 9 (window end 2026-08-17) never recorded.
      expect(ids(t).has('ART2-EMC-009')).toBe(false);
      const pump = (await (await h.as('pi')).entry.worklist.get({ trialId: 'pump-iii' })).trials[0]!;
      const offStudy = await h.rows<{ study_id: string }>(
        'SELECT study_id FROM participants WHERE off_study_date IS NOT NULL',
      );
      const listed = new Set([...ids(pump), ...ids(t)]);
      expect(offStudy.length).toBeGreaterThan(5);
      expect(offStudy.filter((p) => listed.has(p.study_id))).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it.each([
    ['death', { type: 'death', date: '2027-01-20', cause: 'Pneumonia' }],
    ['withdrawal', { type: 'withdrawal', date: '2027-01-20', reason: 'Patient request' }],
    ['lost_to_follow_up', { type: 'lost_to_follow_up', date: '2027-01-20', reason: 'No contact' }],
  ] as const)('asks nothing more after a %s: visits, cycles and surgery alike', async (_, event) => {
    const h = await createHarness();
    try {
      const { waiting, treated } = await includeTwo(h);
      at(h, '2027-01-22');
      let t = await emcWork(h);
      expect(t.assessments.overdue.some((a) => a.studyId === treated)).toBe(true);
      expect(t.cycles.overdue.some((c) => c.studyId === treated)).toBe(true);
      expect(t.records.some((r) => r.studyId === waiting)).toBe(true);
      const coord = await h.as('coord-emc');
      for (const studyId of [waiting, treated])
        await coord.entry.events.record({ trialId: 'artery-2', studyId, event });
      t = await emcWork(h);
      expect(ids(t).has(waiting)).toBe(false);
      expect(ids(t).has(treated)).toBe(false);
      // The rest of the centre's work is still there.
      expect(ids(t).has('ART2-EMC-002')).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('shows a coordinator only their own centre’s surgery reminders', async () => {
    const h = await createHarness();
    try {
      const studyId = (
        await (await h.as('coord-avl')).entry.inclusion.include(arteryInclusion({ centre: 'AVL' }))
      ).studyId;
      const avl = (await (await h.as('coord-avl')).entry.worklist.get({ trialId: 'artery-2' })).trials[0]!;
      expect(avl.records.map((r) => r.studyId)).toContain(studyId);
      expect(new Set(avl.records.map((r) => r.centre))).toEqual(new Set(['AVL']));
      const emc = await emcWork(h);
      expect(emc.records.some((r) => r.centre !== 'EMC')).toBe(false);
      expect(ids(emc).has(studyId)).toBe(false);
    } finally {
      await h.close();
    }
  });
});
