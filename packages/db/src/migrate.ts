// Runs pending migrations at start-up and refuses a drifted database: one whose applied migrations are
// not a prefix of this build's list, or whose recorded checksums differ from the files.
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { migrations as allMigrations, type Migration } from './migrations/index.js';

export class MigrationDriftError extends Error {
  override name = 'MigrationDriftError';
}

function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

export function migrate(
  sqlite: BetterSqlite3.Database,
  migrations: readonly Migration[] = allMigrations,
): string[] {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = sqlite.prepare('SELECT id, name, checksum FROM schema_migrations ORDER BY id').all() as {
    id: number;
    name: string;
    checksum: string;
  }[];
  applied.forEach((row, i) => {
    const known = migrations[i];
    if (!known || known.id !== row.id || known.name !== row.name)
      throw new MigrationDriftError(
        `Database has migration ${row.id} ${row.name}, which this build does not know`,
      );
    if (checksum(known.sql) !== row.checksum)
      throw new MigrationDriftError(
        `Migration ${row.name} was changed after it was applied (checksum differs)`,
      );
  });
  const pending = migrations.slice(applied.length);
  const record = sqlite.prepare(
    'INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
  );
  for (const m of pending) {
    sqlite.transaction(() => {
      sqlite.exec(m.sql);
      record.run(m.id, m.name, checksum(m.sql), new Date().toISOString());
    })();
  }
  return pending.map((m) => m.name);
}
