// The screenshot walk (`pnpm screenshots`): the browser-test setup, running only test/e2e/*.walk.ts, which
// `pnpm test:e2e` leaves out. The screenshots land in test-results/screenshots/walk/.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({ ...base, testMatch: '**/*.walk.ts', timeout: 300_000 });
