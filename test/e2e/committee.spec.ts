// Issue 5: the PI freezes a data cut; the steering committee opens the outcomes page and the report of
// that cut, and downloads the report as a PDF that opens with the expected title and several pages.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { LoginPage } from './support/login-page';
import { saveScreenshot } from './support/screenshots';

const CUT_LABEL = `Steering committee E2E ${Date.now()}`;

/** The document title from a PDF's Info dictionary (pdfkit stores it as an indirect string object). */
function pdfTitle(raw: string): string | null {
  const ref = /\/Title (\d+) 0 R/.exec(raw)?.[1];
  if (ref === undefined) return /\/Title \(([^)]*)\)/.exec(raw)?.[1] ?? null;
  return new RegExp(`\\n${ref} 0 obj\\n\\(([^)]*)\\)`).exec(raw)?.[1] ?? null;
}

async function chooseCut(page: Page, label: string): Promise<void> {
  const select = page.getByRole('combobox', { name: 'Data', exact: true });
  const option = page.getByRole('option', { name: new RegExp(label) });
  // The list of cuts arrives with its own request: open the dropdown until the cut is offered.
  await expect(async () => {
    if (!(await option.isVisible())) await select.click();
    await expect(option).toBeVisible({ timeout: 1000 });
  }).toPass();
  await option.click();
  await expect(page).toHaveURL(/\?cut=\d+/);
}

test('the steering committee reviews outcomes and the report of a frozen data cut', async ({ page }) => {
  const login = new LoginPage(page);
  const shell = new AppShell(page);

  await test.step('the PI freezes a data cut', async () => {
    await login.logInAs(demoUsers.pi);
    await shell.openTrial('PUMP-III');
    await shell.navLink('Data cuts').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Data cuts' })).toBeVisible();
    await page.getByLabel('Label').fill(CUT_LABEL);
    await page.getByLabel('As-of date').fill('2026-10-31');
    await page.getByRole('button', { name: 'Freeze data cut' }).click();
    await expect(page.getByText(`Data cut "${CUT_LABEL}" frozen`)).toBeVisible();
    await expect(
      page.getByTestId('cut-list').getByRole('cell', { name: CUT_LABEL, exact: true }),
    ).toBeVisible();
    const row = page.getByTestId('cut-list').getByRole('row', { name: new RegExp(CUT_LABEL) });
    await row.getByRole('button', { name: 'Verify hash' }).click();
    await expect(row.getByText(/^Hash verified/)).toBeVisible();
    // What is new since this cut, against live data: nothing has been entered since it was frozen.
    await expect(page.getByTestId('comparison')).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/committee-data-cuts.png', fullPage: true });
    await shell.logOut();
  });

  await test.step('the steering committee opens the outcomes page', async () => {
    await login.logInAs(demoUsers.steering);
    await shell.openTrial('PUMP-III');
    await shell.navLink('Outcomes').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Outcomes' })).toBeVisible();
    for (const name of ['Hepatic disease-free survival', 'Overall survival', 'Disease-free survival'])
      await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${name}`) })).toBeVisible();
    await expect(page.getByTestId('death-setting')).toHaveText('Death without hepatic recurrence: an event');
    // Under the hDFS curve, each number at risk sits under its month tick, 0 to 60 months.
    const hdfs = page.getByRole('region', { name: /^Hepatic disease-free survival/ });
    const ticks = hdfs.getByTestId('km-month-tick');
    const counts = hdfs.getByTestId('km-at-risk-count');
    await expect(ticks).toHaveCount(11);
    await expect(counts).toHaveCount(11);
    await expect(counts.first()).toHaveText('45');
    for (const i of [0, 5, 10]) {
      const tick = await ticks.nth(i).boundingBox();
      const count = await counts.nth(i).boundingBox();
      expect(tick && count && Math.abs(tick.x + tick.width / 2 - (count.x + count.width / 2))).toBeLessThan(
        1,
      );
    }
    // As a table, the same numbers.
    const hdfsView = page.getByRole('radiogroup', { name: /^View as: Hepatic disease-free survival/ });
    await hdfsView.getByText('Table').click();
    const atRisk = page.getByTestId('at-risk-hdfs');
    await expect(atRisk.getByRole('columnheader', { name: '60' })).toBeVisible();
    await expect(atRisk.getByRole('cell').first()).toHaveText('45');
    await hdfsView.getByText('Chart').click();
    await expect(page.getByTestId('median-hdfs')).toContainText('Median');
    await expect(page.getByTestId('logrank-hdfs')).toContainText('Log-rank');
    // The steering committee sees aggregates only: no per-participant table.
    await expect(page.getByTestId('participant-endpoints')).toHaveCount(0);
    await saveScreenshot(page, 'committee-outcomes');
  });

  await test.step('…for the frozen cut', async () => {
    await chooseCut(page, CUT_LABEL);
    await expect(page.getByText(`Frozen data cut "${CUT_LABEL}"`)).toBeVisible();
    await expect(page.getByText(/^SHA-256 [0-9a-f]{64}$/)).toBeVisible();
  });

  await test.step('safety and CONSORT', async () => {
    await shell.navLink('Safety').click();
    await expect(page.getByTestId('headline-rate')).toContainText('Clavien–Dindo grade III or higher');
    await saveScreenshot(page, 'committee-safety');
    await shell.navLink('CONSORT').click();
    await expect(page.getByTestId('consort-included')).toHaveText('Included (n = 45)');
    await saveScreenshot(page, 'committee-consort');
  });

  await test.step('the report of the cut, and its PDF', async () => {
    await shell.navLink('Report').click();
    await expect(page.getByTestId('report-meta')).toContainText('Live data');
    await chooseCut(page, CUT_LABEL);
    await expect(page.getByTestId('report-meta')).toContainText(CUT_LABEL);
    await expect(page.getByTestId('report-meta')).toContainText('Synthetic data');
    await expect(page.getByTestId('follow-up-completeness')).toBeVisible();
    await saveScreenshot(page, 'committee-report');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^PUMP-III-report-2026-10-31-cut-\d+\.pdf$/);
    const path = await download.path();
    const raw = readFileSync(path).toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(pdfTitle(raw)).toBe('PUMP-III steering committee report');
    expect((raw.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(1);
  });
});
