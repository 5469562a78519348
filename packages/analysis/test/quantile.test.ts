// curveQuantile against R's own findq on hand-made curves, including the shapes survfit's
// curves rarely take (a limit curve that rises, NA in the middle or at the end). Expected
// values printed by survival 3.5.3:
//   survival:::findq(c(0, time), c(0, 1 - curve), 0.5, sqrt(.Machine$double.eps))
import { describe, expect, it } from 'vitest';
import { curveQuantile } from '../src/quantile.js';

const cases: { time: number[]; curve: (number | null)[]; r: number | null; why: string }[] = [
  { time: [2, 4], curve: [0.7, 0.6], r: null, why: 'never reaches 0.5' },
  { time: [2, 4, 6, 9], curve: [0.7, 0.5, 0.5, 0.2], r: 6.5, why: 'flat at 0.5: midpoint to the next drop' },
  { time: [2, 4, 6], curve: [0.7, 0.5, 0.5], r: 5, why: 'flat at 0.5 to the end: midpoint to the last time' },
  { time: [1, 2, 3, 4], curve: [1, null, 0.6, 0.4], r: 4, why: 'NA in the middle is skipped' },
  { time: [1, 2, 3], curve: [0.8, 0.5, null], r: null, why: 'flat at 0.5, then NA at the end' },
  {
    time: [1, 2, 3, 4, 5],
    curve: [0.9, 0.6, 0.7, 0.5, 0.5],
    r: 4.5,
    why: 'rises, then flat at 0.5 to the end',
  },
  { time: [1, 2, 3, 4], curve: [0.6, 0.5, 0.7, 0.5], r: null, why: 'returns to 0.5 after rising' },
  { time: [1, 2, 3, 4, 6], curve: [0.6, 0.5, 0.7, 0.45, 0.5], r: 3, why: 'rises, then falls past 0.5' },
];

describe('curveQuantile', () => {
  it.each(cases)('$why', ({ time, curve, r }) => {
    const q = curveQuantile(
      Float64Array.from(time),
      Float64Array.from(curve, (c) => c ?? NaN),
      0.5,
    );
    if (r === null) expect(q).toBeNaN();
    else expect(q).toBe(r);
  });

  it('is NA for an empty curve', () => {
    expect(curveQuantile(new Float64Array(0), new Float64Array(0), 0.5)).toBeNaN();
  });
});
