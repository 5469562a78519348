// canonicalJson is what every audit hash covers: the same content must give the same text for ever, or
// entries written before a change would no longer verify. The loop version is compared with the first
// version (kept here as the reference) on arbitrary values, keys in any order, sparse arrays included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './audit.js';

function firstVersion(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(firstVersion).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${firstVersion(v)}`).join(',')}}`;
}

describe('canonicalJson', () => {
  it('writes exactly what the first version wrote, for any value', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withSparseArrays: true,
          withNullPrototype: true,
          withObjectString: true,
          withDate: true,
        }),
        (v) => {
          expect(canonicalJson(v)).toBe(firstVersion(v));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('sorts keys by code unit at every depth and leaves out undefined values', () => {
    const sparse: unknown[] = [];
    sparse[0] = { z: undefined, y: 'é', Y: 2 };
    sparse[2] = null;
    expect(canonicalJson({ b: 1, a: sparse, '\u{1F600}': 0, '\uFFFF': 1 })).toBe(
      '{"a":[{"Y":2,"y":"é"},,null],"b":1,"\u{1F600}":0,"\uFFFF":1}',
    );
  });
});
