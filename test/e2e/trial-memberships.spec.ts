// Issue 10 §3 in the browser: what a person sees in a trial is their role there. The demo's pi-steering is
// PI of ARTERY-2 and on the steering committee of PUMP-III: the menu, the pages and the role shown follow
// the trial on screen. A coordinator who is a member of one trial finds only that trial in the switcher,
// and the other trial's address answers as a trial that does not exist.
import { expect, test } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { ApiSession, createAccount } from './support/api';
import { AppShell } from './support/app-shell';
import { LoginPage } from './support/login-page';

test('one person, two trials, two roles: the menu and the pages follow the trial on screen', async ({
  page,
}) => {
  const shell = new AppShell(page);
  await new LoginPage(page).logInAs(demoUsers.piSteering);
  await expect(shell.trialSwitcher.locator('option')).toHaveText(['PUMP-III', 'ARTERY-2']);

  await test.step('PUMP-III as steering committee: aggregates, no participant or data-entry pages', async () => {
    await page.goto('/trials/pump-iii');
    await expect(page.getByRole('main')).toHaveAttribute('data-trial', 'pump-iii');
    await expect(page.getByTestId('user-name').locator('..')).toContainText('Steering committee');
    await expect(shell.navLink('Outcomes')).toBeVisible();
    await expect(shell.navLink('Participants')).toHaveCount(0);
    await expect(shell.navLink('Worklist')).toHaveCount(0);
    await expect(shell.navLink('Audit trail')).toBeVisible(); // PI of ARTERY-2: the trail of that trial
  });

  await test.step('ARTERY-2 as PI: participants, the worklist and data cuts', async () => {
    await shell.openTrial('ARTERY-2');
    await expect(page.getByTestId('user-name').locator('..')).toContainText('Principal investigator');
    await expect(shell.navLink('Participants')).toBeVisible();
    await expect(shell.navLink('Worklist')).toBeVisible();
    await shell.navLink('Participants').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Participants' })).toBeVisible();
  });

  await test.step('back in PUMP-III, the worklist address is not for this role', async () => {
    await page.goto('/trials/pump-iii/worklist');
    await expect(page.getByRole('heading', { level: 1, name: 'Not available for your role' })).toBeVisible();
  });
});

test('a coordinator of one trial sees only that trial; the other answers as unknown', async ({
  page,
  baseURL,
}) => {
  const { username, password } = await createAccount(baseURL ?? '', {
    prefix: 'member-one',
    displayName: 'One-trial coordinator (synthetic)',
    role: 'coordinator',
    centre: 'EMC',
    trials: ['artery-2'],
  });
  // The password the administrator set is changed through the API, so the browser opens the app itself.
  const own = `${password}-own`;
  const session = await ApiSession.logIn(baseURL ?? '', username, password);
  await session.mutate('auth.changePassword', { currentPassword: password, newPassword: own });
  await session.dispose();

  const shell = new AppShell(page);
  await new LoginPage(page).goto();
  await new LoginPage(page).logIn(username, own);
  await expect(page).toHaveURL(/\/trials\/artery-2\/worklist$/);
  await expect(shell.trialSwitcher.locator('option')).toHaveText(['ARTERY-2']);
  // The menu follows the trial's outcome visibility for the role there: closed to coordinators.
  await expect(shell.navLink('Worklist')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(shell.navLink('Safety')).toBeVisible();
  await expect(shell.navLink('Outcomes')).toHaveCount(0);

  // The same words for a trial the account is not a member of as for one that does not exist.
  const alert = page.getByRole('main').getByRole('alert');
  await page.goto('/trials/pump-iii/participants');
  await expect(alert).toContainText('There is no such trial.');
  const notMember = await alert.textContent();
  await page.goto('/trials/no-such-trial/participants');
  await expect(alert).toContainText('There is no such trial.');
  expect(await alert.textContent()).toBe(notMember);
});
