import { expect, type Page } from '@playwright/test';
import { AppShell } from './app-shell';

/** Full-page screenshots for people to look at, under test-results/screenshots/. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  // Nothing still loading, and charts have had a frame to lay out.
  await expect(page.getByRole('status').filter({ hasText: /Loading|Laden/ })).toHaveCount(0);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300))));
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/**
 * The same page in English and Dutch at 1440 and 390 px (`<prefix>-<name>-<lang>-<width>`), then back to
 * English at 1440 px where the journey goes on.
 */
export async function saveScreenshotsEverywhere(page: Page, prefix: string, name: string): Promise<void> {
  const shell = new AppShell(page);
  for (const [lang, language] of [
    ['en', 'English'],
    ['nl', 'Nederlands'],
  ] as const) {
    await shell.switchLanguage(language);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await saveScreenshot(page, `${prefix}-${name}-${lang}-${width}`);
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await shell.switchLanguage('English');
}
