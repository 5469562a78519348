import { describe, expect, it } from 'vitest';
import { assessmentState, planCycles, scheduleAssessments } from './schedule.js';
import { builtInTrial } from './trials/index.js';

const pump = builtInTrial('pump-iii');

describe('assessment schedule', () => {
  it('gives PUMP-III 14 assessments: 3-monthly to 24, then 6-monthly to 60', () => {
    const slots = scheduleAssessments(pump.schedule, '2021-03-10');
    expect(slots.map((s) => s.month)).toEqual([3, 6, 9, 12, 15, 18, 21, 24, 30, 36, 42, 48, 54, 60]);
    expect(slots[0]).toEqual({
      month: 3,
      dueDate: '2021-06-10',
      windowStart: '2021-05-13',
      windowEnd: '2021-07-08',
    });
    expect(slots.at(-1)).toEqual({
      month: 60,
      dueDate: '2026-03-10',
      windowStart: '2026-02-10',
      windowEnd: '2026-04-07',
    });
  });

  it('clamps due dates at month ends', () => {
    const slots = scheduleAssessments(pump.schedule, '2021-11-30');
    // 30 Nov + 3 months: 30 Feb does not exist, so 28 Feb 2022.
    expect(slots[0]?.dueDate).toBe('2022-02-28');
    expect(slots[0]?.windowStart).toBe('2022-01-31');
    expect(slots[0]?.windowEnd).toBe('2022-03-28');
    expect(slots[1]?.dueDate).toBe('2022-05-30');
  });

  it('handles surgery on a leap day', () => {
    const slots = scheduleAssessments(pump.schedule, '2024-02-29');
    expect(slots.find((s) => s.month === 12)?.dueDate).toBe('2025-02-28');
    expect(slots.find((s) => s.month === 48)?.dueDate).toBe('2028-02-29');
    // window of ±28 days around 28 Feb 2025 (not a leap year)
    expect(slots.find((s) => s.month === 12)?.windowEnd).toBe('2025-03-28');
    // around 29 Feb 2028 (leap year): 1 Feb to 28 Mar
    expect(slots.find((s) => s.month === 48)?.windowStart).toBe('2028-02-01');
    expect(slots.find((s) => s.month === 48)?.windowEnd).toBe('2028-03-28');
  });

  it('follows a second trial with other months and windows', () => {
    const slots = scheduleAssessments(builtInTrial('artery-2').schedule, '2025-06-15');
    expect(slots.map((s) => [s.month, s.dueDate, s.windowStart])).toEqual([
      [1, '2025-07-15', '2025-07-01'],
      [3, '2025-09-15', '2025-09-01'],
      [6, '2025-12-15', '2025-11-17'],
      [9, '2026-03-15', '2026-02-15'],
      [12, '2026-06-15', '2026-05-18'],
      [18, '2026-12-15', '2026-11-17'],
      [24, '2027-06-15', '2027-05-18'],
    ]);
  });
});

describe('assessment state', () => {
  const slot = { windowStart: '2022-01-31', windowEnd: '2022-03-28', performedDate: null };
  it('is upcoming before, due inside and overdue after the window, inclusive at both ends', () => {
    expect(assessmentState({ ...slot, status: 'scheduled' }, '2022-01-30')).toBe('upcoming');
    expect(assessmentState({ ...slot, status: 'scheduled' }, '2022-01-31')).toBe('due');
    expect(assessmentState({ ...slot, status: 'scheduled' }, '2022-03-28')).toBe('due');
    expect(assessmentState({ ...slot, status: 'scheduled' }, '2022-03-29')).toBe('overdue');
  });
  it('flags a done assessment outside its window as late', () => {
    expect(assessmentState({ ...slot, status: 'done', performedDate: '2022-03-28' }, '2023-01-01')).toBe(
      'done',
    );
    expect(assessmentState({ ...slot, status: 'done', performedDate: '2022-03-29' }, '2023-01-01')).toBe(
      'done_late',
    );
    expect(assessmentState({ ...slot, status: 'done', performedDate: '2022-01-30' }, '2023-01-01')).toBe(
      'done_late',
    );
    expect(assessmentState({ ...slot, status: 'missed' }, '2023-01-01')).toBe('missed');
    expect(assessmentState({ ...slot, status: 'not_applicable' }, '2023-01-01')).toBe('not_applicable');
  });
});

describe('treatment cycle plan', () => {
  const plan = pump.treatment!;
  it('plans cycle 1 four weeks after surgery and every 28 days after', () => {
    expect(planCycles(plan, '2021-03-01').map((c) => c.plannedDate)).toEqual([
      '2021-03-29',
      '2021-04-26',
      '2021-05-24',
      '2021-06-21',
      '2021-07-19',
      '2021-08-16',
    ]);
  });
  it('moves the rest of the plan when a cycle is given late', () => {
    const given = new Map([[1, '2021-04-10']]);
    expect(
      planCycles(plan, '2021-03-01', given)
        .map((c) => c.plannedDate)
        .slice(0, 3),
    ).toEqual(['2021-03-29', '2021-05-08', '2021-06-05']);
  });
});
