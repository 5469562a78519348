// Issue 10 §1, a centre coordinator's day, typed key by key: log a screened candidate (in Dutch), include
// the next one through the checklist (ineligible, then eligible), record surgery and pump, every cycle
// (one early, one late), an assessment, a complication and an event, correct one record and void another,
// and end on the worklist, which shows exactly what is still due for this participant.
// ARTERY-2 at IJsselland (no other journey includes there); all dates count back from today, so the
// journey holds on any day: inclusion 115 days ago puts the month 3 assessment past its window and the
// month 6 window beyond this month.
import { expect, test } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { AppShell } from './support/app-shell';
import { addDays, addMonths, daysAgo, daysBetween, shown, today } from './support/dates';
import { answer, choose, named, typeDate, typeInto } from './support/forms';
import { InclusionPage } from './support/inclusion-page';
import { LoginPage } from './support/login-page';
import { RecordPage } from './support/record-page';
import { saveScreenshot } from './support/screenshots';

const inclusion = daysAgo(115);
const surgery = addDays(inclusion, 5);
// ARTERY-2: cycle 1 from 21 to 56 days after the pump, then every 21 days from the previous day 1.
const cycles: readonly [{ date: string; planned: string }, ...{ date: string; planned: string }[]] = [
  { date: addDays(surgery, 15), planned: addDays(surgery, 21) }, // early: before the window opens
  { date: addDays(surgery, 15 + 21 + 9), planned: addDays(surgery, 15 + 21) }, // 9 days late
  { date: addDays(surgery, 45 + 21), planned: addDays(surgery, 45 + 21) },
  { date: addDays(surgery, 66 + 21), planned: addDays(surgery, 66 + 21) },
];

