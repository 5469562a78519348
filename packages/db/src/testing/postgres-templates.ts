// Throwaway PostgreSQL databases for tests: each test database is a CREATE DATABASE … TEMPLATE copy of a
// migrated (and, when asked, demo-seeded) template, which is fast, so every harness gets its own database
// and no test sees another's rows. Templates are named after a hash of the migrations and the seed, so a
// changed migration builds a new one; they are built once per cluster under an advisory lock, so test files
// starting together in several processes build each template once.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Db, type OpenDatabase } from '../database.js';
import { migrations } from '../migrations/index.js';

const TEMPLATE_LOCK_KEY = 7_410_090;

function urlFor(baseUrl: string, database: string): string {
  const u = new URL(baseUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdmin<T>(baseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * A closed pool's server processes end a moment after the client hangs up, and PostgreSQL refuses to
 * rename (or copy) a database that still has a session: wait until they are gone (bounded).
 */
async function renameWhenFree(admin: pg.Client, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await admin.query(`ALTER DATABASE ${quote(from)} RENAME TO ${quote(to)}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 100) throw error;
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [from],
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function databaseExists(client: pg.Client, name: string): Promise<boolean> {
  return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
}

/** Template name for a seed variant (the migrations' text is part of the name). */
export function templateName(variant: string): string {
  const h = createHash('sha256');
  for (const m of migrations) h.update(`${m.id}\n${m.postgres}\n`);
  h.update(variant);
  return `td_tpl_${h.digest('hex').slice(0, 16)}`;
}

/** Builds the variant's template unless it exists; returns its name. */
export async function ensurePostgresTemplate(
  baseUrl: string,
  options: PostgresTestDatabaseOptions,
): Promise<string> {
  const name = templateName(options.variant);
  const { initialise } = options;
  await withAdmin(baseUrl, async (admin) => {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    try {
      if (await databaseExists(admin, name)) return;
      // Built under another name and renamed when whole, so a crash never leaves a half template.
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${quote(building)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${quote(building)}`);
      const open = await openDatabase({ engine: 'postgres', url: urlFor(baseUrl, building) }, { initialise });
      await open.close();
      await renameWhenFree(admin, building, name);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    }
  });
  return name;
}

export interface PostgresTestDatabaseOptions {
  /** Part of the template's name: the same variant must always mean the same initialisation. */
  variant: string;
  initialise?: (db: Db) => Promise<void>;
}

/** A new database copied from the variant's template; close() drops it. */
export async function openPostgresTestDatabase(
  baseUrl: string,
  options: PostgresTestDatabaseOptions,
): Promise<OpenDatabase & { url: string }> {
  const template = await ensurePostgresTemplate(baseUrl, options);
  const name = `td_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await withAdmin(baseUrl, (admin) =>
    admin.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}`),
  );
  const url = urlFor(baseUrl, name);
  const open = await openDatabase({ engine: 'postgres', url }, { migrate: false, poolSize: 4 });
  return {
    ...open,
    url,
    async close() {
      await open.close();
      await withAdmin(baseUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`));
    },
  };
}

/** Creates an empty database (for tests of migrations and start-up); close() drops it. */
export async function createEmptyPostgresDatabase(
  baseUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `td_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await withAdmin(baseUrl, (admin) => admin.query(`CREATE DATABASE ${quote(name)}`));
  return {
    url: urlFor(baseUrl, name),
    drop: async () => {
      await withAdmin(baseUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`));
    },
  };
}
