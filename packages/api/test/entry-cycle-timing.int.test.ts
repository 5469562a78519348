// A pump visit given outside its window is a protocol deviation stored with the visit (issue 10 §2): it
// stays visible on the participant page and in the dataset the exports read, corrections and voids keep
// it true, and the next visit is planned one cycle after the actual day 1 (PROTOCOL.md "Treatment").
// ARTERY-2 (synthetic): 21-day cycles, cycle 1 21–56 days after the pump, later cycles ±2 days.
import { backfillCycleTimings, loadTrialDataset, verifyAuditChain } from '@trialdesk/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';
import { arteryInclusion, participantRow } from './entry-helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const trialId = 'artery-2';
const given = { doseMg: 45, flowRateMlDay: 1.5, modification: 'none' as const };

async function timings(studyId: string) {
  const p = await participantRow(h, trialId, studyId);
  return h.open.db
    .selectFrom('treatment_cycles')
    .select(['cycle', 'planned_date', 'window_start', 'window_end', 'out_of_window', 'voided_at'])
    .where('participant_id', '=', p.id)
    .orderBy('id')
    .execute();
}

/** A new participant with a pump on 2026-11-25, then the clock moved to 2027-03-01 for the visits. */
async function participantWithPump(): Promise<string> {
  h.clock.now = new Date('2026-11-26T10:00:00.000Z');
  const coord = await h.as('coord-emc');
  const { studyId } = await coord.entry.inclusion.include(arteryInclusion());
  await coord.entry.surgery.record({
    trialId,
    studyId,
    surgeryDate: '2026-11-25',
    pump: { placed: true, date: '2026-11-25' },
  });
  h.clock.now = new Date('2027-03-01T10:00:00.000Z');
  return studyId;
}

describe('cycle timing', () => {
  it('stores a late cycle as a deviation and plans the next one a cycle after its actual day 1', async () => {
    const studyId = await participantWithPump();
    const coord = await h.as('coord-emc');
    const c1 = await coord.entry.cycles.record({
      trialId,
      studyId,
      cycle: 1,
      cycleDate: '2026-12-16',
      ...given,
    });
    expect(c1).toMatchObject({ plannedDate: '2026-12-16', nextPlannedDate: '2027-01-06', deviation: null });
    // Cycle 2 was due 2027-01-06 (on time 01-04 … 01-08); given 01-12 it is late.
    const c2 = await coord.entry.cycles.record({
      trialId,
      studyId,
      cycle: 2,
      cycleDate: '2027-01-12',
      ...given,
    });
    expect(c2.plannedDate).toBe('2027-01-06');
    expect(c2.deviation).toContain('4 Jan 2027');
    // The next visit: 21 days after 01-12, never the following day.
    expect(c2.nextPlannedDate).toBe('2027-02-02');

    const page = await coord.participants.get({ trialId, studyId });
    expect(page.cycles.map((c) => [c.cycle, c.timing?.outOfWindow])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(page.cycles[1]?.timing).toMatchObject({ windowStart: '2027-01-04', windowEnd: '2027-01-08' });
    expect(page.plannedCycles.find((c) => c.cycle === 3)?.plannedDate).toBe('2027-02-02');
    expect(await timings(studyId)).toMatchObject([
      { cycle: 1, out_of_window: 0, planned_date: '2026-12-16' },
      { cycle: 2, out_of_window: 1, planned_date: '2027-01-06' },
    ]);
    // The dataset behind CONSORT, safety and every export carries it.
    const dataset = await loadTrialDataset(h.open.db, { id: trialId, synthetic: true }, '2027-03-01');
    const row = dataset.participants.find((p) => p.studyId === studyId);
    expect(row?.cycles.map((c) => c.outOfWindow)).toEqual([false, true]);
    const worklist = await coord.entry.worklist.get({ trialId });
    const next = worklist.trials[0]?.cycles.overdue.find((c) => c.studyId === studyId);
    expect(next).toMatchObject({ cycle: 3, plannedDate: '2027-02-02', dueBy: '2027-02-04' });
  });

  it('keeps the deviation true through corrections of the cycle and of the pump, and voids', async () => {
    const studyId = await participantWithPump();
    const coord = await h.as('coord-emc');
    await coord.entry.cycles.record({ trialId, studyId, cycle: 1, cycleDate: '2026-12-16', ...given });
    const c2 = await coord.entry.cycles.record({
      trialId,
      studyId,
      cycle: 2,
      cycleDate: '2027-01-12',
      ...given,
    });
    await coord.entry.cycles.record({ trialId, studyId, cycle: 3, cycleDate: '2027-02-02', ...given });
    expect((await timings(studyId)).map((t) => t.out_of_window)).toEqual([0, 1, 0]);

    // Cycle 2 was in fact given on 01-07: on time; cycle 3 was then due 01-28 ± 2, so 02-02 is late.
    await coord.entry.corrections.correct({
      trialId,
      target: { record: 'cycle', id: c2.id, changes: { cycleDate: '2027-01-07' } },
      reason: 'Date copied from the wrong pump visit',
    });
    expect(await timings(studyId)).toMatchObject([
      { cycle: 1, out_of_window: 0 },
      { cycle: 2, out_of_window: 0, planned_date: '2027-01-06' },
      { cycle: 3, out_of_window: 1, planned_date: '2027-01-28', window_end: '2027-01-30' },
    ]);

    // The pump went in on 11-30: cycle 1 on 12-16 came 16 days after it, before the 21-day start.
    await coord.entry.corrections.correct({
      trialId,
      target: { record: 'participant', studyId, changes: { pumpDate: '2026-11-30' } },
      reason: 'Pump placed at a second operation',
    });
    expect((await timings(studyId)).map((t) => t.out_of_window)).toEqual([1, 0, 1]);
    const page = await coord.participants.get({ trialId, studyId });
    expect(page.cycles[0]?.timing).toMatchObject({ windowStart: '2026-12-21', outOfWindow: true });

    // Voiding cycle 3 leaves cycles 1 and 2 as they were; the voided row keeps the timing it had.
    const c3 = page.cycles.find((c) => c.cycle === 3)!;
    await coord.entry.corrections.void({
      trialId,
      target: { record: 'cycle', id: c3.id },
      reason: 'Entered for the wrong participant',
    });
    const after = await timings(studyId);
    expect(after.map((t) => [t.cycle, t.out_of_window, t.voided_at === null])).toEqual([
      [1, 1, true],
      [2, 0, true],
      [3, 1, false],
    ]);
    expect((await verifyAuditChain(h.open.db)).ok).toBe(true);
  });

  it('fills the windows of cycles recorded before they were stored, once', async () => {
    const studyId = await participantWithPump();
    const coord = await h.as('coord-emc');
    await coord.entry.cycles.record({ trialId, studyId, cycle: 1, cycleDate: '2026-12-16', ...given });
    await coord.entry.cycles.record({ trialId, studyId, cycle: 2, cycleDate: '2027-01-12', ...given });
    const p = await participantRow(h, trialId, studyId);
    await h.open.db
      .updateTable('treatment_cycles')
      .set({ planned_date: null, window_start: null, window_end: null, out_of_window: 0 })
      .where('participant_id', '=', p.id)
      .execute();
    expect(await backfillCycleTimings(h.open.db)).toBe(1);
    expect(await timings(studyId)).toMatchObject([
      { cycle: 1, out_of_window: 0, window_end: '2027-01-20' },
      { cycle: 2, out_of_window: 1, window_start: '2027-01-04' },
    ]);
    expect(await backfillCycleTimings(h.open.db)).toBe(0);
  });
});
