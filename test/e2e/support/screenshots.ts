import { expect, type Page } from '@playwright/test';

/** Full-page screenshots for people to look at, under test-results/screenshots/. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  // Nothing still loading, and charts have had a frame to lay out.
  await expect(page.getByRole('status').filter({ hasText: /Loading|Laden/ })).toHaveCount(0);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300))));
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}
