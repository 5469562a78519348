// Issue 14, notifications, typed key by key: the administrator reads the mail outbox (recipient and subject of
// the demo's waiting mails), a coordinator gives an address and switches off an optional mail on their account
// page (a mandatory one cannot be), a monitor opens a query for that coordinator's participant, and the
// coordinator's bell shows the new notice on the page they have open (live updates; no reload), while no mail
// goes out for the kind they switched off. Screenshots at 1440 and 390 px, English and Dutch.
import { expect, test, type Page } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { LoginPage } from './support/login-page';
import { saveScreenshotsEverywhere } from './support/screenshots';

const shoot = (page: Page, name: string) => saveScreenshotsEverywhere(page, 'notifications', name);
const bellOf = (page: Page) => page.getByRole('button', { name: /^Notifications, / });

async function unreadOn(page: Page): Promise<number> {
  const label = (await bellOf(page).getAttribute('aria-label')) ?? '';
  const m = /(\d+) unread/.exec(label);
  return m ? Number(m[1]) : 0;
}

test('notifications: the outbox, mail settings, and a new query in the coordinator’s bell', async ({
  page,
  browser,
}) => {
  // Full-page screenshots in two languages at two widths on a busy machine: a limit that catches a hang only.
  test.setTimeout(300_000);
  const studyId = 'PUMP3-EMC-002';
  const address = 'coord-emc@hospital.example';

  await test.step('the administrator reads the outbox: who each mail is for, and its subject', async () => {
    await new LoginPage(page).logInAs(demoUsers.admin);
    await new AppShell(page).navLink('Mail outbox').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mail outbox' })).toBeVisible();
    await expect(page.getByTestId('mail-delivery')).toContainText('No SMTP server is configured');
    const row = page
      .getByTestId('outbox-row')
      .filter({ hasText: 'pi@trialdesk-demo.example' })
      .filter({ hasText: 'New serious adverse event' })
      // The demo's own mail: a coordinator's journey run earlier on the same server may have reported another SAE.
      .filter({ hasText: '(synthetic demo)' });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell').nth(1)).toHaveText('pi@trialdesk-demo.example');
    const subject = row.getByRole('button', { name: /^\[PUMP-III\] New serious adverse event: PUMP3-/ });
    await expect(subject).toContainText('(synthetic demo)');
    await expect(row).toContainText('Waiting');
    await subject.click();
    await expect(page.getByTestId('outbox-body')).toContainText('Synthetic demo notice from a fixed seed');
    await expect(
      page
        .getByTestId('outbox-row')
        .filter({ hasText: 'coord-ijsselland@trialdesk-demo.example' })
        .filter({ hasText: /overdue visits? at/ })
        .first(), // one per trial the coordinator works in
    ).toBeVisible();
    await shoot(page, 'outbox');
    await new AppShell(page).logOut();
  });

  await test.step('a coordinator gives an address and switches off an optional mail, not a mandatory one', async () => {
    await new LoginPage(page).logInAs(demoUsers.coordinatorEmc);
    await new AppShell(page).navLink('Your account').click();
    const form = page.getByRole('form', { name: 'Email and notifications' });
    await expect(form).toBeVisible();
    const email = form.getByLabel('Email address');
    await email.clear();
    await email.pressSequentially(address);
    const mandatory = form.getByRole('checkbox', { name: /^A new serious adverse event/ });
    await expect(mandatory).toBeChecked();
    await expect(mandatory).toBeDisabled();
    await expect(form.getByText('Always mailed: a safety duty').first()).toBeVisible();
    const queries = form.getByRole('checkbox', { name: 'A data query opened for my centre' });
    await expect(queries).toBeChecked();
    await queries.focus();
    await page.keyboard.press('Space');
    await expect(queries).not.toBeChecked();
    await email.focus();
    await page.keyboard.press('Enter');
    await expect(form.getByRole('status')).toHaveText('Saved.');
    await page.reload();
    await expect(form.getByLabel('Email address')).toHaveValue(address);
    await expect(form.getByRole('checkbox', { name: 'A data query opened for my centre' })).not.toBeChecked();
    await expect(form.getByRole('checkbox', { name: /^A new serious adverse event/ })).toBeChecked();
    await shoot(page, 'account');
  });

  let before = 0;
  await test.step('the coordinator works on their worklist', async () => {
    await page.goto('/trials/pump-iii/worklist');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(bellOf(page)).toBeVisible();
    before = await unreadOn(page);
  });

  let queryId = 0;
  await test.step('meanwhile a monitor opens a query on one of the coordinator’s participants', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const monitor = await context.newPage();
    await new LoginPage(monitor).logInAs(demoUsers.monitor);
    await monitor.goto(`/trials/pump-iii/participants/${studyId}`);
    await expect(monitor.getByRole('heading', { level: 1 })).toContainText(studyId);
    const section = monitor.getByRole('region', { name: 'Data queries' });
    await section
      .getByLabel('Question')
      .pressSequentially('Please check the consent date against the signed form');
    await section.getByRole('button', { name: 'Open query' }).click();
    const status = section.getByRole('status').filter({ hasText: /Query \d+ opened/ });
    await expect(status).toBeVisible();
    queryId = Number(/Query (\d+) opened/.exec((await status.textContent()) ?? '')?.[1]);
    expect(queryId).toBeGreaterThan(0);
    await context.close();
  });

  await test.step('the coordinator’s bell shows the new notice on the open page, without a reload', async () => {
    await expect(bellOf(page)).toHaveAccessibleName(`Notifications, ${before + 1} unread`);
    await bellOf(page).click();
    const notice = page.getByRole('menuitem', { name: new RegExp(`Data query ${queryId} about ${studyId}`) });
    await expect(notice).toBeVisible();
    await notice.click();
    await expect(page).toHaveURL(/\/trials\/pump-iii\/queries/);
    await expect(bellOf(page)).toHaveAccessibleName(`Notifications, ${before} unread`);
    await page.goto('/notifications');
    await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    await expect(page.getByText(`[PUMP-III] Data query ${queryId} about ${studyId}`)).toBeVisible();
    await shoot(page, 'list');
    await new AppShell(page).logOut();
  });

  await test.step('no mail for the switched-off kind: the outbox has none for the coordinator', async () => {
    await new LoginPage(page).logInAs(demoUsers.admin);
    await page.goto('/admin/outbox');
    await expect(page.getByRole('heading', { level: 1, name: 'Mail outbox' })).toBeVisible();
    await expect(page.getByTestId('outbox-row').first()).toBeVisible();
    await expect(page.getByTestId('outbox-row').filter({ hasText: address })).toHaveCount(0);
  });
});
