import { describe, expect, it } from 'vitest';
import { builtInTrial } from '../trials/index.js';
import { nextCycle } from './worklist.js';

// PUMP-III (assumption in PROTOCOL.md): cycle 1 starts 4–12 weeks after the pump, cycles of 28 days, ±4 days.
const plan = builtInTrial('pump-iii').treatment!;

describe('next cycle on the worklist', () => {
  it('plans cycle 1 four weeks after the pump and calls it overdue only after twelve weeks', () => {
    // Pump 2026-09-01: cycle 1 planned 2026-09-29 (28 days), latest 2026-11-24 (84 days).
    expect(nextCycle(plan, '2026-09-01', [], '2026-11-24')).toEqual({
      cycle: 1,
      plannedDate: '2026-09-29',
      dueBy: '2026-11-24',
      state: 'due_this_month',
    });
    expect(nextCycle(plan, '2026-09-01', [], '2026-11-25')?.state).toBe('overdue');
  });

  it('plans the next cycle 28 days after the previous one was given', () => {
    // Cycle 2 given 2026-10-20 → cycle 3 planned 2026-11-17, on time until 2026-11-21.
    const recorded = [
      { cycle: 1, date: '2026-09-22' },
      { cycle: 2, date: '2026-10-20' },
    ];
    expect(nextCycle(plan, '2026-08-20', recorded, '2026-11-21')).toEqual({
      cycle: 3,
      plannedDate: '2026-11-17',
      dueBy: '2026-11-21',
      state: 'due_this_month',
    });
    expect(nextCycle(plan, '2026-08-20', recorded, '2026-11-22')?.state).toBe('overdue');
    expect(nextCycle(plan, '2026-08-20', recorded, '2026-10-25')?.state).toBe('later');
  });

  it('has nothing to do once all six cycles are recorded', () => {
    const all = [1, 2, 3, 4, 5, 6].map((cycle) => ({ cycle, date: `2026-0${cycle}-01` }));
    expect(nextCycle(plan, '2025-12-01', all, '2026-11-26')).toBeNull();
  });
});
