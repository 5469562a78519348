// "Your account": the user's own details and the change of their own password, typed key by key.
import { expect, type Locator, type Page } from '@playwright/test';

const labels = {
  en: {
    heading: 'Your account',
    current: 'Current password',
    next: 'New password',
    repeat: 'Repeat new password',
    submit: 'Change password',
  },
  nl: {
    heading: 'Uw account',
    current: 'Huidig wachtwoord',
    next: 'Nieuw wachtwoord',
    repeat: 'Herhaal nieuw wachtwoord',
    submit: 'Wachtwoord wijzigen',
  },
} as const;

export class AccountPage {
  readonly form: Locator;
  readonly current: Locator;
  readonly next: Locator;
  readonly repeat: Locator;
  readonly submit: Locator;
  readonly heading: Locator;

  constructor(
    private readonly page: Page,
    lang: 'en' | 'nl' = 'en',
  ) {
    const l = labels[lang];
    this.heading = page.getByRole('heading', { level: 1, name: l.heading });
    this.form = page.getByRole('form', { name: l.submit });
    this.current = this.form.getByLabel(new RegExp(`^${l.current}`));
    this.next = this.form.getByLabel(new RegExp(`^${l.next}`));
    this.repeat = this.form.getByLabel(new RegExp(`^${l.repeat}`));
    this.submit = this.form.getByRole('button', { name: l.submit });
  }

  async expectOpen(): Promise<void> {
    await expect(this.page).toHaveURL(/\/account$/);
    await expect(this.heading).toBeVisible();
  }

  /** Types the three passwords (each field cleared first) and submits. */
  async change(current: string, next: string, repeat = next): Promise<void> {
    for (const [field, value] of [
      [this.current, current],
      [this.next, next],
      [this.repeat, repeat],
    ] as const) {
      await field.clear();
      await field.pressSequentially(value);
    }
    await this.submit.click();
  }
}
