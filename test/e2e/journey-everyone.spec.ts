// Issue 10 §1, what every user does: log in, change their own password, log out — typed key by key, on a
// desktop and on a phone, in English and in Dutch. An account whose password an administrator set is held
// on "Your account" until it is changed (the server refuses everything else meanwhile).
import { expect, test, type Page } from '@playwright/test';
import { createAccount } from './support/api';
import { AccountPage } from './support/account-page';
import { AppShell } from './support/app-shell';
import { LoginPage } from './support/login-page';
import { saveScreenshot } from './support/screenshots';

async function logInTyped(page: Page, username: string, password: string): Promise<void> {
  const login = new LoginPage(page);
  await page.goto('/login');
  await login.logIn(username, password);
}

test('everyone (desktop, English): a new account changes the password it was given, then its own again', async ({
  page,
  baseURL,
}) => {
  const { username, password } = await createAccount(baseURL ?? '', {
    prefix: 'everyone-en',
    displayName: 'Everyone journey (synthetic)',
    role: 'coordinator',
    centre: 'AVL',
  });
  const account = new AccountPage(page);
  const shell = new AppShell(page);
  const chosen = 'my-own-passphrase-1';

  await test.step('the first login leads to Your account, and nothing else opens', async () => {
    await logInTyped(page, username, password);
    await account.expectOpen();
    await expect(
      page.getByRole('alert').filter({ hasText: 'An administrator set your password' }),
    ).toBeVisible();
    await expect(shell.navigation.getByRole('link')).toHaveText(['Your account']);
    await expect(shell.trialSwitcher).toHaveCount(0);
    await page.goto('/trials/pump-iii/worklist');
    await account.expectOpen();
    await saveScreenshot(page, 'everyone-account-held-1440-en');
  });

  await test.step('mistakes are named beside their fields', async () => {
    await account.change('', 'short');
    await expect(account.form).toContainText('Enter your current password.');
    await expect(account.form).toContainText('Use at least 12 characters.');
    await account.change(password, password);
    await expect(account.form).toContainText('Choose a password different from the current one.');
    await account.change(password, chosen, `${chosen}x`);
    await expect(account.form).toContainText('The two new passwords differ.');
    await account.change('not-the-password', chosen);
    await expect(account.form).toContainText('The current password is not right.');
  });

  await test.step('the change opens the app at the coordinator’s worklist', async () => {
    await account.change(password, chosen);
    await expect(page).toHaveURL(/\/trials\/[^/]+\/worklist$/);
    await expect(shell.navLink('Worklist')).toBeVisible();
  });

  await test.step('later, from the menu, the user changes it again and is told so', async () => {
    await shell.navLink('Your account').click();
    await account.expectOpen();
    await expect(
      page.getByRole('alert').filter({ hasText: 'An administrator set your password' }),
    ).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Account' })).toContainText(username);
    await account.change(chosen, `${chosen}-2`);
    await expect(
      page.getByRole('status').filter({ hasText: 'Your password has been changed.' }),
    ).toBeVisible();
    await expect(account.current).toHaveValue('');
  });

  await test.step('log out; the old passwords are refused, the new one works', async () => {
    await shell.logOut();
    await logInTyped(page, username, chosen);
    await expect(page.getByRole('alert')).toContainText('Wrong username or password.');
    await logInTyped(page, username, `${chosen}-2`);
    await expect(page).toHaveURL(/\/trials\/[^/]+\/worklist$/);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('everyone (390 px, Dutch): log in, change the password, log out', async ({ page, baseURL }) => {
    const { username, password } = await createAccount(baseURL ?? '', {
      prefix: 'everyone-nl',
      displayName: 'Iedereen-reis (synthetisch)',
      role: 'steering',
    });
    const account = new AccountPage(page, 'nl');
    const chosen = 'mijn-eigen-wachtwoord-1';

    await test.step('Dutch login, held on Uw account', async () => {
      await page.goto('/login');
      await page.getByRole('radio', { name: 'Nederlands' }).dispatchEvent('click');
      await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
      await page.getByLabel('Gebruikersnaam').pressSequentially(username);
      await page.getByLabel(/^Wachtwoord/).pressSequentially(password);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await account.expectOpen();
      await expect(
        page.getByRole('alert').filter({ hasText: 'Een beheerder heeft uw wachtwoord' }),
      ).toBeVisible();
    });

    await test.step('the form fits the phone and takes the change', async () => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      await saveScreenshot(page, 'everyone-account-held-390-nl');
      await account.change(password, chosen, 'iets-anders-dan-dat');
      await expect(account.form).toContainText('De twee nieuwe wachtwoorden verschillen.');
      await account.change(password, chosen);
      await expect(page).toHaveURL(/\/trials\/[^/]+$/);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    });

    await test.step('log out from the drawer and log in with the new password', async () => {
      await page.getByRole('button', { name: 'Navigatie openen' }).click();
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await expect(page).toHaveURL(/\/login/);
      await page.getByLabel('Gebruikersnaam').pressSequentially(username);
      await page.getByLabel(/^Wachtwoord/).pressSequentially(chosen);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await expect(page).toHaveURL(/\/trials\/[^/]+$/);
    });
  });
});
