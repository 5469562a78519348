// Issue 10 §1, the administrator's day, typed key by key: create a user, edit their display name, role and
// centre, manage their trial memberships (§3), reset a password, deactivate; then read and verify the audit
// trail.
import { expect, test } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { LoginPage } from './support/login-page';
import { UsersPage } from './support/users-page';

test('admin: create, edit, reset the password of and deactivate an account, then read it in the audit trail', async ({
  page,
}) => {
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

  await test.step('trial memberships: add to PUMP-III, change the role there, add and remove ARTERY-2', async () => {
    const section = await users.openMemberships(username);
    await expect(section).toContainText(`${username} is not a member of any trial.`);
    const list = section.getByTestId('membership-list');

    await users.setMembership(section, { trial: 'PUMP-III', role: 'Monitor' });
    await expect(section.getByRole('status')).toHaveText(`${username} is now Monitor in PUMP-III.`);
    await expect(list.getByRole('row', { name: /PUMP-III/ })).toContainText('Monitor');

    await users.setMembership(section, {
      trial: 'PUMP-III',
      role: 'Centre coordinator',
      centre: 'Erasmus MC',
    });
    await expect(section.getByRole('status')).toHaveText(
      `${username} is now Centre coordinator in PUMP-III.`,
    );
    const pump = list.getByRole('row', { name: /PUMP-III/ });
    await expect(pump).toContainText('Centre coordinator');
    await expect(pump).toContainText('EMC');
    // The monitor membership it replaced is kept as history, ended by the administrator.
    await expect(section).toContainText('Earlier memberships');
    await expect(section).toContainText('ended by admin');

    await users.setMembership(section, { trial: 'ARTERY-2', role: 'Steering committee' });
    await expect(list.getByRole('row', { name: /ARTERY-2/ })).toContainText('Steering committee');
    await users.removeMembership(section, username, 'ARTERY-2');
    await expect(section.getByRole('status')).toHaveText(`${username} is no longer a member of ARTERY-2.`);
    await expect(list.getByRole('row', { name: /ARTERY-2/ })).toHaveCount(0);
    await expect(list.getByRole('row', { name: /PUMP-III/ })).toHaveCount(1);
  });

  await test.step('reset the password, typed twice; the account must change it at its next login', async () => {
    await users.resetPassword(username, 'second-password-5678');
    await expect(users.row(username)).toContainText('Password to be changed');
  });

  await test.step('deactivate the account', async () => {
    await users.deactivate(username);
    await expect(users.row(username)).toContainText('Deactivated');
  });

  await test.step('read the audit trail: the account’s four changes, by the admin, on a verified chain', async () => {
    await new AppShell(page).navLink('Audit trail').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
    await expect(page.getByTestId('chain-status')).toHaveText(/^Audit chain verified: [\d,]+ rows?$/);
    const filters = page.getByRole('search', { name: 'Filters' });
    await filters.getByLabel('User', { exact: true }).pressSequentially(demoUsers.admin);
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/username=admin/);
    const list = page.getByTestId('audit-list');
    // The record cell names the account the same way in each of its entries, whatever words it uses
    // (user.created adds the centre below it).
    const mentions = list.locator('tbody tr').filter({ hasText: username });
    await expect(mentions.first()).toBeVisible();
    const [entity = ''] = (await mentions.first().locator('td').nth(4).innerText()).trim().split('\n');
    const story = list.locator('tbody tr').filter({
      has: page.locator('td:nth-child(5)', {
        hasText: new RegExp(`^${entity.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`),
      }),
    });
    // Newest first: deactivated, password reset, changed, created; every one by the admin.
    const actions = [/User deactivated/, /Password reset/, /User changed/, /User created/];
    for (const [i, action] of actions.entries()) {
      await expect(story.nth(i).locator('td').nth(3), `entry ${i + 1} of ${entity}`).toContainText(action);
      await expect(story.nth(i).locator('td').nth(2)).toContainText(demoUsers.admin);
    }
    await expect(story).toHaveCount(actions.length);
    // The edit shows what it changed.
    await expect(story.nth(2)).toContainText('Journey monitor (synthetic)');
  });
});
