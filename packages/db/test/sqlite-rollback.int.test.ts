// When SQLite has already rolled a transaction back by itself (as it does when the disk fills up during a
// commit), the error the caller sees is the one that says what happened, not Kysely's failed ROLLBACK.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../src/index.js';

describe('a transaction SQLite ended by itself', () => {
  it('fails with its own error, and the connection goes on', async () => {
    const open = openSqlite(':memory:');
    try {
      const failed = open.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO centres (code, name, city) VALUES ('TST', 'Test', 'Test')`.execute(trx);
        // What SQLite does on SQLITE_FULL at commit: the transaction is gone when the error arrives.
        await sql`ROLLBACK`.execute(trx);
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      });
      await expect(failed).rejects.toMatchObject({ code: 'SQLITE_FULL' });
      const rows = await sql<{ n: number }>`SELECT count(*) AS n FROM centres WHERE code = 'TST'`.execute(
        open.db,
      );
      expect(rows.rows[0]?.n).toBe(0);
    } finally {
      await open.close();
    }
  });
});
