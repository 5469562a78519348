import { describe, expect, it } from 'vitest';
import { deepFreeze } from './freeze.js';

describe('deepFreeze', () => {
  it('freezes nested objects and arrays, so a shared value cannot be changed', () => {
    const v = deepFreeze({ a: { b: [1, { c: 2 }] } });
    expect(Object.isFrozen(v.a.b)).toBe(true);
    expect(() => {
      (v.a.b[1] as { c: number }).c = 3;
    }).toThrow(TypeError);
    expect(() => {
      (v.a.b as number[]).push(4);
    }).toThrow(TypeError);
  });
  it('leaves primitives alone', () => {
    expect(deepFreeze(3)).toBe(3);
    expect(deepFreeze(null)).toBeNull();
  });
});