test('coordinator: screening, inclusion, treatment, follow-up, corrections and the worklist', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const shell = new AppShell(page);
  const record = new RecordPage(page);
  const form = new InclusionPage(page);
  let studyId = '';

  await test.step('log in at IJsselland and open ARTERY-2', async () => {
    await new LoginPage(page).logInAs(demoUsers.coordinatorIjsselland);
    await expect(page).toHaveURL(/\/worklist$/);
    await shell.openTrial('ARTERY-2');
  });

  await test.step('in Dutch: log a screened candidate who fails the platelet count', async () => {
    await shell.switchLanguage('Nederlands');
    await shell.navLink('Screening').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Screeninglog' })).toBeVisible();
    const form = page.getByRole('form', { name: 'Gescreende kandidaat loggen' });
    await typeDate(form.getByLabel(named('Screeningdatum')), daysAgo(120));
    await answer(form, 'Uitkomst', 'Niet geschikt');
    await choose(page, form.getByLabel(/^Niet-voldane criteria/), /^Trombocyten/);
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: 'Screening loggen' }).click();
    const logged = form.getByRole('status').filter({ hasText: /^Gelogd als SCR-IJS-\d{3}\.$/ });
    await expect(logged).toBeVisible();
    const number = /SCR-IJS-\d{3}/.exec(await logged.innerText())?.[0] ?? '';
    const row = page
      .getByRole('table', { name: 'Screenings, nieuwste eerst' })
      .getByRole('row')
      .filter({ hasText: number });
    await expect(row).toContainText('Niet geschikt');
    await expect(row).toContainText('Trombocyten');
    await expect(row).toContainText(shown(daysAgo(120), 'nl'));
    await saveScreenshot(page, 'journey-coordinator-screening-1440-nl');
    await shell.switchLanguage('English');
  });

  await test.step('the checklist: not eligible on platelets, then eligible', async () => {
    await shell.navLink('Include').click();
    await form.fillEligibleExceptPlatelets(inclusion);
    await form.platelets(60);
    await expect(form.status('platelets')).toHaveText('Not met');
    await expect(form.status('extrahepaticDisease')).toHaveText('Not present');
    await expect(form.verdict).toHaveAttribute('data-eligibility', 'not_eligible');
    await expect(form.verdict).toContainText('Not eligible: 1 criterion not met.');
    await form.platelets(210);
    await expect(form.status('platelets')).toHaveText('Met');
    await expect(form.verdict).toHaveText('Eligible: every criterion is met.');
  });

  await test.step('include: a study ID at IJsselland comes back', async () => {
    studyId = await form.include();
    expect(studyId).toMatch(/^ART2-IJS-\d{3}$/);
    await page.getByRole('link', { name: 'Record surgery and follow-up' }).click();
    await expect(record.heading).toHaveText(`Record data · ${studyId}`);
    await expect(record.summary).toContainText(`Included ${shown(inclusion)}`);
    await expect(record.records).toHaveCount(0);
  });

  await test.step('the worklist reminds to record the surgery, 94 days overdue', async () => {
    // ARTERY-2 plans surgery within 21 days of inclusion: 115 − 21 = 94 days overdue today.
    await shell.navLink('Worklist').click();
    const reminder = page
      .getByRole('region', { name: 'ARTERY-2' })
      .getByRole('table', { name: 'Records to enter after inclusion' })
      .getByRole('row')
      .filter({ hasText: studyId });
    await expect(reminder).toContainText('Surgery and pump placement');
    await expect(reminder).toContainText(shown(addDays(inclusion, 21)));
    await expect(reminder).toContainText('94 days overdue');
    await reminder.getByRole('link', { name: `Record data for ${studyId}` }).click();
    await expect(record.heading).toHaveText(`Record data · ${studyId}`);
  });

  await test.step('surgery and pump', async () => {
    await record.recordSurgery(surgery, surgery);
    await expect(record.notice).toHaveText('Saved.');
    await expect(record.summary).toHaveText(
      `Included ${shown(inclusion)} · surgery ${shown(surgery)} · pump ${shown(surgery)}`,
    );
  });

  await test.step('cycle 1, given early: announced as a protocol deviation', async () => {
    await record.recordCycle(1, {
      date: cycles[0].date,
      flow: '1.9',
      dose: '14.5',
      planned: shown(cycles[0].planned),
    });
    await expect(record.notice).toContainText(
      `Outside the window ${shown(addDays(surgery, 21))} – ${shown(addDays(surgery, 56))}: recorded as a protocol deviation`,
    );
    await expect(record.row('Cycle 1')).toContainText('14.5 mg');
  });

  await test.step('cycles 2 (late), 3 and 4, each planned from the day 1 before it', async () => {
    for (const [i, c] of cycles.entries()) {
      if (i === 0) continue;
      await record.recordCycle(i + 1, { date: c.date, flow: '2', dose: '15', planned: shown(c.planned) });
      await expect(record.row(`Cycle ${i + 1}`)).toContainText(shown(c.date));
    }
    // All four given: no further pump visit to record.
    await expect(page.getByRole('button', { name: 'Pump visit', exact: true })).toHaveCount(0);
  });

  await test.step('the month 1 assessment', async () => {
    await record.recordAssessment(/^Month 1 · /, {
      date: addDays(inclusion, 30),
      cea: '3.2',
      imaging: 'No recurrence',
    });
    await expect(record.notice).toHaveText('Saved.');
    await expect(record.row('Assessment month 1')).toContainText('No recurrence · CEA 3.2');
  });

  await test.step('a complication and a recurrence', async () => {
    let dialog = await record.open('Event', 'Event');
    await choose(page, record.field(dialog, 'Event'), 'Complication');
    await typeDate(record.field(dialog, 'Onset'), addDays(surgery, 12));
    await typeInto(record.field(dialog, 'Complication'), 'Wound infection (synthetic)');
    await choose(page, record.field(dialog, 'Category'), 'Surgical');
    await choose(page, record.field(dialog, 'Grade'), 'II');
    await record.save(dialog);
    await expect(record.row('Complication')).toContainText('Wound infection (synthetic) · CD II');

    dialog = await record.open('Event', 'Event');
    await choose(page, record.field(dialog, 'Event'), 'Recurrence');
    await typeDate(record.field(dialog, 'Date'), addDays(inclusion, 100));
    await choose(page, record.field(dialog, 'Site'), 'Extrahepatic');
    await record.save(dialog);
    await expect(record.row('Recurrence')).toContainText('Extrahepatic');
  });

  await test.step('correct the month 1 CEA with a reason', async () => {
    await record.action('Correct', /Assessment month 1/).click();
    const dialog = record.dialog(/^Correct: Assessment month 1/);
    await typeInto(record.field(dialog, 'CEA (µg/L)'), '4.1');
    await typeInto(record.field(dialog, 'Reason for the correction'), 'Transcription error (synthetic)');
    await record.save(dialog);
    await expect(record.notice).toContainText('Corrected');
    await expect(record.row('Assessment month 1')).toContainText('CEA 4.1');
  });

  await test.step('void the recurrence, entered for the wrong participant: it stays, struck through', async () => {
    await record.action('Void', /Recurrence/).click();
    const dialog = record.dialog(/^Void: Recurrence/);
    await typeInto(record.field(dialog, 'Reason for voiding'), 'Wrong participant (synthetic)');
    await record.save(dialog, /^Void$/);
    await expect(record.notice).toHaveText('Voided.');
    const voided = record.row('Recurrence');
    await expect(voided).toContainText('Voided: Wrong participant (synthetic)');
    await expect(record.action('Correct', /Recurrence/)).toHaveCount(0);
    await saveScreenshot(page, 'journey-coordinator-record-1440-en');
  });

  await test.step('the worklist lists exactly the month 3 assessment for this participant', async () => {
    await shell.navLink('Worklist').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Worklist' })).toBeVisible();
    const trial = page.getByRole('region', { name: 'ARTERY-2' });
    const mine = trial.getByRole('row').filter({
      has: page.getByRole('link', {
        name: new RegExp(`^(Record data for|Gegevens registreren voor) ${studyId}$`),
      }),
    });
    await expect(mine).toHaveCount(1);
    const overdue = trial.getByRole('table', { name: 'Assessments overdue' });
    const month3 = overdue.getByRole('row').filter({ hasText: studyId });
    await expect(month3).toContainText('Month 3');
    // Days overdue count from the window's end (month 3 ± 14 days) to today.
    const windowEnd = addDays(addMonths(inclusion, 3), 14);
    await expect(month3).toContainText(`${daysBetween(windowEnd, today)} days overdue`);
    // The surgery is recorded: no reminder for it any more.
    await expect(
      trial
        .getByRole('table', { name: 'Records to enter after inclusion' })
        .getByRole('row')
        .filter({ hasText: studyId }),
    ).toHaveCount(0);
    await saveScreenshot(page, 'journey-coordinator-worklist-1440-en');
    await shell.switchLanguage('Nederlands');
    await expect(page.getByRole('heading', { level: 1, name: 'Werklijst' })).toBeVisible();
    await expect(
      trial.getByRole('table', { name: 'Evaluaties te laat' }).getByRole('row').filter({ hasText: studyId }),
    ).toContainText('Maand 3');
    await expect(mine).toHaveCount(1);
    await mine.getByRole('link').click();
    await expect(
      page.getByRole('heading', { level: 1, name: `Gegevens registreren · ${studyId}` }),
    ).toBeVisible();
    await shell.switchLanguage('English');
  });
  await test.step('no item for a participant who died: PUMP3-IJS-007 missed month 21, then died', async () => {
    // The synthetic demo (fixed seed): PUMP3-IJS-007 died in March 2025 with an unrecorded month-21 visit
    // from 2024, which the worklist used to list as overdue.
    await shell.navLink('Worklist').click();
    const pump = page.getByRole('region', { name: 'PUMP-III' });
    await expect(pump.getByRole('heading', { name: 'PUMP-III' })).toBeVisible();
    await expect(pump.getByRole('link', { name: /PUMP3-IJS-007$/ })).toHaveCount(0);
    await page.goto('/trials/pump-iii/participants/PUMP3-IJS-007');
    await expect(page.getByText(/^Died · /)).toBeVisible();
  });
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});
