// Data cuts as a PI freezes and chooses them.
import { expect, type Page } from '@playwright/test';
import { typeDate, typeInto } from './forms';

/** Freezes a data cut on the Data cuts page (already open) and waits for it in the list. */
export async function freezeCut(page: Page, label: string, asOf: string): Promise<void> {
  await typeInto(page.getByLabel('Label'), label);
  await typeDate(page.getByLabel('As-of date'), asOf);
  await page.getByRole('button', { name: 'Freeze data cut' }).click();
  await expect(page.getByText(`Data cut "${label}" frozen`)).toBeVisible();
  await expect(page.getByTestId('cut-list').getByRole('cell', { name: label, exact: true })).toBeVisible();
}

/** Chooses a cut in the "Data" select of a committee page. */
export async function chooseCut(page: Page, label: string): Promise<void> {
  const select = page.getByRole('combobox', { name: /^(Data|Gegevens)$/ });
  const option = page.getByRole('option', { name: new RegExp(label) });
  // The list of cuts arrives with its own request: open the dropdown until the cut is offered.
  await expect(async () => {
    if (!(await option.isVisible())) await select.click();
    await expect(option).toBeVisible({ timeout: 1000 });
  }).toPass();
  await option.click();
  await expect(page).toHaveURL(/\?cut=\d+/);
}
