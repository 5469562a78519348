// Issue 14, the principal investigator signs before a data cut, typed key by key: review the casebooks not
// yet signed, open one and sign it in the signing dialog (the meaning and the name shown, the password
// re-entered, a wrong one refused, the date and time shown after signing); a coordinator's correction makes
// the signature "no longer valid" on the participant page and in the list until the PI signs again; then a
// data cut is frozen and signed. Screenshots at 1440 and 390 px, in English and Dutch.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { freezeCut } from './support/cuts';
import { today } from './support/dates';
import { typeInto } from './support/forms';
import { LoginPage } from './support/login-page';
import { RecordPage } from './support/record-page';
import { saveScreenshotsEverywhere } from './support/screenshots';

// A casebook no other journey signs or changes (the demo's own signed casebooks are at other centres).
const studyId = 'PUMP3-EMC-016';
const CUT = `Signed cut ${Date.now().toString(36)}`;

const shoot = (page: Page, name: string) => saveScreenshotsEverywhere(page, 'signatures', name);

test('PI: review and sign casebooks before a data cut; a correction makes a signature no longer valid', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const signature = page.getByRole('region', { name: 'Signature' });
  const dialog = page.getByRole('dialog', { name: `Sign the casebook of ${studyId}` });

  await test.step('the casebooks not yet signed', async () => {
    await new LoginPage(page).logInAs(demoUsers.pi);
    await new AppShell(page).navLink('Casebook signatures').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Casebook signatures' })).toBeVisible();
    await expect(
      page.getByText(/^\d+ casebooks? not signed · \d+ signatures? no longer valid · \d+ casebooks? signed$/),
    ).toBeVisible();
    await page.getByRole('radio', { name: 'Not signed' }).dispatchEvent('click');
    const row = page.getByTestId('casebooks').getByRole('row').filter({ hasText: studyId });
    await expect(row).toContainText('Not signed');
    await shoot(page, 'casebooks');
    await row.getByRole('link', { name: studyId }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(studyId);
    await expect(signature).toContainText('Nobody has signed this casebook yet.');
  });

  await test.step('sign: the meaning and the name shown, a wrong password refused, then signed', async () => {
    await signature.getByRole('button', { name: `Sign casebook (${studyId})` }).click();
    await expect(dialog).toContainText('I confirm the data of this casebook are complete and accurate');
    await expect(dialog.getByTestId('signer-name')).toHaveText('Demo principal investigator');
    const password = dialog.getByLabel(/^Your password/);
    await password.pressSequentially('not-my-password');
    await password.press('Enter');
    await expect(dialog.getByRole('alert')).toHaveText('The password is not right: nothing was signed');
    await password.clear();
    await password.pressSequentially(DEMO_PASSWORD);
    await password.press('Enter');
    const done = dialog.getByRole('status');
    await expect(done).toContainText(
      /^Signed by Demo principal investigator on \d{1,2} \w{3,4} \d{4}, \d{2}:\d{2}\./,
    );
    await expect(done).toContainText(/SHA-256 of the data signed: [0-9a-f]{64}/);
    await shoot(page, 'dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(signature.getByText('Signed', { exact: true })).toBeVisible();
    await expect(signature).toContainText('Signed by Demo principal investigator on');
  });

  await test.step("a coordinator's correction: the signature is no longer valid", async () => {
    const coordinator = await (await browser.newContext()).newPage();
    await new LoginPage(coordinator).logInAs(demoUsers.coordinatorEmc);
    const record = new RecordPage(coordinator);
    await record.goto('pump-iii', studyId);
    await record.action('Correct', /Cycle 1 /).click();
    const correct = record.dialog(/^Correct: Cycle 1/);
    await typeInto(record.field(correct, 'FUDR dose (mg)'), '12.5');
    await typeInto(record.field(correct, 'Reason for the correction'), 'Pharmacy record (synthetic)');
    await record.save(correct);
    await expect(record.notice).toContainText('Corrected');
    await coordinator.context().close();
    await page.reload();
    await expect(signature.getByText('No longer valid', { exact: true })).toBeVisible();
    await expect(signature).toContainText('The data changed after this signature');
    await shoot(page, 'invalidated');
  });

  await test.step('signed again; the earlier signature stays listed', async () => {
    await signature.getByRole('button', { name: `Sign again (${studyId})` }).click();
    await expect(dialog.getByRole('button', { name: 'Sign' })).toBeDisabled();
    await dialog.getByLabel(/^Your password/).pressSequentially(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'Sign' }).click();
    await expect(dialog.getByRole('status')).toContainText('Signed by Demo principal investigator');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(signature.getByText('Signed', { exact: true })).toBeVisible();
    await expect(signature.getByRole('listitem')).toHaveCount(1);
  });

  await test.step('freeze a data cut and sign it', async () => {
    await new AppShell(page).navLink('Data cuts').click();
    await freezeCut(page, CUT, today);
    const row = page.getByTestId('cut-list').getByRole('row').filter({ hasText: CUT });
    await expect(row).toContainText('Not signed');
    await row.getByRole('button', { name: `Sign (${CUT})` }).click();
    const cutDialog = page.getByRole('dialog', { name: `Sign data cut “${CUT}”` });
    await expect(cutDialog).toContainText(
      'I confirm the data of this data cut are complete and accurate and may be analysed',
    );
    await cutDialog.getByLabel(/^Your password/).pressSequentially(DEMO_PASSWORD);
    await cutDialog.getByLabel(/^Your password/).press('Enter');
    await expect(cutDialog.getByRole('status')).toContainText('Signed by Demo principal investigator');
    await cutDialog.getByRole('button', { name: 'Close' }).click();
    await expect(row).toContainText('Signed by Demo principal investigator');
    await expect(row.getByRole('button', { name: `Sign (${CUT})` })).toHaveCount(0);
    await shoot(page, 'cuts');
  });
});
