// Issue 16, the data manager brings PUMP-III's data in from Castor EDC: the ODM export and its edited
// mapping uploaded with clicks, the dry run's report read and downloaded, a change to the mapping that makes
// the dry run stale, the commit confirmed, and the participants on their page. A coordinator has no menu
// entry and is refused the page. It runs on a server of its own, a demo as of 15 January 2021 (before
// PUMP-III recruited anyone), so the shared demo's counts stay as the other specs read them. The same for a
// spreadsheet (CSV): its columns and first rows shown, the unedited starting mapping's dry run clean, a
// column's target changed with the keyboard and back, a code, a site and a constant typed (a wrong code
// refused in the server's words), the edited mapping downloaded, the column mapping uploaded, the dry run,
// the commit.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { download } from './support/downloads';
import { FRESH_URL, startFreshInstance, type FreshInstance } from './support/fresh-instance';
import { LoginPage } from './support/login-page';
import { ParticipantsPage } from './support/participants-page';
import { saveScreenshotsEverywhere } from './support/screenshots';

const FIXTURES = 'test/fixtures/import';
const ODM = `${FIXTURES}/castor-pump3.odm.xml`;
const MAPPING = `${FIXTURES}/castor-pump3.mapping.json`;
const CSV = `${FIXTURES}/spreadsheet-pump3.csv`;
const CSV_MAPPING = `${FIXTURES}/spreadsheet-pump3.mapping.json`;

let instance: FreshInstance;
test.beforeAll(async () => {
  instance = await startFreshInstance('import', { DEMO_AS_OF: '2021-01-15' });
});
test.afterAll(async () => {
  await instance.stop();
});
test.use({ baseURL: FRESH_URL });

/** Clicks a file input, as a person does, and picks the file in the chooser that opens. */
async function chooseFile(page: Page, label: string, file: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByLabel(label).click()]);
  await chooser.setFiles(file);
}

