// Issue 2 asks for pages usable by keyboard and screen reader. axe-core checks every page of each role
// against WCAG 2.1 A and AA (contrast, names, labels, landmarks, ARIA) once its data have loaded.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { LoginPage } from './support/login-page';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Every violation as one readable line, so that a failure says what and where. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${n.target.join(' ')}`));
}

async function expectAccessible(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await violations(page), path).toEqual([]);
}

test('the login page has no WCAG 2.1 AA violations', async ({ page }) => {
  await new LoginPage(page).goto();
  expect(await violations(page)).toEqual([]);
});

const pagesByRole: [string, string[]][] = [
  [
    demoUsers.pi,
    [
      '/trials/pump-iii',
      '/trials/pump-iii/participants',
      '/trials/pump-iii/participants/PUMP3-EMC-001',
      '/trials/pump-iii/outcomes',
      '/trials/pump-iii/safety',
      '/trials/pump-iii/consort',
      '/trials/pump-iii/report',
      '/trials/pump-iii/data-cuts',
      '/trials/pump-iii/saes',
      '/trials/pump-iii/deviations',
      '/trials/artery-2',
    ],
  ],
  [
    demoUsers.coordinatorEmc,
    [
      '/trials/artery-2/worklist',
      '/trials/artery-2/screening',
      '/trials/artery-2/include',
      '/trials/pump-iii/participants/PUMP3-EMC-001/entry',
      '/trials/pump-iii/worklist',
      '/trials/pump-iii/saes',
      '/trials/pump-iii/deviations',
    ],
  ],
  // The import page with its report is checked in journey-import.spec.ts, on its own server.
  [
    demoUsers.admin,
    [
      '/admin/users',
      '/admin/audit',
      '/trials/pump-iii/settings',
      '/trials/pump-iii/deviations',
      '/trials/pump-iii/import',
    ],
  ],
  [demoUsers.steering, ['/trials/pump-iii/saes', '/trials/pump-iii/deviations']],
  [demoUsers.monitor, ['/trials/pump-iii/saes', '/trials/pump-iii/deviations']],
];

for (const [user, paths] of pagesByRole)
  test(`every page of ${user} has no WCAG 2.1 AA violations`, async ({ page }) => {
    // Several seconds of axe per page on a busy machine: the time a walk takes must not decide the test.
    test.setTimeout(60_000 + paths.length * 30_000);
    await new LoginPage(page).logInAs(user);
    for (const path of paths) await expectAccessible(page, path);
  });

test('the overview in Dutch has no WCAG 2.1 AA violations', async ({ page }) => {
  await new LoginPage(page).logInAs(demoUsers.pi);
  await page.goto('/trials/pump-iii');
  await new AppShell(page).switchLanguage('Nederlands');
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht PUMP-III' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await violations(page)).toEqual([]);
  await new AppShell(page).switchLanguage('English');
});
