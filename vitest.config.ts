import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// One run for every package. Code that loads better-sqlite3 (a native module) runs in forks,
// never in worker threads.
//
// With TEST_DATABASE_URL (a PostgreSQL cluster; `.ci/run` starts a throwaway one), the integration tests
// run a second time on PostgreSQL: each harness gets its own database copied from a migrated template.
// Without it, `pnpm test` runs on SQLite only.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

/** Test files that are about SQLite itself (its files, its backup API, its processes): not run twice. */
const sqliteOnly = {
  db: [
    'test/backup.int.test.ts',
    'test/screening-counters.int.test.ts',
    'test/migrate-sqlite.int.test.ts',
    'test/inclusion-counts-backfill.int.test.ts',
  ],
  api: ['test/entry-concurrency.int.test.ts'],
  server: ['test/cli.test.ts'],
};

function postgresPass(
  dir: string,
  name: keyof typeof sqliteOnly,
  include: string[],
): TestProjectInlineConfiguration {
  return {
    extends: `./${dir}/vitest.config.ts`,
    root: `./${dir}`,
    test: {
      name: `${name}:pg`,
      include,
      exclude: ['**/node_modules/**', ...sqliteOnly[name]],
      env: { TRIALDESK_TEST_ENGINE: 'postgres' },
      // A database per harness is a CREATE DATABASE on a server the other fork shares: slower than SQLite
      // in memory, and more so with both cores busy. The packages' own limits (120 s) apply: they only
      // catch a hang, and no test is decided by time.
      testTimeout: 120_000,
      hookTimeout: 120_000,
    },
  };
}

export default defineConfig({
  test: {
    pool: 'forks',
    globalSetup: onPostgres ? ['./packages/db/src/testing/global-setup.ts'] : [],
    projects: [
      'packages/*',
      'apps/*',
      ...(onPostgres
        ? [
            postgresPass('packages/db', 'db', [
              'test/**/*.int.test.ts',
              'src/**/*.int.test.ts',
              'test/**/*.pg-test.ts',
            ]),
            postgresPass('packages/api', 'api', ['test/**/*.int.test.ts', 'test/**/*.pg-test.ts']),
            postgresPass('apps/server', 'server', ['test/**/*.test.ts', 'test/**/*.pg-test.ts']),
          ]
        : []),
    ],
  },
});
