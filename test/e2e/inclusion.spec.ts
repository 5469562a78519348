// Issue 4: a coordinator includes a participant in the recruiting trial (ARTERY-2, synthetic) through the
// checklist, while the PI's overview is open in a second browser: the PI's inclusion count rises without
// a reload. Along the way the checklist's live verdict and a refusal from the server, shown on its field.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { LoginPage } from './support/login-page';
import { OverviewPage } from './support/overview-page';
import { saveScreenshot } from './support/screenshots';

/** Calendar dates in Amsterdam, where the trial runs (the server's "today" is the same). */
const today = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());
const daysBefore = (days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

const named = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);

/** The inclusion checklist, found the way a user finds it: by labels and roles. */
class InclusionPage {
  readonly submit: Locator;
  readonly verdict: Locator;

  constructor(private readonly page: Page) {
    this.submit = page.getByRole('button', { name: 'Include', exact: true });
    this.verdict = page.locator('[data-eligibility]');
  }

  /** An input by its label; a required field's label ends in an asterisk. */
  field(label: string | RegExp): Locator {
    return this.page.getByLabel(typeof label === 'string' ? named(label) : label);
  }

  async answer(question: string, yes: boolean): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: named(question) })
      .getByRole('radio', { name: yes ? 'Yes' : 'No' })
      .check();
  }

  status(criterionId: string): Locator {
    return this.page.locator(`[data-criterion="${criterionId}"] [data-status]`);
  }
}

test('a coordinator includes a participant while the PI watches the count rise live', async ({ browser }) => {
  const piContext = await browser.newContext();
  const coordContext = await browser.newContext();
  const piPage = await piContext.newPage();
  const page = await coordContext.newPage();
  const overview = new OverviewPage(piPage);
  let before = { included: 0, target: 0 };

  await test.step('the PI opens the ARTERY-2 overview with live updates on', async () => {
    await new LoginPage(piPage).logInAs(demoUsers.pi);
    await new AppShell(piPage).openTrial('ARTERY-2');
    await expect(overview.live).toHaveAttribute('data-live', 'live');
    const [, included, target] = /^(\d+) \/ (\d+) /.exec(await overview.inclusion.innerText()) ?? [];
    before = { included: Number(included), target: Number(target) };
    expect(before.included).toBeLessThan(before.target);
    await piPage.evaluate(() => Object.assign(window, { notReloaded: true }));
  });

  const form = new InclusionPage(page);
  await test.step('the Erasmus MC coordinator opens the inclusion checklist of ARTERY-2', async () => {
    await new LoginPage(page).logInAs(demoUsers.coordinatorEmc);
    const shell = new AppShell(page);
    await shell.openTrial('ARTERY-2');
    await shell.navLink('Include').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Include a participant' })).toBeVisible();
    await expect(shell.syntheticBanner).toBeVisible();
  });

  await test.step('fills the checklist; the verdict follows every value', async () => {
    await form.field('Inclusion date').fill(daysBefore(1));
    await form.field('Informed consent signed on').fill(today); // after inclusion: refused below
    await form.field('Date of the laboratory values').fill(daysBefore(8));
    await page
      .getByRole('radiogroup', { name: named('Sex') })
      .getByRole('radio', { name: 'Female' })
      .check();
    await form.field('Age ≥ 18 years').fill('61');
    await form.field('ECOG performance status 0–2').fill('1');
    await form.field('ANC ≥ 1.5 ×10⁹/L').fill('3.1');
    await form.field('Platelets ≥ 75 ×10⁹/L').fill('210');
    await form.field('eGFR ≥ 45 mL/min').fill('74');
    await form.field(/^Total bilirubin < 2 × ULN: Upper limit of normal/).fill('17');
    // 34 µmol/L with ULN 17 is not below 2 × ULN: the checklist says so at once.
    await form.field('Total bilirubin < 2 × ULN').fill('34');
    await form.answer('Written informed consent signed', true);
    // An exclusion criterion answered "No" is absent: never "Met", which would read as if it applied.
    await form.answer('Pregnant or lactating', true);
    await expect(form.status('pregnantOrLactating')).toHaveText('Present');
    await form.answer('Pregnant or lactating', false);
    await expect(form.status('pregnantOrLactating')).toHaveText('Not present');
    await form.answer('Extrahepatic disease', false);
    await expect(form.status('extrahepaticDisease')).toHaveText('Not present');
    await expect(form.status('bilirubin')).toHaveText('Not met');
    await expect(form.verdict).toHaveAttribute('data-eligibility', 'not_eligible');
    await form.field('Total bilirubin < 2 × ULN').fill('12');
    await expect(form.status('bilirubin')).toHaveText('Met');
    await expect(form.verdict).toContainText('not met');
  });

  await test.step('the server refuses consent dated after inclusion, on that field', async () => {
    await form.submit.click();
    const consent = form.field('Informed consent signed on');
    await expect(consent).toHaveAttribute('aria-invalid', 'true');
    await expect(consent).toHaveAccessibleDescription(/Informed consent is dated after the inclusion date/);
    await expect(
      page.getByRole('alert').filter({ hasText: 'Not eligible: 1 criterion is not met' }),
    ).toBeVisible();
    await form.field('Informed consent signed on').fill(daysBefore(3));
    await expect(form.verdict).toHaveText('Eligible: every criterion is met.');
  });

  let studyId = '';
  await test.step('includes: a study ID comes back, and the PI’s count rises without a reload', async () => {
    const started = Date.now();
    await form.submit.click();
    const included = page.getByText(/^Included as ART2-EMC-\d{3}$/);
    await expect(included).toBeVisible();
    const saved = Date.now() - started;
    studyId = (await included.innerText()).replace('Included as ', '');
    const percent = Math.floor((100 * (before.included + 1)) / before.target);
    // No time limit of its own: how fast the update arrives is logged below, not decided by a timeout.
    await expect(overview.inclusion).toHaveText(`${before.included + 1} / ${before.target} (${percent}%)`);
    const live = Date.now() - started;
    console.info(`inclusion saved in ${saved} ms; PI overview updated ${live} ms after the click`);
    expect(await piPage.evaluate(() => 'notReloaded' in window)).toBe(true);
    // The include page's own count follows too (it said "N of T included" before).
    await expect(
      page.getByText(`ARTERY-2 · ${before.included + 1} of ${before.target} included`),
    ).toBeVisible();
  });

  await test.step('both pages are saved as screenshots', async () => {
    await expect(page.getByRole('link', { name: 'Record surgery and follow-up' })).toBeVisible();
    await saveScreenshot(page, 'inclusion-coordinator');
    await saveScreenshot(piPage, 'inclusion-pi-overview');
    expect(studyId).toMatch(/^ART2-EMC-\d{3}$/);
  });

  await piContext.close();
  await coordContext.close();
});
