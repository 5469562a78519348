// Issue 17: the overview's aggregates and the follow-up matrix's count must each be one covering index
// scan on SQLite, for one centre (the overview recomputed after a write) and for the whole trial. A later
// index can change the planner's choice without any test failing on a small database: the import
// source-key index (migration 015) silently turned three of them into a table lookup per participant
// (0.5-0.9 s each at 100 000 participants). So the plans themselves are checked here, whatever the data.
import { builtInTrial } from '@trialdesk/domain';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/migrate.js';
import type { Database as Schema } from '../src/schema.js';
import {
  assessmentStateCounts,
  centreInclusionStats,
  followUpBuckets,
  followUpEndsByMonth,
  followUpMatrixPage,
  monthlyInclusions,
  recentInclusionsByCentre,
} from '../src/repositories/overview.js';

const sqlite = new Database(':memory:');
migrate(sqlite);
/** Every SELECT the repository sends, with its parameters, to explain afterwards. */
const sent: { sql: string; params: unknown[] }[] = [];
const recording = {
  close: () => undefined,
  prepare(sql: string) {
    const stmt = sqlite.prepare(sql);
    return {
      reader: stmt.reader,
      all: (params: unknown[]) => {
        sent.push({ sql, params });
        return stmt.all(params);
      },
      run: (params: unknown[]) => stmt.run(params),
      iterate: (params: unknown[]) => stmt.iterate(params),
    };
  },
};
const db = new Kysely<Schema>({
  dialect: new SqliteDialect({
    database: recording,
  }),
});
afterAll(() => sqlite.close());

const def = builtInTrial('artery-2');
const today = '2026-11-29';

async function plansOf(run: () => Promise<unknown>): Promise<string[][]> {
  sent.length = 0;
  await run();
  return sent.map(({ sql, params }) =>
    (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail),
  );
}

const aggregates = {
  centreInclusionStats: (c?: string[]) => centreInclusionStats(db, def.id, c),
  monthlyInclusions: (c?: string[]) => monthlyInclusions(db, def.id, c),
  recentInclusionsByCentre: (c?: string[]) => recentInclusionsByCentre(db, def.id, '2026-06-01', c),
  followUpBuckets: (c?: string[]) => followUpBuckets(db, def, today, c),
  followUpEndsByMonth: (c?: string[]) => followUpEndsByMonth(db, def.id, c),
  assessmentStateCounts: (c?: string[]) => assessmentStateCounts(db, def.id, today, c),
};

describe('the overview aggregates on SQLite', () => {
  for (const [name, run] of Object.entries(aggregates))
    for (const centres of [undefined, ['EMC']])
      it(`${name} ${centres ? 'for one centre' : 'for the whole trial'} is one covering index scan`, async () => {
        const plans = await plansOf(() => run(centres));
        expect(plans).toHaveLength(1);
        const [plan] = plans as [string[]];
        expect(plan.filter((d) => /^(SEARCH|SCAN) /.test(d))).toEqual([
          expect.stringMatching(/^SEARCH \w+ USING COVERING INDEX \w+ \(trial_id=\?/),
        ]);
        // For one centre the scan is that centre's range of the index, not the trial's.
        if (centres) expect(plan.join(' ')).toMatch(/centre=\?/);
      });
});

describe('the follow-up matrix on SQLite', () => {
  it('counts live participants in one covering index scan and pages them in study-ID order by index', async () => {
    const [count, page] = await plansOf(() => followUpMatrixPage(db, def.id, {}, { offset: 0, limit: 50 }));
    expect(count).toEqual([
      expect.stringMatching(/^SEARCH participants USING COVERING INDEX \w+ \(trial_id=\?\)$/),
    ]);
    // In study-ID order straight from an index: no sort of the whole trial to find one page.
    expect(page).toEqual([
      expect.stringMatching(/^SEARCH participants USING (COVERING )?INDEX \w+ \(trial_id=\?\)$/),
    ]);
  });
});
