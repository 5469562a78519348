// The embedded engine: one better-sqlite3 connection. WAL (readers never block the writer), foreign keys
// enforced, a busy timeout for a second process (a backup, the CLI), and synchronous=FULL so that an
// acknowledged write survives power loss as well as a killed process.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrate } from '../migrate.js';
import type { Database as Schema } from '../schema.js';

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query afresh, and under load preparing was a tenth of the server's CPU. The same
 * SQL text gets the same prepared statement here (the least recently used are dropped). Sharing one is
 * safe because Kysely runs one query at a time on this connection.
 */
function withStatementCache(sqlite: Database.Database) {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string): Database.Statement {
      // On some errors (SQLITE_FULL: the disk is full; I/O errors) SQLite has rolled the transaction back
      // by itself. Kysely then sends its ROLLBACK, which would fail with "no transaction is active" and
      // replace the error that says what happened (a 500 instead of the full disk's 503); it is a no-op then.
      const sql = !sqlite.inTransaction && /^\s*rollback\s*$/i.test(text) ? 'SELECT 1 WHERE 0' : text;
      let stmt = statements.get(sql);
      if (stmt) statements.delete(sql);
      else {
        stmt = sqlite.prepare(sql);
        if (statements.size >= STATEMENT_CACHE_SIZE) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
      }
      statements.set(sql, stmt);
      return stmt;
    },
  };
}

export interface SqliteHandle {
  db: Kysely<Schema>;
  sqlite: Database.Database;
}

export function openSqliteHandle(file: string, options: { migrate?: boolean } = {}): SqliteHandle {
  const sqlite = new Database(file);
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = FULL');
  if (options.migrate !== false) migrate(sqlite);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, sqlite };
}
