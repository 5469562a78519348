// Reads by long id lists (a 100 000-participant trial has that many queries and records): SQLite refuses
// more than 32 766 bound parameters and PostgreSQL more than 65 535, so these reads go in parts. Runs on
// SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../src/database.js';
import { chunks, readInChunks } from '../src/repositories/in-chunks.js';
import { queryStepsOf, recordLabels } from '../src/repositories/monitoring/index.js';
import { DEFAULT_TEST_SEED, openTestDatabase } from '../src/testing/index.js';

let open: OpenDatabase | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

/** 70 000 ids: above both engines' limits. Those not in the demo match nothing. */
const LONG = 70_000;

describe('reads by long id lists', () => {
  it('splits a list into consecutive parts that keep every item once', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 3)).toEqual([]);
  });

  it('joins the parts in order', async () => {
    const seen: number[][] = [];
    const rows = await readInChunks(
      [1, 2, 3, 4, 5, 6, 7],
      (part) => {
        seen.push(part);
        return Promise.resolve(part.map((n) => n * 10));
      },
      3,
    );
    expect(seen).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(rows).toEqual([10, 20, 30, 40, 50, 60, 70]);
  });

  it('reads the steps of 70 000 queries and labels of 70 000 records without exceeding the bound parameters', async () => {
    open = await openTestDatabase({ seed: DEFAULT_TEST_SEED });
    const db = open.db;
    const queries = await db.selectFrom('queries').select('id').orderBy('id').execute();
    expect(queries.length).toBeGreaterThan(0);
    const real = queries.map((q) => q.id);
    const ids = [...real, ...Array.from({ length: LONG }, (_, i) => 1_000_000 + i)];
    const steps = await queryStepsOf(db, ids);
    expect(steps.length).toBeGreaterThanOrEqual(real.length);
    expect(new Set(steps.map((s) => s.queryId))).toEqual(new Set(real));

    const cycle = await db
      .selectFrom('treatment_cycles')
      .select(['id', 'cycle'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const refs = [
      { recordType: 'cycle', recordId: cycle.id },
      ...Array.from({ length: LONG }, (_, i) => ({ recordType: 'cycle', recordId: 1_000_000 + i })),
    ];
    const labels = await recordLabels(db, refs);
    expect([...labels]).toEqual([[`cycle:${cycle.id}`, `cycle ${cycle.cycle}`]]);
  });
});
