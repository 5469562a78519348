// Every data-entry write runs in one transaction with its audit entry, and takes the database's write lock
// first (engine/locks.ts): on SQLite the file's write lock, on PostgreSQL an advisory lock shared by every
// instance. Counters (study IDs, screening numbers), the enrolment target and the audit head read after it
// are what the previous writer committed, on every instance.
import { lockForWrite } from '../../engine/locks.js';
import type { Db } from '../../database.js';

export async function writeTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await lockForWrite(trx);
    return fn(trx);
  });
}
