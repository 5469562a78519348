import { afterEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../src/database.js';
import { bypassAppendOnly, execute, openTestDatabase, queryRow } from '../src/testing/index.js';
import { appendAudit } from '../src/audit/audit-log.js';
import { verifyAuditChain } from '../src/audit/verify-chain.js';
import {
  assessmentStateCounts,
  centreInclusionStats,
  followUpBuckets,
} from '../src/repositories/overview.js';
import { builtInTrial } from '@trialdesk/domain';

let open: OpenDatabase | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

describe('demo seed', () => {
  it('loads both trials with the synthetic cohorts and a verifiable audit chain', async () => {
    open = await openTestDatabase({ seed: { asOf: '2026-11-26', now: '2026-11-26T10:00:00.000Z' } });
    const { db } = open;
    const stats = await centreInclusionStats(db, 'pump-iii');
    expect(stats.reduce((s, c) => s + c.included, 0)).toBe(45);
    expect(stats.map((s) => s.centre).sort()).toEqual(['AVL', 'EMC', 'IJS']);
    const buckets = await followUpBuckets(db, builtInTrial('pump-iii'), '2026-11-26');
    expect(buckets.reduce((s, b) => s + b.count, 0)).toBe(45);
    const states = await assessmentStateCounts(db, 'pump-iii', '2026-11-26');
    expect(states.some((s) => s.state === 'done')).toBe(true);
    const verification = await verifyAuditChain(db);
    expect(verification.ok).toBe(true);
  });
});

describe('audit chain', () => {
  const actor = { userId: null, username: 'tester', role: null, ip: null };
  const entry = (n: number) => ({
    action: 'trial.settings_changed' as const,
    entityType: 'trial',
    entityId: 'x',
    trialId: null,
    centre: null,
    participant: null,
    before: { n },
    after: { n: n + 1 },
    reason: null,
  });

  async function chainOfFive() {
    open = await openTestDatabase();
    for (let i = 1; i <= 5; i += 1)
      await appendAudit(open.db, actor, `2026-01-0${i}T00:00:00.000Z`, entry(i));
    return open;
  }

  it('verifies an untouched chain', async () => {
    const { db } = await chainOfFive();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 5 });
  });

  it('refuses UPDATE and DELETE in the database itself', async () => {
    const { db } = await chainOfFive();
    await expect(execute(db, "UPDATE audit_log SET reason = 'x' WHERE seq = 2")).rejects.toThrow(
      /append-only/,
    );
    await expect(execute(db, 'DELETE FROM audit_log WHERE seq = 2')).rejects.toThrow(/append-only/);
    expect(await queryRow(db, 'SELECT reason FROM audit_log WHERE seq = 2')).toEqual({ reason: null });
  });

  it('names the first edited row when the triggers are bypassed', async () => {
    const { db } = await chainOfFive();
    await bypassAppendOnly(db, 'audit_log');
    await execute(db, `UPDATE audit_log SET after = '{"n":99}' WHERE seq = 3`);
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      rows: 2,
      brokenAt: 3,
      problem: 'content_changed',
      breaks: [{ seq: 3, problem: 'content_changed' }],
    });
  });

  it('names a removed row', async () => {
    const { db } = await chainOfFive();
    await bypassAppendOnly(db, 'audit_log');
    await execute(db, 'DELETE FROM audit_log WHERE seq = 4');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 4, problem: 'missing_row' });
  });

  it('names reordered rows', async () => {
    const { db } = await chainOfFive();
    await bypassAppendOnly(db, 'audit_log');
    // swap the contents of rows 2 and 3 (including their hashes), as a reordering would
    await execute(db, 'UPDATE audit_log SET seq = -2 WHERE seq = 2');
    await execute(db, 'UPDATE audit_log SET seq = 2 WHERE seq = 3');
    await execute(db, 'UPDATE audit_log SET seq = 3 WHERE seq = -2');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 2, problem: 'chain_broken' });
  });
});
