// Each audit entry is checked as the database stored it before its write commits (audit-log.ts): the row
// comes back from the INSERT itself (RETURNING) and its hash is recomputed. A database that changes a value
// on the way in (here: a column whose type turns the text '42' into the number 42) must make the write fail
// with AuditWriteError and leave nothing behind, instead of storing an entry that would never verify.
import type { AuditEntry } from '@trialdesk/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, AuditWriteError } from '../src/audit/audit-log.js';
import { verifyAuditChain } from '../src/audit/verify-chain.js';
import type { OpenDatabase } from '../src/database.js';
import { writeTransaction } from '../src/repositories/entry/write-transaction.js';
import { asTableOwner, execute, openTestDatabase, queryRows } from '../src/testing/index.js';

let open: OpenDatabase | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

const actor = { userId: null, username: 'tester', role: null, ip: null };
const at = '2026-11-30T01:00:00.000Z';
const entry = (reason: string): AuditEntry => ({
  action: 'record.corrected',
  entityType: 'x',
  entityId: '1',
  trialId: null,
  centre: null,
  participant: null,
  before: null,
  after: { n: 1 },
  reason,
});

describe('the stored audit entry', () => {
  it('is checked as the database returned it: a value the database changed fails the write', async () => {
    open = await openTestDatabase({ seed: false });
    const db = open.db;
    await writeTransaction(db, (trx) => appendAudit(trx, actor, at, entry('42')));
    // From now on the reason is stored in a numeric column: '42' comes back as 42.
    await asTableOwner(db, async (owner) => {
      await execute(owner, 'ALTER TABLE audit_log RENAME COLUMN reason TO reason_before');
      await execute(owner, 'ALTER TABLE audit_log ADD COLUMN reason INTEGER');
    });
    const error = await writeTransaction(db, (trx) => appendAudit(trx, actor, at, entry('42'))).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AuditWriteError);
    expect((error as AuditWriteError).seq).toBe(2);
    // Nothing of the refused write stayed; a reason the column keeps as given still goes in.
    expect(await queryRows(db, 'SELECT seq FROM audit_log ORDER BY seq')).toEqual([{ seq: 1 }]);
    await asTableOwner(db, async (owner) => {
      await execute(owner, 'ALTER TABLE audit_log DROP COLUMN reason');
      await execute(owner, 'ALTER TABLE audit_log RENAME COLUMN reason_before TO reason');
    });
    await writeTransaction(db, (trx) => appendAudit(trx, actor, at, entry('43')));
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
