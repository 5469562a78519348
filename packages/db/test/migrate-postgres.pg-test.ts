// PostgreSQL only: the migration runner, the two engines' schemas compared table by table, the audit
// trail's refusal as plpgsql triggers, exact int8 numbers, and several instances starting at once on an
// empty database (one migrates and seeds; the others wait and find it done).
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../src/database.js';
import { isDatabaseEmpty, seedDemo } from '../src/demo/seed-demo.js';
import { migrate, migratePostgres, MigrationDriftError } from '../src/migrate.js';
import { migrations } from '../src/migrations/index.js';
import { asTableOwner, emptyTestDatabaseUrl, execute, queryRow, queryRows } from '../src/testing/index.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function emptyDatabase(): Promise<string> {
  const { url, drop } = await emptyTestDatabaseUrl();
  cleanups.push(drop);
  return url;
}

async function client(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  cleanups.push(() => c.end());
  return c;
}

const m = (id: number, name: string, text: string) => ({ id, name, sqlite: text, postgres: text });

describe('the PostgreSQL migration runner', () => {
  it('applies every migration once and records it', async () => {
    const c = await client(await emptyDatabase());
    expect(await migratePostgres(c)).toEqual(migrations.map((x) => x.name));
    expect(await migratePostgres(c)).toEqual([]);
    const rows = (await c.query('SELECT id, name FROM schema_migrations ORDER BY id')).rows;
    expect(rows).toEqual(migrations.map((x) => ({ id: x.id, name: x.name })));
  });

  it('refuses a database whose applied migration was changed, or that has one this build does not know', async () => {
    const c = await client(await emptyDatabase());
    const one = m(1, '001-a', 'CREATE TABLE a (x integer);');
    await migratePostgres(c, [one, m(2, '002-b', 'CREATE TABLE b (x integer);')]);
    await expect(migratePostgres(c, [m(1, '001-a', 'CREATE TABLE a (y integer);')])).rejects.toThrow(
      MigrationDriftError,
    );
    await expect(migratePostgres(c, [one])).rejects.toThrow(/does not know/);
  });

  it('runs each migration across every centre, so a backfill under row-level security counts every row', async () => {
    const c = await client(await emptyDatabase());
    // The policy of migration 016 shows a participant-level row when trialdesk.centre is 'all' or its centre;
    // an owner that is not a superuser is bound by it (FORCE ROW LEVEL SECURITY).
    const probe = m(
      1,
      '001-probe',
      `DO $$ BEGIN IF current_setting('trialdesk.centre', true) IS DISTINCT FROM 'all' THEN
         RAISE EXCEPTION 'migration ran in centre scope %', current_setting('trialdesk.centre', true); END IF; END $$;`,
    );
    expect(await migratePostgres(c, [probe])).toEqual(['001-probe']);
    // For the migration's transaction only: the client's own session is left as it was.
    const after = await c.query<{ s: string | null }>(
      "SELECT current_setting('trialdesk.centre', true) AS s",
    );
    expect(after.rows[0]?.s ?? '').toBe('');
  });

  it('rolls a failing migration back whole', async () => {
    const c = await client(await emptyDatabase());
    await expect(
      migratePostgres(c, [m(1, '001-a', 'CREATE TABLE a (x integer); CREATE TABLE a (y integer);')]),
    ).rejects.toThrow(/already exists/);
    expect((await c.query("SELECT to_regclass('a') AS t")).rows[0]).toEqual({ t: null });
    expect((await c.query('SELECT count(*) AS n FROM schema_migrations')).rows[0]).toEqual({ n: '0' });
  });
});

interface Column {
  table: string;
  column: string;
  type: string;
  notNull: boolean;
  pk: boolean;
}

function sqliteColumns(): Column[] {
  const sqlite = new Database(':memory:');
  migrate(sqlite);
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const out = tables.flatMap(({ name }) =>
    (
      sqlite.prepare(`PRAGMA table_info(${name})`).all() as {
        name: string;
        type: string;
        notnull: number;
        pk: number;
      }[]
    ).map((c) => ({
      table: name,
      column: c.name,
      type: c.type.toUpperCase(),
      notNull: c.notnull === 1,
      pk: c.pk > 0,
    })),
  );
  sqlite.close();
  return out;
}

