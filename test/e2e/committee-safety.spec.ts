// Issue 14, safety and deviations for those who oversee the trial: the PI reads the overview's safety panel
// (per centre: SAEs, SUSARs, initial reports overdue now, reports made late; deviations per centre and
// category) and the committee report's "Serious adverse events" and "Protocol deviations" sections with the
// SAE listing per participant in the closed part; the steering committee, at 390 px in Dutch, gets the same
// counts and no listing. Each PDF's text has the sections in its language (read with the API tests' reader).
import { expect, test, type Page } from '@playwright/test';
import { pageTexts } from '../../packages/api/test/pdf-text';
import { demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { download } from './support/downloads';
import { LoginPage } from './support/login-page';
import { saveScreenshot, saveScreenshotsEverywhere } from './support/screenshots';

async function pdfText(page: Page): Promise<string> {
  const file = await download(page, page.getByTestId('download-pdf'));
  expect(file.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return pageTexts(file.bytes).join('\n');
}

test.describe('at 1440 px, in English', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the PI reads the safety panel, the report sections, the SAE listing and the PDF', async ({
    page,
  }) => {
    // Four screenshots of the panel, the report and its PDF on a machine whose two cores are busy.
    test.setTimeout(180_000);
    const shell = new AppShell(page);
    await new LoginPage(page).logInAs(demoUsers.pi);
    await shell.openTrial('PUMP-III');

    await test.step('overview: SAEs and deviations per centre, each column saying what it counts', async () => {
      await shell.navLink('Overview').click();
      const panel = page.getByRole('region', { name: 'Safety and protocol deviations' });
      const saes = panel.getByTestId('safety-sae-table');
      await expect(saes.getByRole('columnheader', { name: 'Initial reports overdue now' })).toBeVisible();
      await expect(saes.getByRole('columnheader', { name: 'Reports made late' })).toBeVisible();
      await expect(saes).toContainText('Initial reports overdue now: no initial report more than 24 hours');
      await expect(saes.getByRole('row', { name: /^All centres/ })).toBeVisible();
      // The demo has one initial report made 30 hours after awareness: at least one report made late.
      const late = await saes
        .getByRole('row', { name: /^All centres/ })
        .getByRole('cell')
        .nth(3)
        .innerText();
      expect(Number(late)).toBeGreaterThanOrEqual(1);
      const deviations = panel.getByTestId('safety-deviation-table');
      await expect(deviations).toContainText('Visit outside its window');
      await expect(panel).toContainText(/\d+ deviations in all: \d+ major, \d+ minor/);
      await saveScreenshotsEverywhere(page, 'safety', 'overview-panel');
    });

    await test.step('report: counts in the open part, the listing per participant in the closed part', async () => {
      await shell.navLink('Report').click();
      const counts = page.getByRole('region', { name: 'Serious adverse events', exact: true });
      await expect(counts.getByTestId('report-saes')).toContainText('Initial report (24 hours)');
      await expect(counts.getByTestId('report-saes')).toContainText('Hospitalisation or its prolongation');
      await expect(counts).not.toContainText('PUMP3-');
      const deviations = page.getByRole('region', { name: 'Protocol deviations', exact: true });
      await expect(deviations.getByTestId('report-deviations')).toContainText('Visit outside its window');
      const listing = page.getByRole('region', { name: 'Serious adverse events: listing per participant' });
      const rows = listing.getByTestId('report-sae-listing').getByRole('row');
      await expect(rows.nth(1)).toContainText(/PUMP3-[A-Z]+-\d{3}/);
      await expect(listing).toContainText('Initial report (24 hours)');
      await expect(listing).toContainText(/Floxuridine.*: (Not related|Unlikely|Possible|Probable|Definite)/);
      await listing.scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'safety-report-listing-1440-en');
    });

    await test.step('the PDF has both sections and the listing', async () => {
      const text = await pdfText(page);
      expect(text).toContain('Serious adverse events');
      expect(text).toContain('Protocol deviations');
      expect(text).toContain('Serious adverse events: listing per participant');
      expect(text).toMatch(/PUMP3-[A-Z]+-\d{3} \([A-Z]+\)/);
    });
  });
});

test.describe('at 390 px, in Dutch', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the steering committee gets the counts and no listing, on screen and in the PDF', async ({
    page,
  }) => {
    const shell = new AppShell(page);
    await new LoginPage(page).logInAs(demoUsers.steering);
    await shell.switchLanguage('Nederlands');
    await page.goto('/trials/pump-iii');
    const panel = page.getByRole('region', { name: 'Veiligheid en protocolafwijkingen' });
    await expect(panel.getByTestId('safety-sae-table')).toContainText('Eerste meldingen nu te laat');
    await expect(panel.getByTestId('safety-deviation-table')).toContainText('Bezoek buiten het venster');
    // At 390 px the per-centre rows stack into labelled cards: every figure of a row lies on the screen.
    const firstRow = panel.getByTestId('safety-sae-table').locator('tbody tr').first().locator('th, td');
    await expect(firstRow).toHaveCount(5);
    for (const cell of await firstRow.all()) {
      const box = await cell.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(391);
    }
    await panel.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'safety-overview-panel-390-nl-steering');

    await page.goto('/trials/pump-iii/report');
    const counts = page.getByRole('region', { name: 'Ernstige ongewenste voorvallen', exact: true });
    await expect(counts.getByTestId('report-saes')).toContainText('Eerste melding (24 uur)');
    await expect(page.getByRole('region', { name: 'Protocolafwijkingen', exact: true })).toContainText(
      'Bezoek buiten het venster',
    );
    const listing = page.getByRole('region', { name: 'Ernstige ongewenste voorvallen: lijst per deelnemer' });
    await expect(listing.getByTestId('sae-listing-withheld')).toContainText('niet voor de stuurgroep');
    await expect(page.getByTestId('report-sae-listing')).toHaveCount(0);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(390);
    await counts.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'safety-report-390-nl-steering');

    const text = await pdfText(page);
    expect(text).toContain('Ernstige ongewenste voorvallen');
    expect(text).toContain('Protocolafwijkingen');
    expect(text).toContain('niet naar de stuurgroep');
    expect(text).not.toMatch(/PUMP3-[A-Z]+-\d{3}/);
  });
});