test('data manager: imports a Castor ODM export with its mapping after a dry run; a coordinator cannot', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const shell = new AppShell(page);
  const report = page.getByRole('table', { name: 'Dry-run report, per record and field' });
  const commit = page.getByRole('button', { name: 'Commit import', exact: true });

  await test.step('the administrator opens Import data from the menu of PUMP-III', async () => {
    await new LoginPage(page).logInAs(demoUsers.admin);
    await shell.openTrial('PUMP-III');
    await shell.navLink('Import data').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import data' })).toBeVisible();
  });

  await test.step('chooses the export: its subjects counted, the starting mapping generated from it', async () => {
    await chooseFile(page, 'Export file (ODM XML or CSV)', ODM);
    await expect(page.getByTestId('import-file-summary')).toHaveText(
      /^castor-pump3\.odm\.xml: [\d.,]+ kB, 3 subjects$/,
    );
    await expect(page.getByTestId('mapping-summary')).toHaveText(
      /^Starting mapping from the file · \d+ items mapped of \d+/,
    );
    await expect(page.getByTestId('mapping-table').getByRole('row').nth(1)).toBeVisible();
  });

  await test.step('uploads the edited mapping', async () => {
    await chooseFile(page, 'Upload an edited mapping (JSON)', MAPPING);
    await expect(page.getByTestId('mapping-summary')).toHaveText(
      /^Mapping uploaded from castor-pump3\.mapping\.json · \d+ items mapped of \d+; 2 sites$/,
    );
    await expect(commit).toBeDisabled();
  });

  await test.step('runs the dry run and reads the report: every record to create, nothing refused', async () => {
    await page.getByRole('button', { name: 'Run dry run' }).click();
    await expect(page.getByTestId('dry-run-summary')).toHaveText(
      /^3 subjects; records: \d+ to create, 0 to change, 0 unchanged, 0 refused\.$/,
    );
    await expect(page.getByText('The dry run passed with no refusals')).toBeVisible();
    // One row group per record: its line, then its fields.
    const first = report.getByRole('rowgroup').filter({ hasText: '110001' }).first();
    await expect(first).toContainText('Participant');
    await expect(first).toContainText('Create');
    await expect(first).toContainText('participant.inclusionDate = 2022-03-14');
    await expect(report.getByRole('rowgroup').filter({ hasText: 'Refused' })).toHaveCount(0);
    await expect(commit).toBeEnabled();
  });

  await test.step('downloads the report as CSV, one line per field', async () => {
    const file = await download(page, page.getByRole('button', { name: 'Download report (CSV)' }));
    expect(file.name).toBe('castor-pump3.import-report.csv');
    const lines = file.bytes.toString('utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'subject,study_id,record,key,where,record_action,field,source,value,saved_value,field_action,message',
    );
    expect(
      lines.filter((l) => l.startsWith('110001,') && l.includes(',participant.inclusionDate,')),
    ).toHaveLength(1);
    expect(lines.every((l, i) => i === 0 || /,(create|change|unchanged|refused),/.test(l))).toBe(true);
  });

  await test.step('the page with its report has no WCAG 2.1 AA violations', async () => {
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}`))).toEqual(
      [],
    );
  });

  await test.step('a target changed with the keyboard makes the dry run stale; the same mapping again does not', async () => {
    const target = page.getByTestId('mapping-table').getByRole('combobox').first();
    const before = await target.inputValue();
    await target.focus();
    await page.keyboard.press(before === '' ? 'ArrowDown' : 'Home');
    await expect(target).not.toHaveValue(before);
    await expect(page.getByTestId('mapping-summary')).toHaveText(/^Edited on this page/);
    await expect(page.getByText('The file or the mapping changed since the last dry run')).toBeVisible();
    await expect(commit).toBeDisabled();
    await chooseFile(page, 'Upload an edited mapping (JSON)', MAPPING);
    await expect(page.getByText('The dry run passed with no refusals')).toBeVisible();
    await expect(commit).toBeEnabled();
  });

  await test.step('screenshots of the report, in English and Dutch at 1440 and 390 px', async () => {
    // From the top: a full-page picture taken scrolled down draws the fixed header mid-page.
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshotsEverywhere(page, 'import', 'dry-run');
  });

  await test.step('commits after a confirmation that says what will be written', async () => {
    await commit.click();
    const dialog = page.getByRole('dialog', { name: 'Commit this import?' });
    await expect(
      dialog.getByText(
        /^This writes \d+ new records and 0 changes into pump-iii from castor-pump3\.odm\.xml \(SHA-256 [0-9a-f]{16}\), for 3 subjects\./,
      ),
    ).toBeVisible();
    await dialog.getByRole('button', { name: 'Commit import now' }).click();
    await expect(page.getByTestId('import-result')).toHaveText(
      /^Imported castor-pump3\.odm\.xml: \d+ records created, 0 changed\. Audit entry \d+\.$/,
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshotsEverywhere(page, 'import', 'committed');
  });

  await test.step('the three participants are on the participants page', async () => {
    await page.getByRole('link', { name: 'Open the participants' }).click();
    const list = new ParticipantsPage(page);
    await expect(list.table.locator('tbody tr')).toHaveCount(3);
    expect(await list.studyIds()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^PUMP3-[A-Z]+-001$/)]),
    );
  });

  await test.step('a coordinator has no Import data entry, and the URL is not available for the role', async () => {
    await shell.logOut();
    await new LoginPage(page).logInAs(demoUsers.coordinatorEmc);
    await shell.openTrial('PUMP-III');
    await expect(shell.navigation.getByRole('link').first()).toBeVisible();
    await expect(shell.navLink('Import data')).toHaveCount(0);
    await page.goto('/trials/pump-iii/import');
    await expect(page.getByRole('heading', { level: 1, name: 'Not available for your role' })).toBeVisible();
  });
});

test('data manager: imports a spreadsheet (CSV) after its column mapping and a dry run', async ({ page }) => {
  test.setTimeout(300_000);
  const shell = new AppShell(page);

  await test.step('the administrator opens Import data', async () => {
    await new LoginPage(page).logInAs(demoUsers.admin);
    await shell.openTrial('PUMP-III');
    await shell.navLink('Import data').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import data' })).toBeVisible();
  });

  await test.step('chooses the CSV file: its rows counted, its columns and first rows shown', async () => {
    await chooseFile(page, 'Export file (ODM XML or CSV)', CSV);
    await expect(page.getByTestId('import-file-summary')).toHaveText(
      /^spreadsheet-pump3\.csv: [\d.,]+ kB, \d+ rows$/,
    );
    const preview = page.getByRole('table', { name: 'The first rows of the file' });
    await expect(preview.getByRole('columnheader', { name: 'Participant Id' })).toBeVisible();
    await expect(preview.getByRole('cell', { name: 'PUMP-001' }).first()).toBeVisible();
    await expect(page.getByLabel('Study-ID column')).toHaveValue('Participant Id');
    await expect(page.getByLabel('Site column')).toHaveValue('Site');
    await expect(page.getByTestId('mapping-summary')).toHaveText(
      /^Starting mapping from the file · \d+ columns mapped of \d+ · \d+ columns guessed from their names and values: check them$/,
    );
    await expect(page.getByTestId('mapping-problems')).toHaveCount(0);
  });

  await test.step('the starting mapping, unedited, passes its dry run', async () => {
    await expect(page.getByLabel('Code for “F” in column Sex')).toHaveValue('female');
    await expect(page.getByLabel('Code for “yes” in column recurrent_crlm')).toHaveValue('true');
    await page.getByRole('button', { name: 'Run dry run' }).click();
    await expect(page.getByText('The dry run passed with no refusals')).toBeVisible();
  });

  await test.step('one column target changed with the keyboard and back', async () => {
    const sex = page.getByLabel('Field for column Sex');
    await expect(sex).toHaveValue('participant.sex');
    await sex.focus();
    await page.keyboard.press('ArrowDown');
    await expect(sex).not.toHaveValue('participant.sex');
    await expect(page.getByTestId('mapping-summary')).toHaveText(/^Edited on this page/);
    await page.keyboard.press('ArrowUp');
    await expect(sex).toHaveValue('participant.sex');
  });

  await test.step("types a wrong code: the dry run refuses the mapping in the server's words", async () => {
    const code = page.getByLabel('Code for “F” in column Sex');
    await code.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await code.pressSequentially('vrouw');
    await expect(page.getByTestId('mapping-summary')).toHaveText(/^Edited on this page/);
    await page.getByRole('button', { name: 'Run dry run' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'does not fit this trial' })).toContainText(
      'Column “Sex”: the code for “F” is “vrouw”, which participant.sex does not take (allowed: female, male).',
    );
    await code.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await code.pressSequentially('female');
    await expect(code).toHaveValue('female');
    // The target changed and back above took the column's codes with it: "M" is typed again too.
    const male = page.getByLabel('Code for “M” in column Sex');
    await expect(male).toHaveValue('');
    await male.pressSequentially('male');
  });

  await test.step("types a site's centre and a constant, and downloads the mapping with the edits", async () => {
    const avl = page.getByLabel('Centre for “AVL”');
    await expect(avl).toHaveValue('AVL');
    await avl.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await avl.pressSequentially('AVL');
    const scale = page.getByLabel('Value of event.gradeScale');
    await expect(scale).toHaveValue('clavien_dindo');
    await scale.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await expect(scale).toHaveCount(0);
    await page.getByLabel('New constant: field').selectOption('event.gradeScale');
    await page.getByLabel('New constant: value').pressSequentially('clavien_dindo');
    await page.getByRole('button', { name: 'Add constant' }).click();
    await expect(page.getByLabel('Value of event.gradeScale')).toHaveValue('clavien_dindo');
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshotsEverywhere(page, 'import', 'csv-mapping-edited');
    const file = await download(page, page.getByRole('button', { name: 'Download mapping' }));
    expect(file.name).toBe('spreadsheet-pump3.mapping.json');
    const saved = JSON.parse(file.bytes.toString('utf8')) as {
      sites: Record<string, string>;
      constants: Record<string, string>;
      columns: Record<string, { codes?: Record<string, string>; guessed?: boolean }>;
    };
    expect(saved.sites).toEqual({ 'Erasmus MC': 'EMC', AVL: 'AVL' });
    expect(saved.constants).toEqual({ 'event.gradeScale': 'clavien_dindo' });
    expect(saved.columns.Sex).toEqual({
      target: 'participant.sex',
      label: 'Sex',
      codes: { F: 'female', M: 'male' },
    });
    expect(saved.columns.ehd?.guessed).toBe(true);
    await page.getByRole('button', { name: 'Run dry run' }).click();
    await expect(page.getByText('The dry run passed with no refusals')).toBeVisible();
  });

  await test.step('uploads the edited column mapping and runs the dry run', async () => {
    await chooseFile(page, 'Upload an edited mapping (JSON)', CSV_MAPPING);
    await expect(page.getByTestId('mapping-summary')).toHaveText(/^Mapping uploaded from spreadsheet-pump3/);
    await page.getByRole('button', { name: 'Run dry run' }).click();
    await expect(page.getByText('The dry run passed with no refusals')).toBeVisible();
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}`))).toEqual(
      [],
    );
  });

  await test.step('commits, and the participants appear', async () => {
    await page.getByRole('button', { name: 'Commit import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Commit this import?' });
    await dialog.getByRole('button', { name: 'Commit import now' }).click();
    await expect(page.getByTestId('import-result')).toHaveText(
      /^Imported spreadsheet-pump3\.csv: 16 records created, 0 changed\. Audit entry \d+\.$/,
    );
    await page.getByRole('link', { name: 'Open the participants' }).click();
    // At least the file's three (the other test of this file may have imported three of its own).
    await expect(new ParticipantsPage(page).table.locator('tbody tr').nth(2)).toBeVisible();
  });
});
