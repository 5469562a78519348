// Issue 10 §1, the principal investigator's day: the overview and its projection (English and Dutch), an
// inclusion arriving live from a coordinator in a second browser, a data cut, the report of that cut on
// the web and as a PDF, and each export of the cut (CSV zip, CDISC ODM, FHIR) downloaded and checked to be
// non-empty and well-formed. ARTERY-2 (synthetic, recruiting); the coordinator is at AVL, where no other
// journey includes, and every count is read from the screen before it is expected to change.
import { expect, test } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { chooseCut, freezeCut } from './support/cuts';
import { daysAgo, today } from './support/dates';
import { download, pdfPageCount, pdfTitle, unzip, xmlProblem } from './support/downloads';
import { InclusionPage } from './support/inclusion-page';
import { LoginPage } from './support/login-page';
import { OverviewPage } from './support/overview-page';
import { saveScreenshot } from './support/screenshots';

const CUT = `PI journey ${Date.now().toString(36)}`;

test('PI: overview, live accrual, projection, a data cut, its report and every export', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const shell = new AppShell(page);
  const overview = new OverviewPage(page);
  let before = { included: 0, target: 0 };

  await test.step('the ARTERY-2 overview: inclusions, live updates on, the projection', async () => {
    await new LoginPage(page).logInAs(demoUsers.pi);
    await shell.openTrial('ARTERY-2');
    await expect(overview.heading('ARTERY-2')).toBeVisible();
    await expect(overview.live).toHaveAttribute('data-live', 'live');
    const [, included, target] = /^(\d+) \/ (\d+) /.exec(await overview.inclusion.innerText()) ?? [];
    before = { included: Number(included), target: Number(target) };
    expect(before.included).toBeLessThan(before.target);
    await expect(page.getByText('Projected end of recruitment')).toBeVisible();
    await expect(page.getByTestId('projection-expected')).toHaveText(
      /^Expected \d{1,2} [A-Z][a-z]{2,3} \d{4}$/,
    );
    await expect(page.getByText(/^95% interval \d{1,2} \w+ \d{4} – \d{1,2} \w+ \d{4}$/)).toBeVisible();
    await saveScreenshot(page, 'journey-pi-overview-1440-en');
  });

  await test.step('…and in Dutch', async () => {
    await shell.switchLanguage('Nederlands');
    await expect(page.getByText('Verwacht einde werving')).toBeVisible();
    await expect(page.getByTestId('projection-expected')).toHaveText(/^Verwacht \d{1,2} [a-z]{3,4} \d{4}$/);
    await expect(page.getByText(/^95%-interval /)).toBeVisible();
    await saveScreenshot(page, 'journey-pi-overview-1440-nl');
    await shell.switchLanguage('English');
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  });

  await test.step('a coordinator includes in a second browser; the count rises without a reload', async () => {
    const coordinator = await browser.newContext();
    const other = await coordinator.newPage();
    await new LoginPage(other).logInAs(demoUsers.coordinatorAvl);
    const otherShell = new AppShell(other);
    await otherShell.openTrial('ARTERY-2');
    await otherShell.navLink('Include').click();
    const form = new InclusionPage(other);
    await form.fillEligibleExceptPlatelets(daysAgo(2));
    await form.platelets(180);
    await expect(form.verdict).toHaveText('Eligible: every criterion is met.');
    expect(await form.include()).toMatch(/^ART2-AVL-\d{3}$/);
    await coordinator.close();
    const percent = Math.floor((100 * (before.included + 1)) / before.target);
    await expect(overview.inclusion).toHaveText(`${before.included + 1} / ${before.target} (${percent}%)`);
    expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
  });

  await test.step('freeze a data cut as of today', async () => {
    await shell.navLink('Data cuts').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Data cuts' })).toBeVisible();
    await freezeCut(page, CUT, today);
    const row = page.getByTestId('cut-list').getByRole('row', { name: new RegExp(CUT) });
    await row.getByRole('button', { name: 'Verify hash' }).click();
    await expect(row.getByText(/^Hash verified/)).toBeVisible();
  });

  await test.step('the report of the cut, on the web and as a PDF', async () => {
    await shell.navLink('Report').click();
    await expect(page.getByTestId('report-meta')).toContainText('Live data');
    await chooseCut(page, CUT);
    await expect(page.getByTestId('report-meta')).toContainText(CUT);
    await expect(page.getByTestId('report-meta')).toContainText('Synthetic data');
    await saveScreenshot(page, 'journey-pi-report-1440-en');
    const pdf = await download(page, page.getByTestId('download-pdf'));
    expect(pdf.name).toMatch(new RegExp(`^ARTERY-2-report-${today}-cut-\\d+\\.pdf$`));
    const raw = pdf.bytes.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pdfTitle(raw)).toBe('ARTERY-2 steering committee report');
    expect(pdfPageCount(raw)).toBeGreaterThan(1);
  });

  const row = page.getByTestId('cut-list').getByRole('row', { name: new RegExp(CUT) });
  await test.step('export: CSV and data dictionary, a zip of non-empty CSV files', async () => {
    await shell.navLink('Data cuts').click();
    const csv = await download(page, row.getByRole('button', { name: 'CSV + data dictionary (zip)' }));
    expect(csv.name).toMatch(/\.zip$/);
    const files = unzip(csv.bytes);
    const names = [...files.keys()];
    expect(names.filter((n) => n.endsWith('.csv')).length).toBeGreaterThan(1);
    for (const [name, text] of files) {
      const lines = text.trim().split(/\r?\n/);
      // Every clinical table has rows; no casebook of ARTERY-2's demo is signed, so its signatures table is a
      // header alone (the export says "none" by an empty table, not by leaving the file out).
      const rows = name === 'signatures.csv' ? 0 : 1;
      expect(lines.length, `${name} has a header and ${rows ? 'rows' : 'no rows'}`).toBeGreaterThan(rows);
    }
    const participants = [...files].find(([n]) => /participants/i.test(n));
    expect(participants, `a participants file among ${names.join(', ')}`).toBeDefined();
    const dataRows = (participants?.[1] ?? '').trim().split(/\r?\n/).length - 1;
    expect(dataRows).toBe(before.included + 1);
  });

  await test.step('export: CDISC ODM, well-formed XML with every participant', async () => {
    const odm = await download(page, row.getByRole('button', { name: 'CDISC ODM 1.3.2 (XML)' }));
    expect(odm.name).toMatch(/\.xml$/);
    const xml = odm.bytes.toString('utf8');
    expect(await xmlProblem(page, xml)).toBeNull();
    expect(xml).toMatch(/<ODM[\s>]/);
    expect((xml.match(/<SubjectData\b/g) ?? []).length).toBe(before.included + 1);
  });

  await test.step('export: FHIR R4, a JSON bundle with every participant', async () => {
    const fhir = await download(page, row.getByRole('button', { name: 'FHIR R4 bundle (JSON)' }));
    expect(fhir.name).toMatch(/\.json$/);
    const bundle = JSON.parse(fhir.bytes.toString('utf8')) as {
      resourceType: string;
      entry?: { resource: { resourceType: string } }[];
    };
    expect(bundle.resourceType).toBe('Bundle');
    const patients = (bundle.entry ?? []).filter((e) => e.resource.resourceType === 'Patient');
    expect(patients).toHaveLength(before.included + 1);
  });
});
