// The list pages' tables fit, in English and Dutch, at 1440 and 390 px: no table runs out of its box behind
// a sideways scroll bar (a column cut off at the edge, as the Dutch SAE listing's "Beoordeling
// hoofdonderzoeker" was) and no badge or button cuts its word with an ellipsis (the outbox's "Waiting" read
// "WAI…" at 1440 px). At 390 px the tables stack into labelled cards, so they fit there too.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { LoginPage } from './support/login-page';

/** Each page, and what shows that its list has loaded. */
const pages: { user: string; path: string; ready: (page: Page) => Locator }[] = [
  { user: demoUsers.pi, path: '/trials/pump-iii/saes', ready: (p) => p.getByTestId('sae-listing') },
  {
    user: demoUsers.pi,
    path: '/trials/pump-iii/deviations',
    ready: (p) =>
      p.getByRole('table', {
        name: /^(Protocol deviations, newest first|Protocolafwijkingen, nieuwste eerst)/,
      }),
  },
  {
    user: demoUsers.pi,
    path: '/trials/pump-iii/queries',
    ready: (p) => p.getByRole('button', { name: /^#\d+|query \d+/ }).first(),
  },
  { user: demoUsers.pi, path: '/trials/pump-iii/signatures', ready: (p) => p.getByTestId('casebooks') },
  { user: demoUsers.monitor, path: '/trials/pump-iii/sdv', ready: (p) => p.locator('main table').nth(1) },
  {
    user: demoUsers.pi,
    path: '/trials/pump-iii/participants',
    ready: (p) => p.getByRole('table', { name: /^(Participants|Deelnemers)/ }),
  },
  { user: demoUsers.admin, path: '/admin/outbox', ready: (p) => p.getByTestId('outbox-row').first() },
];

/** What in the page's tables is cut: a table wider than its scroll box, a badge or button label with an
 *  ellipsis, a row of choices wider than its place. */
async function cutOff(page: Page): Promise<string[]> {
  return page.locator('main').evaluate((main) => {
    const cut: string[] = [];
    for (const table of Array.from(main.querySelectorAll('table'))) {
      const box = table.closest('[tabindex="0"]') ?? table.parentElement;
      if (box && box.scrollWidth > box.clientWidth + 1)
        cut.push(
          `table "${table.caption?.textContent ?? table.querySelector('th')?.textContent ?? ''}" is ${box.scrollWidth - box.clientWidth} px wider than its box`,
        );
      for (const label of Array.from(table.querySelectorAll('.mantine-Badge-label, .mantine-Button-label')))
        if (label.scrollWidth > label.clientWidth + 1) cut.push(`"${label.textContent ?? ''}" is cut`);
    }
    // A row of choices above a list (the outbox's statuses) fits too, or stacks.
    for (const control of Array.from(main.querySelectorAll('.mantine-SegmentedControl-root'))) {
      const beyond = control.getBoundingClientRect().right > document.documentElement.clientWidth + 1;
      if (beyond || control.scrollWidth > control.clientWidth + 1)
        cut.push(`choices "${control.textContent ?? ''}" are cut`);
    }
    return cut;
  });
}

for (const { user, path, ready } of pages)
  test(`${path}: the tables fit, nothing cut, in English and Dutch at 1440 and 390 px`, async ({ page }) => {
    test.setTimeout(120_000);
    await new LoginPage(page).logInAs(user);
    await page.goto(path);
    const shell = new AppShell(page);
    for (const language of ['English', 'Nederlands'] as const) {
      await shell.switchLanguage(language);
      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await expect(ready(page)).toBeVisible();
        await expect.poll(() => cutOff(page), { message: `${language} at ${width} px` }).toEqual([]);
      }
    }
  });
