// The Users page (administrators): the account list and its dialogs, driven as a person does it, with
// real key presses in every text field.
import { expect, type Locator, type Page } from '@playwright/test';

export interface NewAccount {
  username: string;
  displayName: string;
  /** Role label as shown in the select, e.g. 'Centre coordinator'. */
  role: string;
  /** Centre name as shown in the select (coordinators only). */
  centre?: string;
  password: string;
}

export class UsersPage {
  readonly table: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByTestId('user-list');
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/users');
    await expect(this.page.getByRole('heading', { level: 1, name: /^(Users|Gebruikers)$/ })).toBeVisible();
  }

  row(username: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: username }) });
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  notice(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  async create(account: NewAccount): Promise<void> {
    await this.page.getByRole('button', { name: 'Create user' }).click();
    const dialog = this.dialog('Create a user');
    await dialog.getByLabel(/^Username/).pressSequentially(account.username);
    await dialog.getByLabel(/^Display name/).pressSequentially(account.displayName);
    await dialog.getByLabel(/^Role/).selectOption({ label: account.role });
    if (account.centre) await dialog.getByLabel(/^Centre/).selectOption({ label: account.centre });
    await dialog.getByLabel(/^Initial password/).pressSequentially(account.password);
    await dialog.getByLabel(/^Repeat the password/).pressSequentially(account.password);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.notice(`User ${account.username} created.`)).toBeVisible();
  }

  /** Opens Edit for an account, replaces the display name key by key, and changes role and centre. */
  async edit(
    username: string,
    changes: { displayName?: string; role?: string; centre?: string },
  ): Promise<Locator> {
    await this.page.getByRole('button', { name: `Edit ${username}` }).click();
    const dialog = this.dialog(`Edit ${username}`);
    if (changes.displayName !== undefined) {
      const name = dialog.getByLabel(/^Display name/);
      await name.press('ControlOrMeta+a');
      await name.press('Backspace');
      await name.pressSequentially(changes.displayName);
      await expect(name).toHaveValue(changes.displayName);
    }
    if (changes.role) await dialog.getByLabel(/^Role/).selectOption({ label: changes.role });
    if (changes.centre) await dialog.getByLabel(/^Centre/).selectOption({ label: changes.centre });
    return dialog;
  }

  async resetPassword(username: string, password: string): Promise<void> {
    await this.page.getByRole('button', { name: `Reset password for ${username}` }).click();
    const dialog = this.dialog(`Reset the password of ${username}`);
    await dialog.getByLabel(/^New password/).pressSequentially(password);
    await dialog.getByLabel(/^Repeat the password/).pressSequentially(password);
    await expect(dialog.getByLabel(/^New password/)).toHaveValue(password);
    await dialog.getByRole('button', { name: 'Reset password' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.notice(new RegExp(`Password of ${username} reset`))).toBeVisible();
  }

  async deactivate(username: string): Promise<void> {
    await this.page.getByRole('button', { name: `Deactivate ${username}` }).click();
    const dialog = this.dialog(`Deactivate ${username}?`);
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.notice(`${username} deactivated; 0 sessions ended.`)).toBeVisible();
  }
}
