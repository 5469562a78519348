import { describe, expect, it } from 'vitest';
import {
  chiSquareQuantile,
  cumulativeAccrual,
  normalQuantile,
  plannedAccrual,
  projectAccrual,
} from './accrual.js';
import { builtInTrial } from './trials/index.js';

describe('planned accrual', () => {
  it('rises linearly over the planned period, inclusive of both ends', () => {
    // 1 Feb 2021 – 31 Jan 2023 is 730 days; by 31 Jan 2022, 365 of them have passed.
    expect(plannedAccrual('2021-02-01', '2023-01-31', 45, '2022-01-31')).toBeCloseTo(22.5, 10);
    expect(plannedAccrual('2021-02-01', '2023-01-31', 45, '2021-01-31')).toBe(0);
    expect(plannedAccrual('2021-02-01', '2023-01-31', 45, '2023-01-31')).toBe(45);
    expect(plannedAccrual('2021-02-01', '2023-01-31', 45, '2030-01-01')).toBe(45);
  });
});

describe('cumulative accrual', () => {
  const pump = builtInTrial('pump-iii');
  const counts = [
    { month: '2021-02', centre: 'EMC', count: 2 },
    { month: '2021-05', centre: 'AVL', count: 1 },
    { month: '2021-05', centre: 'EMC', count: 1 },
    { month: '2023-01', centre: 'IJS', count: 41 },
  ];
  const series = cumulativeAccrual(pump, counts, '2026-11-26');
  it('runs month by month from the planned start to the end of recruitment', () => {
    expect(series[0]?.month).toBe('2021-02');
    expect(series.at(-1)?.month).toBe('2023-01');
    expect(series).toHaveLength(24);
  });
  it('accumulates per centre and in total', () => {
    const may = series.find((p) => p.month === '2021-05');
    expect(may?.total).toBe(4);
    expect(may?.byCentre).toEqual({ EMC: 3, IJS: 0, AVL: 1 });
    expect(series.at(-1)?.total).toBe(45);
  });
  it('reaches each centre target at the planned end', () => {
    expect(series.at(-1)?.planned).toBe(45);
    expect(series.at(-1)?.plannedByCentre).toEqual({ EMC: 25, IJS: 8, AVL: 12 });
    // IJsselland activates on 1 May 2021: nothing planned there before.
    expect(series.find((p) => p.month === '2021-04')?.plannedByCentre.IJS).toBe(0);
  });
  it('without per-centre series, keeps every month, total and planned figure and leaves the centres empty', () => {
    const art = builtInTrial('artery-2');
    const data = [
      { month: '2025-04', centre: 'EMC', count: 3 },
      { month: '2025-06', centre: 'AVL', count: 2 },
      // A centre no longer in the definition still counts in the total, as with the per-centre series.
      { month: '2025-06', centre: 'OLD', count: 1 },
    ];
    const full = cumulativeAccrual(art, data, '2025-10-15');
    const lean = cumulativeAccrual(art, data, '2025-10-15', { perCentre: false });
    expect(lean).toEqual(full.map((p) => ({ ...p, byCentre: {}, plannedByCentre: {} })));
    expect(lean.find((p) => p.month === '2025-10')?.total).toBe(6);
    expect(Object.keys(full[0]!.plannedByCentre).length).toBeGreaterThan(0);
  });
  it('leaves months after today empty while recruiting', () => {
    const art = builtInTrial('artery-2');
    const s = cumulativeAccrual(art, [{ month: '2025-04', centre: 'EMC', count: 3 }], '2025-10-15');
    expect(s.find((p) => p.month === '2025-10')?.total).toBe(3);
    expect(s.find((p) => p.month === '2025-11')?.total).toBeNull();
    expect(s.at(-1)?.month).toBe('2027-02');
  });
});

describe('quantiles for the projection interval', () => {
  // Reference values from R: qnorm(0.975), qnorm(0.001), qchisq(.975, 26), qchisq(.025, 24)
  it('normal quantile matches R', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.95996398454, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.09023230617, 6);
  });
  it('chi-square quantile is within 0.2% of R for larger df and 1% for df = 2', () => {
    expect(Math.abs(chiSquareQuantile(0.975, 26) / 41.92317 - 1)).toBeLessThan(0.002);
    expect(Math.abs(chiSquareQuantile(0.025, 24) / 12.40115 - 1)).toBeLessThan(0.002);
    expect(Math.abs(chiSquareQuantile(0.975, 2) / 7.377759 - 1)).toBeLessThan(0.01);
  });
});

describe('accrual projection', () => {
  const base = { target: 60, today: '2026-01-01', plannedEnd: '2027-02-28', windowDays: 180 };
  it('projects from the pooled recent rate of the centres', () => {
    const p = projectAccrual({
      ...base,
      included: 30,
      centres: [
        { centre: 'EMC', recentInclusions: 8, activeDays: 180 },
        { centre: 'AVL', recentInclusions: 4, activeDays: 180 },
      ],
    });
    // 12 inclusions in 180 days: 30 more take 450 days → 2027-03-27.
    expect(p.expectedDate).toBe('2027-03-27');
    expect(p.onTrack).toBe(false);
    // 30 remaining over the 423 days to 28 Feb 2027.
    expect(p.requiredRatePerMonth).toBeCloseTo((30 / 423) * (365.25 / 12), 10);
    expect(p.ratePerMonth).toBeCloseTo((12 / 180) * (365.25 / 12), 10);
    expect(p.earliestDate! < p.expectedDate!).toBe(true);
    expect(p.latestDate! > p.expectedDate!).toBe(true);
  });
  it('uses a centre rate over its active days only', () => {
    const p = projectAccrual({
      ...base,
      included: 50,
      centres: [{ centre: 'IJS', recentInclusions: 5, activeDays: 50 }],
    });
    // 10 remaining at 0.1 a day: 100 days.
    expect(p.expectedDate).toBe('2026-04-11');
  });
  it('has no expected date without recent inclusions, and is done at the target', () => {
    const none = projectAccrual({
      ...base,
      included: 10,
      centres: [{ centre: 'EMC', recentInclusions: 0, activeDays: 180 }],
    });
    expect(none.expectedDate).toBeNull();
    expect(none.latestDate).toBeNull();
    expect(none.earliestDate).not.toBeNull();
    const done = projectAccrual({ ...base, included: 60, centres: [] });
    expect(done.remaining).toBe(0);
    expect(done.onTrack).toBe(true);
  });
});
