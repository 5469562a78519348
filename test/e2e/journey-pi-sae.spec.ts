// Issue 14, the principal investigator reviews serious adverse events: the listing per participant with
// the clocks (the demo's initial report made late, its SUSAR sent to the authorities on time), filtered to
// the SAEs not yet reviewed, one reviewed with a comment typed key by key and then shown as reviewed. The
// steering committee opens the same menu entry and sees counts only, no participant. Screenshots at 1440
// and 390 px, in English and Dutch.
import { expect, test, type Page } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { typeInto } from './support/forms';
import { LoginPage } from './support/login-page';
import { saveScreenshotsEverywhere } from './support/screenshots';

const shoot = (page: Page, name: string) => saveScreenshotsEverywhere(page, 'sae-pi', name);

test('PI: the SAE listing with its clocks, a review with a comment; the steering committee sees counts only', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const shell = new AppShell(page);

  await test.step('the listing: counts, the late report and the SUSAR', async () => {
    await new LoginPage(page).logInAs(demoUsers.pi);
    await shell.openTrial('PUMP-III');
    await shell.navLink('Serious adverse events').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Serious adverse events' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Counts' })).toContainText('SUSARs');
    // The demo's late initial report (a death at IJsselland reported 30 hours after the site knew).
    const late = page.getByRole('region', { name: 'Participant PUMP3-IJS-002' }).getByRole('article');
    await expect(late).toContainText(/Initial report \(24 hours\):\s*Late by 6 hours \(due /);
    // The demo's SUSAR, with its 7-day clock (life-threatening) and its submission.
    const susar = page
      .getByRole('region', { name: 'Participant PUMP3-EMC-005' })
      .getByRole('article')
      .filter({ hasText: 'SUSAR' });
    await expect(susar).toContainText(/SUSAR report \((7|15) days\):\s*On time \(due /);
    await expect(susar).toContainText(/^.*SUSAR reported by .+: .+/);
    await shoot(page, 'listing');
  });

  await test.step('not reviewed: the newest SAE, reviewed with a comment', async () => {
    await page.getByLabel('Show').selectOption({ label: 'Not reviewed' });
    const card = page.getByRole('article').filter({ hasText: 'Not reviewed' }).first();
    await expect(card).toBeVisible();
    const title = (await card.getAttribute('aria-label')) ?? '';
    const id = /^SAE (\d+):/.exec(title)?.[1] ?? '';
    expect(id).not.toBe('');
    await card.getByRole('button', { name: `Review SAE ${id}` }).click();
    const review = card.getByRole('form', { name: `Review SAE ${id}` });
    await typeInto(review.getByLabel('Review comment (optional)'), 'Seen; causality agreed (synthetic)');
    await shoot(page, 'review');
    await review.getByRole('button', { name: 'Mark reviewed' }).click();
    // Reviewed, it leaves the "not reviewed" list; shown with its review under "All".
    await expect(page.getByRole('article', { name: title })).toHaveCount(0);
    await page.getByLabel('Show').selectOption({ label: 'All' });
    const reviewed = page.getByRole('article', { name: title });
    await expect(reviewed).toContainText(
      /Reviewed by Demo principal investigator, .+: Seen; causality agreed \(synthetic\)/,
    );
    await expect(reviewed.getByRole('button', { name: /^Review/ })).toHaveCount(0);
  });

  await test.step('the steering committee sees the counts only', async () => {
    const steering = await (await browser.newContext()).newPage();
    await new LoginPage(steering).logInAs(demoUsers.steering);
    const other = new AppShell(steering);
    await other.openTrial('PUMP-III');
    await other.navLink('Serious adverse events').click();
    await expect(steering.getByRole('heading', { level: 1, name: 'Serious adverse events' })).toBeVisible();
    await expect(steering.getByRole('region', { name: 'Counts' })).toContainText('SUSARs');
    await expect(steering.getByRole('table', { name: 'SAEs per centre' })).toBeVisible();
    await expect(steering.getByRole('article')).toHaveCount(0);
    await expect(steering.getByText(/PUMP3-/)).toHaveCount(0);
    await saveScreenshotsEverywhere(steering, 'sae-steering', 'counts');
    await steering.context().close();
  });
});
