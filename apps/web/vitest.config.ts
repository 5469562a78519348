import { defineProject } from 'vitest/config';

// Pure helpers of the web app (i18n catalogues, formatting, error wording) run in node: no DOM needed.
export default defineProject({
  test: { name: 'web', include: ['src/**/*.test.ts'], environment: 'node' },
});
