// The lines the accrual chart draws: from today's count to the target at the predictive median date and
// at both ends of its 95% interval, so a reader sees when the target is likely reached.
import type { AccrualProjection } from '@trialdesk/domain';
import { describe, expect, it } from 'vitest';
import { projectionPoints } from './accrual-projection-points.js';

const projection = {
  predictive: { level: 0.95, medianDate: '2026-03-15', lowerDate: '2026-02-15', upperDate: '2026-05-10' },
} as AccrualProjection;
const points = [
  { month: '2025-12', total: 8, planned: 12 },
  { month: '2026-01', total: 10, planned: 16 },
  { month: '2026-02', total: null, planned: 20 },
];

describe('projectionPoints', () => {
  const out = projectionPoints(points, projection, 10, 20, '2026-01-15');

  it('starts at today’s count in the current month and leaves the past alone', () => {
    expect(out[0]).toMatchObject({ total: 8, projected: null, projectedEarliest: null });
    expect(out[1]).toMatchObject({ projected: 10, projectedEarliest: 10, projectedLatest: 10 });
  });

  it('reaches the target at each date, proportionally in between', () => {
    // 28 Feb is 44 of the 59 days from 15 Jan to 15 Mar; the earliest line (15 Feb) is already there.
    expect(out[2]?.projected).toBeCloseTo(10 + (10 * 44) / 59, 2);
    expect(out[2]?.projectedEarliest).toBe(20);
    expect(out.find((p) => p.month === '2026-03')?.projected).toBe(20);
    // 31 Mar is 75 of the 115 days to 10 May.
    expect(out.find((p) => p.month === '2026-03')?.projectedLatest).toBeCloseTo(10 + (10 * 75) / 115, 2);
  });

  it('extends the months to the latest date, where every line has reached the target', () => {
    expect(out.map((p) => p.month)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
    ]);
    expect(out.at(-1)).toMatchObject({ total: null, planned: 20, projectedLatest: 20 });
  });

  it('draws nothing once the target is reached or without a predictive interval', () => {
    expect(
      projectionPoints(points, projection, 20, 20, '2026-01-15').every((p) => p.projected === null),
    ).toBe(true);
    expect(projectionPoints(points, null, 10, 20, '2026-01-15').every((p) => p.projected === null)).toBe(
      true,
    );
  });
});
