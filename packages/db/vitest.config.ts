import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'db',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    // Integration tests seed a database, hash passwords at production cost or write under concurrency: on a
    // two-core machine that others keep busy this takes seconds. A time limit only catches a hang here;
    // no test is decided by how long it takes.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
