// Issue 14, the data manager's part, typed key by key: lock a participant before the cut while a coordinator
// of that centre has a correction open (the save is refused with the server's words, and the record page
// then says why instead of offering edits), unlock with a reason, lock one pump visit (only that row is
// refused), and lock the whole trial (a banner on every page) and lift it again. Screenshots at 1440 and
// 390 px, in English and Dutch, under test-results/screenshots/.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { ApiSession } from './support/api';
import { AppShell } from './support/app-shell';
import { choose, typeInto } from './support/forms';
import { LoginPage } from './support/login-page';
import { RecordPage } from './support/record-page';
import { saveScreenshotsEverywhere } from './support/screenshots';

// A casebook no other journey changes; the locks this test sets are lifted in the end whatever happens.
const studyId = 'PUMP3-EMC-014';
const token = Date.now().toString(36);

const shoot = (page: Page, name: string) => saveScreenshotsEverywhere(page, 'locks', name);

async function logInPage(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await new LoginPage(page).logInAs(username);
  return page;
}

test.afterAll(async ({ baseURL }) => {
  // Whatever failed, the locks this journey set are lifted, for the other journeys.
  const admin = await ApiSession.logIn(baseURL ?? '', demoUsers.admin);
  const listed = (await admin.query('locks.list', { trialId: 'pump-iii' })) as {
    result: { data: { locks: { id: number; reason: string }[] } };
  };
  for (const lock of listed.result.data.locks.filter((l) => l.reason.includes(token)))
    await admin.mutate('locks.unlock', { lockId: lock.id, reason: 'Journey clean-up (synthetic)' });
  await admin.dispose();
});

