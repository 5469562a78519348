// The login page, as a user sees it: two labelled fields and a button.
import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../demo-accounts';

export class LoginPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.username = page.getByLabel('Username');
    this.password = page.getByLabel(/^Password/);
    this.submit = page.getByRole('button', { name: 'Log in' });
    this.error = page.getByRole('alert');
  }

  async goto(): Promise<void> {
    await this.page.goto('/login');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  }

  /** Types the username and password key by key, as a person does, and submits. */
  async logIn(username: string, password = DEMO_PASSWORD): Promise<void> {
    await this.username.clear();
    await this.username.pressSequentially(username);
    await this.password.clear();
    await this.password.pressSequentially(password);
    await this.submit.click();
  }

  /** Logs in and waits for the dashboard. */
  async logInAs(username: string): Promise<void> {
    await this.goto();
    await this.logIn(username);
    await expect(this.page).toHaveURL(/\/trials\//);
  }
}
