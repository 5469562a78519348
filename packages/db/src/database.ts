// Opens the database: SQLite (the embedded default, a file or ':memory:') or PostgreSQL (a postgres:// URL,
// for several instances on one database). Nothing outside packages/db needs to know which engine runs
// except through what OpenDatabase offers.
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { inProcessChannel, postgresChannel, type ChangeChannel } from './engine/change-channel.js';
import type { Engine } from './engine/locks.js';
import { openPostgresHandle } from './engine/postgres.js';
import { openSqliteHandle } from './engine/sqlite.js';
import type { Database as Schema } from './schema.js';

export type Db = Kysely<Schema>;
export type { Engine } from './engine/locks.js';

export type DatabaseConfig = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

export interface OpenOptions {
  migrate?: boolean;
  /**
   * Runs once the schema is current, before the database is handed out: on PostgreSQL under the same
   * advisory lock as the migrations, so that of several instances starting at once only one seeds an
   * empty database and the others find it seeded.
   */
  initialise?: (db: Db) => Promise<void>;
  /** PostgreSQL connections per pool (default 10; two pools per instance: engine/scoped-dialect.ts). */
  poolSize?: number;
}

export interface OpenDatabase {
  db: Db;
  engine: Engine;
  /** A description for logs, without credentials. */
  describe: string;
  /** Change notices to every instance on this database (in-process on SQLite, LISTEN/NOTIFY on PostgreSQL). */
  channel: ChangeChannel;
  close: () => Promise<void>;
}

export interface OpenSqlite extends OpenDatabase {
  engine: 'sqlite';
  sqlite: Database.Database;
}

export interface OpenPostgres extends OpenDatabase {
  engine: 'postgres';
  pool: pg.Pool;
}

export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/** DATABASE_URL=postgres://… selects PostgreSQL; otherwise the SQLite file. */
export function databaseConfigFrom(env: { DATABASE_URL?: string; DATABASE_FILE: string }): DatabaseConfig {
  if (env.DATABASE_URL) {
    if (!isPostgresUrl(env.DATABASE_URL))
      throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for SQLite)');
    return { engine: 'postgres', url: env.DATABASE_URL };
  }
  return { engine: 'sqlite', file: env.DATABASE_FILE };
}

/** The URL without its password, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** The embedded engine, synchronously (the CLI's file commands and tests that need the raw handle). */
export function openSqlite(
  file: string,
  options: Omit<OpenOptions, 'initialise' | 'poolSize'> = {},
): OpenSqlite {
  const { db, sqlite } = openSqliteHandle(file, options);
  const channel = inProcessChannel();
  return {
    db,
    sqlite,
    engine: 'sqlite',
    describe: file,
    channel,
    // Kysely's destroy closes the better-sqlite3 handle it was given.
    close: async () => {
      await channel.close();
      await db.destroy();
    },
  };
}

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<OpenDatabase> {
  if (config.engine === 'sqlite') {
    const open = openSqlite(config.file, options);
    try {
      await options.initialise?.(open.db);
    } catch (error) {
      await open.close();
      throw error;
    }
    return open;
  }
  const { db, pool } = await openPostgresHandle(config.url, options);
  const channel = postgresChannel(pool, config.url);
  const open: OpenPostgres = {
    db,
    pool,
    engine: 'postgres',
    describe: redactUrl(config.url),
    channel,
    close: async () => {
      await channel.close();
      await db.destroy();
    },
  };
  return open;
}
