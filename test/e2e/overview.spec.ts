// Issue 2: a PI opens the PUMP-III overview and finds inclusion, the centres and the follow-up matrix,
// in English and in Dutch, and can open a participant's page.
import { expect, test } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { ApiSession } from './support/api';
import { AppShell } from './support/app-shell';
import { LoginPage } from './support/login-page';
import { OverviewPage } from './support/overview-page';
import { ParticipantPage } from './support/participants-page';
import { saveScreenshot } from './support/screenshots';

const centres = ['Erasmus MC', 'IJsselland Ziekenhuis', 'Antoni van Leeuwenhoek'];

test('the PI sees the PUMP-III overview, switches to Dutch and opens a participant', async ({ page }) => {
  const login = new LoginPage(page);
  const shell = new AppShell(page);
  const overview = new OverviewPage(page);

  await test.step('log in as the principal investigator', async () => {
    await login.logInAs(demoUsers.pi);
    await expect(page.getByText('Demo principal investigator')).toBeVisible();
  });

  await test.step('open the PUMP-III overview', async () => {
    await shell.openTrial('PUMP-III');
    await expect(page).toHaveURL(/\/trials\/pump-iii$/);
    await expect(overview.heading('PUMP-III')).toBeVisible();
    await expect(shell.syntheticBanner).toBeVisible();
  });

  await test.step('inclusion shows 45 / 45 (100%), recruitment complete', async () => {
    await expect(overview.inclusion).toHaveText('45 / 45 (100%)');
    await expect(overview.status).toHaveText('Recruitment complete — in follow-up');
  });

  await test.step('the three centres are in the enrolment table', async () => {
    for (const name of centres)
      await expect(overview.centresTable.getByRole('rowheader', { name })).toBeVisible();
  });

  await test.step('the follow-up matrix lists the participants by scheduled month', async () => {
    await expect(overview.matrix).toBeVisible();
    await expect(overview.matrix.getByRole('columnheader', { name: 'Month 60' })).toBeVisible();
    // 45 participants at 50 rows per page: all on the first page.
    await expect(overview.matrix.locator('tbody tr')).toHaveCount(45);
    await saveScreenshot(page, 'overview');
  });

  await test.step('switch to Dutch', async () => {
    await shell.switchLanguage('Nederlands');
    await expect(overview.heading('Overzicht PUMP-III')).toBeVisible();
    await expect(overview.status).toHaveText('Werving afgerond — in follow-up');
    await expect(page.getByRole('heading', { name: 'Inclusie per centrum' })).toBeVisible();
    await expect(shell.navLink('Deelnemers')).toBeVisible();
    await saveScreenshot(page, 'overview-nl');
  });

  await test.step('back to English and open a participant from the matrix', async () => {
    await shell.switchLanguage('English');
    await overview.matrix.getByRole('link', { name: 'PUMP3-EMC-002' }).click();
    const participant = new ParticipantPage(page);
    await expect(participant.heading('PUMP3-EMC-002')).toBeVisible();
    await expect(participant.timeline.getByText('Inclusion', { exact: true })).toBeVisible();
    await expect(page.getByRole('table', { name: /Treatment cycles/ })).toBeVisible();
    await saveScreenshot(page, 'participant');
  });
});

test("the PI's overview updates by itself when someone changes the trial", async ({ page, baseURL }) => {
  const shell = new AppShell(page);
  const overview = new OverviewPage(page);
  let before = { included: 0, target: 0 };

  await test.step('the PI opens the ARTERY-2 overview with live updates on', async () => {
    await new LoginPage(page).logInAs(demoUsers.pi);
    await shell.openTrial('ARTERY-2');
    await expect(overview.live).toHaveAttribute('data-live', 'live');
    const [, included, target] = /^(\d+) \/ (\d+) \(\d+%\)$/.exec(await overview.inclusion.innerText()) ?? [];
    before = { included: Number(included), target: Number(target) };
    expect(before.target).toBeGreaterThan(0);
    // A marker that a reload would wipe out.
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  });

  await test.step('the administrator raises the target through the API; the PI sees it without reloading', async () => {
    const admin = await ApiSession.logIn(baseURL ?? '', demoUsers.admin);
    const target = before.target + 1;
    await admin.mutate('trials.setTarget', {
      trialId: 'artery-2',
      target,
      reason: 'Browser test of live updates',
    });
    await admin.dispose();
    const percent = Math.floor((100 * before.included) / target);
    // No timing is asserted (a loaded machine decides nothing): the point is that the page changes by itself.
    await expect(overview.inclusion).toHaveText(`${before.included} / ${target} (${percent}%)`);
    expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
  });
});
