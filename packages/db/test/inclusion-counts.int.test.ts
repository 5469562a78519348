// Migration 020: the number of included (not voided) participants per trial, kept by triggers on
// participants. Whatever writes participants (a repository, the demo's bulk insert, raw SQL) keeps it
// equal to count(*): an insert, a void, a move to another trial, a delete, and a rollback. On SQLite, and on
// PostgreSQL in the suite's PostgreSQL pass.
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../src/database.js';
import { countIncluded } from '../src/repositories/participants/participants.js';
import {
  asTableOwner,
  DEFAULT_TEST_SEED,
  execute,
  openTestDatabase,
  queryRows,
} from '../src/testing/index.js';

let open: OpenDatabase | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

async function expectCountsRight(o: OpenDatabase) {
  const rows = await queryRows<{ id: string; counter: number | null; live: number }>(
    o.db,
    `SELECT t.id, c.included AS counter,
       (SELECT COUNT(*) FROM participants p WHERE p.trial_id = t.id AND p.voided_at IS NULL) AS live
     FROM trials t LEFT JOIN trial_inclusion_counts c ON c.trial_id = t.id ORDER BY t.id`,
  );
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    expect(Number(r.counter ?? 0), r.id).toBe(Number(r.live));
    expect(await countIncluded(o.db, r.id)).toBe(Number(r.live));
  }
}

const insertParticipant = (o: OpenDatabase, trialId: string, studyId: string, voided: string | null) =>
  execute(
    o.db,
    `INSERT INTO participants (trial_id, centre, study_id, seq, inclusion_date, consent_date, age_at_inclusion,
       sex, eligibility, synthetic, created_at, voided_at)
     VALUES (?, 'EMC', ?, ?, '2026-01-01', '2026-01-01', 60, 'male', '{}', 1, '2026-01-01T00:00:00Z', ?)`,
    trialId,
    studyId,
    9000 + Number(studyId.replace(/\D/g, '')),
    voided,
  );

describe('the counter of included participants (migration 020)', () => {
  it('equals count(*) after the demo seed, and follows inserts, voids, moves, deletes and rollbacks', async () => {
    open = await openTestDatabase({ seed: DEFAULT_TEST_SEED });
    const o = open;
    await expectCountsRight(o);
    const before = await countIncluded(o.db, 'artery-2');
    await insertParticipant(o, 'artery-2', 'T-1', null);
    await insertParticipant(o, 'artery-2', 'T-2', '2026-01-02T00:00:00Z');
    expect(await countIncluded(o.db, 'artery-2')).toBe(before + 1);
    await expectCountsRight(o);
    // A void, and a void taken back (an UPDATE that touches voided_at both ways).
    await execute(o.db, "UPDATE participants SET voided_at = '2026-01-03T00:00:00Z' WHERE study_id = 'T-1'");
    await execute(o.db, "UPDATE participants SET voided_at = NULL WHERE study_id = 'T-2'");
    await expectCountsRight(o);
    // An UPDATE of other columns, and one that sets voided_at again on a voided row, change nothing.
    await execute(o.db, "UPDATE participants SET sex = 'female' WHERE study_id IN ('T-1', 'T-2')");
    await execute(o.db, "UPDATE participants SET voided_at = '2026-01-04T00:00:00Z' WHERE study_id = 'T-1'");
    await expectCountsRight(o);
    // Moved to the other trial (never done by the application; the triggers hold all the same).
    await execute(
      o.db,
      "UPDATE participants SET trial_id = 'pump-iii', study_id = 'T-2P' WHERE study_id = 'T-2'",
    );
    await expectCountsRight(o);
    // Nothing clinical is deleted by the application; a delete by hand still keeps the counter right.
    await asTableOwner(o.db, (owner) =>
      execute(owner, "DELETE FROM participants WHERE study_id IN ('T-1', 'T-2P')"),
    );
    await expectCountsRight(o);
    // A rolled-back insert takes its count back with it.
    await expect(
      o.db.transaction().execute(async (trx) => {
        await insertParticipant({ ...o, db: trx }, 'artery-2', 'T-3', null);
        expect(await countIncluded(trx, 'artery-2')).toBe(before + 1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await countIncluded(o.db, 'artery-2')).toBe(before);
    await expectCountsRight(o);
  });

  it('is zero for a trial without participants', async () => {
    open = await openTestDatabase({ seed: false });
    expect(await countIncluded(open.db, 'no-such-trial')).toBe(0);
  });
});
