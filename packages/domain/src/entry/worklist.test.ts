import { describe, expect, it } from 'vitest';
import { builtInTrial } from '../trials/index.js';
import { byMostOverdue, daysOverdue, inFollowUp, nextCycle, surgeryDueBy } from './worklist.js';

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

describe('worklist rules', () => {
  it('counts calendar days after the last day on time, across a month and a year end', () => {
    expect(daysOverdue('2026-11-26', '2026-11-26')).toBe(0);
    expect(daysOverdue('2026-11-26', '2026-11-20')).toBe(0);
    expect(daysOverdue('2026-11-26', '2026-11-27')).toBe(1);
    expect(daysOverdue('2026-12-31', '2027-01-01')).toBe(1);
    // 2024 is a leap year: 2024-02-28 → 2024-03-01 is two days.
    expect(daysOverdue('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('plans surgery within the trial’s window after inclusion, 28 days when a definition has none', () => {
    expect(surgeryDueBy(builtInTrial('pump-iii'), '2026-11-15')).toBe('2026-12-13');
    expect(surgeryDueBy(builtInTrial('artery-2'), '2026-11-15')).toBe('2026-12-06');
    expect(surgeryDueBy({ schedule: { timeZero: 'surgery', assessments: [] } }, '2026-01-31')).toBe(
      '2026-02-28',
    );
  });

  it('asks nothing of a participant off study, nor anything due after follow-up ends', () => {
    const followed = { offStudyDate: null, followUpEnd: '2031-02-01' };
    expect(inFollowUp(followed, '2031-02-01')).toBe(true);
    expect(inFollowUp(followed, '2031-02-02')).toBe(false);
    expect(inFollowUp({ offStudyDate: '2024-03-01', followUpEnd: '2031-02-01' }, '2023-01-01')).toBe(false);
    expect(inFollowUp({ offStudyDate: null, followUpEnd: null }, '2040-01-01')).toBe(true);
  });

  it('sorts most overdue first, then by due date and study ID', () => {
    const rows = [
      { studyId: 'B', dueBy: '2026-01-02', daysOverdue: 3 },
      { studyId: 'A', dueBy: '2026-01-02', daysOverdue: 3 },
      { studyId: 'C', dueBy: '2026-01-01', daysOverdue: 3 },
      { studyId: 'D', dueBy: '2026-01-09', daysOverdue: 40 },
    ];
    expect(rows.sort(byMostOverdue).map((r) => r.studyId)).toEqual(['D', 'C', 'A', 'B']);
  });
});
