// Plain SQL with `?` placeholders on either engine, for tests and tools that check stored rows directly
// (what a repository would hide). PostgreSQL numbers its parameters ($1, $2 …); the text is rewritten
// outside quoted strings.
import { CompiledQuery, sql } from 'kysely';
import type { Db } from '../database.js';
import { engineOf } from '../engine/locks.js';

export function toEngineSql(db: Db, text: string): string {
  if (engineOf(db) === 'sqlite') return text;
  let n = 0;
  // Split on single-quoted literals and keep them as they are; number the ?s between them.
  return text
    .split(/('(?:[^']|'')*')/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\?/g, () => `$${++n}`)))
    .join('');
}

/** Runs one statement and returns its rows (empty for statements that return none). */
export async function queryRows<T = Record<string, unknown>>(
  db: Db,
  text: string,
  ...params: unknown[]
): Promise<T[]> {
  const result = await db.executeQuery<T>(CompiledQuery.raw(toEngineSql(db, text), params));
  return [...result.rows];
}

/** The first row, or undefined. */
export async function queryRow<T = Record<string, unknown>>(
  db: Db,
  text: string,
  ...params: unknown[]
): Promise<T | undefined> {
  return (await queryRows<T>(db, text, ...params))[0];
}

/** A statement for its effect; returns the number of rows it changed. */
export async function execute(db: Db, text: string, ...params: unknown[]): Promise<number> {
  const result = await db.executeQuery(CompiledQuery.raw(toEngineSql(db, text), params));
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Runs fn as the owner of the tables (on PostgreSQL the application's connections act as the non-owner role
 * of migration 016), for tests that change the schema itself: triggers, their functions. The connection's
 * role is put back afterwards.
 */
export async function asTableOwner<T>(db: Db, fn: (owner: Db) => Promise<T>): Promise<T> {
  if (engineOf(db) !== 'postgres') return fn(db);
  return db.connection().execute(async (c) => {
    const { rows } = await sql<{ role: string }>`SELECT current_user AS role`.execute(c);
    await sql`RESET ROLE`.execute(c);
    try {
      return await fn(c);
    } finally {
      await sql`SELECT set_config('role', ${rows[0]?.role ?? 'none'}, false)`.execute(c);
    }
  });
}

/**
 * Lifts the database's refusal to change an append-only table (audit_log, data_cuts), as someone with
 * direct access to the database could, so tests can show that the hash chain still catches the change.
 */
export async function bypassAppendOnly(db: Db, table: 'audit_log' | 'data_cuts'): Promise<void> {
  if (engineOf(db) === 'postgres') {
    await asTableOwner(db, (owner) => execute(owner, `ALTER TABLE ${table} DISABLE TRIGGER USER`));
    return;
  }
  await execute(db, `DROP TRIGGER IF EXISTS ${table}_no_update`);
  await execute(db, `DROP TRIGGER IF EXISTS ${table}_no_delete`);
}

/** SQL for the days from one ISO date column to another (SQLite julianday, PostgreSQL date arithmetic). */
export function daysBetween(db: Db, from: string, to: string): string {
  return engineOf(db) === 'postgres'
    ? `(${to}::date - ${from}::date)`
    : `(julianday(${to}) - julianday(${from}))`;
}

/** A trigger that makes every INSERT or UPDATE of a table fail, to prove a write and its audit are one. */
export async function failWritesTo(db: Db, table: string, op: 'INSERT' | 'UPDATE'): Promise<void> {
  const name = `fail_${table}_${op.toLowerCase()}`;
  if (engineOf(db) === 'postgres') {
    await asTableOwner(db, async (owner) => {
      await execute(
        owner,
        `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'forced failure'; END $$`,
      );
      await execute(
        owner,
        `CREATE TRIGGER ${name} BEFORE ${op} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`,
      );
    });
    return;
  }
  await execute(
    db,
    `CREATE TRIGGER ${name} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, 'forced failure'); END`,
  );
}

export async function stopFailingWritesTo(db: Db, table: string, op: 'INSERT' | 'UPDATE'): Promise<void> {
  const name = `fail_${table}_${op.toLowerCase()}`;
  await asTableOwner(db, (owner) =>
    execute(owner, engineOf(db) === 'postgres' ? `DROP TRIGGER ${name} ON ${table}` : `DROP TRIGGER ${name}`),
  );
}

/**
 * The engine's own consistency check: SQLite's integrity_check; on PostgreSQL (which has no such
 * statement without extensions) every table is read whole, which fails on a damaged page or index.
 */
export async function integrityCheck(db: Db): Promise<string> {
  if (engineOf(db) === 'sqlite')
    return String(
      (await queryRow<{ integrity_check: string }>(db, 'PRAGMA integrity_check'))?.integrity_check,
    );
  const tables = await queryRows<{ name: string }>(
    db,
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'",
  );
  for (const { name } of tables) await queryRow(db, `SELECT count(*) AS n FROM "${name}"`);
  return 'ok';
}
