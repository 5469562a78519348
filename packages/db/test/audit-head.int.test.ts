// A transaction that appends several entries reads the chain's head once and keeps it (audit-log.ts). What
// could make the kept head wrong is a rollback to a savepoint (an import refusing one row): the entries
// appended since are gone, so the next append must chain to what is left, not to the removed row.
import type { AuditEntry } from '@trialdesk/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../src/audit/audit-log.js';
import { verifyAuditChain } from '../src/audit/verify-chain.js';
import type { OpenDatabase } from '../src/database.js';
import { withSavepoint, writeTransaction } from '../src/repositories/entry/write-transaction.js';
import { openTestDatabase } from '../src/testing/index.js';

let open: OpenDatabase | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

const actor = { userId: null, username: 'tester', role: null, ip: null };
const at = '2026-11-29T22:00:00.000Z';
const entry = (n: number): AuditEntry => ({
  action: 'record.corrected',
  entityType: 'x',
  entityId: String(n),
  trialId: null,
  centre: null,
  participant: null,
  before: null,
  after: { n },
  reason: `entry ${n}`,
});

describe('the audit head within one transaction', () => {
  it('chains several appends of one transaction in order, and they verify', async () => {
    open = await openTestDatabase({ seed: false });
    const seqs = await writeTransaction(open.db, async (trx) => [
      await appendAudit(trx, actor, at, entry(1)),
      await appendAudit(trx, actor, at, entry(2)),
      await appendAudit(trx, actor, at, entry(3)),
    ]);
    expect(seqs).toEqual([seqs[0], seqs[0]! + 1, seqs[0]! + 2]);
    expect((await verifyAuditChain(open.db)).ok).toBe(true);
  });

  it('after a rollback to a savepoint, the next append chains to what the rollback left', async () => {
    open = await openTestDatabase({ seed: false });
    const refused = new Error('refused row');
    const kept = await writeTransaction(open.db, async (trx) => {
      const first = await appendAudit(trx, actor, at, entry(1));
      await expect(
        withSavepoint(trx, async () => {
          await appendAudit(trx, actor, at, entry(2));
          throw refused;
        }),
      ).rejects.toBe(refused);
      return [first, await appendAudit(trx, actor, at, entry(3))];
    });
    expect(kept[1]).toBe(kept[0]! + 1);
    const rows = await open.db.selectFrom('audit_log').select(['seq', 'reason']).orderBy('seq').execute();
    expect(rows.map((r) => r.reason).slice(-2)).toEqual(['entry 1', 'entry 3']);
    expect((await verifyAuditChain(open.db)).ok).toBe(true);
  });
});
