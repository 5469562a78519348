// The predictive accrual projection against R (accrual-predictive.reference.R beside this file).
import { describe, expect, it } from 'vitest';
import { projectAccrual } from './accrual.js';
import { pooledRatePosterior, waitDistribution, waitQuantile } from './accrual-predictive.js';
import { addDays } from './dates.js';

// Pasted from `Rscript packages/domain/src/accrual-predictive.reference.R`: [centres as
// (inclusions, active days) pairs, remaining k, shape, rate, q2.5%, q50%, q97.5% in days].
const R: [number[], number, number, number, number, number, number][] = [
  [[12, 180], 30, 12, 180, 239.145929133001, 457.652322541711, 935.9429393504],
  [[8, 180, 4, 180, 0, 180], 30, 12, 180, 239.145929133002, 457.652322541712, 935.942939350401],
  [
    [10, 180, 3, 40, 1, 10],
    25,
    4.36288790373654,
    18.923369221026,
    45.1713255015152,
    115.692721196266,
    385.347012355935,
  ],
  [[1, 180], 1, 1, 180, 4.61538461538462, 180, 7019.99999999999],
  [[5, 50], 10, 5, 50, 36.0532977677727, 103.491397309301, 341.854351618504],
  [
    [120, 365, 60, 365, 20, 200],
    400,
    190.064372243905,
    320.431851589031,
    568.832469729393,
    674.986393183474,
    803.794597237492,
  ],
  [[120, 180, 60, 180, 30, 90], 99800, 192, 144, 65286.6825133273, 74979.8831164245, 86688.2684894012],
  [[3, 180], 100000, 3, 180, 2491392.10054113, 6731313.89081215, 29094771.9362822],
  [
    [2000, 365, 900, 365, 15, 30],
    50000,
    1855.67051834974,
    219.730653429897,
    5655.27198372838,
    5921.54323894595,
    6204.47330975452,
  ],
];

const centresOf = (flat: number[]) =>
  Array.from({ length: flat.length / 2 }, (_, i) => ({
    recentInclusions: flat[2 * i]!,
    activeDays: flat[2 * i + 1]!,
  }));

describe('the predictive wait for the remaining inclusions', () => {
  it.each(R)('matches R for centres %j and %i remaining', (flat, k, shape, rate, q025, q50, q975) => {
    const posterior = pooledRatePosterior(centresOf(flat))!;
    expect(Math.abs(posterior.shape / shape - 1)).toBeLessThan(1e-12);
    expect(Math.abs(posterior.rate / rate - 1)).toBeLessThan(1e-12);
    const got = [0.025, 0.5, 0.975].map((p) => waitQuantile(p, k, posterior.shape, posterior.rate));
    [q025, q50, q975].forEach((q, i) => expect(Math.abs(got[i]! / q - 1)).toBeLessThan(1e-6));
  });

  it('is a distribution function: 0 at 0, increasing, towards 1', () => {
    expect(waitDistribution(0, 5, 12, 180)).toBe(0);
    const values = [10, 50, 100, 200, 400, 1000, 10_000].map((t) => waitDistribution(t, 5, 12, 180));
    values.slice(1).forEach((v, i) => expect(v).toBeGreaterThan(values[i]!));
    expect(values.at(-1)).toBeGreaterThan(0.999999);
  });

  it('stays finite for many inclusions (no underflow of the negative binomial terms)', () => {
    const t = waitQuantile(0.5, 2000, 900, 300);
    // At the mean rate of 3 a day, 2000 take about 667 days.
    expect(t).toBeGreaterThan(600);
    expect(t).toBeLessThan(700);
  });

  it('has no posterior without recent inclusions', () => {
    expect(pooledRatePosterior([{ recentInclusions: 0, activeDays: 180 }])).toBeNull();
    expect(pooledRatePosterior([])).toBeNull();
  });

  it('refuses quantiles outside (0, 1) and a remaining count that is not a positive whole number', () => {
    expect(() => waitQuantile(1, 3, 2, 10)).toThrow(/p must be strictly between 0 and 1/);
    expect(() => waitQuantile(0.5, 0, 2, 10)).toThrow(/k must be a positive whole number/);
  });
});

describe('projectAccrual with the predictive interval', () => {
  const base = { target: 60, today: '2026-01-01', plannedEnd: '2027-02-28', windowDays: 180 };

  it('gives the median and 95% predictive dates, rounded up to whole days, and says where the rate comes from', () => {
    const p = projectAccrual({
      ...base,
      included: 30,
      centres: [
        { centre: 'EMC', recentInclusions: 8, activeDays: 180 },
        { centre: 'AVL', recentInclusions: 4, activeDays: 180 },
        { centre: 'IJS', recentInclusions: 0, activeDays: 180 },
      ],
    });
    // R: 12 inclusions in 180 days, 30 remaining: 239.15, 457.65 and 935.94 days.
    expect(p.predictive).toEqual({
      level: 0.95,
      lowerDate: addDays('2026-01-01', 240),
      medianDate: addDays('2026-01-01', 458),
      upperDate: addDays('2026-01-01', 936),
    });
    expect(p.rateWindow).toEqual({ from: '2025-07-06', to: '2026-01-01', days: 180, arrivals: 12 });
    // The rate-only (Garwood) interval is narrower: it leaves out the randomness of arrivals.
    expect(p.earliestDate! > p.predictive!.lowerDate).toBe(true);
    expect(p.latestDate! < p.predictive!.upperDate).toBe(true);
  });

  it('has no predictive dates without recent inclusions, and today once the target is reached', () => {
    const none = projectAccrual({
      ...base,
      included: 10,
      centres: [{ centre: 'EMC', recentInclusions: 0, activeDays: 180 }],
    });
    expect(none.predictive).toBeNull();
    expect(none.rateWindow.arrivals).toBe(0);
    const done = projectAccrual({ ...base, included: 60, centres: [] });
    expect(done.predictive).toEqual({
      level: 0.95,
      lowerDate: '2026-01-01',
      medianDate: '2026-01-01',
      upperDate: '2026-01-01',
    });
  });
});
