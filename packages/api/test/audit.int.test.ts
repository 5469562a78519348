// The audit viewer's procedures: filters (participant, user, action, trial, Amsterdam calendar days),
// keyset pagination, parsed before/after, the CSV export (RFC 4180, formula-safe, itself audited), and
// who may use them.
import { appendAudit } from '@trialdesk/db';
import type { AuditActor, AuditEntry } from '@trialdesk/domain';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appRouter } from '../src/root.js';
import type { Meta } from '../src/trpc.js';
import { createHarness, expectCode, type Harness } from './harness.js';
import { auditCount, lastAudit, parsed } from './audit-helpers.js';
import { fieldsOf, signIn } from './auth-helpers.js';

const coordEmc: AuditActor = { userId: 3, username: 'coord-emc', role: 'coordinator', ip: '10.0.0.3' };
const system: AuditActor = { userId: null, username: 'system', role: null, ip: null };
const coordAvl: AuditActor = { userId: 5, username: 'coord-avl', role: 'coordinator', ip: '10.0.0.5' };

function entry(e: Partial<AuditEntry> & Pick<AuditEntry, 'action'>): AuditEntry {
  return {
    entityType: 'record',
    entityId: null,
    trialId: 'pump-iii',
    centre: null,
    participant: null,
    before: null,
    after: null,
    reason: null,
    ...e,
  };
}

/**
 * The seed and the two logins write the first entries (seq 1–base, all on 2026-11-26 at 10:00 UTC); these
 * four follow as seq base+1 … base+4, which `fixtureSeq(1…4)` names. November in Amsterdam is UTC+1, so
 * 23:00 UTC is local midnight.
 */
let base = 0;
const fixtureSeq = (n: 1 | 2 | 3 | 4) => base + n;

/**
 * The demo seed's own entries (seq ≤ base) that a filter must also find, newest first, read straight from
 * the table: the seed audits SAEs, deviations, signatures and corrections of its own, and the expectations
 * below must not depend on what it happens to write.
 */
async function seedSeqs(
  h: Harness,
  where: { participant?: string; username?: string; action?: string; trialId?: string },
): Promise<number[]> {
  let q = h.open.db.selectFrom('audit_log').select('seq').where('seq', '<=', base);
  if (where.participant) q = q.where('participant', '=', where.participant);
  if (where.username) q = q.where('username', '=', where.username);
  if (where.action) q = q.where('action', '=', where.action);
  if (where.trialId) q = q.where('trial_id', '=', where.trialId);
  return (await q.orderBy('seq', 'desc').execute()).map((r) => Number(r.seq));
}

async function addFixture(h: Harness) {
  base = await auditCount(h);
  await appendAudit(
    h.open.db,
    coordEmc,
    '2026-11-26T22:59:59.000Z', // 23:59:59 on the 26th in Amsterdam
    entry({
      action: 'record.corrected',
      participant: 'PUMP3-EMC-001',
      centre: 'EMC',
      before: { cea: 5 },
      after: { cea: 4.5 },
      reason: 'typo',
    }),
  );
  await appendAudit(
    h.open.db,
    coordEmc,
    '2026-11-26T23:00:00.000Z', // 00:00:00 on the 27th in Amsterdam
    entry({ action: 'event.recorded', participant: 'PUMP3-EMC-001', centre: 'EMC' }),
  );
  await appendAudit(
    h.open.db,
    coordEmc,
    '2026-11-27T08:00:00.000Z',
    entry({ action: 'participant.included', trialId: 'artery-2', participant: 'ART2-EMC-001' }),
  );
  await appendAudit(
    h.open.db,
    coordAvl,
    '2026-11-28T12:00:00.000Z',
    entry({
      action: 'record.corrected',
      participant: 'PUMP3-AVL-002',
      centre: 'AVL',
      entityId: '-2+3',
      reason: '=HYPERLINK("http://evil.example","click"), then\r\nmore',
      after: { note: '@SUM(A1)' },
    }),
  );
}

