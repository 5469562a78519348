// Issue 14, monitoring, typed key by key: the monitor's day (open a query on a participant, verify their
// casebook against the source, follow up on a site's answer) and the coordinator answering the queries
// waiting for the site. Screenshots at 1440 and 390 px, in English and Dutch, under
// test-results/screenshots/.
import { expect, test, type Page } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { ApiSession } from './support/api';
import { AppShell } from './support/app-shell';
import { LoginPage } from './support/login-page';
import { saveScreenshotsEverywhere } from './support/screenshots';

const trialPage = (path: string) => `/trials/pump-iii/${path}`;

function queryIdFrom(response: unknown): number {
  const id = (response as { result: { data: { queryId: number } } }).result.data.queryId;
  expect(id).toBeGreaterThan(0);
  return id;
}

const shoot = (page: Page, name: string) => saveScreenshotsEverywhere(page, 'monitoring', name);

test("monitor: open a query, verify a casebook, follow up on a site's answer", async ({ page, baseURL }) => {
  // Twelve full-page screenshots on a busy machine: a limit that catches a hang, never decides.
  test.setTimeout(300_000);
  const studyId = 'PUMP3-AVL-002';
  const question = `Consent date differs from the signed form (${Date.now().toString(36)})`;
  let queryId = 0;

  await test.step('log in as the monitor and open a participant', async () => {
    await new LoginPage(page).logInAs(demoUsers.monitor);
    await page.goto(trialPage(`participants/${studyId}`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(studyId);
  });

  await test.step('open a query on the participant, typing the question', async () => {
    const section = page.getByRole('region', { name: 'Data queries' });
    await section.getByLabel('Question').pressSequentially(question);
    await section.getByRole('button', { name: 'Open query' }).click();
    const status = section.getByRole('status').filter({ hasText: /Query \d+ opened/ });
    await expect(status).toBeVisible();
    queryId = Number(/Query (\d+) opened/.exec((await status.textContent()) ?? '')?.[1]);
    await expect(section.getByRole('article', { name: `Query ${queryId}` })).toContainText(question);
  });

  await test.step('verify the inclusion record against the source', async () => {
    const sdv = page.getByRole('region', { name: 'Source data verification' });
    // The demo has started this casebook: verify the first record not yet verified.
    const mark = sdv.getByRole('button', { name: /^Mark .+ verified$/ }).first();
    const name = (await mark.getAttribute('aria-label')) ?? '';
    const before = await sdv.getByText(/^✓ Verified by Demo monitor/).count();
    await mark.click();
    await expect(sdv.getByRole('status').filter({ hasText: 'Marked verified.' })).toBeVisible();
    await expect(sdv.getByRole('button', { name, exact: true })).toHaveCount(0);
    await expect(sdv.getByText(/^✓ Verified by Demo monitor/)).toHaveCount(before + 1);
    await shoot(page, 'participant');
  });

  await test.step('see the progress per centre and participant', async () => {
    await new AppShell(page).navLink('Source data verification').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Source data verification' })).toBeVisible();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: studyId }) });
    await expect(row).toBeVisible();
    await shoot(page, 'sdv');
  });

  await test.step('the site answers; the monitor sends it back with a typed comment', async () => {
    const site = await ApiSession.logIn(baseURL ?? '', demoUsers.coordinatorAvl);
    await site.mutate('queries.answer', { queryId, text: 'The form says 12 Jan; corrected in the source' });
    await site.dispose();
    await new AppShell(page).navLink('Data queries').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Data queries' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Answered' }).click();
    await page.getByRole('button', { name: `Show the conversation of query ${queryId}` }).click();
    const thread = page.getByRole('article', { name: `Query ${queryId}` });
    await expect(thread).toContainText('The form says 12 Jan');
    await thread.getByLabel(/Comment/).pressSequentially('Please also correct the inclusion record');
    await thread.getByRole('button', { name: 'Send back' }).click();
    // Sent back, it is open again: it leaves the answered list and shows among the open ones.
    const show = page.getByRole('button', { name: `Show the conversation of query ${queryId}` });
    await expect(show).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Open' }).click();
    await show.click();
    await expect(page.getByRole('article', { name: `Query ${queryId}` })).toContainText(
      'Please also correct the inclusion record',
    );
    await shoot(page, 'queries');
  });
});

test('coordinator: answer the queries waiting for the site', async ({ page, baseURL }) => {
  const monitor = await ApiSession.logIn(baseURL ?? '', demoUsers.monitor);
  const queryId = queryIdFrom(
    await monitor.mutate('queries.open', {
      trialId: 'pump-iii',
      studyId: 'PUMP3-EMC-004',
      field: 'surgeryDate',
      text: 'Surgery date in the OR report is a day later',
    }),
  );
  await monitor.dispose();

  await test.step('log in as the Erasmus MC coordinator and open the query list', async () => {
    await new LoginPage(page).logInAs(demoUsers.coordinatorEmc);
    await new AppShell(page).navLink('Data queries').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Data queries' })).toBeVisible();
    // Only the coordinator's own centre.
    const studyIds = await page.getByRole('row').getByRole('link').allTextContents();
    expect(studyIds.length).toBeGreaterThan(0);
    expect(studyIds.every((s) => s.startsWith('PUMP3-EMC-'))).toBe(true);
  });

  await test.step('answer, typing the answer', async () => {
    await page.getByRole('button', { name: `Show the conversation of query ${queryId}` }).click();
    const thread = page.getByRole('article', { name: `Query ${queryId}` });
    await expect(thread).toContainText('Surgery date in the OR report');
    await thread.getByLabel('Your answer').pressSequentially('Checked the OR report: the date is right');
    await thread.getByRole('button', { name: 'Send answer' }).click();
    // Answered: it leaves the list of open queries, and waits for the reviewer among the answered ones.
    const show = page.getByRole('button', { name: `Show the conversation of query ${queryId}` });
    await expect(show).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Answered' }).click();
    await show.click();
    await expect(page.getByRole('article', { name: `Query ${queryId}` })).toContainText(
      'Checked the OR report: the date is right',
    );
  });
});
