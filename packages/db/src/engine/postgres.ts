// The server engine: a pg pool behind Kysely's PostgresDialect, for several stateless instances on one
// database. Start-up (migrations, then the caller's one-time initialisation such as the demo seed) runs
// under a session advisory lock on one dedicated connection, so instances starting together wait for the
// first one and then find nothing left to do.
import { Kysely } from 'kysely';
import pg from 'pg';
import { migratePostgres } from '../migrate.js';
import type { Database as Schema } from '../schema.js';
import { APP_ROLE } from './centre-scope.js';
import { MIGRATION_LOCK_KEY } from './locks.js';
import { AppRoleSwitch, ScopedPostgresDialect } from './scoped-dialect.js';
import { trialdeskTypes } from './pg-types.js';

export interface PostgresOptions {
  migrate?: boolean;
  /** Runs once the schema is current, still under the start-up lock (e.g. seeding an empty database). */
  initialise?: (db: Kysely<Schema>) => Promise<void>;
  /** Connections per pool (default 10): one pool for work across all centres, one for a centre's work. */
  poolSize?: number;
  /** Called when an idle pooled connection fails (the server restarted, the network dropped). */
  onIdleError?: (error: Error) => void;
}

export interface PostgresHandle {
  db: Kysely<Schema>;
  pool: pg.Pool;
}

export function createPool(url: string, poolSize = 10, onIdleError?: (error: Error) => void): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: trialdeskTypes });
  const report = onIdleError ?? ((e: Error) => console.error(`PostgreSQL: ${e.message}`));
  // An idle client that loses its server emits 'error' on the pool; unhandled, it would end the process.
  // The pool drops that client and the next query connects afresh.
  pool.on('error', (error) => report(error));
  // A client that is checked out (a transaction between two statements, the start-up lock) has no pool
  // listener: when PostgreSQL goes away (an immediate shutdown, a failover) it would emit an unhandled
  // 'error' and end the instance. Its running query fails anyway, and the pool discards it on release.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** Runs fn holding the start-up advisory lock on a dedicated connection (released even when fn throws). */
export async function withStartupLock<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await fn(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/**
 * The application's non-owner role once migration 016 has made it and granted it to the login user: from
 * then on every connection acts as it, so the row-level security policies apply (an owner of the tables
 * is held to them only by FORCE ROW LEVEL SECURITY, a superuser never); null before that migration.
 */
async function usableAppRole(client: pg.Pool | pg.ClientBase): Promise<string | null> {
  const { rows } = await client.query<{ rolname: string }>(
    "SELECT rolname FROM pg_roles WHERE rolname = $1 AND pg_has_role(session_user, oid, 'MEMBER')",
    [APP_ROLE],
  );
  return rows[0]?.rolname ?? null;
}

export async function openPostgresHandle(
  url: string,
  options: PostgresOptions = {},
): Promise<PostgresHandle> {
  const pool = createPool(url, options.poolSize, options.onIdleError);
  // A second pool for a centre's work (scoped-dialect.ts says why); its connections open when first taken.
  const centrePool = createPool(url, options.poolSize, options.onIdleError);
  const appRole = new AppRoleSwitch();
  const db = new Kysely<Schema>({
    dialect: new ScopedPostgresDialect({ pool }, appRole, { pool: centrePool }),
  });
  try {
    if (options.migrate !== false || options.initialise) {
      await withStartupLock(pool, async (client) => {
        if (options.migrate !== false) await migratePostgres(client);
        appRole.role = await usableAppRole(client);
        await options.initialise?.(db);
      });
    } else appRole.role = await usableAppRole(pool);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, pool };
}
