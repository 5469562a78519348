// Issue 10: a saved surgery and pump record is listed among the saved records and corrected from there,
// like every other record. It is part of the participant record, so it has no Void of its own. A new
// ARTERY-2 participant at Erasmus MC, so that no demo participant changes; dates count back from today.
import { expect, test } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { addDays, daysAgo, shown } from './support/dates';
import { named, typeDate, typeInto } from './support/forms';
import { InclusionPage } from './support/inclusion-page';
import { LoginPage } from './support/login-page';
import { RecordPage } from './support/record-page';
import { saveScreenshot } from './support/screenshots';

const inclusion = daysAgo(20);
const surgery = addDays(inclusion, 4);
const corrected = addDays(inclusion, 2);

test('the saved surgery and pump is listed among the saved records and corrected there', async ({ page }) => {
  test.setTimeout(180_000);
  const shell = new AppShell(page);
  const record = new RecordPage(page);
  const form = new InclusionPage(page);

  await test.step('include a participant and record surgery and pump', async () => {
    await new LoginPage(page).logInAs(demoUsers.coordinatorEmc);
    await shell.openTrial('ARTERY-2');
    await shell.switchLanguage('English');
    await shell.navLink('Include').click();
    await form.fillEligibleExceptPlatelets(inclusion);
    await form.platelets(190);
    const studyId = await form.include();
    await page.getByRole('link', { name: 'Record surgery and follow-up' }).click();
    await expect(record.heading).toHaveText(`Record data · ${studyId}`);
    await record.recordSurgery(surgery, surgery);
    await expect(record.notice).toHaveText('Saved.');
  });

  await test.step('the surgery is a saved record, with Correct and no Void', async () => {
    const row = record.row('Surgery and pump');
    await expect(row).toContainText(shown(surgery));
    await expect(row).toContainText(`Pump placed ${shown(surgery)}`);
    await expect(record.action('Correct', `Surgery and pump (${shown(surgery)})`)).toBeVisible();
    await expect(record.action('Void', /Surgery and pump/)).toHaveCount(0);
    await saveScreenshot(page, 'surgery-record-1440-en');
  });

  await test.step('correct the surgery date from its row, with a reason', async () => {
    await record.action('Correct', `Surgery and pump (${shown(surgery)})`).click();
    const dialog = record.dialog(`Correct: Surgery and pump (${shown(surgery)})`);
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel(named('Surgery date'))).toHaveValue(shown(surgery));
    await typeDate(dialog.getByLabel(named('Surgery date')), corrected);
    await typeInto(
      dialog.getByLabel(named('Reason for the correction')),
      'Date copied from the wrong letter',
    );
    await record.save(dialog);
    await expect(record.notice).toHaveText('Corrected: Surgery date.');
    await expect(record.row('Surgery and pump')).toContainText(shown(corrected));
    await expect(record.summary).toContainText(`surgery ${shown(corrected)} · pump ${shown(surgery)}`);
  });

  await test.step('a pump that was not placed: the row says why', async () => {
    await record.action('Correct', `Surgery and pump (${shown(corrected)})`).click();
    const dialog = record.dialog(`Correct: Surgery and pump (${shown(corrected)})`);
    const pump = dialog.getByLabel(named('Pump placement date'));
    await pump.clear();
    await pump.press('Tab');
    await typeInto(dialog.getByLabel(named('Why the pump was not placed')), 'Aberrant arterial anatomy');
    await typeInto(dialog.getByLabel(named('Reason for the correction')), 'Pump was not placed after all');
    await record.save(dialog);
    await expect(record.row('Surgery and pump')).toContainText('Pump not placed: Aberrant arterial anatomy');
  });

  await test.step('in Dutch', async () => {
    await shell.switchLanguage('Nederlands');
    const row = record.records
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Operatie en pomp', exact: true }) });
    await expect(row).toContainText(shown(corrected, 'nl'));
    await expect(row).toContainText('Pomp niet geplaatst: Aberrant arterial anatomy');
    await expect(row.getByRole('button', { name: /^Corrigeren: Operatie en pomp/ })).toBeVisible();
    await saveScreenshot(page, 'surgery-record-1440-nl');
  });
});
