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

  /** The trial memberships section of an account, opened from the keyboard with its "Trials" button. */
  async openMemberships(username: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Trials of ${username}` }).focus();
    await this.page.keyboard.press('Enter');
    const section = this.page.getByRole('region', { name: `Trial memberships of ${username}` });
    await expect(section).toBeVisible();
    return section;
  }

  /**
   * Adds the account to a trial or changes its role there, with key presses only: each select is focused
   * and its option typed (the browser's type-to-select), then Enter on the save button.
   */
  async setMembership(
    section: Locator,
    membership: { trial: string; role: string; centre?: string },
  ): Promise<void> {
    const form = section.getByRole('form', { name: 'Add to a trial or change the role' });
    await typeIntoSelect(form.getByLabel(/^Trial/), membership.trial);
    await typeIntoSelect(form.getByLabel(/^Role/), membership.role);
    if (membership.centre) await typeIntoSelect(form.getByLabel(/^Centre/), membership.centre);
    await form.getByRole('button', { name: 'Save membership' }).focus();
    await this.page.keyboard.press('Enter');
  }

  /** Ends a membership with the keyboard. */
  async removeMembership(section: Locator, username: string, trial: string): Promise<void> {
    await section.getByRole('button', { name: `Remove ${username} from ${trial}` }).focus();
    await this.page.keyboard.press('Enter');
  }
}

/** Chooses a native select's option by typing its label, as a keyboard user does; checks it took. */
async function typeIntoSelect(select: Locator, label: string): Promise<void> {
  await select.focus();
  await select.pressSequentially(label);
  await expect(select.locator('option:checked')).toHaveText(label);
}
