import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    // The CLI tests spawn node processes; on a busy two-core machine one can take several seconds.
    testTimeout: 30_000,
  },
});
