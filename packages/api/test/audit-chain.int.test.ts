// The audit trail is append-only in the database, and hash-chained so that an edit, a removal or a
// reordering made behind the database's back (triggers dropped, raw SQL) is found and named.
import { hashAuditRow, verifyAuditChain, type AuditRow } from '@trialdesk/db';
import { bypassAppendOnly } from '@trialdesk/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';
import { auditCount } from './audit-helpers.js';
import { signIn } from './auth-helpers.js';

let h: Harness;
let admin: Awaited<ReturnType<typeof signIn>>;
/** Entries the demo seed wrote, and all entries once the four logins below are in. */
let seeded = 0;
let total = 0;
beforeEach(async () => {
  h = await createHarness();
  seeded = await auditCount(h);
  admin = await signIn(h, 'admin');
  // A few more entries, so that the tampered rows sit in the middle of the chain.
  for (const name of ['pi', 'monitor', 'steering']) await signIn(h, name);
  total = await auditCount(h);
});
afterEach(() => h.close());

const sql = (text: string, ...params: unknown[]) => h.run(text, ...params);
const row = async (seq: number) => (await h.row<AuditRow>('SELECT * FROM audit_log WHERE seq = ?', seq))!;

describe('the database refuses to change the trail', () => {
  it('refuses UPDATE and DELETE while the triggers exist, through raw SQL and through Kysely', async () => {
    expect(total).toBe(seeded + 4); // the seed's entries, then 4 logins
    expect(seeded).toBeGreaterThan(11);
    await expect(sql("UPDATE audit_log SET reason = 'edited' WHERE seq = 5")).rejects.toThrow(/append-only/);
    await expect(sql('DELETE FROM audit_log WHERE seq = 5')).rejects.toThrow(/append-only/);
    await expect(sql('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(h.open.db.updateTable('audit_log').set({ username: 'x' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(h.open.db.deleteFrom('audit_log').where('seq', '=', 1).execute()).rejects.toThrow(
      /append-only/,
    );
    expect(await auditCount(h)).toBe(total);
    expect(await admin.audit.verify()).toEqual({ ok: true, rows: total, total });
  });
});

describe('verify names every broken row, the first one first', () => {
  beforeEach(() => bypassAppendOnly(h.open.db, 'audit_log'));

  it('an edited row', async () => {
    await sql('UPDATE audit_log SET after = \'{"role":"pi"}\' WHERE seq = 5');
    expect(await admin.audit.verify()).toEqual({
      ok: false,
      rows: 4,
      total,
      brokenAt: 5,
      problem: 'content_changed',
      breakCount: 1,
      breaks: [{ seq: 5, problem: 'content_changed' }],
    });
  });

  it('an edited time', async () => {
    await sql("UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 12");
    expect(await admin.audit.verify()).toMatchObject({ ok: false, brokenAt: 12, problem: 'content_changed' });
  });

  it('an edit whose hash was recomputed breaks the link to the next row', async () => {
    const original = await row(7);
    const forged = { ...original, username: 'someone-else' };
    await sql(
      'UPDATE audit_log SET username = ?, hash = ? WHERE seq = 7',
      forged.username,
      hashAuditRow(original.prev_hash, forged),
    );
    expect(await admin.audit.verify()).toMatchObject({
      ok: false,
      rows: 7,
      brokenAt: 8,
      problem: 'chain_broken',
      breaks: [{ seq: 8, problem: 'chain_broken' }],
    });
  });

  it('a removed row', async () => {
    await sql('DELETE FROM audit_log WHERE seq = 9');
    expect(await admin.audit.verify()).toMatchObject({
      ok: false,
      rows: 8,
      total: total - 1,
      brokenAt: 9,
      problem: 'missing_row',
      breaks: [{ seq: 9, problem: 'missing_row', missing: 1 }],
    });
  });

  it('two rows swapped', async () => {
    await sql('UPDATE audit_log SET seq = -3 WHERE seq = 3');
    await sql('UPDATE audit_log SET seq = 3 WHERE seq = 4');
    await sql('UPDATE audit_log SET seq = 4 WHERE seq = -3');
    // Each displaced row is a broken link, and so is the row after them.
    expect(await admin.audit.verify()).toMatchObject({
      ok: false,
      rows: 2,
      brokenAt: 3,
      problem: 'chain_broken',
      breaks: [
        { seq: 3, problem: 'chain_broken' },
        { seq: 4, problem: 'chain_broken' },
        { seq: 5, problem: 'chain_broken' },
      ],
    });
  });

  it('a forged row appended with a wrong link', async () => {
    const last = await row(total);
    await sql(
      `INSERT INTO audit_log (seq, at, action, entity_type, prev_hash, hash) VALUES (?, ?, 'auth.login', 'user', ?, ?)`,
      total + 1,
      last.at,
      '0'.repeat(64),
      'f'.repeat(64),
    );
    expect(await admin.audit.verify()).toEqual({
      ok: false,
      rows: total,
      total: total + 1,
      brokenAt: total + 1,
      problem: 'chain_broken',
      breakCount: 1,
      breaks: [{ seq: total + 1, problem: 'chain_broken' }],
    });
  });

  it('an intact chain after all this setup verifies', async () => {
    expect(await admin.audit.verify()).toEqual({ ok: true, rows: total, total });
  });
});

describe('a long trail does not hold the server', () => {
  it('lets other work run between batches while it verifies', async () => {
    let ticks = 0;
    let running = true;
    const tick = () => {
      ticks += 1;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    // Rows in batches of 4: at least four batches, so three chances for waiting requests to run.
    const result = await verifyAuditChain(h.open.db, 4);
    running = false;
    expect(result).toMatchObject({ ok: true, rows: total });
    expect(ticks).toBeGreaterThanOrEqual(3);
  });
});

describe('a later edit is not hidden behind an earlier break', () => {
  it('names both', async () => {
    await bypassAppendOnly(h.open.db, 'audit_log');
    await sql("UPDATE audit_log SET reason = 'first' WHERE seq = 4");
    await sql("UPDATE audit_log SET username = 'later' WHERE seq = 13");
    expect(await admin.audit.verify()).toMatchObject({
      ok: false,
      brokenAt: 4,
      breakCount: 2,
      breaks: [
        { seq: 4, problem: 'content_changed' },
        { seq: 13, problem: 'content_changed' },
      ],
    });
  });
});
