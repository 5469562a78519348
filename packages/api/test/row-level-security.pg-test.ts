// PostgreSQL only: centre scope a second time, in the database. A procedure that (by a bug) forgets the
// API's centre checks and reads a participant-level table whole gets only the caller's centre from
// PostgreSQL, inside and outside a transaction; the reads that must span centres (the overview a coordinator
// sees, its shared cache, the enrolment target, the audit chain's head, the data version) still do.
import { verifyAuditChain } from '@trialdesk/db';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VersionedCache } from '../src/cache.js';
import { createContext } from '../src/context.js';
import { createCallerFactory, procedureWith, router } from '../src/trpc.js';
import { createCaller } from '../src/root.js';
import { arteryInclusion } from './entry-helpers.js';
import { createHarness, type Harness } from './harness.js';

/** Procedures with the bug on purpose: no centre filter at all. */
const buggy = router({
  everyone: procedureWith('participant:read')
    .input(z.strictObject({ trialId: z.string() }))
    .query(({ ctx }) => ctx.db.selectFrom('participants').select(['centre', 'study_id']).execute()),
  everyoneInTransaction: procedureWith('participant:read')
    .input(z.strictObject({ trialId: z.string() }))
    .query(({ ctx }) =>
      ctx.deps.db.transaction().execute((trx) => trx.selectFrom('assessments').select('centre').execute()),
    ),
});
const buggyCaller = createCallerFactory(buggy);

let h: Harness;
const cache = new VersionedCache();
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function as(username: string) {
  const { jar } = await h.as(username);
  const ctx = await createContext({
    db: h.open.db,
    clock: () => h.clock.now,
    live: h.live,
    cookies: jar,
    cache,
  });
  return { app: createCaller(ctx), buggy: buggyCaller(ctx) };
}

const centres = (rows: { centre: string }[]) => [...new Set(rows.map((r) => r.centre))].sort();

describe('row-level security in a request', () => {
  it('an unscoped read in a coordinator’s request returns only that centre’s rows', async () => {
    const all = await h.rows<{ centre: string }>(
      "SELECT centre FROM participants WHERE trial_id = 'pump-iii'",
    );
    expect(centres(all).length).toBeGreaterThan(1);
    const coord = await as('coord-emc');
    const seen = await coord.buggy.everyone({ trialId: 'pump-iii' });
    expect(seen.length).toBeGreaterThan(0);
    expect(centres(seen)).toEqual(['EMC']);
    expect(centres(await coord.buggy.everyoneInTransaction({ trialId: 'pump-iii' }))).toEqual(['EMC']);
  });

  it('a PI’s request reads every centre', async () => {
    const total = await h.rows('SELECT id FROM participants');
    const pi = await as('pi');
    expect((await pi.buggy.everyone({ trialId: 'pump-iii' })).length).toBe(total.length);
  });

  it('the overview a coordinator asks for first is the trial’s, and is what the PI then gets', async () => {
    const coord = await as('coord-emc');
    const first = await coord.app.overview.get({ trialId: 'pump-iii' });
    expect(first.inclusion.included).toBe(45);
    expect(first.centres.length).toBe(3);
    const pi = await as('pi');
    expect(await pi.app.overview.get({ trialId: 'pump-iii' })).toEqual(first);
  });

  it('a coordinator’s inclusion counts every centre against the target and extends the one chain', async () => {
    const emc = await as('coord-emc');
    const ijs = await as('coord-ijsselland');
    const pi = await as('pi');
    const before = await pi.app.overview.get({ trialId: 'artery-2' });
    // IJsselland writes last, so the chain's head is a row EMC's scope does not show: appending after
    // anything but that row would fork the chain (and collide on its sequence number).
    await ijs.app.entry.inclusion.include(arteryInclusion());
    const head = await h.row<{ seq: number; centre: string }>(
      'SELECT seq, centre FROM audit_log ORDER BY seq DESC LIMIT 1',
    );
    expect(head?.centre).toBe('IJS');
    await emc.app.entry.inclusion.include(arteryInclusion());
    const next = await h.row<{ centre: string; prev_hash: string }>(
      'SELECT centre, prev_hash FROM audit_log WHERE seq = ?',
      Number(head?.seq) + 1,
    );
    expect(next?.centre).toBe('EMC');
    expect((await verifyAuditChain(h.open.db)).ok).toBe(true);
    const after = await pi.app.overview.get({ trialId: 'artery-2' });
    expect(after.inclusion.included).toBe(before.inclusion.included + 2);
  });
});
