// Every data-entry write runs in one transaction with its audit entry, and takes the database's write lock
// first (engine/locks.ts): on SQLite the file's write lock, on PostgreSQL an advisory lock shared by every
// instance. Counters (study IDs, screening numbers), the enrolment target and the audit head read after it
// are what the previous writer committed, on every instance.
import { sql } from 'kysely';
import { forgetAuditHead } from '../../audit/audit-log.js';
import { lockForWrite } from '../../engine/locks.js';
import type { Db } from '../../database.js';

export async function writeTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  // Called with a transaction that holds the lock already (an import runs every row's use case in one
  // transaction, all or nothing), the write joins it instead of opening a second one.
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(async (trx) => {
    await lockForWrite(trx);
    return fn(trx);
  });
}

let savepoints = 0;

/**
 * Runs `fn` inside a savepoint of the transaction `trx`: when it throws, what it wrote is undone and the
 * rest of the transaction stays (an import refuses one row and goes on checking the others).
 */
export async function withSavepoint<T>(trx: Db, fn: () => Promise<T>): Promise<T> {
  const name = sql.id(`sp_${++savepoints}`);
  await sql`savepoint ${name}`.execute(trx);
  try {
    const result = await fn();
    await sql`release savepoint ${name}`.execute(trx);
    return result;
  } catch (error) {
    await sql`rollback to savepoint ${name}`.execute(trx);
    // The rollback may have removed audit entries appended since the savepoint: the head is read afresh.
    forgetAuditHead(trx);
    await sql`release savepoint ${name}`.execute(trx);
    throw error;
  }
}
