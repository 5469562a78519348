// Baseline characteristics ("Table 1") of the demo cohort against R: dump-demo-baseline.ts wrote every
// participant's baseline values, make-baseline-reference.R summarised them per centre and overall in base R
// (median and quartiles by quantile type 7, minimum, maximum, counts and shares, missing) into
// demo-baseline-r-values.json; the report's table must agree to 1e-9, for a coordinator (open part).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';

interface Summary {
  n: number;
  missing: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
}
type Counts = Record<string, { count: number; proportion: number | null }>;
interface Group {
  n: number;
  continuous: Record<string, Summary>;
  sex: Counts;
  ecog: Counts;
  ecogMissing: number;
}

const r = JSON.parse(
  readFileSync(new URL('../src/reports/r-reference/demo-baseline-r-values.json', import.meta.url), 'utf8'),
) as Record<string, Group> & { rVersion: string };

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const close = (a: number | null, b: number | null) => {
  expect(a === null).toBe(b === null);
  if (a !== null && b !== null) expect(Math.abs(a - b)).toBeLessThan(1e-9);
};

it('every cell of Table 1 agrees with R, per centre and overall', async () => {
  const report = await (await h.as('coord-emc')).committee.report.get({ trialId: 'pump-iii' });
  expect(report.closed).toBeNull();
  const t = report.baseline;
  expect(t.groups.map((g) => g.centre)).toEqual(['EMC', 'IJS', 'AVL', null]);
  let compared = 0;
  t.groups.forEach((g, i) => {
    const ref = r[g.centre ?? 'all'] as Group;
    expect(g.n).toBe(ref.n);
    for (const row of t.rows) {
      if (row.kind === 'continuous') {
        const cell = row.cells[i]!;
        const want = ref.continuous[row.id]!;
        expect([cell.n, cell.missing]).toEqual([want.n, want.missing]);
        for (const k of ['median', 'q1', 'q3', 'min', 'max'] as const) close(cell[k], want[k]);
        compared += 1;
      } else {
        const want = row.id === 'sex' ? ref.sex : ref.ecog;
        if (row.id === 'ecog') expect(row.missing[i]).toBe(ref.ecogMissing);
        for (const l of row.levels) {
          expect(l.cells[i]!.count).toBe(want[l.level]!.count);
          close(l.cells[i]!.proportion, want[l.level]!.proportion);
          compared += 1;
        }
        // A level left out of the table is one nobody has.
        const shown = new Set(row.levels.map((l) => l.level));
        for (const [level, c] of Object.entries(want)) if (!shown.has(level)) expect(c.count).toBe(0);
      }
    }
  });
  // Age and eight labs, two sexes and at least one ECOG value, in four columns.
  expect(compared).toBeGreaterThanOrEqual(4 * 12);
});
