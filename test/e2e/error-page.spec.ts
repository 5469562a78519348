// Issue 10 §2: a page that fails to render says so in words, keeps the app's navigation, and leaves the
// JavaScript details to the console. The failure is provoked by answering trials.get with an empty trial.
import { expect, test } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { LoginPage } from './support/login-page';

test('a page that crashes shows words and the navigation, not a JavaScript message', async ({ page }) => {
  const shell = new AppShell(page);
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });

  await test.step('log in and break the trial definition the include page reads', async () => {
    await new LoginPage(page).logInAs(demoUsers.coordinatorEmc);
    await page.route(/\/trpc\/[^?]*trials\.get/, async (route) => {
      const response = await route.fetch();
      const procedures = new URL(route.request().url()).pathname.replace('/trpc/', '').split(',');
      const body = (await response.json()) as { result?: { data?: unknown } }[];
      const at = procedures.indexOf('trials.get');
      body[at] = { result: { data: { id: 'artery-2' } } };
      await route.fulfill({ response, json: body });
    });
  });

  await test.step('the include page fails inside the layout, in words', async () => {
    await page.goto('/trials/artery-2/include');
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load this page' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('the technical details are in the browser console');
    await expect(alert).not.toContainText(/Cannot read|undefined|TypeError/);
    await expect(shell.navLink('Worklist')).toBeVisible();
    expect(consoleErrors.join('\n')).toMatch(/Cannot read|undefined/);
  });

  await test.step('the navigation still works', async () => {
    await page.unroute(/\/trpc\/[^?]*trials\.get/);
    await shell.navLink('Worklist').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Worklist' })).toBeVisible();
  });
});
