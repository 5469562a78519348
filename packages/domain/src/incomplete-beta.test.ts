// The regularised incomplete beta function against R's pbeta (incomplete-beta.reference.R beside this file).
import { describe, expect, it } from 'vitest';
import { incompleteBeta, logGamma } from './incomplete-beta.js';

// Pasted from `Rscript packages/domain/src/incomplete-beta.reference.R`: [x, a, b, pbeta(x, a, b)].
const R: [number, number, number, number][] = [
  [0.3, 2, 3, 0.34829999999999989],
  [0.7, 2, 3, 0.9163],
  [0.5, 0.5, 0.5, 0.49999999999999956],
  [0.01, 0.5, 2, 0.14950000000000005],
  [0.999, 5, 0.7, 0.97362540473087589],
  [0.2, 30, 12, 3.1942553911220191e-13],
  [0.75, 30, 12, 0.68233431418078228],
  [0.68, 400, 190.064372243905, 0.53951051283626827],
  [0.998, 99800, 192, 0.27663561031197181],
  [0.9985, 99800, 192, 0.99945211448139748],
  [0.9999, 100000, 3, 0.0027680339601161112],
  [0.99997, 100000, 3, 0.42317327793863374],
  [0.9637, 50000, 1855.67051834974, 0.26258447779117056],
  [0.5, 1000000, 1000000, 0.5],
  [0.5005, 1000000, 1000000, 0.92135042241907406],
];

describe('the regularised incomplete beta function', () => {
  it.each(R)('matches R at x=%d, a=%d, b=%d', (x, a, b, expected) => {
    const got = incompleteBeta(x, a, b);
    if (expected < 1e-300) expect(got).toBeLessThan(1e-290);
    else expect(Math.abs(got / expected - 1)).toBeLessThan(1e-9);
  });

  it('is 0 below the support, 1 above it, and refuses shapes that are not positive', () => {
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(-1, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
    expect(() => incompleteBeta(0.5, 0, 3)).toThrow(/a and b must be positive/);
    expect(() => incompleteBeta(0.5, 2, -1)).toThrow(/a and b must be positive/);
  });

  it('has log Γ exact at whole numbers and at one half', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(Math.abs(logGamma(10) - Math.log(362880))).toBeLessThan(1e-13);
    expect(Math.abs(logGamma(0.5) - 0.5 * Math.log(Math.PI))).toBeLessThan(1e-14);
  });
});