/** SQLite's declared type and the PostgreSQL types that store the same values. */
const sameValues: Record<string, string[]> = {
  INTEGER: ['integer', 'bigint'],
  REAL: ['double precision'],
  TEXT: ['text'],
};

describe('the two engines’ schemas', () => {
  it('have the same tables, columns, types, nullability and primary keys', async () => {
    const url = await emptyDatabase();
    const c = await client(url);
    await migratePostgres(c);
    const pgCols = (
      await c.query<{ table: string; column: string; type: string; not_null: boolean; pk: boolean }>(`
        SELECT c.table_name AS table, c.column_name AS column, c.data_type AS type,
               c.is_nullable = 'NO' AS not_null,
               EXISTS (SELECT 1 FROM information_schema.key_column_usage k
                       JOIN information_schema.table_constraints t
                         ON t.constraint_name = k.constraint_name AND t.constraint_type = 'PRIMARY KEY'
                       WHERE k.table_name = c.table_name AND k.column_name = c.column_name) AS pk
        FROM information_schema.columns c WHERE c.table_schema = 'public'`)
    ).rows;
    const byKey = new Map(pgCols.map((r) => [`${r.table}.${r.column}`, r]));
    const lite = sqliteColumns();
    expect(new Set(pgCols.map((r) => `${r.table}.${r.column}`))).toEqual(
      new Set(lite.map((r) => `${r.table}.${r.column}`)),
    );
    for (const col of lite) {
      const other = byKey.get(`${col.table}.${col.column}`)!;
      expect(sameValues[col.type], `${col.table}.${col.column} ${col.type}`).toContain(other.type);
      // SQLite lets an INTEGER PRIMARY KEY be null in its declaration; PostgreSQL's keys are never null.
      expect(other.not_null, `${col.table}.${col.column} NOT NULL`).toBe(col.notNull || col.pk);
      expect(other.pk, `${col.table}.${col.column} primary key`).toBe(col.pk);
    }
  });

  it('have the same indexes', async () => {
    const c = await client(await emptyDatabase());
    await migratePostgres(c);
    const sqlite = new Database(':memory:');
    migrate(sqlite);
    const liteIndexes = (
      sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")
        .all() as { name: string }[]
    ).map((r) => r.name);
    sqlite.close();
    const pgIndexes = (
      await c.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")
    ).rows.map((r) => r.indexname);
    // PostgreSQL also lists the indexes behind primary keys and UNIQUE constraints (SQLite's autoindexes).
    for (const name of liteIndexes) expect(pgIndexes, name).toContain(name);
  });
});

