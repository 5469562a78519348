// The SQLite migration runner (its PostgreSQL twin is in migrate-postgres.pg-test.ts), and the rule that
// every migration exists for both engines.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MigrationDriftError } from '../src/migrate.js';
import { migrations } from '../src/migrations/index.js';

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

describe('every migration', () => {
  it('has a PostgreSQL form beside its SQLite form, numbered in order', () => {
    migrations.forEach((mig, i) => {
      expect(mig.id).toBe(i + 1);
      expect(mig.name.startsWith(String(mig.id).padStart(3, '0'))).toBe(true);
      expect(mig.sqlite.trim().length, `${mig.name} has no SQLite form`).toBeGreaterThan(0);
      expect(mig.postgres.trim().length, `${mig.name} has no PostgreSQL form`).toBeGreaterThan(0);
    });
  });

  it('uses PostgreSQL types in its PostgreSQL form (double precision, not real; no SQLite-only syntax)', () => {
    for (const mig of migrations) {
      expect(mig.postgres, mig.name).not.toMatch(/\bREAL\b/i);
      expect(mig.postgres, mig.name).not.toMatch(/RAISE\s*\(\s*ABORT|AUTOINCREMENT|INTEGER PRIMARY KEY/i);
    }
  });
});

describe('migration 010 (trial memberships) on an existing installation', () => {
  it('makes every account but the administrators a member of every trial, with its role and centre', () => {
    const sqlite = new Database(':memory:');
    const upTo = (id: number) => migrations.filter((mig) => mig.id <= id);
    migrate(sqlite, upTo(9));
    sqlite.exec(`
      INSERT INTO centres (code, name, city) VALUES ('EMC', 'Erasmus MC', 'Rotterdam');
      INSERT INTO trials (id, code, definition, created_at, updated_at) VALUES
        ('trial-a', 'A', '{}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
        ('trial-b', 'B', '{}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
      INSERT INTO users (id, username, display_name, password_hash, role, centre, created_at, password_changed_at)
      VALUES
        (1, 'boss', 'Admin', 'x', 'admin', NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
        (2, 'lead', 'PI', 'x', 'pi', NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
        (3, 'nurse', 'Coordinator', 'x', 'coordinator', 'EMC', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
    `);
    expect(migrate(sqlite)).toEqual([
      '010-trial-memberships',
      ...upTo(99)
        .slice(10)
        .map((mig) => mig.name),
    ]);
    const rows = sqlite
      .prepare(
        'SELECT user_id, trial_id, role, centre, created_by, ended_at FROM trial_memberships ORDER BY user_id, trial_id',
      )
      .all();
    expect(rows).toEqual([
      { user_id: 2, trial_id: 'trial-a', role: 'pi', centre: null, created_by: null, ended_at: null },
      { user_id: 2, trial_id: 'trial-b', role: 'pi', centre: null, created_by: null, ended_at: null },
      {
        user_id: 3,
        trial_id: 'trial-a',
        role: 'coordinator',
        centre: 'EMC',
        created_by: null,
        ended_at: null,
      },
      {
        user_id: 3,
        trial_id: 'trial-b',
        role: 'coordinator',
        centre: 'EMC',
        created_by: null,
        ended_at: null,
      },
    ]);
    // At most one current membership per account and trial; a coordinator's needs a centre.
    expect(() =>
      sqlite.exec(
        "INSERT INTO trial_memberships (user_id, trial_id, role, created_at) VALUES (2, 'trial-a', 'monitor', 'x')",
      ),
    ).toThrow(/UNIQUE/);
    expect(() =>
      sqlite.exec(
        "INSERT INTO trial_memberships (user_id, trial_id, role, created_at) VALUES (1, 'trial-a', 'coordinator', 'x')",
      ),
    ).toThrow(/CHECK/);
    sqlite.close();
  });
});
