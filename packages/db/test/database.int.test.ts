import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite, type OpenSqlite } from '../src/database.js';
import { migrate, MigrationDriftError } from '../src/migrate.js';
import { migrations } from '../src/migrations/index.js';
import { appendAudit, verifyAuditChain } from '../src/audit/audit-log.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import {
  assessmentStateCounts,
  centreInclusionStats,
  followUpBuckets,
} from '../src/repositories/overview.js';
import { builtInTrial } from '@trialdesk/domain';

let open: OpenSqlite | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

/** A test migration; its PostgreSQL form is the same SQL (these statements are portable). */
const m = (id: number, name: string, sql: string) => ({ id, name, sqlite: sql, postgres: sql });

describe('migrations', () => {
  it('apply once and are recorded', () => {
    const sqlite = new Database(':memory:');
    expect(migrate(sqlite)).toEqual(migrations.map((m) => m.name));
    expect(migrations[0]?.name).toBe('001-initial');
    expect(migrate(sqlite)).toEqual([]);
    sqlite.close();
  });

  it('refuse a database whose applied migration was changed', () => {
    const sqlite = new Database(':memory:');
    migrate(sqlite, [m(1, '001-initial', 'CREATE TABLE a (x INTEGER);')]);
    expect(() => migrate(sqlite, [m(1, '001-initial', 'CREATE TABLE a (y INTEGER);')])).toThrow(
      MigrationDriftError,
    );
    sqlite.close();
  });

  it('refuse a database that has a migration this build does not know', () => {
    const sqlite = new Database(':memory:');
    const one = m(1, '001-a', 'CREATE TABLE a (x INTEGER);');
    migrate(sqlite, [one, m(2, '002-b', 'CREATE TABLE b (x INTEGER);')]);
    expect(() => migrate(sqlite, [one])).toThrow(/does not know/);
    sqlite.close();
  });
});

describe('demo seed', () => {
  it('loads both trials with the synthetic cohorts and a verifiable audit chain', async () => {
    open = openSqlite(':memory:');
    const { db } = open;
    await seedDemo(db, { asOf: '2026-11-26', now: '2026-11-26T10:00:00.000Z' });
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
    open = openSqlite(':memory:');
    for (let i = 1; i <= 5; i += 1)
      await appendAudit(open.db, actor, `2026-01-0${i}T00:00:00.000Z`, entry(i));
    return open;
  }

  it('verifies an untouched chain', async () => {
    const { db } = await chainOfFive();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 5 });
  });

  it('refuses UPDATE and DELETE in the database itself', async () => {
    const { sqlite } = await chainOfFive();
    expect(() => sqlite.prepare("UPDATE audit_log SET reason = 'x' WHERE seq = 2").run()).toThrow(
      /append-only/,
    );
    expect(() => sqlite.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/append-only/);
  });

  it('names the first edited row when the triggers are bypassed', async () => {
    const { db, sqlite } = await chainOfFive();
    sqlite.exec('DROP TRIGGER audit_log_no_update');
    sqlite.prepare(`UPDATE audit_log SET after = '{"n":99}' WHERE seq = 3`).run();
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      rows: 2,
      brokenAt: 3,
      problem: 'content_changed',
    });
  });

  it('names a removed row', async () => {
    const { db, sqlite } = await chainOfFive();
    sqlite.exec('DROP TRIGGER audit_log_no_delete');
    sqlite.prepare('DELETE FROM audit_log WHERE seq = 4').run();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 4, problem: 'missing_row' });
  });

  it('names reordered rows', async () => {
    const { db, sqlite } = await chainOfFive();
    sqlite.exec('DROP TRIGGER audit_log_no_update');
    // swap the contents of rows 2 and 3 (including their hashes), as a reordering would
    sqlite.exec(
      `UPDATE audit_log SET seq = -2 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = -2;`,
    );
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 2, problem: 'chain_broken' });
  });
});
