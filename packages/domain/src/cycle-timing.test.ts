import { describe, expect, it } from 'vitest';
import { builtInTrial } from './trials/index.js';
import { cycleWindow, isCycleOutOfWindow, timeCycles } from './cycle-timing.js';
import { planCycles } from './schedule.js';

// PUMP-III (PROTOCOL.md "Treatment"): cycle 1 4–12 weeks after the pump, then 28-day cycles, ±4 days.
const plan = builtInTrial('pump-iii').treatment!;

describe('cycle timing', () => {
  it('gives cycle 1 the protocol start window after the pump', () => {
    // Pump 2026-01-05: planned day 28 (2026-02-02), on time until day 84 (2026-03-30).
    expect(cycleWindow(plan, '2026-01-05', 1, null)).toEqual({
      plannedDate: '2026-02-02',
      windowStart: '2026-02-02',
      windowEnd: '2026-03-30',
    });
  });

  it('plans a later cycle 28 days after the actual day 1 of the previous one, ±4 days', () => {
    // Cycle 1 given late on 2026-04-10: cycle 2 is planned on 2026-05-08, never the following day.
    expect(cycleWindow(plan, '2026-01-05', 2, '2026-04-10')).toEqual({
      plannedDate: '2026-05-08',
      windowStart: '2026-05-04',
      windowEnd: '2026-05-12',
    });
    expect(cycleWindow(plan, '2026-01-05', 2, null)).toBeNull();
  });

  it('calls a cycle given outside its window a deviation, and a skip or stop never', () => {
    const w = { windowStart: '2026-05-04', windowEnd: '2026-05-12' };
    expect(isCycleOutOfWindow(w, '2026-05-04', 'none')).toBe(false);
    expect(isCycleOutOfWindow(w, '2026-05-12', 'reduced')).toBe(false);
    expect(isCycleOutOfWindow(w, '2026-05-03', 'none')).toBe(true);
    expect(isCycleOutOfWindow(w, '2026-05-13', 'delayed')).toBe(true);
    expect(isCycleOutOfWindow(w, '2026-06-30', 'skipped')).toBe(false);
    expect(isCycleOutOfWindow(w, '2026-06-30', 'stopped')).toBe(false);
  });

  it('times every recorded cycle from the one before it, in any input order', () => {
    const timings = timeCycles(plan, '2026-01-05', [
      { cycle: 2, date: '2026-05-20', modification: 'none' },
      { cycle: 1, date: '2026-04-10', modification: 'none' },
      { cycle: 3, date: '2026-06-17', modification: 'none' },
    ]);
    // Cycle 1 on day 95 (> 84): late. Cycle 2 due 2026-05-08 ± 4, given 05-20: late.
    // Cycle 3 due 28 days after the actual 05-20 (2026-06-17): on time.
    expect(timings.get(1)).toMatchObject({ outOfWindow: true, windowEnd: '2026-03-30' });
    expect(timings.get(2)).toMatchObject({ plannedDate: '2026-05-08', outOfWindow: true });
    expect(timings.get(3)).toMatchObject({ plannedDate: '2026-06-17', outOfWindow: false });
  });

  it('has no window for a cycle whose previous cycle is not recorded', () => {
    expect(
      timeCycles(plan, '2026-01-05', [{ cycle: 3, date: '2026-06-17', modification: 'none' }]).size,
    ).toBe(0);
  });

  it('agrees with the plan the participant page and worklist show', () => {
    const given = new Map([
      [1, '2026-04-10'],
      [2, '2026-05-20'],
    ]);
    const planned = planCycles(plan, '2026-01-05', given);
    const timings = timeCycles(plan, '2026-01-05', [
      { cycle: 1, date: '2026-04-10', modification: 'none' },
      { cycle: 2, date: '2026-05-20', modification: 'none' },
    ]);
    for (const c of [1, 2]) expect(timings.get(c)?.plannedDate).toBe(planned[c - 1]?.plannedDate);
    expect(planned[2]?.plannedDate).toBe('2026-06-17');
  });
});
