// Runs pending migrations at start-up and refuses a drifted database: one whose applied migrations are
// not a prefix of this build's list, or whose recorded checksums differ from the files. Each engine runs
// its own form of every migration and records that form's checksum.
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { migrations as allMigrations, type Migration } from './migrations/index.js';

export class MigrationDriftError extends Error {
  override name = 'MigrationDriftError';
}

function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

interface AppliedRow {
  id: number;
  name: string;
  checksum: string;
}

function pendingAfter(
  applied: readonly AppliedRow[],
  migrations: readonly Migration[],
  form: (m: Migration) => string,
): Migration[] {
  applied.forEach((row, i) => {
    const known = migrations[i];
    if (!known || known.id !== Number(row.id) || known.name !== row.name)
      throw new MigrationDriftError(
        `Database has migration ${row.id} ${row.name}, which this build does not know`,
      );
    if (checksum(form(known)) !== row.checksum)
      throw new MigrationDriftError(
        `Migration ${row.name} was changed after it was applied (checksum differs)`,
      );
  });
  return migrations.slice(applied.length);
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`;

export function migrate(
  sqlite: BetterSqlite3.Database,
  migrations: readonly Migration[] = allMigrations,
): string[] {
  sqlite.exec(CREATE_TABLE);
  const applied = sqlite
    .prepare('SELECT id, name, checksum FROM schema_migrations ORDER BY id')
    .all() as AppliedRow[];
  const pending = pendingAfter(applied, migrations, (m) => m.sqlite);
  const record = sqlite.prepare(
    'INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
  );
  for (const m of pending) {
    sqlite.transaction(() => {
      sqlite.exec(m.sqlite);
      record.run(m.id, m.name, checksum(m.sqlite), new Date().toISOString());
    })();
  }
  return pending.map((m) => m.name);
}

/**
 * The PostgreSQL runner. The caller holds the migration advisory lock on this client (see
 * engine/postgres.ts), so instances starting together migrate once; each migration is one transaction
 * (PostgreSQL's DDL is transactional), so a crash leaves it applied whole or not at all.
 */
export async function migratePostgres(
  client: pg.ClientBase,
  migrations: readonly Migration[] = allMigrations,
): Promise<string[]> {
  await client.query(CREATE_TABLE);
  const applied = (
    await client.query<AppliedRow>('SELECT id, name, checksum FROM schema_migrations ORDER BY id')
  ).rows;
  const pending = pendingAfter(applied, migrations, (m) => m.postgres);
  for (const m of pending) {
    await client.query('BEGIN');
    try {
      // A migration is work across every centre: under forced row-level security (migration 016) an owner
      // that is not a superuser would otherwise see no participant-level row, and a backfill (migration
      // 020's inclusion counts) would count nothing. For this transaction only.
      await client.query("SELECT set_config('trialdesk.centre', 'all', true)");
      await client.query(m.postgres);
      await client.query(
        'INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES ($1, $2, $3, $4)',
        [m.id, m.name, checksum(m.postgres), new Date().toISOString()],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }
  return pending.map((m) => m.name);
}