describe('a migrated PostgreSQL database', () => {
  async function openMigrated() {
    const open = await openDatabase({ engine: 'postgres', url: await emptyDatabase() });
    cleanups.push(() => open.close());
    return open.db;
  }

  it('refuses UPDATE, DELETE and TRUNCATE of the audit trail and of data cuts (plpgsql triggers)', async () => {
    const db = await openMigrated();
    await execute(
      db,
      "INSERT INTO audit_log (seq, at, action, entity_type, prev_hash, hash) VALUES (1, 'x', 'a', 'e', 'p', 'h')",
    );
    await expect(execute(db, "UPDATE audit_log SET action = 'b'")).rejects.toThrow(/append-only/);
    await expect(execute(db, 'DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    // The application's role may not truncate at all (migration 013); the owner is stopped by the triggers.
    await expect(execute(db, 'TRUNCATE audit_log')).rejects.toThrow(/permission denied/);
    await expect(asTableOwner(db, (o) => execute(o, 'TRUNCATE audit_log'))).rejects.toThrow(/append-only/);
    await expect(execute(db, 'UPDATE data_cuts SET label = label')).resolves.toBe(0);
    // Meeting records reference their cut (migration 012): PostgreSQL refuses that truncation before the
    // trigger runs; either way the cuts stay.
    await expect(asTableOwner(db, (o) => execute(o, 'TRUNCATE data_cuts'))).rejects.toThrow(
      /immutable|referenced in a foreign key/,
    );
    await expect(asTableOwner(db, (o) => execute(o, 'TRUNCATE committee_meetings'))).rejects.toThrow(
      /never deleted/,
    );
    expect(await queryRow(db, 'SELECT action FROM audit_log')).toEqual({ action: 'a' });
  });

  it('returns int8 (counts, ids, the audit sequence) as exact numbers, and refuses one that would round', async () => {
    const db = await openMigrated();
    expect(
      await queryRow(db, 'SELECT (SELECT count(*) FROM audit_log) AS n, 9007199254740991::bigint AS max'),
    ).toEqual({
      n: 0,
      max: Number.MAX_SAFE_INTEGER,
    });
    await expect(queryRow(db, 'SELECT 9007199254740993::bigint AS n')).rejects.toThrow(/does not fit/);
    expect(
      await queryRows(
        db,
        'SELECT 0.5::double precision AS x, sum(x)::numeric AS s FROM (VALUES (1), (2)) v(x)',
      ),
    ).toEqual([{ x: 0.5, s: 3 }]);
  });
});

describe('instances starting together on an empty database', () => {
  it('migrate once and seed the demo once', async () => {
    const url = await emptyDatabase();
    let seeded = 0;
    const seedIfEmpty = async (db: Db) => {
      if (!(await isDatabaseEmpty(db))) return;
      seeded += 1;
      await seedDemo(db, { asOf: '2026-11-26', now: '2026-11-26T10:00:00.000Z' });
    };
    const instances = await Promise.all(
      [1, 2, 3].map(() => openDatabase({ engine: 'postgres', url }, { initialise: seedIfEmpty })),
    );
    for (const i of instances) cleanups.push(() => i.close());
    expect(seeded).toBe(1);
    const db = instances[0]!.db;
    expect(await queryRow(db, 'SELECT count(*) AS n FROM schema_migrations')).toEqual({
      n: migrations.length,
    });
    expect(await queryRow(db, 'SELECT count(*) AS n FROM trials')).toEqual({ n: 2 });
    const seeds = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM audit_log WHERE action = 'demo.seeded'`.execute(db);
    expect(seeds.rows[0]).toEqual({ n: 2 });
  });
});

describe('migration 010 (trial memberships) on an existing PostgreSQL installation', () => {
  it('makes every account but the administrators a member of every trial, with its role and centre', async () => {
    const c = await client(await emptyDatabase());
    await migratePostgres(
      c,
      migrations.filter((mig) => mig.id <= 9),
    );
    const at = '2026-01-01T00:00:00.000Z';
    await c.query(`INSERT INTO centres (code, name, city) VALUES ('EMC', 'Erasmus MC', 'Rotterdam')`);
    await c.query(
      `INSERT INTO trials (id, code, definition, created_at, updated_at) VALUES ('trial-a', 'A', '{}', $1, $1)`,
      [at],
    );
    await c.query(
      `INSERT INTO users (username, display_name, password_hash, role, centre, created_at, password_changed_at)
       VALUES ('boss', 'Admin', 'x', 'admin', NULL, $1, $1), ('nurse', 'Coordinator', 'x', 'coordinator', 'EMC', $1, $1)`,
      [at],
    );
    await migratePostgres(c);
    const rows = (
      await c.query(
        `SELECT u.username, m.trial_id, m.role, m.centre, m.created_by, m.ended_at
         FROM trial_memberships m JOIN users u ON u.id = m.user_id ORDER BY u.username`,
      )
    ).rows;
    expect(rows).toEqual([
      {
        username: 'nurse',
        trial_id: 'trial-a',
        role: 'coordinator',
        centre: 'EMC',
        created_by: null,
        ended_at: null,
      },
    ]);
    const made = await c.query<{ created_at: string }>('SELECT created_at FROM trial_memberships');
    expect(made.rows[0]?.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});
