// Which engine a Kysely instance (or one of its transactions) runs on, and the write lock of each.
//
// Audit order: the audit trail is ONE hash chain for the whole database. Every transaction that appends
// to it must see the chain's head as the last committed writer left it, so writers are serialised:
// SQLite has one writer at a time by construction (the first statement of a write transaction takes the
// database's write lock); PostgreSQL runs transactions concurrently, so a transaction-scoped advisory lock
// (pg_advisory_xact_lock) is taken before the transaction reads anything it will write from. The lock is
// released by COMMIT or ROLLBACK, also when the instance dies (the server ends its session). One global
// lock rather than one per trial: see the decision and its measurements in bench/RESULTS.md ("PostgreSQL").
import { CompiledQuery, PostgresAdapter, type Kysely } from 'kysely';

export type Engine = 'sqlite' | 'postgres';

/** Advisory lock keys (one bigint space per database; these two are ours). */
export const MIGRATION_LOCK_KEY = 7_410_001;
export const WRITE_LOCK_KEY = 7_410_002;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: the engine is in the executor
export function engineOf(db: Kysely<any>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * Takes the database's write lock in this transaction. Call it first in a transaction that reads what it
 * then writes (counters, the enrolment target, the audit head).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function lockForWrite(trx: Kysely<any>): Promise<void> {
  if (engineOf(trx) === 'postgres') await trx.executeQuery(advisoryLock());
  // A statement that writes nothing but is a write, so SQLite takes its write lock now rather than at the
  // first real write (a deferred transaction that read first would fail with SQLITE_BUSY, not wait).
  else
    await trx.executeQuery(CompiledQuery.raw('UPDATE study_id_counters SET last_seq = last_seq WHERE 1 = 0'));
}

/** Every write takes it: written as SQL (nothing to build), a fresh query id each time. */
const advisoryLock = () => CompiledQuery.raw('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);

/**
 * Serialises appends to the audit chain. On SQLite the connection already has one writer at a time;
 * on PostgreSQL this takes the same advisory lock as lockForWrite (re-entrant within a transaction), so a
 * transaction that did not take it first still cannot fork the chain.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function lockAuditChain(trx: Kysely<any>): Promise<void> {
  if (engineOf(trx) === 'postgres') await trx.executeQuery(advisoryLock());
}
