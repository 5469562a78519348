// Issue 10 §2, the numbers and words a clinician acts on: each step shows, as a person sees it, one defect
// that was fixed (milestones, treatment counts, failure wording, screening outcomes, safety, the worklist,
// cycle deviations). Demo as of 2026-11-26 (start-server.mjs).
import { expect, test } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { download, pdfTitle } from './support/downloads';
import { LoginPage } from './support/login-page';
import { ParticipantPage } from './support/participants-page';
import { saveScreenshot } from './support/screenshots';

test('the overview ticks only milestones that were done', async ({ page }) => {
  const shell = new AppShell(page);
  await new LoginPage(page).logInAs(demoUsers.pi);
  await shell.openTrial('PUMP-III');

  await test.step('the primary analysis is due since January 2025, without a tick', async () => {
    const mark = page.getByTestId('milestone-mark-primaryAnalysis');
    await expect(mark).toHaveAttribute('data-reached', 'false');
    await expect(mark).toHaveText('!');
    await expect(page.getByText(/^Due since \d{1,2} Jan 2025$/)).toBeVisible();
  });

  await test.step('inclusions, which the data show, are ticked', async () => {
    await expect(page.getByTestId('milestone-mark-lastPatientIn')).toHaveText('✓');
    await saveScreenshot(page, 'defects-milestones');
  });
});

test('CONSORT and Safety count cycles under the same names with the same numbers', async ({ page }) => {
  const shell = new AppShell(page);
  await new LoginPage(page).logInAs(demoUsers.steering);
  await shell.openTrial('PUMP-III');
  const counts = { reached: '', all: '' };

  await test.step('CONSORT: reached cycle 6, of whom received all 6 cycles', async () => {
    await shell.navLink('CONSORT').click();
    const box = page.getByTestId('consort-completed');
    await expect(box).toContainText(/Reached cycle 6 \(n = \d+\)/);
    const text = await box.innerText();
    counts.reached = /Reached cycle 6 \(n = (\d+)\)/.exec(text)?.[1] ?? '';
    counts.all = /Received all 6 cycles: (\d+)/.exec(text)?.[1] ?? '';
    expect(Number(counts.reached)).toBeGreaterThan(Number(counts.all));
    await expect(box).not.toContainText('Completed');
  });

  await test.step('Safety: the same two numbers under the same two labels', async () => {
    await shell.navLink('Safety').click();
    const table = page.getByTestId('delivery-counts');
    await expect(table.getByRole('row', { name: 'Reached cycle 6' })).toContainText(counts.reached);
    await expect(table.getByRole('row', { name: 'Received all 6 cycles' })).toContainText(counts.all);
    await expect(
      page
        .getByTestId('cycles-given')
        .getByRole('row', { name: /Participants/ })
        .getByRole('cell')
        .last(),
    ).toHaveText(counts.all);
  });
});

test('failed criteria read as what was wrong on CONSORT and the screening page', async ({ page }) => {
  const shell = new AppShell(page);
  const login = new LoginPage(page);

  await test.step('CONSORT names the failed platelet count, not the requirement', async () => {
    await login.logInAs(demoUsers.steering);
    await shell.openTrial('PUMP-III');
    await shell.navLink('CONSORT').click();
    const diagram = page.getByTestId('consort-diagram');
    await expect(diagram.getByText(/^• Platelets < 100 ×10⁹\/L \(\d+\)$/)).toBeVisible();
    await expect(diagram).not.toContainText('Platelets ≥ 100');
    await shell.switchLanguage('Nederlands');
    await expect(diagram.getByText(/^• Trombocyten < 100 ×10⁹\/L \(\d+\)$/)).toBeVisible();
    await shell.switchLanguage('English');
    await shell.logOut();
  });

  await test.step('the screening page words the reasons the same way', async () => {
    await login.logInAs(demoUsers.admin);
    await shell.openTrial('PUMP-III');
    await shell.navLink('Screening').click();
    await expect(page.getByText(/\d+ × Extrahepatic disease since CRC diagnosis/).first()).toBeVisible();
    // The criteria picker names requirements; the funnel and the log give reasons.
    await expect(page.getByRole('table').getByText(/Platelets ≥ 100/)).toHaveCount(0);
  });

  await test.step('an inclusion is not a screening outcome to log: the Include page does it', async () => {
    const outcome = page.getByRole('radiogroup', { name: /Outcome/ });
    await expect(outcome.getByRole('radio')).toHaveCount(3);
    await expect(outcome.getByRole('radio', { name: 'Included' })).toHaveCount(0);
    await expect(page.getByText(/included on the Include page/)).toBeVisible();
  });
});

test('Safety counts an early death as grade V and shows 90-day mortality beside the rate', async ({
  page,
}) => {
  const shell = new AppShell(page);
  await new LoginPage(page).logInAs(demoUsers.steering);
  await shell.openTrial('PUMP-III');
  await shell.navLink('Safety').click();
  await expect(page.getByTestId('deaths-as-grade-v')).toContainText('counted as grade V');
  const mortality = page.getByTestId('mortality-rate');
  await expect(mortality).toContainText('Mortality within 90 days of surgery');
  await expect(mortality).toContainText(/\d+ of 45 operated participants \([\d.]+%\)/);
  await expect(mortality).toContainText(/Exact 95% CI/);
  await saveScreenshot(page, 'defects-safety');
});

test('a cycle given outside its window stays a deviation on the participant page and its records', async ({
  page,
}) => {
  // Demo (synthetic): PUMP3-EMC-008's cycle 4 was given on 11 Dec 2021, due 29 Nov – 7 Dec 2021.
  await new LoginPage(page).logInAs(demoUsers.coordinatorEmc);
  const participant = new ParticipantPage(page);
  await participant.goto('pump-iii', 'PUMP3-EMC-008');

  await test.step('the cycles table marks it, in place of "As planned"', async () => {
    const mark = page.getByTestId('cycle-deviation-4');
    await expect(mark).toHaveText('Protocol deviation: outside 29 Nov 2021 – 7 Dec 2021');
    await expect(participant.timeline).toContainText('given outside its window (protocol deviation)');
  });

  await test.step('the saved records on the record-data page say so too', async () => {
    await page.goto('/trials/pump-iii/participants/PUMP3-EMC-008/record');
    const row = page.getByRole('row', { name: /Cycle 4/ });
    await expect(row).toContainText('outside its window (deviation)');
    await saveScreenshot(page, 'defects-cycle-deviation');
  });
});

test('the report PDF follows the chosen language and embeds a font with ×10⁹/L', async ({ page }) => {
  const shell = new AppShell(page);
  await new LoginPage(page).logInAs(demoUsers.steering);
  await shell.openTrial('PUMP-III');
  await shell.switchLanguage('Nederlands');
  await shell.navLink('Rapport').click();
  const pdf = await download(page, page.getByTestId('download-pdf'));
  const raw = pdf.bytes.toString('latin1');
  expect(pdfTitle(raw)).toBe('PUMP-III rapport voor de stuurgroep');
  // DejaVu Sans is embedded (a subset), not the built-in Helvetica that has no superscript 9.
  expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSansCondensed\b/);
  expect(raw).not.toContain('/Helvetica');
  await shell.switchLanguage('English');
});
