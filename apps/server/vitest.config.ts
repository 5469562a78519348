import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    // The CLI tests spawn node processes that load TypeScript; on a two-core machine that others keep busy
    // one takes tens of seconds (30 s was exceeded at a load average of 30). A limit only catches a hang.
    testTimeout: 120_000,
  },
});
