// Issue 14, a coordinator reports a serious adverse event on time, typed key by key: from a complication on
// the participant's page, "Report as SAE" opens the form (criteria, causality to each study intervention,
// expectedness of a related one, when the site became aware in Amsterdam time, a description); a time in
// the future is refused in the server's words under the date; sent, the SAE shows its 24-hour clock "on
// time"; a follow-up report is added and kept. Another centre's coordinator cannot see it. Screenshots at
// 1440 and 390 px, in English and Dutch.
import { expect, test, type Page } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { addDays, shown, today } from './support/dates';
import { choose, typeDate, typeInto } from './support/forms';
import { LoginPage } from './support/login-page';
import { saveScreenshotsEverywhere } from './support/screenshots';

// A participant of Erasmus MC whose pneumonia (22 Mar 2022) no demo SAE and no other journey reports.
const studyId = 'PUMP3-EMC-013';
const event = `Pneumonia (${shown('2022-03-22')})`;

const shoot = (page: Page, name: string) => saveScreenshotsEverywhere(page, 'sae-coordinator', name);

/** Two hours ago as the site's wall clock in Amsterdam: a date and an HH:mm. */
function twoHoursAgo(): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() - 2 * 3_600_000));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

test('coordinator: reports an SAE on time, sees its clock, adds a follow-up; another centre cannot see it', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const saes = page.getByRole('region', { name: 'Serious adverse events' });

  await test.step('the participant page offers "Report as SAE" on the complication', async () => {
    await new LoginPage(page).logInAs(demoUsers.coordinatorEmc);
    await new AppShell(page).openTrial('PUMP-III');
    await page.goto(`/trials/pump-iii/participants/${studyId}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(studyId);
    await expect(saes).toContainText('No serious adverse event is reported for this participant.');
    await saes.getByRole('button', { name: `Report as SAE: ${event}` }).click();
  });

  const form = page.getByRole('form', { name: `Report as SAE: ${event}` });
  const aware = twoHoursAgo();
  await test.step('the form, filled in key by key; a time in the future refused in the server’s words', async () => {
    const hospitalised = form.getByRole('checkbox', { name: 'Hospitalisation or its prolongation' });
    await hospitalised.focus();
    await page.keyboard.press('Space');
    await expect(hospitalised).toBeChecked();
    await choose(page, form.getByLabel('Causality to Floxuridine (FUDR)'), 'Not related');
    await choose(page, form.getByLabel('Causality to Implanted infusion pump'), 'Unlikely');
    await choose(page, form.getByLabel('Causality to Surgery with pump placement'), 'Possible');
    // Related to the surgery: expectedness against the protocol's list of expected surgical complications.
    const expected = form.getByRole('radiogroup', { name: /^Expected according to Protocol section 9/ });
    await expected.getByRole('radio', { name: 'Expected', exact: true }).check();
    await typeInto(form.getByLabel(/^Description/), 'Admitted for intravenous antibiotics (synthetic)');
    // Tomorrow at 09:00 has not happened yet: the server says so under the date.
    await typeDate(form.getByLabel(/^Date the site became aware/), addDays(today, 1));
    await typeInto(form.getByLabel(/^Time \(Amsterdam\)/), '09:00');
    await form.getByRole('button', { name: 'Report SAE' }).click();
    await expect(form.getByText(/^The site cannot have become aware of it later than now \(/)).toBeVisible();
    await shoot(page, 'form');
    await typeDate(form.getByLabel(/^Date the site became aware/), aware.date);
    await typeInto(form.getByLabel(/^Time \(Amsterdam\)/), aware.time);
    await form.getByLabel(/^Time \(Amsterdam\)/).press('Enter');
  });

  let saeTitle = '';
  await test.step('sent: the SAE with its 24-hour clock "on time"', async () => {
    const done = saes.getByRole('status');
    await expect(done).toHaveText(/^SAE \d+ reported: on time\.$/);
    const id = /^SAE (\d+)/.exec((await done.textContent()) ?? '')?.[1];
    saeTitle = `SAE ${id}: ${event}`;
    const card = saes.getByRole('article', { name: saeTitle });
    await expect(card).toContainText('Hospitalisation or its prolongation');
    await expect(card).toContainText('Surgery with pump placement: Possible (related, expected)');
    await expect(card).toContainText(/Initial report \(24 hours\):\s*On time \(due /);
    await expect(card).not.toContainText('SUSAR');
    await expect(form).toHaveCount(0);
    await shoot(page, 'reported');
  });

  await test.step('a follow-up report, kept in order', async () => {
    const card = saes.getByRole('article', { name: saeTitle });
    await card.getByRole('button', { name: /^Add follow-up to SAE \d+$/ }).click();
    const followUp = card.getByRole('form', { name: /^Add follow-up to SAE \d+$/ });
    const text = followUp.getByRole('textbox', { name: 'Follow-up report' });
    await typeInto(text, 'Discharged after five days; antibiotics stopped (synthetic)');
    await followUp.getByRole('button', { name: 'Add follow-up' }).click();
    await expect(card.getByRole('status')).toHaveText('Follow-up 1 added.');
    await expect(card.getByRole('listitem').filter({ hasText: 'Follow-up 1' })).toContainText(
      'Discharged after five days; antibiotics stopped (synthetic)',
    );
    await shoot(page, 'follow-up');
  });

  await test.step('the deviation log: automatic entries marked, one logged by hand for the centre', async () => {
    await new AppShell(page).navLink('Protocol deviations').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Protocol deviations' })).toBeVisible();
    const log = page.getByRole('table', { name: 'Protocol deviations, newest first' });
    await expect(log.getByText('Automatic (out of window)').first()).toBeVisible();
    // Only Erasmus MC's entries for its coordinator.
    await expect(log.getByRole('link', { name: /^PUMP3-(IJS|AVL)-/ })).toHaveCount(0);
    const form = page.getByRole('form', { name: 'Log a deviation' });
    await form.getByLabel('Category').selectOption({ label: 'Procedure' });
    await form.getByRole('radio', { name: 'Major' }).check();
    await typeDate(form.getByLabel(/^Date of the deviation/), today);
    const text = `Study drug stored above 25 °C for one night (synthetic ${Date.now().toString(36)})`;
    await typeInto(form.getByLabel(/^Description/), text);
    await typeInto(form.getByLabel('Corrective action'), 'Fridge replaced; pharmacy informed');
    await form.getByRole('button', { name: 'Log deviation' }).click();
    await expect(form.getByRole('status')).toHaveText(/^Deviation \d+ logged\.$/);
    const row = log.getByRole('row').filter({ hasText: text });
    // A deviation of the centre itself names the centre.
    await expect(row).toContainText('Centre Erasmus MC');
    await expect(row).toContainText('Major');
    await expect(row).toContainText('Demo coordinator Erasmus MC');
    await page.getByRole('combobox', { name: 'Severity' }).selectOption({ label: 'Major' });
    await expect(log.getByText('Automatic (out of window)')).toHaveCount(0);
    await expect(row).toBeVisible();
    await shoot(page, 'deviations');
  });

  await test.step('another centre’s coordinator sees neither the participant nor the SAE', async () => {
    const other = await (await browser.newContext()).newPage();
    await new LoginPage(other).logInAs(demoUsers.coordinatorAvl);
    await new AppShell(other).openTrial('PUMP-III');
    await new AppShell(other).navLink('Serious adverse events').click();
    await expect(other.getByRole('heading', { level: 1, name: 'Serious adverse events' })).toBeVisible();
    // The compact listing: its own centre's SAEs, each opened by its study ID.
    await expect(
      other.getByRole('button', { name: /^PUMP3-AVL-\d+: (SAE \d+|Death not reported)/ }).first(),
    ).toBeVisible();
    await expect(other.getByText(studyId)).toHaveCount(0);
    await other.goto(`/trials/pump-iii/participants/${studyId}`);
    await expect(other.getByRole('main').getByRole('alert')).toBeVisible();
    await expect(other.getByRole('article')).toHaveCount(0);
    await other.context().close();
  });
});
