// Issue 10 §2, the numbers and words a clinician acts on: each step shows, as a person sees it, one defect
// that was fixed (milestones, treatment counts, failure wording, screening outcomes, safety, the worklist,
// cycle deviations). Demo as of 2026-11-26 (start-server.mjs).
import { expect, test } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { LoginPage } from './support/login-page';
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
