// Issue 17 (first paint): the overview's headline is in the page's HTML, so it shows before any script has
// run (here: with JavaScript switched off), in the user's language; once the app has loaded, the same
// figure is on the page once, drawn by the app, not twice.
import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { DEMO_PASSWORD, demoUsers } from './demo-accounts';

/** A fresh context logged in as the PI through the API (the session cookie is the context's). */
async function loggedIn(
  browser: Browser,
  baseURL: string,
  options: { javaScriptEnabled: boolean; width: number; lang?: 'en' | 'nl' },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled: options.javaScriptEnabled,
    viewport: { width: options.width, height: 900 },
  });
  const res = await context.request.post('/trpc/auth.login', {
    data: { username: demoUsers.pi, password: DEMO_PASSWORD },
    headers: { origin: baseURL },
  });
  expect(res.ok()).toBe(true);
  if (options.lang) await context.addCookies([{ name: 'trialdesk_lang', value: options.lang, url: baseURL }]);
  return context;
}

const words = {
  en: { heading: 'PUMP-III overview', banner: 'Synthetic demo data — not real participants' },
  nl: { heading: 'Overzicht PUMP-III', banner: 'Synthetische demodata — geen echte deelnemers' },
} as const;

test('the headline is painted before any script runs, in English and Dutch, at 1440 and 390 px', async ({
  browser,
  baseURL,
}) => {
  for (const lang of ['en', 'nl'] as const)
    for (const width of [1440, 390]) {
      const context = await loggedIn(browser, baseURL!, { javaScriptEnabled: false, width, lang });
      const page = await context.newPage();
      await page.goto('/trials/pump-iii');
      await expect(page.getByRole('heading', { level: 1, name: words[lang].heading })).toBeVisible();
      await expect(page.getByTestId('prepainted-inclusion')).toHaveText('45 / 45 (100%)');
      await expect(page.getByRole('note')).toContainText(words[lang].banner);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await page.screenshot({ path: `test-results/screenshots/first-paint-${lang}-${width}.png` });
      await context.close();
    }
});

test('without a session the page is the plain shell, with no headline', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/trials/pump-iii');
  await expect(page.locator('#root')).toBeEmpty();
  await expect(page.getByRole('heading')).toHaveCount(0);
  await context.close();
});

test('after the app has loaded the inclusion figure is shown once, by the app', async ({
  browser,
  baseURL,
}) => {
  const context = await loggedIn(browser, baseURL!, { javaScriptEnabled: true, width: 1440 });
  const page = await context.newPage();
  await page.goto('/trials/pump-iii');
  await expect(page.getByTestId('trial-status')).toHaveText('Recruitment complete — in follow-up');
  await expect(page.getByText('45 / 45 (100%)', { exact: true })).toHaveCount(1);
  await expect(page.getByTestId('inclusion-progress')).toHaveText('45 / 45 (100%)');
  await expect(page.locator('[data-prepainted]')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(['PUMP-III overview']);
  await context.close();
});
