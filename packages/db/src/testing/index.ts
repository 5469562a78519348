// Test support shared by the packages' integration tests: which engine this test run uses, a fresh database
// per harness on that engine, and raw SQL that runs on both. The engine is PostgreSQL when the test run was
// started for it (TRIALDESK_TEST_ENGINE=postgres, set by the root vitest config's PostgreSQL pass, and
// TEST_DATABASE_URL pointing at a cluster), SQLite in memory otherwise.
import { openSqlite, type Db, type OpenDatabase } from '../database.js';
import type { Engine } from '../engine/locks.js';
import { seedDemo } from '../demo/seed-demo.js';
import { TEST_ONLY_PASSWORD_COST } from '../password.js';
import {
  createEmptyPostgresDatabase,
  ensurePostgresTemplate,
  openPostgresTestDatabase,
} from './postgres-templates.js';

export {
  asTableOwner,
  bypassAppendOnly,
  daysBetween,
  execute,
  failWritesTo,
  integrityCheck,
  queryRow,
  queryRows,
  stopFailingWritesTo,
  toEngineSql,
} from './raw-sql.js';
export { createEmptyPostgresDatabase } from './postgres-templates.js';
export { fillStorage, freeStorage } from './storage-full.js';

export function testEngine(): Engine {
  if (process.env.TRIALDESK_TEST_ENGINE !== 'postgres') return 'sqlite';
  if (!process.env.TEST_DATABASE_URL)
    throw new Error(
      'TRIALDESK_TEST_ENGINE=postgres needs TEST_DATABASE_URL (a postgres:// URL of a test cluster)',
    );
  return 'postgres';
}

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}

export interface TestDatabaseOptions {
  /** Seed the synthetic demo as of this date and instant (the default harness seed); false for empty. */
  seed?: { asOf: string; now: string; passwordCost?: { N: number } } | false;
}

/** The seed of the packages' harnesses (AS_OF 2026-11-26, 10:00 UTC). */
export const DEFAULT_TEST_SEED = {
  asOf: '2026-11-26',
  now: '2026-11-26T10:00:00.000Z',
  passwordCost: TEST_ONLY_PASSWORD_COST,
};

function postgresVariant(seed: TestDatabaseOptions['seed']) {
  const s = seed ?? false;
  return {
    variant: s ? `demo:${s.asOf}:${s.now}:${s.passwordCost?.N ?? 'production-cost'}` : 'empty',
    initialise: s ? (db: Db) => seedDemo(db, s) : undefined,
  };
}

/** Builds the PostgreSQL templates for these seeds now (the global setup does, before any test). */
export async function prepareTestTemplates(seeds: TestDatabaseOptions['seed'][]): Promise<void> {
  for (const seed of seeds) await ensurePostgresTemplate(testDatabaseUrl(), postgresVariant(seed));
}

/** A fresh database with all migrations (and the demo seed unless told otherwise), for one harness. */
export async function openTestDatabase(options: TestDatabaseOptions = {}): Promise<OpenDatabase> {
  if (testEngine() === 'postgres')
    return openPostgresTestDatabase(testDatabaseUrl(), postgresVariant(options.seed));
  const open = openSqlite(':memory:');
  if (options.seed) await seedDemo(open.db, options.seed);
  return open;
}

/** An empty database (no migrations run) on the test engine, for start-up and migration tests. */
export async function emptyTestDatabaseUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  return createEmptyPostgresDatabase(testDatabaseUrl());
}
