// A database that cannot grow, as when its disk is full, for the API's storage-full tests. SQLite: the
// connection's max_page_count is set to the pages the database has now, so a write that needs a new page
// fails with SQLITE_FULL, the code a full disk gives (a write that fits in a page already there still
// succeeds, as on a real disk). PostgreSQL: every table refuses writes with SQLSTATE 53100 (disk_full).
import type { Db } from '../database.js';
import { engineOf } from '../engine/locks.js';
import { asTableOwner, execute, queryRow, queryRows } from './raw-sql.js';

const PG_FUNCTION = 'trialdesk_test_storage_full';

export async function fillStorage(db: Db): Promise<void> {
  if (engineOf(db) === 'sqlite') {
    const pages = (await queryRow<{ page_count: number }>(db, 'PRAGMA page_count'))?.page_count ?? 0;
    await execute(db, `PRAGMA max_page_count = ${Number(pages)}`);
    return;
  }
  await asTableOwner(db, async (owner) => {
    await execute(
      owner,
      `CREATE OR REPLACE FUNCTION ${PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100'; END $$`,
    );
    for (const { name } of await pgTables(owner))
      await execute(
        owner,
        `CREATE TRIGGER ${PG_FUNCTION} BEFORE INSERT OR UPDATE OR DELETE ON ${name} FOR EACH STATEMENT EXECUTE FUNCTION ${PG_FUNCTION}()`,
      );
  });
}

export async function freeStorage(db: Db): Promise<void> {
  if (engineOf(db) === 'sqlite') {
    await execute(db, 'PRAGMA max_page_count = 1073741823');
    return;
  }
  await asTableOwner(db, async (owner) => {
    for (const { name } of await pgTables(owner))
      await execute(owner, `DROP TRIGGER ${PG_FUNCTION} ON ${name}`);
  });
}

const pgTables = (db: Db) =>
  queryRows<{ name: string }>(db, "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
