import { describe, expect, it } from 'vitest';
import { niceTicks } from './chart-scale';

describe('niceTicks', () => {
  it('uses steps of 1, 2 or 5 times a power of ten and covers the maximum', () => {
    expect(niceTicks(323)).toEqual([0, 100, 200, 300, 400]);
    expect(niceTicks(16)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(45)).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it('never uses fractional steps for counts', () => {
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
  });

  it('gives a usable axis for an empty chart', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});
