// PostgreSQL only: what row-level security costs a coordinator's request. Every request looks its session
// up across all centres and then runs its procedure in the coordinator's centre; with one pool the same
// connection was switched from 'all' to the centre and back on every request (a set_config round trip
// each way). Work across all centres and a centre's work now take connections from separate pools
// (scoped-dialect.ts). Counted here: the set_config statements the driver sends, not any duration.
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OpenDatabase } from '../src/database.js';
import { ALL_CENTRES, runInCentreScope } from '../src/engine/centre-scope.js';
import { DEFAULT_TEST_SEED, openTestDatabase } from '../src/testing/index.js';

let open: OpenDatabase;
beforeAll(async () => {
  open = await openTestDatabase({ seed: DEFAULT_TEST_SEED });
});
afterAll(() => open.close());
afterEach(() => {
  vi.restoreAllMocks();
});

/** A request as the API runs it: the session lookup across all centres, then the procedure in `scope`. */
async function request(scope: string): Promise<string[]> {
  await runInCentreScope(ALL_CENTRES, () =>
    open.db.selectFrom('users').select('id').where('username', '=', 'coord-emc').executeTakeFirstOrThrow(),
  );
  const rows = await runInCentreScope(scope, () =>
    open.db.selectFrom('participants').select('centre').where('trial_id', '=', 'pump-iii').execute(),
  );
  return [...new Set(rows.map((r) => r.centre))].sort();
}

/** The scope switches the driver sends while fn runs (the spy calls through to the real query). */
async function scopeSwitches(fn: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(pg.Client.prototype, 'query');
  await fn();
  return spy.mock.calls.filter(([text]) => typeof text === 'string' && text.startsWith('SELECT set_config('))
    .length;
}

describe('scope switches on pooled connections', () => {
  it('a coordinator’s repeated requests switch no connection once each pool has served one', async () => {
    expect(await request('EMC')).toEqual(['EMC']);
    expect(await request('EMC')).toEqual(['EMC']);
    const switches = await scopeSwitches(async () => {
      for (let i = 0; i < 5; i += 1) expect(await request('EMC')).toEqual(['EMC']);
    });
    expect(switches).toBe(0);
  });

  it('each scope still sees its own rows when coordinators, the PI and scheduled work alternate', async () => {
    const everyCentre = await request(ALL_CENTRES);
    expect(everyCentre.length).toBeGreaterThan(1);
    for (let i = 0; i < 3; i += 1) {
      expect(await request('EMC')).toEqual(['EMC']);
      expect(await request(ALL_CENTRES)).toEqual(everyCentre);
      expect(await request('AVL')).toEqual(['AVL']);
    }
  });
});