test('data manager: lock before the cut, a coordinator is refused, unlock with a reason', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const admin = await logInPage(browser, demoUsers.admin);
  const coordinator = await logInPage(browser, demoUsers.coordinatorEmc);
  const record = new RecordPage(coordinator);
  const locks = admin.getByRole('region', { name: 'Locks' });
  const reason = `Interim analysis data cut (synthetic, ${token})`;
  let lockId = '';

  await test.step('the coordinator starts correcting a pump visit', async () => {
    await record.goto('pump-iii', studyId);
    await record.action('Correct', /Cycle 2 /).click();
    const dialog = record.dialog(/^Correct: Cycle 2/);
    await typeInto(record.field(dialog, 'FUDR dose (mg)'), '9.5');
    await typeInto(record.field(dialog, 'Reason for the correction'), 'Dose misread (synthetic)');
  });

  await test.step('the data manager locks the participant with a typed reason', async () => {
    await admin.goto(`/trials/pump-iii/participants/${studyId}`);
    await expect(locks).toContainText('Nothing is locked.');
    await expect(locks.getByLabel('What to lock')).toHaveValue(`Participant ${studyId} (every record)`);
    await locks.getByLabel('Reason for the lock').pressSequentially(reason);
    await locks.getByRole('button', { name: 'Lock', exact: true }).click();
    const status = locks.getByRole('status').filter({ hasText: /^Lock \d+ set\.$/ });
    await expect(status).toBeVisible();
    lockId = /Lock (\d+) set/.exec((await status.textContent()) ?? '')?.[1] ?? '';
    const row = locks.getByTestId('locks-in-force').getByRole('row').filter({ hasText: reason });
    await expect(row).toContainText(`Participant ${studyId} (every record)`);
    await expect(row).toContainText('Demo data manager');
    await shoot(admin, 'participant');
  });

  await test.step("the coordinator's save is refused in the server's words", async () => {
    const dialog = record.dialog(/^Correct: Cycle 2/);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert')).toContainText(
      `Participant ${studyId} is locked (lock ${lockId}, by Demo data manager on`,
    );
    await expect(dialog.getByRole('alert')).toContainText(reason);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await coordinator.reload();
    await expect(record.heading).toContainText(studyId);
    // The edit controls give way to the refusal, before any attempt.
    await expect(coordinator.getByTestId('lock-refusal').first()).toContainText(
      `Participant ${studyId} is locked (lock ${lockId}`,
    );
    await expect(record.action('Correct', /Cycle 2 /)).toHaveCount(0);
    await expect(coordinator.getByRole('button', { name: 'Pump visit', exact: true })).toHaveCount(0);
    await shoot(coordinator, 'record-refused');
  });

  await test.step('the data manager unlocks with a typed reason', async () => {
    await locks.getByRole('button', { name: `Unlock lock ${lockId}` }).click();
    const form = locks.getByRole('form', { name: `Unlock lock ${lockId}` });
    await form.getByLabel('Reason for unlocking').pressSequentially(`Cut frozen and verified (${token})`);
    await form.getByRole('button', { name: 'Unlock with this reason' }).click();
    await expect(locks.getByRole('status').filter({ hasText: `Lock ${lockId} lifted.` })).toBeVisible();
    await expect(locks.getByTestId('locks-lifted')).toContainText(`Cut frozen and verified (${token})`);
    await expect(locks).toContainText('Nothing is locked.');
  });

  await test.step('a locked pump visit refuses only its own row', async () => {
    await choose(admin, locks.getByLabel('What to lock'), /[Cc]ycle 2\b/);
    await locks.getByLabel('Reason for the lock').pressSequentially(`Visit under review (${token})`);
    await locks.getByRole('button', { name: 'Lock', exact: true }).click();
    await expect(locks.getByRole('status').filter({ hasText: /^Lock \d+ set\.$/ })).toBeVisible();
    await coordinator.reload();
    await expect(
      record.records.getByRole('row').filter({ hasText: 'Cycle 2' }).getByTestId('lock-refusal'),
    ).toContainText('This record (');
    await expect(record.action('Correct', /Cycle 2 /)).toHaveCount(0);
    await expect(record.action('Correct', /Cycle 3 /)).toHaveCount(1);
    const visit = locks
      .getByTestId('locks-in-force')
      .getByRole('row')
      .filter({ hasText: 'Visit under review' });
    await visit.getByRole('button', { name: /^Unlock lock \d+$/ }).click();
    await locks.getByLabel('Reason for unlocking').pressSequentially(`Review done (${token})`);
    await locks.getByRole('button', { name: 'Unlock with this reason' }).click();
    await expect(locks).toContainText('Nothing is locked.');
  });

  await test.step('once unlocked, the correction goes through', async () => {
    await coordinator.reload();
    await record.action('Correct', /Cycle 2 /).click();
    const dialog = record.dialog(/^Correct: Cycle 2/);
    await typeInto(record.field(dialog, 'FUDR dose (mg)'), '9.5');
    await typeInto(record.field(dialog, 'Reason for the correction'), 'Dose misread (synthetic)');
    await record.save(dialog);
    await expect(record.notice).toContainText('Corrected');
  });

  await test.step('the whole trial: locked from the Locks page, a banner everywhere, lifted again', async () => {
    await new AppShell(admin).navLink('Locks').click();
    await expect(admin.getByRole('heading', { level: 1, name: 'Locks' })).toBeVisible();
    const form = admin.getByRole('form', { name: 'Lock the whole trial' });
    await form
      .getByLabel('Reason for the lock')
      .pressSequentially(`Database lock for the analysis (${token})`);
    await form.getByRole('button', { name: 'Lock the whole trial' }).click();
    const banner = admin.getByTestId('trial-lock-banner');
    await expect(banner).toContainText('The whole trial is locked');
    await expect(banner).toContainText(`Database lock for the analysis (${token})`);
    await coordinator.reload();
    await expect(coordinator.getByTestId('trial-lock-banner')).toBeVisible();
    await expect(coordinator.getByTestId('lock-refusal').first()).toContainText(
      'The whole trial is locked (lock',
    );
    await shoot(admin, 'trial');
    const row = admin.getByTestId('locks-in-force').getByRole('row').filter({ hasText: 'The whole trial' });
    await row.getByRole('button', { name: /^Unlock lock \d+$/ }).click();
    await admin.getByLabel('Reason for unlocking').pressSequentially(`Analysis done (${token})`);
    await admin.getByRole('button', { name: 'Unlock with this reason' }).click();
    await expect(banner).toHaveCount(0);
    await expect(admin.getByTestId('locks-lifted')).toContainText(`Analysis done (${token})`);
  });
});
