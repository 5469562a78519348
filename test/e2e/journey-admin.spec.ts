// Issue 10 §1, the administrator's day, typed key by key: create a user, edit their display name, role and
// centre, reset a password, deactivate; then read and verify the audit trail.
import { expect, test } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { LoginPage } from './support/login-page';
import { UsersPage } from './support/users-page';

test('admin: create, edit, reset the password of and deactivate an account', async ({ page }) => {
  const users = new UsersPage(page);
  // Unique per run, so the journey holds on a database that already saw one.
  const username = `journey-${Date.now().toString(36)}`;

  await test.step('log in as the administrator and open Users', async () => {
    await new LoginPage(page).logInAs(demoUsers.admin);
    await users.goto();
  });

  await test.step('create a centre coordinator', async () => {
    await users.create({
      username,
      displayName: 'Journey coordinator (synthetic)',
      role: 'Centre coordinator',
      centre: 'Erasmus MC',
      password: 'first-password-1234',
    });
    await expect(users.row(username)).toContainText('Erasmus MC');
  });

  await test.step('edit the display name (typed), the role and the centre', async () => {
    const dialog = await users.edit(username, {
      displayName: 'Journey monitor (synthetic)',
      role: 'Monitor',
    });
    await expect(dialog.getByLabel(/^Centre/)).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(users.notice(`User ${username} updated.`)).toBeVisible();
    const row = users.row(username);
    await expect(row).toContainText('Journey monitor (synthetic)');
    await expect(row).toContainText('Monitor');
  });

  await test.step('reset the password, typed twice; the account must change it at its next login', async () => {
    await users.resetPassword(username, 'second-password-5678');
    await expect(users.row(username)).toContainText('Password to be changed');
  });

  await test.step('deactivate the account', async () => {
    await users.deactivate(username);
    await expect(users.row(username)).toContainText('Deactivated');
  });
});
