// "Record data" for one participant (/trials/<trial>/participants/<study ID>/record): the record buttons,
// their dialogs, the saved records with Correct and Void, and the notice after each save.
import { expect, type Locator, type Page } from '@playwright/test';
import { answer, choose, named, typeDate, typeInto } from './forms';

export class RecordPage {
  readonly heading: Locator;
  readonly summary: Locator;
  readonly records: Locator;
  readonly notice: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /^(Record data|Gegevens registreren) · / });
    this.summary = page.getByRole('main').getByText(/^(Included|Geïncludeerd) /);
    this.records = page.getByRole('table', { name: /^(Saved records|Opgeslagen gegevens)/ });
    this.notice = page.getByRole('main').getByRole('status');
  }

  async goto(trialId: string, studyId: string): Promise<void> {
    await this.page.goto(`/trials/${trialId}/participants/${studyId}/record`);
    await expect(this.heading).toContainText(studyId);
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  field(dialog: Locator, label: string): Locator {
    return dialog.getByLabel(named(label));
  }

  /** Opens a record dialog by its button and returns it. */
  async open(button: string, title: string | RegExp): Promise<Locator> {
    await this.page.getByRole('button', { name: button, exact: true }).click();
    const dialog = this.dialog(title);
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Saves a dialog; it closes, and the notice says what happened. */
  async save(dialog: Locator, button = /^(Save|Opslaan)$/): Promise<void> {
    await dialog.getByRole('button', { name: button }).click();
    await expect(dialog).toBeHidden();
  }

  async recordSurgery(surgery: string, pump: string): Promise<void> {
    const dialog = await this.open('Surgery and pump', 'Surgery and pump');
    await typeDate(this.field(dialog, 'Surgery date'), surgery);
    await answer(dialog, 'Pump placed', 'Yes');
    await typeDate(this.field(dialog, 'Pump placement date'), pump);
    await this.save(dialog);
  }

  async recordCycle(
    cycle: number,
    values: { date: string; flow: string; dose: string; planned?: string },
  ): Promise<Locator> {
    const dialog = await this.open('Pump visit', `Pump visit · Cycle ${cycle}`);
    if (values.planned) await expect(dialog).toContainText(`Cycle ${cycle} is planned on ${values.planned}.`);
    await typeDate(this.field(dialog, 'Fill date (day 1)'), values.date);
    await typeInto(this.field(dialog, 'Flow rate (mL/day)'), values.flow);
    await typeInto(this.field(dialog, 'FUDR dose (mg)'), values.dose);
    await this.save(dialog);
    return dialog;
  }

  async recordAssessment(
    slot: RegExp,
    values: { date: string; cea: string; imaging: string },
  ): Promise<void> {
    const dialog = await this.open('Assessment', 'Assessment');
    await choose(this.page, this.field(dialog, 'Scheduled assessment'), slot);
    await answer(dialog, 'Result', 'Done');
    await typeDate(this.field(dialog, 'Date performed'), values.date);
    await typeInto(this.field(dialog, 'CEA (µg/L)'), values.cea);
    await choose(this.page, this.field(dialog, 'Imaging'), values.imaging);
    await this.save(dialog);
  }

  /** A saved record's row, by its record label ("Cycle 1", "Assessment month 1", "Recurrence"). */
  row(label: string): Locator {
    return this.records
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) });
  }

  /** Correct or Void on a saved record, by the record's name ("Cycle 1 (3 Aug 2026)"). */
  action(kind: 'Correct' | 'Void', what: string | RegExp): Locator {
    const name = typeof what === 'string' ? `${kind}: ${what}` : new RegExp(`^${kind}: ${what.source}`);
    return this.records.getByRole('button', { name });
  }
}
