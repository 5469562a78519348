// Issue 15, the rest of the committee pack: the steering committee reads the swimmer plot on the outcomes
// page (chart, then its table, chosen with the keyboard), the report's baseline table and, for the trial
// still recruiting, the accrual projection with its predictive interval and rate window. At 390 px in Dutch
// the swimmer plot scrolls sideways inside its own box while the page keeps to the screen. Screenshots
// under test-results/screenshots/ for a person to look at.
import { expect, test } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { LoginPage } from './support/login-page';
import { saveScreenshot } from './support/screenshots';

test.describe('at 1440 px, in English', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the steering committee reads the swimmer plot, Table 1 and the projection', async ({ page }) => {
    const shell = new AppShell(page);
    await new LoginPage(page).logInAs(demoUsers.steering);
    await shell.openTrial('PUMP-III');

    await test.step('outcomes: the swimmer plot, then its table by keyboard', async () => {
      await shell.navLink('Outcomes').click();
      const swimmer = page.getByTestId('swimmer');
      await expect(swimmer.getByTestId('swimmer-plot')).toBeVisible();
      await expect(swimmer.getByTestId('swimmer-legend')).toContainText('Recurrence');
      await expect(swimmer.getByTestId('swimmer-legend')).toContainText('Censored');
      await expect(swimmer).toContainText('45 participants');
      await saveScreenshot(page, 'committee-swimmer-1440-en');
      const section = page.getByRole('region', { name: /Swimmer plot/ });
      await section.getByRole('radio', { name: 'Chart' }).focus();
      await page.keyboard.press('ArrowRight');
      await expect(swimmer.getByTestId('swimmer-table')).toBeVisible();
      await expect(swimmer.getByTestId('swimmer-table').getByRole('row')).toHaveCount(46);
      await expect(swimmer.getByTestId('swimmer-table')).toContainText('In follow-up (censored)');
    });

    await test.step('report: Table 1 in the open part, the swimmer plot in the closed part', async () => {
      await shell.navLink('Report').click();
      const table1 = page.getByTestId('baseline-table');
      await expect(table1).toContainText('All centres (n = 45)');
      await expect(table1).toContainText('Age at inclusion (years)');
      await expect(table1).toContainText('ECOG performance status');
      await expect(table1.getByRole('row', { name: /^Female/ })).toContainText('%');
      await expect(page.getByTestId('swimmer-plot')).toBeVisible();
      await saveScreenshot(page, 'committee-report-table1-1440-en');
    });

    await test.step('ARTERY-2, still recruiting: the projection on the accrual chart', async () => {
      await shell.openTrial('ARTERY-2');
      await shell.navLink('Report').click();
      const line = page.getByTestId('accrual-projection');
      await expect(line).toContainText('95% predictive interval');
      await expect(line).toContainText('of the last 180 days');
      await expect(page.getByText('Projected (median)')).toBeVisible();
      await saveScreenshot(page, 'committee-projection-1440-en');
    });
  });
});

test.describe('at 390 px, in Dutch', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the swimmer plot scrolls inside its box; Table 1 reads in Dutch', async ({ page }) => {
    const shell = new AppShell(page);
    await new LoginPage(page).logInAs(demoUsers.steering);
    await shell.switchLanguage('Nederlands');
    await page.goto('/trials/pump-iii/outcomes');
    const plot = page.getByTestId('swimmer-plot');
    await expect(plot).toBeVisible();
    const box = page
      .getByRole('region', { name: /Swimmer plot/ })
      .locator('[tabindex="0"]')
      .first();
    const sizes = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(390);
    await box.focus();
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
    await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await saveScreenshot(page, 'committee-swimmer-390-nl');
    await page.goto('/trials/pump-iii/report');
    await expect(page.getByTestId('baseline-table')).toContainText('Alle centra (n = 45)');
    await expect(page.getByTestId('baseline-table')).toContainText('Leeftijd bij inclusie (jaar)');
    await saveScreenshot(page, 'committee-report-table1-390-nl');
  });
});
