// Issue 14, the principal investigator reviews serious adverse events: the compact listing, one row per SAE
// with its initial report's clock in words (the demo's initial report made late), a row opened by keyboard
// to the SAE's card (its SUSAR sent to the authorities on time), filtered to the SAEs not yet reviewed, one
// opened and reviewed with a comment typed key by key and then shown as reviewed. The
// steering committee opens the same menu entry and sees counts only, no participant. Screenshots at 1440
// and 390 px, in English and Dutch.
import { expect, test, type Locator, type Page } from '@playwright/test';
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

  const listing = page.getByRole('table', {
    name: /^Serious adverse events in the order the sites became aware/,
  });
  /** The listing's row of a participant's SAE, found by its study ID button and words in the row. */
  const rowOf = (studyId: string, text: string | RegExp) =>
    listing
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: new RegExp(`^${studyId}: `) }) })
      .filter({ hasText: text });
  /** Opens (or closes) a row as a keyboard user does: focus on its study ID button, then Enter. */
  const toggleRow = async (button: Locator) => {
    await button.focus();
    await page.keyboard.press('Enter');
  };

  await test.step('the listing: counts, then one compact row per SAE with its clock in words', async () => {
    await new LoginPage(page).logInAs(demoUsers.pi);
    await shell.openTrial('PUMP-III');
    await shell.navLink('Serious adverse events').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Serious adverse events' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Counts' })).toContainText('SUSARs');
    for (const header of ['Study ID', 'Centre', 'Site aware', 'Initial report (24 hours)', 'PI review'])
      await expect(listing.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
    // The demo's late initial report (a death at IJsselland reported 30 hours after the site knew), in words
    // in its row, with the centre by name; no card is open yet.
    const late = rowOf('PUMP3-IJS-002', 'Late by 6 hours');
    await expect(late).toHaveCount(1);
    await expect(late).toContainText('IJsselland Ziekenhuis');
    await expect(late).toContainText('Death');
    await expect(page.getByRole('article')).toHaveCount(0);
    await shoot(page, 'listing');
    // Opened, its card gives the clock with its due time; closed again, the card goes.
    const lateOpen = late.getByRole('button', { name: /^PUMP3-IJS-002: / });
    await toggleRow(lateOpen);
    const lateCard = listing.getByRole('article');
    await expect(lateCard).toContainText(/Initial report \(24 hours\):\s*Late by 6 hours \(due /);
    await toggleRow(lateOpen);
    await expect(lateCard).toHaveCount(0);
  });

  await test.step('a row opens the SAE’s card by keyboard: the SUSAR with its clock and submission', async () => {
    const susarRow = rowOf('PUMP3-EMC-005', 'SUSAR sent');
    await expect(susarRow).toHaveCount(1);
    const open = susarRow.getByRole('button', { name: /^PUMP3-EMC-005: SAE \d+: / });
    await expect(open).toHaveAttribute('aria-expanded', 'false');
    const title = ((await open.getAttribute('aria-label')) ?? '').replace(/^PUMP3-EMC-005: /, '');
    await toggleRow(open);
    await expect(open).toHaveAttribute('aria-expanded', 'true');
    const susar = page.getByRole('article', { name: title });
    await expect(susar).toContainText(/SUSAR report \((7|15) days\):\s*On time \(due /);
    await expect(susar).toContainText(/^.*SUSAR reported by .+: .+/);
    await expect(page.getByRole('link', { name: 'Participant page of PUMP3-EMC-005' })).toBeVisible();
    await shoot(page, 'listing-open');
    await toggleRow(open);
    await expect(susar).toHaveCount(0);
  });

  await test.step('not reviewed: an SAE opened by keyboard and reviewed with a comment', async () => {
    await page.getByLabel('Show').selectOption({ label: 'Not reviewed' });
    const row = listing
      .getByRole('row')
      .filter({ hasText: /Not reviewed$/ })
      .first();
    await expect(row).toBeVisible();
    const open = row.getByRole('button', { name: /^PUMP3-[A-Z]+-\d+: SAE \d+: / });
    const name = (await open.getAttribute('aria-label')) ?? '';
    const title = name.replace(/^PUMP3-[A-Z]+-\d+: /, '');
    const id = /^SAE (\d+):/.exec(title)?.[1] ?? '';
    expect(id).not.toBe('');
    await toggleRow(open);
    const card = page.getByRole('article', { name: title });
    await card.getByRole('button', { name: `Review SAE ${id}` }).click();
    const review = card.getByRole('form', { name: `Review SAE ${id}` });
    await typeInto(review.getByLabel('Review comment (optional)'), 'Seen; causality agreed (synthetic)');
    await shoot(page, 'review');
    await review.getByRole('button', { name: 'Mark reviewed' }).click();
    // Reviewed, it leaves the "not reviewed" list; under "All" its row says so and its card shows the review.
    await expect(listing.getByRole('button', { name, exact: true })).toHaveCount(0);
    await page.getByLabel('Show').selectOption({ label: 'All' });
    const again = listing.getByRole('button', { name, exact: true });
    const againRow = listing
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name, exact: true }) });
    await expect(againRow).toContainText(/Reviewed$/);
    await toggleRow(again);
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
    await expect(steering.getByTestId('sae-listing')).toHaveCount(0);
    await expect(steering.getByText(/PUMP3-/)).toHaveCount(0);
    await saveScreenshotsEverywhere(steering, 'sae-steering', 'counts');
    await steering.context().close();
  });
});
