// Type-aware lint for the whole monorepo. The web app may import the API only as types,
// and no package may import from apps/*: both are enforced here, not by convention.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'data/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'bench/.work/**',
      '**/*.config.js',
      '**/*.config.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/apps/*', '@trialdesk/server', '@trialdesk/web'],
              message: 'Nothing imports from apps/*.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@trialdesk/api',
              allowTypeImports: true,
              message: 'The web app imports the API as types only.',
            },
            { name: '@trialdesk/db', message: 'The web app never touches the database.' },
          ],
        },
      ],
      // React clears an event's currentTarget once its handler returns; a state updater, a timer or a
      // promise callback runs later and reads null (the Users dialogs crashed on the first key press).
      // Read the value in the handler and pass the value on.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.name=/^(set[A-Z]|queueMicrotask$|requestAnimationFrame$)/] > :function MemberExpression[property.name="currentTarget"]',
          message:
            'Read event.currentTarget in the handler, not inside a state updater or a deferred callback.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(set[A-Z]|then$|catch$|finally$)/] > :function MemberExpression[property.name="currentTarget"]',
          message:
            'Read event.currentTarget in the handler, not inside a state updater or a deferred callback.',
        },
      ],
    },
  },
  {
    files: ['packages/domain/**/*.ts', 'packages/analysis/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@trialdesk/*', '**/apps/*'],
              message: 'domain and analysis import no internal package.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@trialdesk/api', '@trialdesk/analysis', '@trialdesk/server', '@trialdesk/web'],
              message: 'db imports only domain.',
            },
          ],
        },
      ],
    },
  },
  {
    // Application code writes audit entries only as typed events (appendAuditEvent); the chain's raw
    // writer is for packages/db itself and for tests of the chain.
    files: ['packages/api/src/**/*.ts', 'apps/server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@trialdesk/db',
              importNames: ['appendAudit'],
              message: 'Write audit entries as typed events: appendAuditEvent (or writeAudit in a use case).',
            },
          ],
          patterns: [
            {
              group: ['**/apps/*', '@trialdesk/server', '@trialdesk/web'],
              message: 'Nothing imports from apps/*.',
            },
          ],
        },
      ],
    },
  },
  {
    // Small build and start scripts in plain JavaScript: linted, but without type information.
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
