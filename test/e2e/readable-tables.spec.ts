// Issue 10, smaller defects: the audit trail names what it shows (the user's name, not "user 5"; field
// names, not camelCase; values wrapped, not raw JSON spilling out of the column); "Most often failed" is not
// cut off behind a nested scroll bar at 1440 px; at 390 px the funnel, users and participants tables keep
// every column, as stacked rows.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { createAccount } from './support/api';
import { LoginPage } from './support/login-page';
import { saveScreenshot } from './support/screenshots';

/** Nothing inside the element is wider than the element: no cut-off text, no sideways scroll. */
async function expectNoOverflow(element: Locator): Promise<void> {
  const { scroll, client } = await element.evaluate((el) => ({
    scroll: el.scrollWidth,
    client: el.clientWidth,
  }));
  expect(scroll, 'content wider than its box').toBeLessThanOrEqual(client + 1);
}

/** Every cell of the table's first body row lies within the phone's width. */
async function expectRowWithinScreen(page: Page, table: Locator): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  const cells = table.locator('tbody tr').first().locator('th, td');
  const count = await cells.count();
  expect(count).toBeGreaterThan(2);
  for (let i = 0; i < count; i++) {
    const box = await cells.nth(i).boundingBox();
    expect(box, `cell ${i} is shown`).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0), `cell ${i} within ${width} px`).toBeLessThanOrEqual(width + 1);
  }
}

test('the audit trail names users, records and fields, and wraps values', async ({ page, baseURL }) => {
  const account = await createAccount(baseURL ?? '', {
    prefix: 'audit-names',
    displayName: 'Audit Names Coordinator',
    role: 'coordinator',
    centre: 'EMC',
  });
  const shell = new AppShell(page);
  await new LoginPage(page).logInAs(demoUsers.admin);
  await shell.switchLanguage('English');
  await page.goto('/admin/audit?action=user.created');
  const table = page.getByTestId('audit-list');
  const entry = table.getByRole('row').filter({ hasText: account.username });

  await test.step('English: the user by name, fields by name, no raw JSON', async () => {
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText(`Audit Names Coordinator (${account.username})`);
    await expect(entry).toContainText('Username:');
    await expect(entry).toContainText('Name:');
    await expect(entry).not.toContainText('displayName');
    await expect(entry).not.toContainText(/user \d+/);
    await expect(table).not.toContainText('{"');
    for (const cell of await entry.locator('td').all()) await expectNoOverflow(cell);
    await saveScreenshot(page, 'audit-names-1440-en');
  });

  await test.step('Dutch: the same in Dutch', async () => {
    await shell.switchLanguage('Nederlands');
    await expect(entry).toContainText('Gebruiker');
    await expect(entry).toContainText('Gebruikersnaam:');
    await expect(entry).toContainText('Naam:');
  });
});

test('"Most often failed" is read whole at 1440 px, without a nested scroll bar', async ({ page }) => {
  await new LoginPage(page).logInAs(demoUsers.coordinatorEmc);
  const shell = new AppShell(page);
  await shell.openTrial('PUMP-III');
  await shell.switchLanguage('English');
  await shell.navLink('Screening').click();
  const funnel = page.getByRole('table', { name: /^Screening funnel/ });
  await expect(funnel).toBeVisible();
  await expectNoOverflow(funnel.locator('xpath=ancestor::*[@tabindex="0"][1]'));
  const criteria = funnel.locator('tbody tr').first().locator('td').last();
  await expect(criteria).toContainText('×');
  for (const line of await criteria.locator('p').all()) await expectNoOverflow(line);
  await saveScreenshot(page, 'screening-funnel-1440-en');
});

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the screening funnel keeps every column as stacked rows (Dutch)', async ({ page }) => {
    await new LoginPage(page).logInAs(demoUsers.coordinatorEmc);
    await new AppShell(page).switchLanguage('Nederlands');
    await page.goto('/trials/pump-iii/screening');
    const funnel = page.getByRole('table', { name: /^Screeningtrechter/ });
    await expect(funnel).toBeVisible();
    await expectRowWithinScreen(page, funnel);
    await saveScreenshot(page, 'screening-funnel-390-nl');
  });

  test('the participants list keeps every column as stacked rows', async ({ page }) => {
    await new LoginPage(page).logInAs(demoUsers.pi);
    await page.goto('/trials/pump-iii/participants');
    const list = page.getByRole('table', { name: /^Participants/ });
    await expect(list.locator('tbody tr').first()).toBeVisible();
    await expectRowWithinScreen(page, list);
    await saveScreenshot(page, 'participants-390-en');
  });

  test('the users list keeps every column as stacked rows', async ({ page }) => {
    await new LoginPage(page).logInAs(demoUsers.admin);
    await page.goto('/admin/users');
    const users = page.getByTestId('user-list');
    await expect(users.locator('tbody tr').first()).toBeVisible();
    await expectRowWithinScreen(page, users);
    await saveScreenshot(page, 'users-390-en');
  });
});
