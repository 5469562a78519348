// The first overview of a new day carries the day before's parts over (overview-parts.ts, carryOverDay):
// for the demo's trials, from one day to the next, across a month, a year and a follow-up year's cutoff,
// the carried parts must hold the same figures as the parts computed afresh on the later day. On SQLite,
// and on PostgreSQL in the suite's PostgreSQL pass.
import { addDays, type IsoDate } from '@trialdesk/domain';
import { findTrial } from '@trialdesk/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  carryOverDay,
  loadOverviewParts,
  shiftStates,
  type OverviewParts,
} from '../src/reports/overview-parts.js';
import { AS_OF, createHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** Each part's figures as sorted lines, so that row order (and a state split by lateness) does not count. */
function figures(parts: OverviewParts) {
  const sum = (rows: readonly { centre: string; count: number }[], key: (r: never) => string) => {
    const m = new Map<string, number>();
    for (const r of rows) {
      const k = `${r.centre}:${key(r as never)}`;
      m.set(k, (m.get(k) ?? 0) + r.count);
    }
    return [...m].filter(([, n]) => n !== 0).sort(([a], [b]) => a.localeCompare(b));
  };
  return {
    centreStats: [...parts.centreStats].sort((a, b) => a.centre.localeCompare(b.centre)),
    monthly: sum(parts.monthly, (r: { month: string }) => r.month),
    buckets: sum(parts.buckets, (r: { bucket: string }) => r.bucket),
    states: sum(parts.states, (r: { state: string }) => r.state),
    ends: [...parts.ends].sort((a, b) => `${a.centre}${a.month}`.localeCompare(`${b.centre}${b.month}`)),
    recent: [...parts.recent].sort((a, b) => a.centre.localeCompare(b.centre)),
  };
}

describe('the overview carried over to a later day', () => {
  it.each(['pump-iii', 'artery-2'])('equals the parts computed afresh on that day (%s)', async (trialId) => {
    const def = (await findTrial(h.open.db, trialId))!.definition;
    const days: [IsoDate, IsoDate][] = [
      [AS_OF, addDays(AS_OF, 1)],
      [addDays(AS_OF, -40), AS_OF],
      [addDays(AS_OF, -400), addDays(AS_OF, -20)],
      [addDays(AS_OF, -900), addDays(AS_OF, 300)],
    ];
    let movedStates = 0;
    for (const [from, to] of days) {
      const before = await loadOverviewParts(h.open.db, def, from);
      const carried = await carryOverDay(h.open.db, def, before, from, to);
      const fresh = await loadOverviewParts(h.open.db, def, to);
      expect(figures(carried)).toEqual(figures(fresh));
      if (JSON.stringify(figures(before).states) !== JSON.stringify(figures(fresh).states)) movedStates += 1;
    }
    // The days chosen must have moved slots from one state to another, or the test proves nothing.
    expect(movedStates).toBeGreaterThan(0);
  });
});

describe('shiftStates', () => {
  it('moves ended windows to overdue and started ones to due, per centre', () => {
    const states = [
      { centre: 'A', state: 'upcoming' as const, count: 5 },
      { centre: 'A', state: 'due' as const, count: 2 },
      { centre: 'A', state: 'done' as const, count: 7 },
      { centre: 'B', state: 'upcoming' as const, count: 1 },
    ];
    const shifted = shiftStates(
      states,
      new Map([
        ['A', { ended: 3, started: 2 }],
        ['B', { ended: 0, started: 1 }],
      ]),
    );
    expect(shifted).toEqual(
      expect.arrayContaining([
        { centre: 'A', state: 'upcoming', count: 3 },
        { centre: 'A', state: 'due', count: 1 },
        { centre: 'A', state: 'overdue', count: 3 },
        { centre: 'A', state: 'done', count: 7 },
        { centre: 'B', state: 'due', count: 1 },
      ]),
    );
    expect(shifted).toHaveLength(5);
  });
});
