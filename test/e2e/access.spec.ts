// Issue 3: each role sees only what it may. A coordinator sees their own centre, the steering committee
// sees aggregates but no participant, and a wrong password gets a clear message that reveals nothing.
import { expect, test } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { LoginPage } from './support/login-page';
import { OverviewPage } from './support/overview-page';
import { ParticipantPage, ParticipantsPage } from './support/participants-page';
import { saveScreenshot } from './support/screenshots';

test('a coordinator sees only the participants of their own centre', async ({ page }) => {
  const shell = new AppShell(page);
  await test.step('log in as the AVL coordinator', async () => {
    await new LoginPage(page).logInAs(demoUsers.coordinatorAvl);
    // A coordinator's day starts at their centre's worklist.
    await expect(page).toHaveURL(/\/trials\/[a-z0-9-]+\/worklist$/);
    await expect(page.getByRole('banner').getByText('AVL', { exact: true })).toBeVisible();
    await shell.openTrial('PUMP-III');
  });

  await test.step('the participants list holds AVL participants only, filter locked to AVL', async () => {
    await shell.navLink('Participants').click();
    const list = new ParticipantsPage(page);
    await expect(list.table).toBeVisible();
    await expect(list.centre).toBeDisabled();
    await expect(list.centre).toHaveValue('AVL');
    const ids = await list.studyIds();
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^PUMP3-AVL-\d{3}$/);
    await saveScreenshot(page, 'participants-coordinator');
  });

  await test.step('the follow-up matrix holds AVL participants only', async () => {
    await shell.navLink('Overview').click();
    const overview = new OverviewPage(page);
    await expect(overview.matrix).toBeVisible();
    await expect(overview.matrixCentre).toHaveValue('AVL');
    const ids = await overview.matrixStudyIds();
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^PUMP3-AVL-\d{3}$/);
  });

  await test.step("another centre's participant is refused without saying whether it exists", async () => {
    const participant = new ParticipantPage(page);
    await participant.goto('pump-iii', 'PUMP3-EMC-001');
    await expect(participant.refusal).toContainText(
      'This participant does not exist or is not at your centre.',
    );
    await expect(page.getByRole('table')).toHaveCount(0);
  });
});

test('the steering committee sees aggregates but no participant', async ({ page }) => {
  const shell = new AppShell(page);
  const overview = new OverviewPage(page);
  await test.step('log in as the steering committee', async () => {
    await new LoginPage(page).logInAs(demoUsers.steering);
    await shell.openTrial('PUMP-III');
  });

  await test.step('the overview shows the aggregates', async () => {
    await expect(overview.inclusion).toHaveText('45 / 45 (100%)');
    await expect(overview.centresTable.getByRole('rowheader', { name: 'Erasmus MC' })).toBeVisible();
  });

  await test.step('no participant list in the menu, no matrix on the overview', async () => {
    await expect(shell.navLink('Overview')).toBeVisible();
    await expect(shell.navLink('Participants')).toHaveCount(0);
    await expect(overview.matrix).toHaveCount(0);
    await expect(overview.matrixHidden).toContainText('aggregate figures only');
    await expect(page.getByRole('link', { name: /PUMP3-/ })).toHaveCount(0);
    await saveScreenshot(page, 'overview-steering');
  });

  await test.step('opening a participant URL directly answers as a page not available', async () => {
    const participant = new ParticipantPage(page);
    await participant.goto('pump-iii', 'PUMP3-EMC-001');
    await expect(page.getByRole('heading', { level: 1, name: 'Not available for your role' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Your role (Steering committee)');
    await expect(page.getByText('PUMP3-EMC-001')).toHaveCount(0);
    await expect(page.getByRole('table')).toHaveCount(0);
  });

  await test.step('so does the participant list', async () => {
    await new ParticipantsPage(page).goto('pump-iii');
    await expect(page.getByRole('heading', { level: 1, name: 'Not available for your role' })).toBeVisible();
  });
});

test('a wrong password gets a clear message that reveals nothing', async ({ page }) => {
  const login = new LoginPage(page);
  await test.step('a known user with a wrong password', async () => {
    await login.goto();
    await login.logIn(demoUsers.pi, 'not-the-password');
    await expect(login.error).toContainText('Wrong username or password.');
    await expect(page).toHaveURL(/\/login/);
    await expect(login.password).toHaveValue('');
  });

  await test.step('an unknown user gets the very same message', async () => {
    await login.logIn('nobody-here', 'not-the-password');
    await expect(login.error).toContainText('Wrong username or password.');
    await expect(page).toHaveURL(/\/login/);
  });

  await test.step('without a session every page leads to the login', async () => {
    await page.goto('/trials/pump-iii/participants');
    await expect(page).toHaveURL(/\/login\?next=/);
  });
});

test('on a phone the page fits the screen, and the drawer says who is logged in', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await new LoginPage(page).logInAs(demoUsers.coordinatorEmc);
  await expect(page).toHaveURL(/\/worklist$/);
  // Nothing sticks out sideways: the header's user and language moved into the drawer.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(page.getByRole('banner').getByRole('button', { name: 'Log out' })).toBeHidden();
  const shell = new AppShell(page);
  const drawer = shell.navigation;
  const logOut = drawer.getByRole('button', { name: 'Log out' });
  await expect(logOut).not.toBeInViewport();
  await page.getByRole('button', { name: 'Open navigation' }).click();
  await expect(logOut).toBeInViewport();
  await expect(drawer.getByText('Demo coordinator Erasmus MC')).toBeInViewport();
  await expect(drawer.getByText('EMC', { exact: true })).toBeInViewport();
  await saveScreenshot(page, 'phone-drawer');
  // Every page fits: wide tables scroll inside their box, the CONSORT flow turns into one column. (No
  // Outcomes: the trial's outcome visibility closes them to coordinators, and the menu leaves them out.)
  await expect(shell.navLink('Outcomes')).toHaveCount(0);
  for (const link of ['Participants', 'Screening', 'Safety', 'CONSORT', 'Report']) {
    // The drawer closes on every navigation (it is open for the first).
    if (link !== 'Participants') await page.getByRole('button', { name: 'Open navigation' }).click();
    await shell.navLink(link).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => document.documentElement.scrollWidth), link).toBeLessThanOrEqual(390);
  }
  await saveScreenshot(page, 'phone-report');
  await page.getByRole('button', { name: 'Open navigation' }).click();
  await logOut.click();
  await expect(page).toHaveURL(/\/login/);
});
