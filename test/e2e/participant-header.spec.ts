// Issue 10: a participant's header names time zero as its trial's definition does. ARTERY-2 counts its
// schedule from inclusion, so its header must not call the surgery "time zero"; PUMP-III counts from
// surgery. In English and in Dutch.
import { expect, test, type Page } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { LoginPage } from './support/login-page';
import { ParticipantPage, ParticipantsPage } from './support/participants-page';
import { saveScreenshot } from './support/screenshots';

/** The summary's labels include every one of `present` and none of `absent` (the trial loads beside it). */
async function expectLabels(page: Page, present: string[], absent: string[]): Promise<void> {
  const summary = page.getByRole('region', { name: /^(Summary|Samenvatting)$/ });
  const labels = () => summary.locator('dt').allInnerTexts();
  await expect.poll(labels).toEqual(expect.arrayContaining(present));
  for (const label of absent) expect(await labels()).not.toContain(label);
}

async function openFirstParticipant(page: Page, trialId: string): Promise<void> {
  const list = new ParticipantsPage(page);
  await list.goto(trialId);
  await expect(list.table.locator('tbody').getByRole('rowheader').first()).toBeVisible();
  const [first] = await list.studyIds();
  if (first === undefined) throw new Error(`no participants in ${trialId}`);
  const participant = new ParticipantPage(page);
  await participant.goto(trialId, first);
  await expect(participant.heading(first)).toBeVisible();
}

test('the participant header names time zero as the trial definition does', async ({ page }) => {
  const shell = new AppShell(page);
  await new LoginPage(page).logInAs(demoUsers.pi);

  await test.step('ARTERY-2 counts from inclusion: its surgery is not time zero', async () => {
    await shell.switchLanguage('English');
    await openFirstParticipant(page, 'artery-2');
    await expectLabels(page, ['Inclusion (time zero)', 'Surgery'], ['Surgery (time zero)', 'Inclusion']);
    await saveScreenshot(page, 'participant-header-artery-2-en');
  });

  await test.step('in Dutch too', async () => {
    await shell.switchLanguage('Nederlands');
    await expectLabels(page, ['Inclusie (startdatum)', 'Operatie'], ['Operatie (startdatum)', 'Inclusie']);
    await saveScreenshot(page, 'participant-header-artery-2-nl');
  });

  await test.step('PUMP-III counts from surgery', async () => {
    await openFirstParticipant(page, 'pump-iii');
    await expectLabels(page, ['Inclusie', 'Operatie (startdatum)'], ['Inclusie (startdatum)']);
    await shell.switchLanguage('English');
    await expectLabels(page, ['Inclusion', 'Surgery (time zero)'], ['Inclusion (time zero)', 'Surgery']);
  });
});
