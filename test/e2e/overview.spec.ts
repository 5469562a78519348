// Issue 2: a PI opens the PUMP-III overview and finds inclusion, the centres and the follow-up matrix,
// in English and in Dutch, and can open a participant's page.
import { expect, test } from '@playwright/test';
import { demoUsers } from './demo-accounts';
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
