// Issue 10: dates are typed and shown in the user's language, never the browser's mm/dd/yyyy. Typed key
// by key, the date field reads day-first input (29/11/2026, 29-11-2026, 1 mrt 2026), shows it as the app
// writes dates (29 Nov 2026 / 29 nov 2026), hands the form ISO (the hidden input and the applied filter in
// the URL), offers a calendar in the chosen language, and says so when what was typed is not a date.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { LoginPage } from './support/login-page';
import { saveScreenshot } from './support/screenshots';

/** Clears the field and types the text key by key, then leaves it with Tab as a person does. */
async function typeDate(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.press('Backspace');
  await field.pressSequentially(text);
  await field.press('Tab');
}

function isoOf(page: Page, name: string): Locator {
  return page.locator(`input[type="hidden"][name="${name}"]`);
}

test('dates are typed and shown in English and in Dutch, and reach the API as ISO', async ({ page }) => {
  const login = new LoginPage(page);
  const shell = new AppShell(page);

  await test.step('English: 29/11/2026 typed reads as 29 Nov 2026 and filters from 2026-11-29', async () => {
    await login.logInAs(demoUsers.admin);
    await shell.switchLanguage('English');
    await page.goto('/admin/audit');
    await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    const from = page.getByLabel('From');
    await expect(from).toHaveAttribute('placeholder', 'dd/mm/yyyy');
    await typeDate(from, '29/11/2026');
    await expect(from).toHaveValue('29 Nov 2026');
    await expect(isoOf(page, 'from')).toHaveValue('2026-11-29');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/[?&]from=2026-11-29(&|$)/);
    await expect(page.getByLabel('From')).toHaveValue('29 Nov 2026');
  });

  await test.step('English: the calendar speaks English; a month typed by name is read', async () => {
    const to = page.getByLabel('To', { exact: true });
    await to.click();
    await expect(page.getByRole('button', { name: 'November 2026', exact: true })).toBeVisible();
    await typeDate(to, '3 Mar 2026');
    await expect(to).toHaveValue('3 Mar 2026');
    await expect(isoOf(page, 'to')).toHaveValue('2026-03-03');
  });

  await test.step('English: a day that does not exist is refused in words, not silently dropped', async () => {
    const to = page.getByLabel('To', { exact: true });
    await typeDate(to, '31/02/2026');
    await expect(page.getByText('“31/02/2026” is not a date')).toBeVisible();
    await expect(isoOf(page, 'to')).toHaveValue('');
    await saveScreenshot(page, 'date-field-en');
  });

  await test.step('Dutch: 29-11-2026 typed reads as 29 nov 2026, in a Dutch calendar', async () => {
    await shell.switchLanguage('Nederlands');
    const from = page.getByLabel('Van');
    await expect(from).toHaveValue('29 nov 2026');
    await expect(from).toHaveAttribute('placeholder', 'dd-mm-jjjj');
    await typeDate(from, '28-11-2026');
    await expect(from).toHaveValue('28 nov 2026');
    await expect(isoOf(page, 'from')).toHaveValue('2026-11-28');
    await from.click();
    await expect(page.getByRole('button', { name: 'november 2026', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: '29 november 2026' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/date-field-calendar-nl.png' });
    await from.press('Escape');
    const to = page.getByLabel('Tot en met');
    await typeDate(to, '1 mrt 2026');
    await expect(to).toHaveValue('1 mrt 2026');
    await expect(isoOf(page, 'to')).toHaveValue('2026-03-01');
    await typeDate(to, '29-11-2026');
    await expect(to).toHaveValue('29 nov 2026');
    await page.getByRole('button', { name: 'Filters toepassen' }).click();
    await expect(page).toHaveURL(/[?&]from=2026-11-28&to=2026-11-29$/);
    await expect(page.getByLabel('Tot en met')).toHaveValue('29 nov 2026');
    await saveScreenshot(page, 'date-field-nl');
  });
});
