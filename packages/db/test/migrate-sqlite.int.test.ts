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
