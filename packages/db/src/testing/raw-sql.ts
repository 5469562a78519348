// Plain SQL with `?` placeholders on either engine, for tests and tools that check stored rows directly
// (what a repository would hide). PostgreSQL numbers its parameters ($1, $2 …); the text is rewritten
// outside quoted strings.
import { CompiledQuery } from 'kysely';
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
 * Lifts the database's refusal to change an append-only table (audit_log, data_cuts), as someone with
 * direct access to the database could, so tests can show that the hash chain still catches the change.
 */
export async function bypassAppendOnly(db: Db, table: 'audit_log' | 'data_cuts'): Promise<void> {
  if (engineOf(db) === 'postgres') {
    await execute(db, `ALTER TABLE ${table} DISABLE TRIGGER USER`);
    return;
  }
  await execute(db, `DROP TRIGGER IF EXISTS ${table}_no_update`);
  await execute(db, `DROP TRIGGER IF EXISTS ${table}_no_delete`);
}
