import { describe, expect, it } from 'vitest';
import { chiSquareUpperTail, gammaP, gammaQ, logGamma } from '../src/gamma.js';
import { normalQuantile } from '../src/normal.js';
import { reference } from './reference.js';

const relErr = (actual: number, expected: number): number =>
  Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);

describe('chiSquareUpperTail', () => {
  it('gives the textbook 5% critical values (values from R)', () => {
    // pchisq(q, df, lower.tail = FALSE) in R 4.2.2
    expect(chiSquareUpperTail(3.841458820694124, 1)).toBeCloseTo(0.05, 14);
    expect(chiSquareUpperTail(5.991464547107979, 2)).toBeCloseTo(0.05, 14);
    expect(chiSquareUpperTail(11.070497693516351, 5)).toBeCloseTo(0.05, 14);
    expect(chiSquareUpperTail(6.634896601021214, 1)).toBeCloseTo(0.01, 14);
    expect(relErr(chiSquareUpperTail(2, 2), Math.exp(-1))).toBeLessThan(1e-13); // df 2 is exponential
  });

  it.each(reference.pchisqUpper)('matches R for q = $q, df = $df', ({ q, df, upper }) => {
    expect(relErr(chiSquareUpperTail(q, df), upper)).toBeLessThan(1e-12);
  });

  it('treats df 0 as a point mass at 0, as R does', () => {
    expect(chiSquareUpperTail(0, 0)).toBe(1);
    expect(chiSquareUpperTail(1, 0)).toBe(0);
  });

  it('is 1 at q <= 0 and NaN for invalid df', () => {
    expect(chiSquareUpperTail(0, 3)).toBe(1);
    expect(chiSquareUpperTail(-1, 3)).toBe(1);
    expect(chiSquareUpperTail(1, -1)).toBeNaN();
  });
});

describe('incomplete gamma', () => {
  it('P and Q add up to 1 on both sides of the series / fraction switch', () => {
    for (const a of [0.25, 1, 3.5, 20, 150]) {
      for (const x of [0.01, a / 2, a + 0.999, a + 1, a + 1.001, 2 * a + 5]) {
        expect(gammaP(a, x) + gammaQ(a, x)).toBeCloseTo(1, 14);
      }
    }
  });

  it('Q(1, x) = exp(-x)', () => {
    for (const x of [0.1, 1, 7, 50]) expect(relErr(gammaQ(1, x), Math.exp(-x))).toBeLessThan(1e-13);
  });
});

describe('logGamma', () => {
  it('gives log factorials and log sqrt(pi)', () => {
    let logFactorial = 0;
    for (let n = 1; n <= 30; n++) {
      logFactorial += Math.log(n);
      expect(Math.abs(logGamma(n + 1) - logFactorial)).toBeLessThan(1e-13 * Math.max(1, logFactorial));
    }
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(0)).toBeNaN();
  });
});

describe('normalQuantile', () => {
  it.each(reference.qnorm)('matches R qnorm($p)', ({ p, q }) => {
    expect(relErr(normalQuantile(p), q)).toBeLessThan(1e-14);
  });

  it('handles the ends of [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});
