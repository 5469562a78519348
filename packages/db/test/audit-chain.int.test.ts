// The audit writer hashes exactly what the database stores, whatever text reaches it, and the verifier
// names every broken link, not only the first. (The API refuses ill-formed text before it gets here; these
// tests feed the writer directly, as a future caller that forgot the edge would.)
import fc from 'fast-check';
import { storableText, type AuditEntry } from '@trialdesk/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../src/audit/audit-log.js';
import { describeVerification, MAX_LISTED_BREAKS, verifyAuditChain } from '../src/audit/verify-chain.js';
import type { OpenDatabase } from '../src/database.js';
import { bypassAppendOnly, execute, openTestDatabase, queryRow } from '../src/testing/index.js';

let open: OpenDatabase | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

const entry = (text: string, n = 1): AuditEntry => ({
  action: 'record.corrected',
  entityType: text || 'x',
  entityId: text,
  trialId: text,
  centre: text,
  participant: text,
  before: { n, text },
  after: { [text]: text },
  reason: `r ${text}`,
});

/** Arbitrary strings of every kind: any code point, lone surrogates, NUL and other controls. */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('\ud800', '\udfff', '\u0000', '\u0007', '\u202e', 'a', '\ud83d\ude00') }),
);

describe('the writer hashes what is stored', () => {
  it('keeps the chain verifiable for any text in any column', async () => {
    open = await openTestDatabase({ seed: false });
    const { db } = open;
    let seq = 0;
    await fc.assert(
      fc.asyncProperty(anyText, anyText, async (text, user) => {
        seq = await appendAudit(
          db,
          { userId: null, username: user, role: null, ip: user },
          '2026-11-26T10:00:00.000Z',
          entry(text, seq),
        );
        const stored = await db
          .selectFrom('audit_log')
          .selectAll()
          .where('seq', '=', seq)
          .executeTakeFirstOrThrow();
        expect(stored.reason).toBe(storableText(`r ${text}`));
        expect(stored.username).toBe(storableText(user));
        expect((await verifyAuditChain(db)).ok).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('stores a lone surrogate in the reason as U+FFFD and verifies (the break found from outside)', async () => {
    open = await openTestDatabase({ seed: false });
    await appendAudit(
      open.db,
      { userId: 1, username: 'c', role: null, ip: null },
      '2026-11-26T10:00:00.000Z',
      {
        ...entry('x'),
        reason: 'typo \ud800 fixed',
      },
    );
    const row = await queryRow<{ reason: string }>(open.db, 'SELECT reason FROM audit_log WHERE seq = 1');
    expect(row?.reason).toBe('typo \uFFFD fixed');
    expect(await verifyAuditChain(open.db)).toMatchObject({ ok: true, rows: 1 });
  });
});

describe('the verifier names every broken link', () => {
  async function chain(n: number) {
    open = await openTestDatabase({ seed: false });
    for (let i = 1; i <= n; i += 1)
      await appendAudit(
        open.db,
        { userId: null, username: 't', role: null, ip: null },
        `2026-01-01T00:00:0${i % 10}.000Z`,
        entry('x', i),
      );
    await bypassAppendOnly(open.db, 'audit_log');
    return open;
  }

  it('finds a later edit behind an earlier one', async () => {
    const { db } = await chain(12);
    await execute(db, `UPDATE audit_log SET reason = 'early edit' WHERE seq = 3`);
    await execute(db, `UPDATE audit_log SET after = '{"n":99}' WHERE seq = 9`);
    const v = await verifyAuditChain(db);
    expect(v).toMatchObject({ ok: false, rows: 2, total: 12, brokenAt: 3, problem: 'content_changed' });
    expect(v.ok ? [] : v.breaks).toEqual([
      { seq: 3, problem: 'content_changed' },
      { seq: 9, problem: 'content_changed' },
    ]);
  });

  it('reports a gap once, then keeps checking the rows after it', async () => {
    const { db } = await chain(10);
    await execute(db, 'DELETE FROM audit_log WHERE seq IN (4, 5)');
    await execute(db, `UPDATE audit_log SET username = 'someone' WHERE seq = 8`);
    const v = await verifyAuditChain(db);
    expect(v.ok ? [] : v.breaks).toEqual([
      { seq: 4, problem: 'missing_row', missing: 2 },
      { seq: 8, problem: 'content_changed' },
    ]);
  });

  it('reads a row forged below the first sequence number without blaming the rows after it', async () => {
    const { db } = await chain(3);
    await execute(
      db,
      `INSERT INTO audit_log (seq, at, action, entity_type, prev_hash, hash) VALUES (0, 'x', 'auth.login', 'user', ?, ?)`,
      '0'.repeat(64),
      'f'.repeat(64),
    );
    const v = await verifyAuditChain(db);
    expect(v.ok ? [] : v.breaks).toEqual([{ seq: 0, problem: 'chain_broken' }]);
  });

  it('counts every break and lists a bounded number', async () => {
    const { db } = await chain(MAX_LISTED_BREAKS + 20);
    await execute(db, `UPDATE audit_log SET reason = 'rewritten'`);
    const v = await verifyAuditChain(db);
    if (v.ok) throw new Error('expected broken');
    expect(v.breakCount).toBe(MAX_LISTED_BREAKS + 20);
    expect(v.breaks).toHaveLength(MAX_LISTED_BREAKS);
    const words = describeVerification(v, 5);
    expect(words).toMatch(
      /^Audit chain BROKEN at row 1 \(content changed\); 0 rows before it verify; 120 broken links in 120 rows:/,
    );
    expect(words.split('\n')).toHaveLength(1 + 5 + 1);
    expect(words).toMatch(/… and 115 more$/);
  });
});