describe('audit.list', () => {
  let h: Harness;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let pi: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    h = await createHarness();
    admin = await signIn(h, 'admin');
    pi = await signIn(h, 'pi');
    await addFixture(h);
  });
  afterAll(() => h.close());

  /** Every entry the filter finds (one page of up to 200: more than the seed and fixture hold). */
  const seqs = async (filter: Parameters<typeof admin.audit.list>[0]) => {
    const page = await admin.audit.list({ ...filter, limit: 200 });
    expect(page.nextCursor).toBeNull();
    return page.rows.map((r) => r.seq);
  };

  it('lists newest first with before and after parsed', async () => {
    const { rows, nextCursor } = await pi.audit.list({
      action: 'record.corrected',
      participant: 'PUMP3-EMC-001',
    });
    expect(nextCursor).toBeNull();
    expect(rows).toEqual([
      {
        seq: fixtureSeq(1),
        at: '2026-11-26T22:59:59.000Z',
        username: 'coord-emc',
        role: 'coordinator',
        ip: '10.0.0.3',
        action: 'record.corrected',
        entityType: 'record',
        entityId: null,
        entityLabel: null,
        trialId: 'pump-iii',
        centre: 'EMC',
        participant: 'PUMP3-EMC-001',
        reason: 'typo',
        before: { cea: 5 },
        after: { cea: 4.5 },
      },
    ]);
  });

  it('filters by participant, user, action and trial', async () => {
    expect(await seqs({ participant: ' pump3-emc-001 ' })).toEqual([
      fixtureSeq(2),
      fixtureSeq(1),
      ...(await seedSeqs(h, { participant: 'PUMP3-EMC-001' })),
    ]);
    expect(await seqs({ username: 'COORD-EMC' })).toEqual([
      fixtureSeq(3),
      fixtureSeq(2),
      fixtureSeq(1),
      ...(await seedSeqs(h, { username: 'coord-emc' })),
    ]);
    expect(await seqs({ action: 'record.corrected' })).toEqual([
      fixtureSeq(4),
      fixtureSeq(1),
      ...(await seedSeqs(h, { action: 'record.corrected' })),
    ]);
    expect(await seqs({ trialId: 'artery-2', username: 'coord-emc' })).toEqual([
      fixtureSeq(3),
      ...(await seedSeqs(h, { trialId: 'artery-2', username: 'coord-emc' })),
    ]);
    expect(await seqs({ action: 'auth.login' })).toEqual([base, base - 1]);
    expect(await seqs({ participant: 'PUMP3-EMC-999' })).toEqual([]);
  });

  it('filters by calendar days in Amsterdam, both ends inclusive', async () => {
    expect(await seqs({ from: '2026-11-27', to: '2026-11-27' })).toEqual([fixtureSeq(3), fixtureSeq(2)]);
    expect(await seqs({ from: '2026-11-28' })).toEqual([fixtureSeq(4)]);
    const upTo26 = await seqs({ to: '2026-11-26' });
    expect(upTo26[0]).toBe(fixtureSeq(1));
    expect(upTo26).toHaveLength(fixtureSeq(1));
  });

  it('pages by seq, stable while new entries arrive', async () => {
    const collected: number[] = [];
    let cursor: number | undefined;
    let pages = 0;
    for (;;) {
      const page = await admin.audit.list({ limit: 5, cursor });
      pages += 1;
      collected.push(...page.rows.map((r) => r.seq));
      // A new entry mid-way must not shift the pages after it.
      if (pages === 1)
        await appendAudit(h.open.db, system, '2026-11-29T00:00:00.000Z', entry({ action: 'cycle.recorded' }));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    const total = fixtureSeq(4);
    expect(collected).toEqual(Array.from({ length: total }, (_, i) => total - i));
    expect(pages).toBe(Math.ceil(total / 5));
    const filtered = await admin.audit.list({ username: 'coord-emc', limit: 2 });
    expect(filtered.rows.map((r) => r.seq)).toEqual([fixtureSeq(3), fixtureSeq(2)]);
    expect(filtered.nextCursor).toBe(fixtureSeq(2));
    // Pages of a filter walk exactly the filter's entries, each once, newest first.
    const walked: number[] = [];
    for (let c: number | undefined = fixtureSeq(2); c !== undefined;) {
      const next = await admin.audit.list({ username: 'coord-emc', limit: 2, cursor: c });
      walked.push(...next.rows.map((r) => r.seq));
      c = next.nextCursor ?? undefined;
    }
    expect(walked).toEqual([fixtureSeq(1), ...(await seedSeqs(h, { username: 'coord-emc' }))]);
  });

  it('refuses bad filters field by field', async () => {
    const range = await expectCode(admin.audit.list({ from: '2026-11-28', to: '2026-11-27' }), 'BAD_REQUEST');
    expect(fieldsOf(range)).toEqual({ to: ['The end date is before the start date'] });
    const day = await expectCode(admin.audit.list({ from: '2026-02-30' }), 'BAD_REQUEST');
    expect(fieldsOf(day)).toHaveProperty(['from']);
    await expectCode(admin.audit.list({ action: 'user.deleted' as never }), 'BAD_REQUEST');
    await expectCode(admin.audit.list({ limit: 201 }), 'BAD_REQUEST');
    await expectCode(admin.audit.list({ cursor: 0 }), 'BAD_REQUEST');
  });
});

