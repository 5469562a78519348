// A full disk: a write the database cannot make answers 503 with words (English and Dutch), leaves nothing
// behind, and the audit chain verifies; reads go on being served, also for a session whose last-seen time is
// due to be written; once space returns the same write succeeds. On SQLite the database is held at its
// current size (max_page_count: SQLITE_FULL, the code of a full disk); on PostgreSQL every table refuses
// writes with SQLSTATE 53100. The real full disk is bench/reliability/full-disk.ts.
import { verifyAuditChain } from '@trialdesk/db';
import { fillStorage, freeStorage } from '@trialdesk/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arteryInclusion, asDutch, rowCounts } from './entry-helpers.js';
import { createHarness, expectCode, MemoryCookieJar, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** Inclusions until the database refuses one (a write that fits in a page already there still succeeds). */
async function includeUntilRefused(call: () => Promise<unknown>) {
  for (let i = 0; i < 200; i += 1) {
    const before = await rowCounts(h.open.db);
    const refused = await call().then(
      () => null,
      (e: unknown) => e,
    );
    if (refused) return { refused, before, acknowledged: i };
  }
  throw new Error('200 inclusions fitted into a database that may not grow');
}

describe('a full disk', () => {
  it('refuses writes with 503 in words, writing nothing, and serves reads; writes succeed once space returns', async () => {
    const coord = await h.as('coord-emc');
    const pi = await h.as('pi');
    const admin = await h.as('admin');
    await admin.trials.setTarget({ trialId: 'artery-2', target: 500, reason: 'Room for the test' });
    const coordNl = await asDutch(h, 'coord-emc');
    const piJar = new MemoryCookieJar();
    await (await h.caller(piJar)).auth.login({ username: 'pi', password: 'trialdesk-demo' });

    await fillStorage(h.open.db);
    try {
      const { refused, before } = await includeUntilRefused(() =>
        coord.entry.inclusion.include(arteryInclusion()),
      );
      expect(refused).toMatchObject({ code: 'SERVICE_UNAVAILABLE', key: 'server.storageFull' });
      expect((refused as Error).message).toMatch(/run out of disk space, so nothing was saved/);
      // Nothing half-written: not the participant, its slots or its audit row.
      expect(await rowCounts(h.open.db)).toEqual(before);
      const nl = await expectCode(coordNl.entry.inclusion.include(arteryInclusion()), 'SERVICE_UNAVAILABLE');
      expect(nl.message).toMatch(/schijf van de database is vol/);
      expect(await rowCounts(h.open.db)).toEqual(before);

      // Reads go on, also when the session's last-seen time is due to be written (two minutes later).
      expect((await pi.participants.list({ trialId: 'artery-2', pageSize: 5 })).total).toBeGreaterThan(0);
      h.clock.now = new Date(h.clock.now.getTime() + 120_000);
      const later = await h.caller(piJar);
      expect((await later.overview.get({ trialId: 'artery-2' })).inclusion.included).toBeGreaterThan(0);
      expect(await verifyAuditChain(h.open.db)).toMatchObject({ ok: true });
    } finally {
      await freeStorage(h.open.db);
    }
    const { studyId } = await coord.entry.inclusion.include(arteryInclusion());
    expect(studyId).toMatch(/^ART2-EMC-/);
    expect(await verifyAuditChain(h.open.db)).toMatchObject({ ok: true });
  });
});
