// The screenshot walk (issue 10 §1): every page every role can open, at 1440 px and 390 px, in English and
// Dutch, saved as test-results/screenshots/walk/<role>-<page>-<width>-<language>.png for a person to look
// at. Not part of `pnpm test:e2e`: run it with `pnpm screenshots`. It also fails on what a machine can see
// without a person: a page wider than the screen, a page that could not load, or a raw message key.
import { expect, test, type Page } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { LoginPage } from './support/login-page';

const TRIAL = 'pump-iii';
const PARTICIPANT = 'PUMP3-EMC-001';

/** Pages by name → path; each role walks the ones its menu offers, plus a participant's page and record. */
const PAGES: Record<string, string> = {
  overview: `/trials/${TRIAL}`,
  participants: `/trials/${TRIAL}/participants`,
  participant: `/trials/${TRIAL}/participants/${PARTICIPANT}`,
  record: `/trials/${TRIAL}/participants/${PARTICIPANT}/record`,
  worklist: `/trials/${TRIAL}/worklist`,
  screening: `/trials/${TRIAL}/screening`,
  include: `/trials/${TRIAL}/include`,
  outcomes: `/trials/${TRIAL}/outcomes`,
  safety: `/trials/${TRIAL}/safety`,
  consort: `/trials/${TRIAL}/consort`,
  'data-cuts': `/trials/${TRIAL}/data-cuts`,
  report: `/trials/${TRIAL}/report`,
  signatures: `/trials/${TRIAL}/signatures`,
  locks: `/trials/${TRIAL}/locks`,
  saes: `/trials/${TRIAL}/saes`,
  deviations: `/trials/${TRIAL}/deviations`,
  // The demo's casebook signed and then re-opened by a correction, and its casebook with a locked visit.
  'signed-participant': `/trials/${TRIAL}/participants/PUMP3-IJS-004`,
  'locked-record': `/trials/${TRIAL}/participants/PUMP3-IJS-005/record`,
  account: '/account',
  users: '/admin/users',
  audit: '/admin/audit',
  // The data manager's import page (its report: journey-import.spec.ts screenshots).
  import: `/trials/${TRIAL}/import`,
};

const ROLES: Record<string, { user: string; pages: string[] }> = {
  admin: { user: demoUsers.admin, pages: Object.keys(PAGES) },
  pi: {
    user: demoUsers.pi,
    pages: Object.keys(PAGES).filter((name) => !['users', 'audit', 'import'].includes(name)),
  },
  coordinator: {
    user: demoUsers.coordinatorEmc,
    pages: ['overview', 'participants', 'participant', 'record', 'worklist', 'screening', 'include'].concat([
      'outcomes',
      'safety',
      'consort',
      'data-cuts',
      'report',
      'account',
      'signatures',
      'locks',
      'saes',
      'deviations',
    ]),
  },
  steering: {
    user: demoUsers.steering,
    pages: [
      'overview',
      'outcomes',
      'safety',
      'consort',
      'data-cuts',
      'report',
      'account',
      'participant',
    ].concat(['saes', 'deviations']),
  },
  monitor: {
    user: demoUsers.monitor,
    pages: ['overview', 'participants', 'participant', 'worklist', 'screening', 'outcomes', 'safety'].concat([
      'consort',
      'data-cuts',
      'report',
      'account',
      'record',
      'signatures',
      'locks',
      'saes',
      'deviations',
      'signed-participant',
    ]),
  },
};

const WIDTHS = [1440, 390] as const;
const LANGUAGES = ['en', 'nl'] as const;

/** The language a person picks in the header, kept by the app in localStorage; set before the page loads. */
async function useLanguage(page: Page, language: (typeof LANGUAGES)[number]): Promise<void> {
  await page.evaluate((lang) => window.localStorage.setItem('trialdesk.lang', lang), language);
}

async function settle(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^(Loading|Laden)/ })).toHaveCount(0);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300))));
}

for (const width of WIDTHS)
  for (const language of LANGUAGES)
    test(`the login page at ${width} px in ${language}`, async ({ page }) => {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.goto('/login');
      await useLanguage(page, language);
      await page.reload();
      await settle(page);
      await page.screenshot({
        path: `test-results/screenshots/walk/anonymous-login-${width}-${language}.png`,
      });
    });

for (const [role, { user, pages }] of Object.entries(ROLES))
  for (const width of WIDTHS)
    test(`${role} at ${width} px, English and Dutch`, async ({ page }) => {
      test.setTimeout(300_000);
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await new LoginPage(page).logInAs(user);
      const problems: string[] = [];
      for (const language of LANGUAGES) {
        await useLanguage(page, language);
        for (const name of pages) {
          const path = PAGES[name] ?? '/';
          await page.goto(path);
          await settle(page);
          await page.screenshot({
            path: `test-results/screenshots/walk/${role}-${name}-${width}-${language}.png`,
            fullPage: true,
          });
          const where = `${role} ${name} ${width} ${language}`;
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          if (overflow > 0) problems.push(`${where}: ${overflow} px wider than the screen`);
          const text = await page.locator('body').innerText();
          if (/Could not load this page|Kon deze pagina niet laden/.test(text))
            problems.push(`${where}: could not load`);
          // A text on its own that is one camelCase word is a message key or a field name that reached
          // the screen (units and abbreviations such as mL, eGFR or hDFS start with one small letter).
          const raw = await page.evaluate(() => {
            const found = new Set<string>();
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const text = node.textContent?.trim() ?? '';
              if (/^[a-z]{2,}[A-Z][A-Za-z]*$/.test(text)) found.add(text);
            }
            return [...found];
          });
          if (raw.length > 0) problems.push(`${where}: raw names ${raw.join(', ')}`);
        }
      }
      await test.info().attach('problems', { body: problems.join('\n') || 'none' });
      expect(problems).toEqual([]);
    });
