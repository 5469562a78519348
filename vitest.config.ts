import { defineConfig } from 'vitest/config';

// One run for every package. Code that loads better-sqlite3 (a native module) runs in forks,
// never in worker threads.
export default defineConfig({
  test: {
    pool: 'forks',
    projects: ['packages/*', 'apps/*'],
  },
});
