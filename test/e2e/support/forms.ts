// Form controls as a person works them: fields found by their labels, text typed key by key.
import { expect, type Locator, type Page } from '@playwright/test';
import { shown } from './dates';

/** An accessible name that is exactly this label, allowing the asterisk of a required field. */
export function named(label: string): RegExp {
  return new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);
}

/** Clears a text or number field and types the value key by key. */
export async function typeInto(field: Locator, value: string | number): Promise<void> {
  await field.clear();
  await field.pressSequentially(String(value));
}

/**
 * Enters a calendar date. The browser's own date input takes its segments in the browser's locale, so
 * there `fill` sets the ISO value; the app's own date field gets the date typed key by key as the app
 * writes it in the page's language, and is left with Tab (Enter would submit the form), after which it
 * must show that date.
 */
export async function typeDate(field: Locator, iso: string): Promise<void> {
  if ((await field.getAttribute('type')) === 'date') {
    await field.fill(iso);
    await expect(field).toHaveValue(iso);
    return;
  }
  const lang = (await field.page().locator('html').getAttribute('lang')) === 'nl' ? 'nl' : 'en';
  await field.clear();
  await field.pressSequentially(shown(iso, lang));
  await field.press('Tab');
  await expect(field).toHaveValue(shown(iso, lang));
}

/** Picks an option of a Mantine select (a text box with a listbox). */
export async function choose(page: Page, field: Locator, option: string | RegExp): Promise<void> {
  await field.click();
  await page
    .getByRole('listbox')
    .getByRole('option', { name: option, exact: typeof option === 'string' })
    .click();
}

/** Ticks the radio button of a labelled radio group. */
export async function answer(scope: Page | Locator, group: string | RegExp, option: string): Promise<void> {
  await scope
    .getByRole('radiogroup', { name: typeof group === 'string' ? named(group) : group })
    .getByRole('radio', { name: option, exact: true })
    .check();
}
