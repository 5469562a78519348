// Issue 10 §1, the steering committee's meeting: every committee page read from one frozen data cut
// (outcomes, safety, CONSORT, the report and its PDF; English, then Dutch), a menu without data entry or
// participants, and every participant or data-entry URL answering as not available for the role.
import { expect, test } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { ApiSession } from './support/api';
import { AppShell } from './support/app-shell';
import { chooseCut } from './support/cuts';
import { download, pdfPageCount } from './support/downloads';
import { LoginPage } from './support/login-page';
import { saveScreenshot } from './support/screenshots';

const CUT = `Steering journey ${Date.now().toString(36)}`;
const AS_OF = '2026-10-31';

test('steering committee: every committee page from a frozen cut, and no participant anywhere', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const shell = new AppShell(page);

  await test.step('the PI has frozen a data cut for the meeting', async () => {
    const pi = await ApiSession.logIn(baseURL ?? '', demoUsers.pi);
    await pi.mutate('committee.dataCuts.create', { trialId: 'pump-iii', label: CUT, asOf: AS_OF });
    await pi.dispose();
  });

  await test.step('log in: a menu of aggregates only, without data entry or participants', async () => {
    await new LoginPage(page).logInAs(demoUsers.steering);
    await shell.openTrial('PUMP-III');
    await expect(shell.navigation.getByRole('link')).toHaveText([
      'Overview',
      // Counts only: the steering committee does not read participants.
      'Serious adverse events',
      'Protocol deviations',
      'Outcomes',
      'Safety',
      'CONSORT',
      'Data cuts',
      'Report',
      'Your account',
    ]);
    await expect(shell.navigation).not.toContainText('Data entry');
  });

  const frozen = page.getByText(`Frozen data cut "${CUT}" as of 31 Oct 2026.`);
  await test.step('outcomes of the cut: the curves, no participant table', async () => {
    await shell.navLink('Outcomes').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Outcomes' })).toBeVisible();
    await chooseCut(page, CUT);
    await expect(frozen).toBeVisible();
    await expect(page.getByText(/^SHA-256 [0-9a-f]{64}$/)).toBeVisible();
    for (const name of ['Hepatic disease-free survival', 'Overall survival', 'Disease-free survival'])
      await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${name}`) })).toBeVisible();
    await expect(page.getByTestId('participant-endpoints')).toHaveCount(0);
    await expect(page.getByRole('link', { name: /PUMP3-/ })).toHaveCount(0);
    await saveScreenshot(page, 'journey-steering-outcomes-1440-en');
  });

  await test.step('safety of the cut', async () => {
    await shell.navLink('Safety').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Safety' })).toBeVisible();
    await chooseCut(page, CUT);
    await expect(frozen).toBeVisible();
    await expect(page.getByTestId('headline-rate')).toContainText('Clavien–Dindo grade III or higher');
    await expect(page.getByRole('link', { name: /PUMP3-/ })).toHaveCount(0);
  });

  await test.step('in Dutch: CONSORT of the cut', async () => {
    await shell.switchLanguage('Nederlands');
    await shell.navLink('CONSORT').click();
    await expect(page.getByRole('heading', { level: 1, name: 'CONSORT-stroomdiagram' })).toBeVisible();
    await chooseCut(page, CUT);
    await expect(page.getByText(`Bevroren datasnede "${CUT}" per 31 okt 2026.`)).toBeVisible();
    await expect(page.getByTestId('consort-included')).toHaveText('Geïncludeerd (n = 45)');
    await saveScreenshot(page, 'journey-steering-consort-1440-nl');
  });

  await test.step('in Dutch: the report of the cut and its PDF', async () => {
    await shell.navLink('Rapport').click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'PUMP-III rapport voor de stuurgroep' }),
    ).toBeVisible();
    await chooseCut(page, CUT);
    await expect(page.getByTestId('report-meta')).toContainText(CUT);
    const pdf = await download(page, page.getByTestId('download-pdf'));
    expect(pdf.name).toMatch(new RegExp(`^PUMP-III-report-${AS_OF}-cut-\\d+\\.pdf$`));
    const raw = pdf.bytes.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(pdfPageCount(raw)).toBeGreaterThan(1);
    await saveScreenshot(page, 'journey-steering-report-1440-nl');
  });

  await test.step('in Dutch: the data cuts, read only: no freezing, no exports', async () => {
    await shell.navLink('Datasnedes').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Datasnedes' })).toBeVisible();
    await expect(page.getByTestId('cut-list').getByRole('cell', { name: CUT, exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Datasnede bevriezen' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /CSV|ODM|FHIR/ })).toHaveCount(0);
    await shell.switchLanguage('English');
  });

  await test.step('every participant or data-entry URL answers as not available', async () => {
    for (const path of [
      'participants',
      'participants/PUMP3-EMC-001',
      'participants/PUMP3-EMC-001/record',
      'worklist',
      'screening',
      'include',
    ]) {
      await page.goto(`/trials/pump-iii/${path}`);
      await expect(
        page.getByRole('heading', { level: 1, name: 'Not available for your role' }),
        path,
      ).toBeVisible();
      await expect(page.getByRole('alert')).toContainText('Your role (Steering committee)');
      await expect(page.getByText('PUMP3-EMC-001')).toHaveCount(0);
      await expect(page.getByRole('table')).toHaveCount(0);
    }
  });
});
