// Issue 3, administration: an administrator creates a centre coordinator on the Users page (the form first
// refuses what the server would refuse), the audit viewer shows the user.created entry with its values,
// the chain status says verified, and the CSV download holds the entry.
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { LoginPage } from './support/login-page';
import { saveScreenshot } from './support/screenshots';

class UsersPage {
  readonly table: Locator;
  readonly dialog: Locator;
  constructor(private readonly page: Page) {
    this.table = page.getByTestId('user-list');
    this.dialog = page.getByRole('dialog', { name: 'Create a user' });
  }
  field(label: RegExp): Locator {
    return this.dialog.getByLabel(label);
  }
  row(username: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: username }) });
  }
}

class AuditPage {
  readonly chainStatus: Locator;
  readonly table: Locator;
  readonly filters: Locator;
  constructor(page: Page) {
    this.chainStatus = page.getByTestId('chain-status');
    this.table = page.getByTestId('audit-list');
    this.filters = page.getByRole('search', { name: 'Filters' });
  }
}

test('an administrator creates a coordinator, and the audit trail shows it with a verified chain', async ({
  page,
}) => {
  const shell = new AppShell(page);
  const users = new UsersPage(page);
  const audit = new AuditPage(page);
  // Unique, so that the test also holds on a database that already saw a run.
  const username = `coord-e2e-${Date.now().toString(36)}`;

  await test.step('log in as the administrator and open Users', async () => {
    await new LoginPage(page).logInAs(demoUsers.admin);
    await shell.navLink('Users').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    await expect(users.row('coord-emc')).toContainText('Centre coordinator');
  });

  await test.step('the form names each wrong field before anything is sent', async () => {
    await page.getByRole('button', { name: 'Create user' }).click();
    await expect(users.dialog).toBeVisible();
    await users.field(/^Username/).fill('no spaces');
    await users.field(/^Initial password/).fill('too-short');
    await users.dialog.getByRole('button', { name: 'Create' }).click();
    await expect(users.dialog).toContainText('Use 3–50 letters, digits, dots, dashes or underscores.');
    await expect(users.dialog).toContainText('Enter a name.');
    await expect(users.dialog).toContainText('A centre coordinator needs a centre.');
    await expect(users.dialog).toContainText('Use at least 12 characters.');
  });

  await test.step('a taken username comes back from the server beside its field', async () => {
    await users.field(/^Username/).fill('coord-emc');
    await users.field(/^Display name/).fill('Duplicate');
    await users.field(/^Centre/).selectOption({ label: 'Erasmus MC' });
    await users.field(/^Initial password/).fill('a-long-enough-password');
    await users.field(/^Repeat the password/).fill('a-long-enough-password');
    await users.dialog.getByRole('button', { name: 'Create' }).click();
    await expect(users.dialog).toContainText('This username is taken.');
  });

  await test.step('create the coordinator', async () => {
    await users.field(/^Username/).fill(username);
    await users.field(/^Display name/).fill('E2E coordinator (synthetic)');
    await users.dialog.getByRole('button', { name: 'Create' }).click();
    await expect(users.dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: `User ${username} created.` })).toBeVisible();
    const row = users.row(username);
    await expect(row).toContainText('Centre coordinator');
    await expect(row).toContainText('Erasmus MC');
    await expect(row).toContainText('Active');
    await expect(row).toContainText('never');
    await saveScreenshot(page, 'admin-users');
  });

  await test.step('the audit viewer shows the user.created entry and a verified chain', async () => {
    await shell.navLink('Audit trail').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
    await expect(audit.chainStatus).toHaveText(/^Audit chain verified: [\d,]+ rows?$/);
    await audit.filters.getByLabel('Action').selectOption({ label: 'User created' });
    await audit.filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/action=user\.created/);
    const entry = audit.table.getByRole('row').filter({ hasText: username });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText('admin');
    await expect(entry).toContainText('user.created');
    await expect(entry).toContainText('EMC');
    // Nothing else in the list: every row is a user.created entry.
    const actions = await audit.table.locator('tbody tr td:nth-child(4) code').allTextContents();
    expect(new Set(actions)).toEqual(new Set(['user.created']));
    await saveScreenshot(page, 'admin-audit');
  });

  await test.step('the CSV download holds the entry, and the export is itself recorded', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^trialdesk-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'seq,at_utc,username,role,ip,action,entity_type,entity_id,trial_id,centre,participant,reason,before,after,prev_hash,hash',
    );
    expect(csv).toContain(username);
    await expect(page.getByRole('status').filter({ hasText: /entries exported/ })).toBeVisible();
    await audit.filters.getByLabel('Action').selectOption({ label: 'Export' });
    await audit.filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect(audit.table.getByRole('row').filter({ hasText: 'export.created' }).first()).toBeVisible();
    await expect(audit.chainStatus).toHaveText(/^Audit chain verified: [\d,]+ rows?$/);
  });
});

test('the PI reads the audit trail but has no Users page', async ({ page }) => {
  const shell = new AppShell(page);
  await new LoginPage(page).logInAs(demoUsers.pi);
  await expect(shell.navLink('Audit trail')).toBeVisible();
  await expect(shell.navLink('Users')).toHaveCount(0);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Not available for your role' })).toBeVisible();
});

test('a coordinator has neither page', async ({ page }) => {
  const shell = new AppShell(page);
  await new LoginPage(page).logInAs(demoUsers.coordinatorEmc);
  await expect(shell.navLink('Audit trail')).toHaveCount(0);
  await expect(shell.navLink('Users')).toHaveCount(0);
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Not available for your role' })).toBeVisible();
});
