// PostgreSQL for the benchmarks and the crash checks: BENCH_DATABASE_URL when given (a role that may create
// databases), otherwise a throwaway cluster of our own (.ci/postgres, PG_DURABLE=1: fsync and synchronous
// commit on, so a commit costs what it costs on a real server), or null where PostgreSQL is not installed.
// Also copies a benchmark SQLite file into a new PostgreSQL database, row for row.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, openSqlite } from '@trialdesk/db';
import pg from 'pg';

export interface BenchCluster {
  url: string;
  /** The directory of a cluster we started (for an immediate shutdown and restart), else null. */
  dir: string | null;
  stop(): void;
}

export function postgresInstalled(): boolean {
  return existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').length > 0;
}

export function startBenchCluster(): BenchCluster | null {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) return { url: given, dir: null, stop: () => undefined };
  if (!postgresInstalled()) return null;
  const dir = mkdtempSync(path.join(tmpdir(), 'trialdesk-bench-pg-'));
  const url = execFileSync('.ci/postgres', ['start', dir], {
    env: { ...process.env, PG_DURABLE: '1' },
    encoding: 'utf8',
  }).trim();
  return { url, dir, stop: () => void execFileSync('.ci/postgres', ['stop', dir]) };
}

export function databaseUrl(baseUrl: string, name: string): string {
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A new, empty database on the cluster (dropped first if an earlier run left it). */
export async function freshDatabase(baseUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return databaseUrl(baseUrl, name);
}

/**
 * Copies every table of a (migrated) SQLite file into a new, migrated PostgreSQL database: the same rows,
 * ids and audit chain. Foreign keys and the append-only triggers are held off while copying
 * (session_replication_role = replica, which needs a superuser), and identity sequences are moved past the
 * copied ids.
 */
export async function copySqliteToPostgres(file: string, baseUrl: string, name: string): Promise<string> {
  const url = await freshDatabase(baseUrl, name);
  await (await openDatabase({ engine: 'postgres', url })).close();
  const source = openSqlite(file, { migrate: false });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = source.sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'",
      )
      .all() as { name: string }[];
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    for (const { name: table } of tables) {
      await client.query(`DELETE FROM ${table}`);
      const select = source.sqlite.prepare(`SELECT * FROM ${table}`);
      let batch: Record<string, unknown>[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const cols = Object.keys(batch[0]!);
        const values: unknown[] = [];
        const tuples = batch.map((row) => {
          const slots = cols.map((c) => {
            values.push(row[c]);
            return `$${values.length}`;
          });
          return `(${slots.join(', ')})`;
        });
        await client.query(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${tuples.join(', ')}`, values);
        batch = [];
      };
      for (const row of select.iterate() as Iterable<Record<string, unknown>>) {
        batch.push(row);
        if (batch.length * Object.keys(row).length >= 30_000) await flush();
      }
      await flush();
    }
    const identities = await client.query<{ table_name: string; column_name: string }>(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES'",
    );
    for (const { table_name: t, column_name: c } of identities.rows)
      await client.query(
        `SELECT setval(pg_get_serial_sequence('${t}', '${c}'), GREATEST((SELECT max(${c}) FROM ${t}), 1))`,
      );
    await client.query('COMMIT');
    await client.query('ANALYZE');
  } finally {
    await client.end();
    await source.close();
  }
  return url;
}
