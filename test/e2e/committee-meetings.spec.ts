// Issue 15: the steering committee and the PI go through what the committee sees (median follow-up,
// competing risks, hazard ratios by centre, landmark cautions, the target), record a meeting on a frozen cut
// and sign it as chair, and find it in the report; a coordinator finds efficacy outcomes closed. Screenshots
// at 1440 px in English and 390 px in Dutch under test-results/screenshots/.
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { LoginPage } from './support/login-page';
import { saveScreenshot } from './support/screenshots';

const MINUTES = `E2E meeting ${Date.now()}: safety acceptable, continue unchanged.`;

test.describe('at 1440 px, in English', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the steering committee reads the analyses, records a meeting and signs it', async ({ page }) => {
    const login = new LoginPage(page);
    const shell = new AppShell(page);
    await login.logInAs(demoUsers.steering);
    await shell.openTrial('PUMP-III');

    await test.step('outcomes: follow-up, competing risks, hazard ratios, cautions, target', async () => {
      await shell.navLink('Outcomes').click();
      await expect(page.getByTestId('median-follow-up')).toContainText('Median follow-up');
      await expect(page.getByTestId('target-hdfs')).toContainText('assumption (setting)');
      await expect(page.getByTestId('landmarks-hdfs')).toContainText('†');
      const cr = page.getByTestId('competing-risks');
      await expect(cr.getByTestId('hdfs-events-by-type')).toContainText('Hepatic recurrence');
      await expect(cr.getByTestId('incidence-landmarks')).toBeVisible();
      const forest = page.getByTestId('forest-hdfs');
      await expect(forest.getByText('exploratory', { exact: true })).toBeVisible();
      await expect(forest.getByTestId('forest-plot')).toBeVisible();
      await forest.getByRole('radiogroup').getByText('Table').click();
      await expect(forest.getByTestId('forest-table')).toContainText('1 (reference)');
      await saveScreenshot(page, 'committee-analyses-1440-en');
    });

    await test.step('data cuts: the demo history, then a new meeting recorded and signed', async () => {
      await shell.navLink('Data cuts').click();
      const list = page.getByTestId('meeting-list');
      await expect(list.getByTestId('meeting-signed')).toHaveCount(2);
      const form = page.getByRole('form', { name: 'Record a meeting' });
      await form.getByLabel('Meeting date').pressSequentially('20/11/2026');
      await form.getByLabel('Meeting date').press('Tab');
      await form.getByRole('combobox', { name: 'Recommendation' }).click();
      await page.getByRole('option', { name: 'Continue the trial unchanged' }).click();
      await form.getByLabel('Attendees').pressSequentially('Demo chair\nDemo statistician');
      await form.getByLabel('Minutes').pressSequentially(MINUTES);
      await form.getByRole('button', { name: 'Record the meeting' }).click();
      const row = list.getByRole('listitem').filter({ hasText: MINUTES });
      await expect(row.getByText('Draft, not signed')).toBeVisible();
      await row.getByRole('button', { name: 'Sign as chair' }).click();
      await row.getByLabel('Your password').pressSequentially(DEMO_PASSWORD);
      await row
        .getByRole('form', { name: 'Sign as chair' })
        .getByRole('button', { name: 'Sign as chair' })
        .click();
      await expect(row.getByTestId('meeting-signed')).toContainText('Signed by');
      await saveScreenshot(page, 'committee-meetings-1440-en');
    });

    await test.step('the report lists the meetings and holds the closed part', async () => {
      await shell.navLink('Report').click();
      await expect(page.getByTestId('report-meetings')).toContainText(MINUTES);
      await expect(page.getByTestId('closed-withheld')).toHaveCount(0);
      await expect(page.getByTestId('competing-risks-summary').first()).toBeVisible();
      await saveScreenshot(page, 'committee-report-1440-en');
    });
  });

  test('a coordinator finds efficacy outcomes closed, and the open report', async ({ page }) => {
    const shell = new AppShell(page);
    await new LoginPage(page).logInAs(demoUsers.coordinatorEmc);
    await shell.openTrial('PUMP-III');
    await page.goto('/trials/pump-iii/outcomes');
    await expect(page.getByText(/closed to your role until the primary analysis/)).toBeVisible();
    await page.goto('/trials/pump-iii/report');
    await expect(page.getByTestId('closed-withheld')).toBeVisible();
    await expect(page.getByTestId('report-meetings')).toBeVisible();
  });
});

test.describe('at 390 px, in Dutch', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the PI reads the analyses and the meetings', async ({ page }) => {
    const shell = new AppShell(page);
    await new LoginPage(page).logInAs(demoUsers.pi);
    await shell.switchLanguage('Nederlands');
    await page.goto('/trials/pump-iii/outcomes');
    await expect(page.getByTestId('median-follow-up')).toContainText('Mediane follow-up');
    await expect(page.getByTestId('competing-risks')).toContainText('Hepatisch recidief');
    await expect(page.getByTestId('forest-hdfs')).toContainText('verkennend');
    await saveScreenshot(page, 'committee-analyses-390-nl');
    await page.goto('/trials/pump-iii/data-cuts');
    await expect(page.getByTestId('meeting-list')).toContainText('Ondertekend door');
    await saveScreenshot(page, 'committee-meetings-390-nl');
    await page.goto('/trials/pump-iii/report');
    await expect(page.getByTestId('report-meetings')).toBeVisible();
    await saveScreenshot(page, 'committee-report-390-nl');
  });
});
