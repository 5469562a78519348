// The frame around every page: header (trial switcher, language, user) and the side navigation.
import { expect, type Locator, type Page } from '@playwright/test';

export class AppShell {
  readonly navigation: Locator;
  readonly trialSwitcher: Locator;
  readonly syntheticBanner: Locator;

  constructor(private readonly page: Page) {
    this.navigation = page.getByRole('navigation', { name: /Main navigation|Hoofdnavigatie/ });
    this.trialSwitcher = page.getByRole('combobox', { name: /Select trial|Kies studie/ });
    this.syntheticBanner = page.getByRole('note', { name: /Synthetic demo data|Synthetische demodata/ });
  }

  /**
   * Switches trial and waits until the page on screen is that trial's. The select shows the new trial at
   * once, and the previous trial's page stays until React has rendered the next one, so reading the page
   * straight after the selection can read the previous trial's figures.
   */
  async openTrial(code: string): Promise<void> {
    const [trialId] = await this.trialSwitcher.selectOption({ label: code });
    expect(trialId).toBeTruthy();
    await expect(this.page.getByRole('main')).toHaveAttribute('data-trial', trialId ?? '');
  }

  async switchLanguage(language: 'English' | 'Nederlands'): Promise<void> {
    // Mantine draws the segmented control over visually hidden radios; a click on the radio is what the
    // label does for a mouse user. The name is exact: a page may offer a language of its own (the language of
    // one's mails on the account page).
    await this.page.getByRole('radio', { name: language, exact: true }).dispatchEvent('click');
    await expect(this.page.locator('html')).toHaveAttribute('lang', language === 'English' ? 'en' : 'nl');
  }

  navLink(name: string | RegExp): Locator {
    return this.navigation.getByRole('link', { name });
  }

  async logOut(): Promise<void> {
    await this.page.getByRole('button', { name: /Log out|Uitloggen/ }).click();
    await expect(this.page).toHaveURL(/\/login/);
  }
}