/** A small, independent RFC 4180 reader for checking what the export wrote. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe(''); // the file ends with CRLF
  return records;
}

describe('audit.exportCsv', () => {
  let h: Harness;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let pi: Awaited<ReturnType<typeof signIn>>;
  beforeEach(async () => {
    h = await createHarness();
    admin = await signIn(h, 'admin');
    pi = await signIn(h, 'pi');
    await addFixture(h);
  });
  afterEach(() => h.close());

  it('writes RFC 4180 CSV with a header, oldest first, and neutralises formulas', async () => {
    const out = await pi.audit.exportCsv({ action: 'record.corrected' });
    const seeded = (await seedSeqs(h, { action: 'record.corrected' })).reverse();
    expect(out.filename).toBe('trialdesk-audit-2026-11-26.csv');
    expect(out.rows).toBe(seeded.length + 2);
    expect(
      out.csv.startsWith(
        'seq,at_utc,username,role,ip,action,entity_type,entity_id,trial_id,centre,participant,reason,before,after,prev_hash,hash\r\n',
      ),
    ).toBe(true);
    const [header, ...records] = readCsv(out.csv);
    // Oldest first: the seed's corrections, then the fixture's two.
    expect(records.map((r) => Number(r[0]))).toEqual([...seeded, fixtureSeq(1), fixtureSeq(4)]);
    const [first, second] = records.slice(seeded.length);
    expect(header).toHaveLength(16);
    expect(first?.slice(0, 14)).toEqual([
      String(fixtureSeq(1)),
      '2026-11-26T22:59:59.000Z',
      'coord-emc',
      'coordinator',
      '10.0.0.3',
      'record.corrected',
      'record',
      '',
      'pump-iii',
      'EMC',
      'PUMP3-EMC-001',
      'typo',
      '{"cea":5}',
      '{"cea":4.5}',
    ]);
    expect(first?.[15]).toMatch(/^[0-9a-f]{64}$/);
    // The formula in the reason and the arithmetic-looking id are prefixed; the comma and line break survive.
    expect(second?.[7]).toBe("'-2+3");
    expect(second?.[11]).toBe('\'=HYPERLINK("http://evil.example","click"), then\r\nmore');
    expect(second?.[13]).toBe('{"note":"@SUM(A1)"}');
  });

  it('is itself audited, with the filters and the row count', async () => {
    const out = await admin.audit.exportCsv({ participant: 'PUMP3-EMC-001', to: '2026-11-26' });
    const rows = 1 + (await seedSeqs(h, { participant: 'PUMP3-EMC-001' })).length;
    expect(out.rows).toBe(rows);
    const logged = await lastAudit(h, 'export.created');
    expect(logged).toMatchObject({
      username: 'admin',
      role: 'admin',
      entity_type: 'audit_log',
      participant: 'PUMP3-EMC-001',
    });
    expect(parsed(logged.after)).toEqual({
      format: 'csv',
      filters: { participant: 'PUMP3-EMC-001', to: '2026-11-26' },
      rows,
    });
  });

  it('exports the whole trail when unfiltered', async () => {
    const total = await auditCount(h);
    const out = await admin.audit.exportCsv({});
    expect(out.rows).toBe(total);
    expect(
      readCsv(out.csv)
        .slice(1)
        .map((r) => Number(r[0])),
    ).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });

  it('refuses bad filters and writes nothing', async () => {
    const before = await auditCount(h);
    await expectCode(admin.audit.exportCsv({ from: 'yesterday' }), 'BAD_REQUEST');
    expect(await auditCount(h)).toBe(before);
  });
});

describe('audit.list names users, not their ids', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it("gives a user entry the user's name and username beside the id", async () => {
    const admin = await signIn(h, 'admin');
    const avl = (await admin.users.list()).find((u) => u.username === 'coord-avl');
    if (!avl) throw new Error('the seed has coord-avl');
    await appendAudit(
      h.open.db,
      system,
      '2026-11-27T09:00:00.000Z',
      entry({
        action: 'user.updated',
        entityType: 'user',
        entityId: String(avl.id),
        before: { role: 'coordinator' },
        after: { role: 'monitor' },
      }),
    );
    const [row] = (await admin.audit.list({ action: 'user.updated' })).rows;
    expect(row).toMatchObject({ entityType: 'user', entityId: String(avl.id) });
    expect(row?.entityLabel).toBe('Demo coordinator AVL (coord-avl)');
  });
});

describe('only administrators and the PI read the trail', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it.each(['coord-emc', 'steering', 'monitor'])('%s is refused, and nothing is exported', async (name) => {
    const caller = await signIn(h, name);
    const before = await auditCount(h);
    await expectCode(caller.audit.list({}), 'FORBIDDEN');
    await expectCode(caller.audit.exportCsv({}), 'FORBIDDEN');
    await expectCode(caller.audit.verify(), 'FORBIDDEN');
    expect(await auditCount(h)).toBe(before);
  });

  it('anonymous callers are refused', async () => {
    const anonymous = await h.caller();
    await expectCode(anonymous.audit.list({}), 'UNAUTHORIZED');
    await expectCode(anonymous.audit.exportCsv({}), 'UNAUTHORIZED');
    await expectCode(anonymous.audit.verify(), 'UNAUTHORIZED');
  });
});

describe('the role × procedure walk covers these procedures', () => {
  it('declares the permission of every users and audit procedure', () => {
    const procedures = (
      appRouter._def as unknown as { procedures: Record<string, { _def: { meta?: Meta } }> }
    ).procedures;
    const declared = Object.fromEntries(
      Object.entries(procedures)
        .filter(([path]) => path.startsWith('users.') || path.startsWith('audit.'))
        .map(([path, p]) => [path, p._def.meta?.permission]),
    );
    expect(declared).toEqual({
      'users.list': 'user:manage',
      'users.centres': 'user:manage',
      'users.create': 'user:manage',
      'users.update': 'user:manage',
      'users.setEmail': 'user:manage',
      'users.resetPassword': 'user:manage',
      'users.deactivate': 'user:manage',
      'users.reactivate': 'user:manage',
      'users.memberships': 'user:manage',
      'users.setMembership': 'user:manage',
      'users.removeMembership': 'user:manage',
      'audit.list': 'audit:read',
      'audit.exportCsv': 'audit:read',
      'audit.verify': 'audit:read',
    });
  });
});
