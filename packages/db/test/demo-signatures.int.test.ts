// The demo's signatures and locks (issue 14) on both engines (with TEST_DATABASE_URL, on PostgreSQL too):
// signed casebooks whose hash still matches, one re-opened by an audited correction, a locked casebook and
// a locked pump visit, every row synthetic, and the audit chain still verifying.
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/audit/verify-chain.js';
import type { OpenDatabase } from '../src/database.js';
import { casebookHash, listLocks, listSignatures } from '../src/repositories/gcp/index.js';
import { findParticipant } from '../src/repositories/participants/index.js';
import { DEFAULT_TEST_SEED, openTestDatabase } from '../src/testing/index.js';

let open: OpenDatabase | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

describe('the demo signs and locks PUMP-III casebooks', () => {
  it('five valid signatures, one no longer valid after a correction, a locked casebook and visit', async () => {
    open = await openTestDatabase({ seed: DEFAULT_TEST_SEED });
    const db = open.db;
    const signatures = await listSignatures(db, { trialId: 'pump-iii', kind: 'casebook' });
    const state = new Map<string, boolean>();
    for (const s of signatures) {
      const p = await findParticipant(db, 'pump-iii', s.entityId);
      if (!p) throw new Error(`signed casebook ${s.entityId} missing`);
      state.set(s.entityId, (await casebookHash(db, p)) === s.dataHash);
      expect(s.synthetic).toBe(true);
      expect(s.signerName).toBe('Demo principal investigator');
    }
    expect(
      [...state]
        .filter(([, valid]) => valid)
        .map(([id]) => id)
        .sort(),
    ).toEqual(['PUMP3-AVL-005', 'PUMP3-IJS-001', 'PUMP3-IJS-002', 'PUMP3-IJS-003', 'PUMP3-IJS-006']);
    expect([...state].filter(([, valid]) => !valid).map(([id]) => id)).toEqual(['PUMP3-IJS-004']);

    const corrected = await db
      .selectFrom('audit_log')
      .select(['action', 'participant', 'reason'])
      .where('action', '=', 'record.corrected')
      .where('participant', '=', 'PUMP3-IJS-004')
      .execute();
    expect(corrected).toHaveLength(1);

    const locks = await listLocks(db, { trialId: 'pump-iii', includeLifted: false });
    expect(locks.map((l) => [l.scope, l.studyId, l.recordType, l.synthetic])).toEqual(
      expect.arrayContaining([
        ['participant', 'PUMP3-IJS-006', null, true],
        ['record', 'PUMP3-IJS-005', 'cycle', true],
      ]),
    );
    expect(locks).toHaveLength(2);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
