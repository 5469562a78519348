// Every data-entry write runs in one transaction with its audit entry. The first statement takes SQLite's
// write lock: a deferred transaction that reads and only later writes fails at once (SQLITE_BUSY, no
// retry) when another connection committed in between, whereas a transaction that asks for the lock first
// waits for it under the busy timeout. Within one process Kysely already runs transactions one at a time.
import { sql } from 'kysely';
import type { Db } from '../../database.js';

export async function writeTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    // A statement that writes nothing but is a write: on PostgreSQL it is a harmless no-op.
    await sql`UPDATE study_id_counters SET last_seq = last_seq WHERE 1 = 0`.execute(trx);
    return fn(trx);
  });
}
